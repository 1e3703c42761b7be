#include "checkout/postings.h"

#include <gtest/gtest.h>

#include "ledger/book.h"
#include "ledger/posting.h"

namespace tranche::checkout {
namespace {

constexpr char kConsumer[] = "con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }

PostingContext Ctx(const char* entry_id, const char* object_id) {
  return {entry_id, object_id, kConsumer, kMerchant, *ParseRfc3339("2026-11-26T10:00:00Z")};
}

std::int64_t Balance(ledger::Book& book, const std::string& id) {
  auto a = book.GetAccount(id);
  return a.ok() && a->has_value() ? (*a)->balance_minor() : 0;
}

TEST(PostingsTest, MerchantDiscountIsRateRoundedHalfUpPlusFixedFee) {
  const merchants::Pricing defaults;  // 3.29 % + 0.30
  EXPECT_EQ(MerchantDiscount(Usd(10000), defaults), Usd(329 + 30));
  EXPECT_EQ(MerchantDiscount(Usd(12999), defaults), Usd(428 + 30));  // 427.67 → 428
  EXPECT_EQ(MerchantDiscount(Usd(15), defaults), Usd(15));           // never above the capture
  EXPECT_EQ(MerchantDiscount(Usd(10000), merchants::Pricing{0, 0}), Usd(0));
}

TEST(PostingsTest, CaptureThenRefundBalancesAndLandsInTheRightAccounts) {
  ledger::Book book;
  const auto capture = CaptureEntry(Ctx("je_01JDQ3V6W4X8Y2Z0ABCDEFGHJ0", "cap_1"), Usd(10000),
                                    merchants::Pricing{});
  ASSERT_TRUE(ledger::Post(book, capture).ok());
  const std::string receivable = std::string("consumer_receivable:USD:") + kConsumer;
  const std::string payable = std::string("merchant_payable:USD:") + kMerchant;
  EXPECT_EQ(Balance(book, receivable), 10000);
  EXPECT_EQ(Balance(book, payable), -(10000 - 359));
  EXPECT_EQ(Balance(book, "mdr_revenue:USD"), -359);

  // 25.00 paid already (not posted here); refund 80.00: 75.00 off the plan, 5.00 back.
  const std::vector<lending::InstallmentBalance> plan = {
      {Usd(2500), Usd(2500)}, {Usd(2500), Usd(0)}, {Usd(2500), Usd(0)}, {Usd(2500), Usd(0)}};
  const auto allocation = *lending::AllocateRefund(plan, Usd(8000));
  const auto refund = RefundEntry(Ctx("je_01JDQ3V6W4X8Y2Z0ABCDEFGHJ1", "rfd_1"), Usd(8000), allocation, 0);
  ASSERT_TRUE(ledger::Post(book, refund).ok());
  EXPECT_EQ(Balance(book, payable), -(10000 - 359) + 8000);
  EXPECT_EQ(Balance(book, receivable), 10000 - 7500);
  EXPECT_EQ(Balance(book, std::string("consumer_refunds_payable:USD:") + kConsumer), -500);
  auto report = ledger::Verify(book);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
}

TEST(PostingsTest, PartsThatRoundToNothingAreLeftOut) {
  const auto tiny = CaptureEntry(Ctx("je_01JDQ3V6W4X8Y2Z0ABCDEFGHJ2", "cap_2"), Usd(15),
                                 merchants::Pricing{});
  EXPECT_EQ(tiny.lines.size(), 2u);  // the whole capture is fee: no payable line
  EXPECT_TRUE(ledger::ValidateEntry(tiny).ok());
  const lending::RefundAllocation all_off_plan{{Usd(0), Usd(1000)}, Usd(0), true};
  const auto refund = RefundEntry(Ctx("je_01JDQ3V6W4X8Y2Z0ABCDEFGHJ3", "rfd_2"), Usd(1000), all_off_plan, 0);
  EXPECT_EQ(refund.lines.size(), 2u);
  EXPECT_TRUE(ledger::ValidateEntry(refund).ok());
}

}  // namespace
}  // namespace tranche::checkout
