#include "recon/exception_queue.h"

#include <gtest/gtest.h>

#include "ledger/account.h"

namespace tranche::recon {
namespace {

const Instant kNow = *ParseRfc3339("2026-03-03T09:00:00Z");
const std::string kEntryId = "je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

ExceptionRecord Open(ExceptionKind kind, LineKind line_kind, std::int64_t expected, std::int64_t actual) {
  ExceptionRecord r;
  r.id = "rex_1";
  r.exception = {kind, "col_1", line_kind, *ParseDate("2026-03-02"), Currency::kSEK, expected, actual};
  r.created_at = kNow;
  return r;
}

std::int64_t LineOf(const ledger::JournalEntry& e, ledger::AccountType type) {
  for (const ledger::Line& l : e.lines) {
    if (l.account.type == type) return l.amount_minor;
  }
  return 0;
}

TEST(ExceptionQueue, ClaimIsHeldByOneOperatorUntilResolved) {
  auto claimed = Claim(Open(ExceptionKind::kMissing, LineKind::kCollection, 500, 0), "opr_a", kNow);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed->claimed_by, "opr_a");
  EXPECT_TRUE(Claim(*claimed, "opr_a", kNow).ok());  // claiming again changes nothing
  EXPECT_EQ(Claim(*claimed, "opr_b", kNow).status().code(), "exception_claimed");
  EXPECT_EQ(Resolve(*claimed, "opr_b", Resolution::kNoAdjustment, "found it", kNow).status().code(),
            "exception_claimed");
  auto resolved = Resolve(*claimed, "opr_a", Resolution::kNoAdjustment, "processor corrected it", kNow);
  ASSERT_TRUE(resolved.ok());
  EXPECT_TRUE(resolved->resolved());
  EXPECT_EQ(resolved->resolved_by, "opr_a");
  EXPECT_EQ(Resolve(*resolved, "opr_a", Resolution::kWriteOff, "again", kNow).status().code(), "exception_resolved");
  EXPECT_EQ(Claim(*resolved, "opr_a", kNow).status().code(), "exception_resolved");
}

TEST(ExceptionQueue, ResolvingNeedsAReasonAndNeverWritesOffAnUnknownReference) {
  const ExceptionRecord unknown = Open(ExceptionKind::kUnknownReference, LineKind::kCollection, 0, 700);
  EXPECT_EQ(Resolve(unknown, "opr_a", Resolution::kNoAdjustment, "", kNow).status().param(), "note");
  EXPECT_EQ(Resolve(unknown, "opr_a", Resolution::kNoAdjustment, std::string(501, 'x'), kNow).status().param(), "note");
  EXPECT_EQ(Resolve(unknown, "opr_a", Resolution::kWriteOff, "lost", kNow).status().param(), "resolution");
  auto ok = Resolve(unknown, "opr_a", Resolution::kNoAdjustment, "a payment for another lender", kNow);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->claimed_by, "opr_a");  // resolving unclaimed claims it
}

// A write-off brings the cash account to what the file says, against processing expense.
TEST(ExceptionQueue, WriteOffMovesCashByTheDifference) {
  struct Case {
    ExceptionKind kind;
    LineKind line_kind;
    std::int64_t expected, actual;
    ledger::AccountType cash;
    std::int64_t cash_minor;
  } cases[] = {
      {ExceptionKind::kAmountMismatch, LineKind::kCollection, 10'000, 9'000, ledger::AccountType::kCollectionsCash, -1'000},
      {ExceptionKind::kAmountMismatch, LineKind::kCollection, 10'000, 10'400, ledger::AccountType::kCollectionsCash, 400},
      {ExceptionKind::kMissing, LineKind::kCollection, 2'500, 0, ledger::AccountType::kCollectionsCash, -2'500},
      {ExceptionKind::kAmountMismatch, LineKind::kRefund, 3'000, 3'300, ledger::AccountType::kCollectionsCash, -300},
      {ExceptionKind::kAmountMismatch, LineKind::kPayout, 8'000, 7'000, ledger::AccountType::kSettlementCash, 1'000},
      {ExceptionKind::kMissing, LineKind::kPayout, 8'000, 0, ledger::AccountType::kSettlementCash, 8'000},
  };
  for (const Case& c : cases) {
    auto r = Resolve(Open(c.kind, c.line_kind, c.expected, c.actual), "opr_a", Resolution::kWriteOff, "accepted", kNow);
    ASSERT_TRUE(r.ok());
    const ledger::JournalEntry e = WriteOffEntry(*r, kEntryId);
    ASSERT_TRUE(ledger::ValidateEntry(e).ok()) << ExceptionKindName(c.kind);
    EXPECT_EQ(e.reason, ledger::Reason::kReconciliation);
    EXPECT_EQ(e.posting_key, "reconciliation_write_off:rex_1");
    EXPECT_EQ(LineOf(e, c.cash), c.cash_minor) << ExceptionKindName(c.kind) << " " << LineKindName(c.line_kind);
    EXPECT_EQ(LineOf(e, ledger::AccountType::kProcessingExpense), -c.cash_minor);
  }
}

TEST(ExceptionQueue, TheRulesEntryPostsFeesAsProcessingExpense) {
  CashAdjustment adj;
  adj.fees_minor = 57;
  adj.collections_cash_minor = 20;  // a difference within tolerance: more came in
  const ledger::JournalEntry e = AdjustmentEntry(kEntryId, "k", "settlement_file:2026-03-02", "rule", kNow,
                                                 Currency::kSEK, adj);
  ASSERT_TRUE(ledger::ValidateEntry(e).ok());
  EXPECT_EQ(LineOf(e, ledger::AccountType::kCollectionsCash), -37);
  EXPECT_EQ(LineOf(e, ledger::AccountType::kProcessingExpense), 37);
  EXPECT_TRUE(AdjustmentEntry(kEntryId, "k", "o", "m", kNow, Currency::kSEK, CashAdjustment{}).lines.empty());
}

}  // namespace
}  // namespace tranche::recon
