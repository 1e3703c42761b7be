#include "lending/plan.h"

#include <gtest/gtest.h>

namespace tranche::lending {
namespace {

Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }
constexpr Date kCapture{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}};

Plan PlanOf(ProductKind kind, std::int64_t amount_minor, std::int64_t apr_bps = 0) {
  auto s = BuildSchedule(kind, Usd(amount_minor), kCapture, apr_bps);
  TRANCHE_ASSERT(s.ok());
  return MakePlan("pln_1", *s, Instant{});
}

TEST(PlanTest, StartsFromTheScheduleWithNothingPaid) {
  const Plan p = PlanOf(ProductKind::kPayIn4, 10001);
  ASSERT_EQ(p.installments.size(), 4u);
  EXPECT_EQ(p.installments[0].principal, Usd(2501));  // leftover cent goes first
  EXPECT_EQ(p.installments[3].due_date, AddDays(kCapture, 42));
  EXPECT_EQ(OutstandingPrincipal(p), Usd(10001));
  EXPECT_EQ(Outstanding(p), Usd(10001));
  EXPECT_EQ(p.status, PlanStatus::kActive);
}

TEST(PlanTest, FinancingOwesInterestButReceivableIsPrincipal) {
  const Plan p = PlanOf(ProductKind::kFinancing12, 120000, 1999);
  EXPECT_EQ(OutstandingPrincipal(p), Usd(120000));
  EXPECT_GT(Outstanding(p).minor(), 120000);
}

TEST(PlanTest, InstalmentStatusFollowsDueDateAndPayments) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(StatusOn(p.installments[0], kCapture), InstallmentStatus::kScheduled);
  EXPECT_EQ(StatusOn(p.installments[0], AddDays(kCapture, 1)), InstallmentStatus::kOverdue);
  EXPECT_TRUE(HasOverdue(p, AddDays(kCapture, 1)));
  EXPECT_FALSE(HasOverdue(p, kCapture));
  p.installments[0].paid = Usd(2500);
  EXPECT_EQ(StatusOn(p.installments[0], AddDays(kCapture, 1)), InstallmentStatus::kPaid);
  EXPECT_FALSE(HasOverdue(p, AddDays(kCapture, 1)));
}

TEST(PlanTest, RefundTakesTheNewestPlansLastInstalmentsFirst) {
  const std::vector<Plan> plans = {PlanOf(ProductKind::kPayIn4, 4000),
                                   PlanOf(ProductKind::kPayIn4, 2000)};
  auto a = AllocateOrderRefund(plans, Usd(2700));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->reductions.size(), 2u);
  EXPECT_EQ(a->reductions[1], (std::vector<Money>{Usd(500), Usd(500), Usd(500), Usd(500)}));
  EXPECT_EQ(a->reductions[0], (std::vector<Money>{Usd(0), Usd(0), Usd(0), Usd(700)}));
  EXPECT_EQ(a->to_consumer, Usd(0));
  const Plan newest = ApplyReductions(plans[1], a->reductions[1]);
  EXPECT_EQ(newest.status, PlanStatus::kClosed);  // refunded in full
  EXPECT_EQ(StatusOn(newest.installments[0], kCapture), InstallmentStatus::kRefunded);
  const Plan oldest = ApplyReductions(plans[0], a->reductions[0]);
  EXPECT_EQ(oldest.status, PlanStatus::kActive);
  EXPECT_EQ(OutstandingPrincipal(oldest), Usd(3300));
}

TEST(PlanTest, RefundBeyondWhatIsOwedGoesToTheConsumer) {
  Plan p = PlanOf(ProductKind::kPayIn4, 4000);
  p.installments[0].paid = Usd(1000);
  auto a = AllocateOrderRefund({p}, Usd(4000));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->to_consumer, Usd(1000));
  const Plan after = ApplyReductions(p, a->reductions[0]);
  EXPECT_EQ(after.status, PlanStatus::kClosed);
  EXPECT_EQ(after.installments[0].paid, Usd(1000));  // paid stays paid
  EXPECT_EQ(OutstandingPrincipal(after), Usd(0));
}

TEST(PlanTest, FinancingRefundShrinksInterestWithPrincipal) {
  const Plan p = PlanOf(ProductKind::kFinancing6, 60000, 1200);
  const PlanInstallment last = p.installments.back();
  std::vector<Money> cut(6, Usd(0));
  cut[5] = Money(last.principal.minor() / 2, Currency::kUSD);
  const Plan after = ApplyReductions(p, cut);
  const PlanInstallment& now = after.installments.back();
  EXPECT_EQ(now.principal.minor(), last.principal.minor() - cut[5].minor());
  EXPECT_EQ(now.interest.minor(), last.interest.minor() * now.principal.minor() / last.principal.minor());
  EXPECT_EQ(after.installments[0].amount(), p.installments[0].amount());  // untouched
  // Cutting all principal leaves no interest either: the plan closes.
  std::vector<Money> all;
  for (const auto& i : p.installments) all.push_back(i.principal);
  EXPECT_EQ(ApplyReductions(p, all).status, PlanStatus::kClosed);
}

TEST(PlanTest, RefusesRefundsInAnotherCurrencyOrNotPositive) {
  const std::vector<Plan> plans = {PlanOf(ProductKind::kPayIn30, 5000)};
  EXPECT_FALSE(AllocateOrderRefund(plans, Money(100, Currency::kEUR)).ok());
  EXPECT_FALSE(AllocateOrderRefund(plans, Usd(0)).ok());
}

}  // namespace
}  // namespace tranche::lending
