#include "ledger/entry.h"

#include <gtest/gtest.h>

#include "core/ids.h"

namespace tranche::ledger {
namespace {

const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kConsumer[] = "con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

JournalEntry Capture(std::int64_t amount, std::int64_t fee) {
  return JournalEntry{"je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", "capture:cap_1", Reason::kCapture,
                      "cap_1", "", "", kNow,
                      {{{AccountType::kConsumerReceivable, Currency::kUSD, kConsumer}, amount},
                       {{AccountType::kMerchantPayable, Currency::kUSD, kMerchant}, -(amount - fee)},
                       {{AccountType::kMdrRevenue, Currency::kUSD, ""}, -fee}}};
}

TEST(EntryTest, BalancedEntryIsValid) { EXPECT_TRUE(ValidateEntry(Capture(10000, 359)).ok()); }

TEST(EntryTest, UnbalancedEntryIsRefused) {
  JournalEntry e = Capture(10000, 359);
  e.lines[2].amount_minor -= 1;
  const Status st = ValidateEntry(e);
  EXPECT_EQ(st.code(), "entry_unbalanced");
  EXPECT_NE(st.message().find("USD"), std::string::npos);
}

TEST(EntryTest, BalancesPerCurrency) {
  // 100 USD debit against 100 EUR credit sums to zero numerically but not per currency.
  JournalEntry e = Capture(100, 0);
  e.lines = {{{AccountType::kSettlementCash, Currency::kUSD, ""}, 100},
             {{AccountType::kSettlementCash, Currency::kEUR, ""}, -100}};
  EXPECT_EQ(ValidateEntry(e).code(), "entry_unbalanced");
  e.lines = {{{AccountType::kSettlementCash, Currency::kUSD, ""}, 100},
             {{AccountType::kSuspense, Currency::kUSD, ""}, -100},
             {{AccountType::kSettlementCash, Currency::kEUR, ""}, 90},
             {{AccountType::kSuspense, Currency::kEUR, ""}, -90}};
  EXPECT_TRUE(ValidateEntry(e).ok());
}

TEST(EntryTest, RefusesMalformedEntries) {
  JournalEntry one_line = Capture(100, 0);
  one_line.lines.resize(1);
  EXPECT_EQ(ValidateEntry(one_line).code(), "entry_too_few_lines");

  JournalEntry zero = Capture(100, 0);
  zero.lines[2].amount_minor = 0;
  EXPECT_EQ(ValidateEntry(zero).code(), "invalid_amount");

  JournalEntry huge = Capture(kMaxLineAmountMinor + 1, 1);
  EXPECT_EQ(ValidateEntry(huge).code(), "amount_too_large");

  JournalEntry dup = Capture(100, 0);
  dup.lines = {{{AccountType::kSuspense, Currency::kUSD, ""}, 100},
               {{AccountType::kSuspense, Currency::kUSD, ""}, -100}};
  EXPECT_EQ(ValidateEntry(dup).code(), "duplicate_account");

  JournalEntry no_owner = Capture(100, 0);
  no_owner.lines[0].account.owner = "";
  EXPECT_EQ(ValidateEntry(no_owner).code(), "invalid_account");

  JournalEntry no_link = Capture(100, 0);
  no_link.object_id = "";
  EXPECT_FALSE(ValidateEntry(no_link).ok());

  JournalEntry bad_id = Capture(100, 0);
  bad_id.id = "ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
  EXPECT_FALSE(ValidateEntry(bad_id).ok());

  JournalEntry too_many = Capture(100, 0);
  too_many.lines.clear();
  for (std::size_t i = 0; i < kMaxLinesPerEntry + 1; ++i) {
    too_many.lines.push_back({{AccountType::kSuspense, Currency::kUSD, ""}, 1});
  }
  EXPECT_EQ(ValidateEntry(too_many).code(), "list_too_long");
}

TEST(EntryTest, ReversalNegatesEveryLine) {
  const JournalEntry original = Capture(10000, 359);
  const JournalEntry r = MakeReversal(original, "je_01JDQ3V6W4X8Y2Z0ABCDEFGHJM", "rev:1", "oops", kNow);
  EXPECT_EQ(r.reason, Reason::kReversal);
  EXPECT_EQ(r.reverses, original.id);
  ASSERT_EQ(r.lines.size(), original.lines.size());
  for (std::size_t i = 0; i < r.lines.size(); ++i) {
    EXPECT_EQ(r.lines[i].account, original.lines[i].account);
    EXPECT_EQ(r.lines[i].amount_minor, -original.lines[i].amount_minor);
  }
  EXPECT_TRUE(ValidateEntry(r).ok());
}

TEST(EntryTest, EveryReasonAndAccountTypeRoundTripsByName) {
  for (Reason r : kAllReasons) EXPECT_EQ(ParseReason(ReasonName(r)), r);
  EXPECT_EQ(std::size(kAllReasons), static_cast<std::size_t>(Reason::kMerchantWriteOff) + 1);
  for (AccountType t : kAllAccountTypes) EXPECT_EQ(ParseAccountType(AccountTypeName(t)), t);
  EXPECT_EQ(std::size(kAllAccountTypes), static_cast<std::size_t>(AccountType::kMerchantLossExpense) + 1);
  EXPECT_FALSE(ParseReason("bonus"));
}

TEST(AccountTest, IdsRoundTrip) {
  const AccountRef ref{AccountType::kMerchantPayable, Currency::kSEK, kMerchant};
  const std::string id = AccountId(ref);
  EXPECT_EQ(id, std::string("merchant_payable:SEK:") + kMerchant);
  auto parsed = ParseAccountId(id);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, ref);
  EXPECT_EQ(AccountId({AccountType::kMdrRevenue, Currency::kUSD, ""}), "mdr_revenue:USD");
}

TEST(AccountTest, RefusesMalformedIds) {
  for (const char* bad : {"", "suspense", "suspense:XXX", "nosuch:USD", "mdr_revenue:USD:mer_x",
                          "merchant_payable:USD", "merchant_payable:USD:con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK",
                          "consumer_receivable:USD:con_bad"}) {
    EXPECT_FALSE(ParseAccountId(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace tranche::ledger
