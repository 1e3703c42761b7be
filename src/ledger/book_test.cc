#include "ledger/book.h"

#include <gtest/gtest.h>

#include "core/ids.h"
#include "ledger/posting.h"

namespace tranche::ledger {
namespace {

const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");

class BookTest : public ::testing::Test {
 protected:
  JournalEntry Entry(std::int64_t amount, const std::string& key) {
    return JournalEntry{ids_.Next("je"), key, Reason::kManualAdjustment, "opr_1", "", "", kNow,
                        {{{AccountType::kSettlementCash, Currency::kUSD, ""}, amount},
                         {{AccountType::kSuspense, Currency::kUSD, ""}, -amount}}};
  }
  std::int64_t Balance(const std::string& id) {
    auto a = book_.GetAccount(id);
    return a.ok() && a->has_value() ? (*a)->balance_minor() : 0;
  }

  SimulatedClock clock_{kNow};
  SeededRandom random_{1};
  IdGenerator ids_{clock_, random_};
  Book book_;
};

TEST_F(BookTest, PostsAndMaintainsBalances) {
  ASSERT_TRUE(Post(book_, Entry(500, "a")).ok());
  ASSERT_TRUE(Post(book_, Entry(250, "b")).ok());
  EXPECT_EQ(Balance("settlement_cash:USD"), 750);
  EXPECT_EQ(Balance("suspense:USD"), -750);
  auto report = Verify(book_);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
}

TEST_F(BookTest, UnbalancedEntryChangesNothing) {
  JournalEntry e = Entry(500, "a");
  e.lines[0].amount_minor = 501;
  EXPECT_EQ(Post(book_, e).status().code(), "entry_unbalanced");
  EXPECT_EQ(*book_.CountEntries(), 0);
  EXPECT_TRUE(book_.ListAccounts()->empty());
}

TEST_F(BookTest, SamePostingKeyReplays) {
  const JournalEntry e = Entry(500, "capture:cap_1");
  auto first = Post(book_, e);
  auto again = Post(book_, e);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_FALSE(first->replayed);
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(*book_.CountEntries(), 1);
  EXPECT_EQ(Post(book_, Entry(7, "capture:cap_1")).status().code(), "posting_key_reused");
}

TEST_F(BookTest, ReversalRestoresBalancesOnce) {
  const JournalEntry e = Entry(500, "a");
  ASSERT_TRUE(Post(book_, e).ok());
  auto r = Reverse(book_, e.id, ids_.Next("je"), "rev:a", "mistake", kNow);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Balance("settlement_cash:USD"), 0);
  EXPECT_EQ(Balance("suspense:USD"), 0);
  // Both entries stay: entries are never removed.
  EXPECT_EQ(*book_.CountEntries(), 2);
  EXPECT_EQ(Reverse(book_, e.id, ids_.Next("je"), "rev:a2", "again", kNow).status().code(),
            "entry_already_reversed");
  EXPECT_EQ(Reverse(book_, r->entry.id, ids_.Next("je"), "rev:r", "undo", kNow).status().code(),
            "cannot_reverse_reversal");
  EXPECT_EQ(Reverse(book_, "je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", ids_.Next("je"), "x", "x", kNow)
                .status().code(), "entry_not_found");
}

TEST_F(BookTest, ForgedReversalIsRefused) {
  const JournalEntry e = Entry(500, "a");
  ASSERT_TRUE(Post(book_, e).ok());
  JournalEntry forged = MakeReversal(e, ids_.Next("je"), "rev", "", kNow);
  forged.lines[0].amount_minor = -400;
  forged.lines[1].amount_minor = 400;
  EXPECT_EQ(Post(book_, forged).status().code(), "invalid_reversal");
}

TEST_F(BookTest, TrialBalanceGroupsByCurrencyAndType) {
  ASSERT_TRUE(Post(book_, Entry(500, "a")).ok());
  JournalEntry eur = Entry(300, "b");
  for (auto& l : eur.lines) l.account.currency = Currency::kEUR;
  ASSERT_TRUE(Post(book_, eur).ok());
  const auto tb = *TrialBalance(*book_.SumByType());
  ASSERT_EQ(tb.size(), 2u);
  for (const auto& c : tb) {
    EXPECT_EQ(c.net_minor(), 0);
    EXPECT_EQ(c.types.size(), 2u);
  }
}

TEST(TrialBalanceTest, RefusesOverflowingTotals) {
  std::vector<TypeTotal> totals = {
      {Currency::kUSD, AccountType::kSettlementCash, INT64_MAX, 0, 1},
      {Currency::kUSD, AccountType::kSuspense, 1, 0, 1}};
  EXPECT_EQ(TrialBalance(totals).status().category(), StatusCategory::kInternal);
}

TEST_F(BookTest, AccountLinesPageInPostingOrder) {
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(Post(book_, Entry(i, "k" + std::to_string(i))).ok());
  auto page1 = book_.ListAccountLines("suspense:USD", 0, 2);
  ASSERT_EQ(page1->size(), 2u);
  EXPECT_EQ((*page1)[0].amount_minor, -1);
  auto page2 = book_.ListAccountLines("suspense:USD", page1->back().seq, 10);
  ASSERT_EQ(page2->size(), 3u);
  EXPECT_EQ((*page2)[0].amount_minor, -3);
}

}  // namespace
}  // namespace tranche::ledger
