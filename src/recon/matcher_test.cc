#include "recon/matcher.h"

#include <gtest/gtest.h>

namespace tranche::recon {
namespace {

const Date kDay = *ParseDate("2026-03-02");
const Date kNext = AddDays(kDay, 1);

Expected Exp(std::string ref, std::int64_t minor, LineKind kind = LineKind::kCollection, Date d = kDay) {
  return {std::move(ref), kind, Money(minor, Currency::kSEK), d};
}
FileLine Line(std::string ref, std::int64_t minor, std::int64_t fee = 0, LineKind kind = LineKind::kCollection) {
  return {kDay, "pr_" + ref, std::move(ref), kind, Money(minor, Currency::kSEK), fee};
}

TEST(Matcher, ExactLinesMatchAndTheirFeesArePosted) {
  MatchState state;
  const DayResult r = Reconcile(kDay, {Exp("col_1", 10'000), Exp("col_2", 5'000)},
                                {Line("col_1", 10'000, 35), Line("col_2", 5'000, 22)}, {}, {}, state);
  EXPECT_EQ(r.matched, 2);
  EXPECT_TRUE(r.exceptions.empty());
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).fees_minor, 57);
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).collections_cash_minor, 0);
  EXPECT_TRUE(state.awaiting.empty());
}

TEST(Matcher, ALateLineMatchesTheNextDay) {
  MatchState state;
  const DayResult first = Reconcile(kDay, {Exp("col_1", 10'000)}, {}, {}, {}, state);
  EXPECT_TRUE(first.exceptions.empty());  // one day of grace
  EXPECT_EQ(state.awaiting.size(), 1u);
  const DayResult second = Reconcile(kNext, {}, {Line("col_1", 10'000)}, {}, {}, state);
  EXPECT_EQ(second.matched_late, 1);
  EXPECT_TRUE(second.exceptions.empty());
  EXPECT_TRUE(state.awaiting.empty());
}

TEST(Matcher, AMissingLineBecomesAnExceptionAfterTheGraceDay) {
  MatchState state;
  Reconcile(kDay, {Exp("col_1", 10'000)}, {}, {}, {}, state);
  const DayResult r = Reconcile(kNext, {}, {}, {}, {}, state);
  ASSERT_EQ(r.exceptions.size(), 1u);
  EXPECT_EQ(r.exceptions[0].kind, ExceptionKind::kMissing);
  EXPECT_EQ(r.exceptions[0].open_minor(), 10'000);
  EXPECT_TRUE(state.awaiting.empty());
}

TEST(Matcher, DuplicatesAreIgnoredTheSameDayAndLater) {
  MatchState state;
  const DayResult r = Reconcile(kDay, {Exp("col_1", 10'000)}, {Line("col_1", 10'000, 30), Line("col_1", 10'000, 30)},
                                {}, {}, state);
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(r.duplicates, 1);
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).fees_minor, 30);  // one fee, not two
  const DayResult later = Reconcile(kNext, {}, {Line("col_1", 10'000, 30)}, {}, {}, state);
  EXPECT_EQ(later.duplicates, 1);
  EXPECT_TRUE(later.exceptions.empty());
}

TEST(Matcher, SmallDifferencesAreWrittenOffLargeOnesQueued) {
  MatchState state;
  const DayResult r = Reconcile(kDay, {Exp("col_1", 10'000), Exp("col_2", 10'000), Exp("po_1", 7'000, LineKind::kPayout)},
                                {Line("col_1", 9'950), Line("col_2", 8'000), Line("po_1", 7'040, 0, LineKind::kPayout)},
                                {}, MatchRules{100}, state);
  EXPECT_EQ(r.written_off, 2);
  // 50 less collected; 40 more paid out: both less cash than the ledger says.
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).collections_cash_minor, -50);
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).settlement_cash_minor, -40);
  ASSERT_EQ(r.exceptions.size(), 1u);
  EXPECT_EQ(r.exceptions[0].kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(r.exceptions[0].reference, "col_2");
  EXPECT_EQ(r.exceptions[0].open_minor(), 2'000);
}

TEST(Matcher, UnknownReferencesAreExceptions) {
  MatchState state;
  const DayResult r = Reconcile(kDay, {}, {Line("ext_9", 1'234)}, {}, {}, state);
  ASSERT_EQ(r.exceptions.size(), 1u);
  EXPECT_EQ(r.exceptions[0].kind, ExceptionKind::kUnknownReference);
  EXPECT_EQ(r.exceptions[0].open_minor(), 1'234);
  // Another kind under a known reference is not a match either.
  MatchState other;
  const DayResult k = Reconcile(kDay, {Exp("crf_1", 500, LineKind::kRefund)}, {Line("crf_1", 500)}, {}, {}, other);
  ASSERT_EQ(k.exceptions.size(), 1u);
  EXPECT_EQ(k.exceptions[0].kind, ExceptionKind::kUnknownReference);
}

TEST(Matcher, RecentReferencesAreForgottenAfterTheWindow) {
  MatchState state;
  Reconcile(kDay, {Exp("col_1", 100)}, {Line("col_1", 100)}, {}, {}, state);
  Reconcile(AddDays(kDay, kDuplicateWindowDays), {}, {}, {}, {}, state);
  EXPECT_TRUE(state.matched.empty());
}

// Processors repeat chargeback lines weeks apart; the one chargeback is posted once and
// the repeats, accepted or queued, are duplicates until kChargebackMemoryDays pass.
TEST(Matcher, AChargebackSentAgainWeeksLaterIsStillADuplicate) {
  MatchState state;
  const FileLine accepted = Line("col_1", 4'000, 150, LineKind::kChargeback);
  const FileLine too_much = Line("col_2", 3'001, 150, LineKind::kChargeback);
  const DayResult first =
      Reconcile(kDay, {}, {accepted, too_much},
                {{"col_1", {Money(10'000, Currency::kSEK), false, "ord_1", 10'000}},
                 {"col_2", {Money(3'000, Currency::kSEK), false, "ord_2", 3'000}}},
                {}, state);
  ASSERT_EQ(first.chargebacks.size(), 1u);
  ASSERT_EQ(first.exceptions.size(), 1u);
  // Weeks later the ledger holds the posted chargeback; the same lines come again.
  const ChargeableCollections later = {{"col_1", {Money(10'000, Currency::kSEK), true, "ord_1", 6'000}},
                                       {"col_2", {Money(3'000, Currency::kSEK), false, "ord_2", 3'000}}};
  const DayResult again = Reconcile(AddDays(kDay, 30), {}, {accepted, too_much}, later, {}, state);
  EXPECT_EQ(again.duplicates, 2);
  EXPECT_TRUE(again.chargebacks.empty());
  EXPECT_TRUE(again.exceptions.empty());
  // Past the memory (a day's run forgets what it saw that long ago), a repeat is a line
  // nobody can explain alone: a person looks.
  Reconcile(AddDays(kDay, kChargebackMemoryDays), {}, {}, later, {}, state);
  EXPECT_TRUE(state.matched.empty());
  const DayResult much_later =
      Reconcile(AddDays(kDay, kChargebackMemoryDays + 1), {}, {accepted}, later, {}, state);
  EXPECT_EQ(much_later.duplicates, 0);
  ASSERT_EQ(much_later.exceptions.size(), 1u);
  EXPECT_EQ(much_later.exceptions[0].expected_minor, 0);
}

TEST(Matcher, ChargebacksOfCollectionsAreAcceptedOnceAndOthersQueued) {
  MatchState state;
  // col_1 was matched today; its cardholder's issuer takes part of it back the same day.
  const ChargeableCollections chargeable = {{"col_1", {Money(10'000, Currency::kSEK), false, "ord_1", 10'000}},
                                            {"col_2", {Money(3'000, Currency::kSEK), false, "ord_2", 3'000}},
                                            {"col_3", {Money(3'000, Currency::kSEK), true, "ord_3", 0}},
                                            {"col_4", {Money(3'000, Currency::kEUR), false, "ord_4", 3'000}}};
  FileLine second = Line("col_1", 1'000, 150, LineKind::kChargeback);
  second.processor_ref = "pr_col_1_again";
  const DayResult r =
      Reconcile(kDay, {Exp("col_1", 10'000)},
                {Line("col_1", 10'000, 25), Line("col_1", 4'000, 150, LineKind::kChargeback),
                 Line("col_1", 4'000, 150, LineKind::kChargeback),   // the same line again
                 second,                                             // a second chargeback of it
                 Line("col_2", 3'001, 150, LineKind::kChargeback),   // more than it took
                 Line("col_2", 3'001, 150, LineKind::kChargeback),   // ... sent again
                 Line("col_3", 3'000, 150, LineKind::kChargeback),   // charged back before
                 Line("col_4", 3'000, 150, LineKind::kChargeback),   // another currency
                 Line("col_9", 3'000, 150, LineKind::kChargeback)},  // not ours
                chargeable, {}, state);
  EXPECT_EQ(r.lines, 9);
  EXPECT_EQ(r.matched, 1);
  ASSERT_EQ(r.chargebacks.size(), 1u);
  EXPECT_EQ(r.chargebacks[0].reference, "col_1");
  EXPECT_EQ(r.chargebacks[0].amount, Money(4'000, Currency::kSEK));
  EXPECT_EQ(r.duplicates, 2);
  // The collection's fee and the accepted chargeback's; a queued line's fee waits with it.
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).fees_minor, 175);
  EXPECT_EQ(r.adjustments.at(Currency::kSEK).collections_cash_minor, 0);
  ASSERT_EQ(r.exceptions.size(), 5u);
  // A collection is charged back once: what is left to take back is nothing.
  EXPECT_EQ(r.exceptions[0].kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(r.exceptions[0].reference, "col_1");
  EXPECT_EQ(r.exceptions[0].expected_minor, 0);
  EXPECT_EQ(r.exceptions[0].open_minor(), 1'000);
  EXPECT_EQ(r.exceptions[1].kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(r.exceptions[1].line_kind, LineKind::kChargeback);
  EXPECT_EQ(r.exceptions[1].expected_minor, 3'000);
  EXPECT_EQ(r.exceptions[1].open_minor(), 3'001);  // none of it is posted
  EXPECT_EQ(r.exceptions[2].kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(r.exceptions[2].reference, "col_3");
  EXPECT_EQ(r.exceptions[2].expected_minor, 0);
  EXPECT_EQ(r.exceptions[3].kind, ExceptionKind::kUnknownReference);
  EXPECT_EQ(r.exceptions[3].reference, "col_4");
  EXPECT_EQ(r.exceptions[4].reference, "col_9");
  EXPECT_EQ(r.auto_resolved() + static_cast<std::int64_t>(r.exceptions.size()), r.lines);
  // The collection's line and its chargeback are remembered apart: a day later the
  // chargeback is a duplicate, and the collection's own line too.
  const DayResult later = Reconcile(kNext, {},
                                    {Line("col_1", 4'000, 150, LineKind::kChargeback), Line("col_1", 10'000, 25)},
                                    chargeable, {}, state);
  EXPECT_EQ(later.duplicates, 2);
  EXPECT_TRUE(later.chargebacks.empty());
  EXPECT_TRUE(later.exceptions.empty());
}

// Money that already went back to the consumer is not taken back a second time: an
// order that took 10,000 in two collections and returned 6,000 by refund has 4,000 left
// to charge back, whichever collection the lines name, and two lines in one file share it.
TEST(Matcher, ChargebacksNeverTakeBackMoreThanTheOrderHasLeft) {
  MatchState state;
  const ChargeableCollections chargeable = {{"col_1", {Money(5'000, Currency::kSEK), false, "ord_1", 4'000}},
                                            {"col_2", {Money(5'000, Currency::kSEK), false, "ord_1", 4'000}},
                                            {"col_3", {Money(5'000, Currency::kSEK), false, "ord_2", 0}}};
  FileLine first = Line("col_1", 3'000, 0, LineKind::kChargeback);
  FileLine second = Line("col_2", 3'000, 0, LineKind::kChargeback);
  FileLine refunded = Line("col_3", 5'000, 0, LineKind::kChargeback);
  const DayResult r = Reconcile(kDay, {}, {first, second, refunded}, chargeable, {}, state);
  ASSERT_EQ(r.chargebacks.size(), 1u);
  EXPECT_EQ(r.chargebacks[0].reference, "col_1");
  ASSERT_EQ(r.exceptions.size(), 2u);
  EXPECT_EQ(r.exceptions[0].kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(r.exceptions[0].reference, "col_2");
  EXPECT_EQ(r.exceptions[0].expected_minor, 1'000);  // the 4,000 the order had left, less col_1's 3,000
  EXPECT_EQ(r.exceptions[0].open_minor(), 3'000);
  EXPECT_EQ(r.exceptions[1].reference, "col_3");
  EXPECT_EQ(r.exceptions[1].expected_minor, 0);  // all of it was refunded
  EXPECT_EQ(r.exceptions[1].open_minor(), 5'000);
}

}  // namespace
}  // namespace tranche::recon
