#include "lending/refund.h"

#include <gtest/gtest.h>

namespace tranche::lending {
namespace {

Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }

// A 100.00 pay-in-4 plan with the first instalment paid.
std::vector<InstallmentBalance> Plan() {
  return {{Usd(2500), Usd(2500)}, {Usd(2500), Usd(0)}, {Usd(2500), Usd(0)}, {Usd(2500), Usd(0)}};
}

TEST(RefundTest, ReducesFromTheLastInstalmentBackwards) {
  auto a = AllocateRefund(Plan(), Usd(3000));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->reductions, (std::vector<Money>{Usd(0), Usd(0), Usd(500), Usd(2500)}));
  EXPECT_EQ(a->to_consumer, Usd(0));
  EXPECT_FALSE(a->plan_settled);
}

TEST(RefundTest, ExcessOverWhatIsOwedGoesBackToTheConsumer) {
  auto a = AllocateRefund(Plan(), Usd(10000));  // full refund after one payment
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->reductions, (std::vector<Money>{Usd(0), Usd(2500), Usd(2500), Usd(2500)}));
  EXPECT_EQ(a->to_consumer, Usd(2500));
  EXPECT_TRUE(a->plan_settled);
}

TEST(RefundTest, PartlyPaidInstalmentsAreReducedByWhatIsStillOwed) {
  std::vector<InstallmentBalance> plan = {{Usd(2500), Usd(2500)}, {Usd(2500), Usd(1000)},
                                          {Usd(2500), Usd(2500)}, {Usd(2500), Usd(0)}};
  auto a = AllocateRefund(plan, Usd(3000));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->reductions, (std::vector<Money>{Usd(0), Usd(500), Usd(0), Usd(2500)}));
  EXPECT_EQ(a->to_consumer, Usd(0));
}

TEST(RefundTest, RefusesBadInput) {
  EXPECT_FALSE(AllocateRefund(Plan(), Usd(0)).ok());
  EXPECT_FALSE(AllocateRefund(Plan(), Money(100, Currency::kEUR)).ok());
  EXPECT_FALSE(AllocateRefund({{Usd(100), Usd(101)}}, Usd(1)).ok());
}

// Conservation: reductions plus the excess always equal the refund.
TEST(RefundTest, MoneyIsConserved) {
  for (std::int64_t refund = 1; refund <= 12000; refund += 137) {
    auto a = AllocateRefund(Plan(), Usd(refund));
    ASSERT_TRUE(a.ok());
    std::int64_t sum = a->to_consumer.minor();
    for (Money m : a->reductions) sum += m.minor();
    EXPECT_EQ(sum, refund);
  }
}

}  // namespace
}  // namespace tranche::lending
