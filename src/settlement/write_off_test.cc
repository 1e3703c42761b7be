#include "settlement/write_off.h"

#include <gtest/gtest.h>

#include "settlement/settlement.h"

namespace tranche::settlement {
namespace {

const Instant kAt = *ParseRfc3339("2026-03-10T12:00:00Z");
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kWriteOff[] = "mwo_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kEntry[] = "je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

Money Usd(std::int64_t minor) { return Money(minor, Currency::kUSD); }

DebtWriteOff WriteOff(std::int64_t minor) {
  return {kWriteOff, kMerchant, Usd(minor), kEntry, "opr_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", "the merchant is insolvent", kAt};
}

TEST(WriteOffTest, OnlyWhatTheMerchantOwesMayBeWrittenOff) {
  EXPECT_TRUE(CheckWriteOff(Usd(10000), Usd(10000)).ok());
  EXPECT_TRUE(CheckWriteOff(Usd(10000), Usd(1)).ok());  // part of it
  const Status more = CheckWriteOff(Usd(10000), Usd(10001));
  EXPECT_EQ(more.category(), StatusCategory::kBusinessRule);
  EXPECT_EQ(more.code(), "write_off_exceeds_debt");
  // A payable in credit is what the lender owes the merchant, not a debt.
  for (std::int64_t balance : {0, -1, -10000}) {
    const Status none = CheckWriteOff(Usd(balance), Usd(1));
    EXPECT_EQ(none.category(), StatusCategory::kBusinessRule);
    EXPECT_EQ(none.code(), "no_debt");
  }
}

TEST(WriteOffTest, TheEntryMovesTheDebtToMerchantLossExpense) {
  const ledger::JournalEntry e = WriteOffEntry(WriteOff(2500));
  EXPECT_EQ(e.id, kEntry);
  EXPECT_EQ(e.posting_key, std::string("merchant_write_off:") + kWriteOff);
  EXPECT_EQ(e.reason, ledger::Reason::kMerchantWriteOff);
  EXPECT_EQ(e.object_id, kWriteOff);
  EXPECT_EQ(e.memo, "the merchant is insolvent");
  EXPECT_EQ(e.posted_at, kAt);
  ASSERT_EQ(e.lines.size(), 2u);
  EXPECT_EQ(e.lines[0], (ledger::Line{{ledger::AccountType::kMerchantLossExpense, Currency::kUSD, ""}, 2500}));
  EXPECT_EQ(e.lines[1], (ledger::Line{{ledger::AccountType::kMerchantPayable, Currency::kUSD, kMerchant}, -2500}));
  EXPECT_TRUE(ledger::ValidateEntry(e).ok());
}

// The settlement after a write-off of the whole carried debt nets to zero: the debt
// comes in, the write-off goes out as an adjustment.
TEST(WriteOffTest, TheNextSettlementNetsTheCarriedDebtAway) {
  const ledger::JournalEntry e = WriteOffEntry(WriteOff(10000));
  const Movement m{42, e.id, e.reason, e.object_id, Usd(e.lines[1].amount_minor), Usd(0), e.posted_at};
  const Date d{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}};
  const Settlement s = BuildSettlement("stl_2", kMerchant, d, Usd(-10000), 41, {m}, kAt);
  EXPECT_EQ(s.adjustments.minor(), 10000);
  EXPECT_EQ(s.net.minor(), 0);
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].kind, LineKind::kAdjustment);
  EXPECT_EQ(s.lines[0].object_id, kWriteOff);
}

}  // namespace
}  // namespace tranche::settlement
