#include "servicing/servicing.h"

#include <gtest/gtest.h>

#include <numeric>

#include "core/random.h"
#include "ledger/entry.h"
#include "servicing/dispute.h"
#include "servicing/postings.h"

namespace tranche::servicing {
namespace {

using lending::Bucket;
using lending::Plan;
using lending::PlanStatus;
using lending::ProductKind;

Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }
constexpr Date kCapture{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}};
const Instant kCaptureInstant{std::chrono::sys_days{kCapture}};
constexpr char kConsumer[] = "con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kEntryId[] = "je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

Date Day(int n) { return AddDays(kCapture, n); }

Plan PlanOf(ProductKind kind, std::int64_t amount_minor, std::int64_t apr_bps = 0) {
  auto s = lending::BuildSchedule(kind, Usd(amount_minor), kCapture, apr_bps);
  TRANCHE_ASSERT(s.ok());
  return lending::MakePlan("pln_1", *s, kCaptureInstant);
}

Plan Pay(const Plan& p, std::int64_t amount_minor, Date today = kCapture) {
  auto a = AllocatePayment(p, Usd(amount_minor), today);
  TRANCHE_ASSERT(a.ok());
  return ApplyPayment(p, *a);
}

std::vector<std::int64_t> Minors(const std::vector<Money>& amounts) {
  std::vector<std::int64_t> out;
  for (const Money m : amounts) out.push_back(m.minor());
  return out;
}

// Closes every date from `from` through `to` in order; result k is for AddDays(from, k).
std::vector<DayResult> CloseDays(Plan& p, Date from, Date to) {
  std::vector<DayResult> out;
  for (Date d = from; d <= to; d = AddDays(d, 1)) {
    DayResult r = CloseDay(p, d);
    p = r.plan;
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t SumOfLines(const ledger::JournalEntry& e) {
  return std::accumulate(e.lines.begin(), e.lines.end(), std::int64_t{0},
                         [](std::int64_t s, const ledger::Line& l) { return s + l.amount_minor; });
}

// ---- balances and payments ----

TEST(ServicingTest, DaysPastDueCountsFromTheOldestUnpaidInstalment) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(DaysPastDue(p, Day(-1)), 0);
  EXPECT_EQ(DaysPastDue(p, Day(0)), 0);
  EXPECT_EQ(DaysPastDue(p, Day(1)), 1);
  EXPECT_EQ(DaysPastDue(p, Day(20)), 20);
  p = Pay(p, 2500);
  EXPECT_EQ(DaysPastDue(p, Day(14)), 0);
  EXPECT_EQ(DaysPastDue(p, Day(20)), 6);
}

TEST(ServicingTest, AmountDueIsFeesPlusInstalmentsDueByToday) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(AmountDue(p, Day(-1)).minor(), 0);
  EXPECT_EQ(AmountDue(p, Day(0)).minor(), 2500);
  EXPECT_EQ(AmountDue(p, Day(13)).minor(), 2500);
  EXPECT_EQ(AmountDue(p, Day(14)).minor(), 5000);
  EXPECT_EQ(AmountDue(p, Day(42)).minor(), 10000);
  EXPECT_EQ(AmountDue(p, Day(400)).minor(), 10000);
  p.fees_charged = Usd(700);
  p = Pay(p, 1000);  // the fee, then 300 of the first instalment
  EXPECT_EQ(AmountDue(p, Day(0)).minor(), 2200);
  p.fees_charged = Usd(p.fees_charged.minor() + 700);
  EXPECT_EQ(AmountDue(p, Day(14)).minor(), 700 + 2200 + 2500);
  EXPECT_EQ(Balance(p).minor(), 700 + 9700);
}

TEST(ServicingTest, PaymentGoesToFeesThenInstalmentsInOrder) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p.fees_charged = Usd(700);
  auto a = AllocatePayment(p, Usd(3500), kCapture);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->fees.minor(), 700);
  EXPECT_EQ(a->interest.minor(), 0);
  EXPECT_EQ(a->principal.minor(), 2800);
  EXPECT_EQ(Minors(a->per_installment), (std::vector<std::int64_t>{2500, 300, 0, 0}));
  EXPECT_EQ(a->total().minor(), 3500);

  const Plan after = ApplyPayment(p, *a);
  EXPECT_EQ(after.fees_paid.minor(), 700);
  EXPECT_EQ(after.installments[0].paid, Usd(2500));
  EXPECT_EQ(after.installments[1].paid, Usd(300));
  EXPECT_EQ(after.status, PlanStatus::kActive);
  EXPECT_EQ(Balance(after).minor(), 7200);
}

TEST(ServicingTest, PaymentFollowsDueDatesNotInstalmentNumbers) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p.installments[0].due_date = Day(20);  // now after instalment 2 (day 14)
  auto a = AllocatePayment(p, Usd(3000), kCapture);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Minors(a->per_installment), (std::vector<std::int64_t>{500, 2500, 0, 0}));
}

TEST(ServicingTest, FinancingPaymentPaysADueInstalmentAsScheduledThenPrincipal) {
  const Plan p = PlanOf(ProductKind::kFinancing6, 60000, 1200);
  ASSERT_EQ(p.installments[0].interest, Usd(600));  // 1 % a month on 600.00
  ASSERT_EQ(p.interest_accrued.minor(), 0);
  const std::int64_t first = p.installments[0].amount().minor();
  const Date due = p.installments[0].due_date;

  // On its due date the first instalment is paid as scheduled, interest included; the
  // 200 beyond it prepay the next instalment's principal, not its unearned interest.
  auto a = AllocatePayment(p, Usd(first + 200), due);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->interest.minor(), 600);
  EXPECT_EQ(a->principal.minor(), first - 600 + 200);
  EXPECT_EQ(a->per_installment[0].minor(), first);
  EXPECT_EQ(a->per_installment[1].minor(), 200);
  EXPECT_EQ(Minors(a->per_installment_interest), (std::vector<std::int64_t>{600, 0, 0, 0, 0, 0}));

  const Plan after = ApplyPayment(p, *a);
  EXPECT_EQ(lending::StatusOn(after.installments[0], AddDays(due, 1)), lending::InstallmentStatus::kPaid);
  EXPECT_EQ(lending::InterestPaid(after).minor(), 600);
  EXPECT_EQ(after.installments[1].interest_paid, Usd(0));
  EXPECT_EQ(after.installments[1].PrincipalPaid(), Usd(200));
  EXPECT_EQ(lending::OutstandingPrincipal(after).minor(), 60000 - (first - 600) - 200);
}

TEST(ServicingTest, AnEarlyPaymentPaysInterestToDateThenPrincipal) {
  Plan p = PlanOf(ProductKind::kFinancing6, 60000, 2000);
  CloseDays(p, Day(0), Day(9));
  const std::int64_t accrued = p.interest_accrued.minor();  // 10 days on 600.00 at 20 %
  ASSERT_EQ(accrued, 60000 * 2000 * 10 / kAccrualDenominator);
  auto a = AllocatePayment(p, Usd(1000), Day(9));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->interest.minor(), accrued);
  EXPECT_EQ(a->principal.minor(), 1000 - accrued);
  EXPECT_EQ(a->per_installment_interest[0].minor(), accrued);
  EXPECT_EQ(a->per_installment[0].minor(), 1000);
}

TEST(ServicingTest, APartialPaymentThenPayoffCostsPrincipalPlusInterestToDate) {
  Plan p = PlanOf(ProductKind::kFinancing6, 60000, 2000);
  CloseDays(p, Day(0), Day(9));
  p = Pay(p, 1000, Day(9));  // 10.00 on day 10
  CloseDays(p, Day(10), Day(19));
  const PayoffQuote q = QuotePayoff(p);
  const Plan paid = Pay(WaiveUnaccruedInterest(p, q), q.amount.minor(), Day(19));
  EXPECT_EQ(paid.status, PlanStatus::kPaidOff);
  EXPECT_GT(paid.interest_accrued.minor(), 0);
  EXPECT_EQ(1000 + q.amount.minor(), 60000 + paid.interest_accrued.minor());
  EXPECT_EQ(lending::InterestPaid(paid).minor(), paid.interest_accrued.minor());
  EXPECT_EQ(TrueUpInterest(paid).written_back.minor(), 0);
}

TEST(ServicingTest, RefusesOverpaymentAndAmountsNotPositive) {
  const Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(AllocatePayment(p, Usd(10001), kCapture).status().code(), "overpayment");
  EXPECT_EQ(AllocatePayment(p, Usd(0), kCapture).status().code(), "invalid_amount");
  EXPECT_EQ(AllocatePayment(p, Usd(-100), kCapture).status().code(), "invalid_amount");
  Plan with_fee = p;
  with_fee.fees_charged = Usd(700);
  EXPECT_TRUE(AllocatePayment(with_fee, Usd(10700), kCapture).ok());
  EXPECT_EQ(AllocatePayment(with_fee, Usd(10701), kCapture).status().code(), "overpayment");
}

TEST(ServicingTest, PayingTheWholeBalancePaysThePlanOff) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10001);
  p.fees_charged = Usd(700);
  auto a = AllocatePayment(p, Usd(10701), kCapture);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Minors(a->per_installment), (std::vector<std::int64_t>{2501, 2500, 2500, 2500}));
  const Plan after = ApplyPayment(p, *a);
  EXPECT_EQ(after.status, PlanStatus::kPaidOff);
  EXPECT_EQ(Balance(after).minor(), 0);
  EXPECT_EQ(AllocatePayment(after, Usd(1), kCapture).status().code(), "plan_not_payable");
}

TEST(ServicingTest, PayingPartOfTheBalanceLeavesThePlanActive) {
  const Plan after = Pay(PlanOf(ProductKind::kPayIn4, 10000), 9999);
  EXPECT_EQ(after.status, PlanStatus::kActive);
  EXPECT_EQ(Balance(after).minor(), 1);
}

// ---- close of business ----

TEST(ServicingCloseDayTest, CollectsOnTheDueDateAndRetriesTwoAndFiveDaysLater) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(6));
  const int attempts[] = {1, 0, 2, 0, 0, 3, 0};
  for (int k = 0; k <= 6; ++k) {
    EXPECT_EQ(r[k].collect_attempt, attempts[k]) << "day " << k;
    EXPECT_EQ(r[k].collect.minor(), attempts[k] == 0 ? 0 : 2500) << "day " << k;
  }
}

TEST(ServicingCloseDayTest, CollectionAmountIsEverythingDueIncludingFees) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(19));
  EXPECT_EQ(r[10].late_fee.minor(), 700);
  EXPECT_EQ(r[14].collect_attempt, 1);
  EXPECT_EQ(r[14].collect.minor(), 700 + 2500 + 2500);
  EXPECT_EQ(r[16].collect_attempt, 2);
  EXPECT_EQ(r[19].collect_attempt, 3);
  EXPECT_EQ(r[15].collect_attempt, 0);
}

TEST(ServicingCloseDayTest, NoCollectionForAPaidInstalment) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(5));
  for (const DayResult& d : r) EXPECT_EQ(d.collect_attempt, 0);
}

TEST(ServicingCloseDayTest, LateFeeTenDaysAfterTheDueDateOncePerInstalment) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(25));
  for (int k = 0; k <= 25; ++k) {
    const std::int64_t expected = (k == 10 || k == 24) ? 700 : 0;
    EXPECT_EQ(r[k].late_fee.minor(), expected) << "day " << k;
  }
  EXPECT_EQ(r[10].late_fee_installment, 1);
  EXPECT_EQ(r[24].late_fee_installment, 2);
  EXPECT_EQ(p.fees_charged.minor(), 1400);
  EXPECT_TRUE(p.installments[0].late_fee_charged);
  EXPECT_TRUE(p.installments[1].late_fee_charged);
  EXPECT_FALSE(p.installments[2].late_fee_charged);
}

TEST(ServicingCloseDayTest, LateFeesAreCappedAtAQuarterOfThePlan) {
  Plan p = PlanOf(ProductKind::kPayIn4, 4000);  // cap 10.00
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(40));
  EXPECT_EQ(r[10].late_fee.minor(), 700);
  EXPECT_EQ(r[24].late_fee.minor(), 300);
  EXPECT_EQ(r[24].late_fee_installment, 2);
  EXPECT_EQ(r[38].late_fee.minor(), 0);
  EXPECT_EQ(p.fees_charged.minor(), 1000);
  EXPECT_TRUE(p.installments[2].late_fee_charged);
  std::int64_t total = 0;
  for (const DayResult& d : r) total += d.late_fee.minor();
  EXPECT_EQ(total, 1000);
}

TEST(ServicingCloseDayTest, NoLateFeeWhenTheInstalmentIsPaidInTime) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  std::vector<DayResult> r = CloseDays(p, Day(0), Day(8));
  p = Pay(p, 2500);
  r = CloseDays(p, Day(9), Day(12));
  for (const DayResult& d : r) EXPECT_EQ(d.late_fee.minor(), 0);
  EXPECT_EQ(p.fees_charged.minor(), 0);
}

TEST(ServicingCloseDayTest, BucketsMoveWithDaysPastDue) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(119));
  EXPECT_FALSE(r[0].bucket_changed_from.has_value());
  EXPECT_EQ(r[0].plan.bucket, Bucket::kCurrent);
  ASSERT_TRUE(r[1].bucket_changed_from.has_value());
  EXPECT_EQ(*r[1].bucket_changed_from, Bucket::kCurrent);
  EXPECT_EQ(r[1].plan.bucket, Bucket::kDpd1To30);
  EXPECT_FALSE(r[30].bucket_changed_from.has_value());
  ASSERT_TRUE(r[31].bucket_changed_from.has_value());
  EXPECT_EQ(*r[31].bucket_changed_from, Bucket::kDpd1To30);
  EXPECT_EQ(r[31].plan.bucket, Bucket::kDpd31To60);
  ASSERT_TRUE(r[61].bucket_changed_from.has_value());
  EXPECT_EQ(*r[61].bucket_changed_from, Bucket::kDpd31To60);
  EXPECT_EQ(r[61].plan.bucket, Bucket::kDpd61To90);
  ASSERT_TRUE(r[91].bucket_changed_from.has_value());
  EXPECT_EQ(*r[91].bucket_changed_from, Bucket::kDpd61To90);
  EXPECT_EQ(r[91].plan.bucket, Bucket::kDpd91To120);
  int changes = 0;
  for (const DayResult& d : r) changes += d.bucket_changed_from.has_value() ? 1 : 0;
  EXPECT_EQ(changes, 4);
  EXPECT_FALSE(r[119].charged_off);
  EXPECT_EQ(p.status, PlanStatus::kActive);
}

TEST(ServicingCloseDayTest, PaymentBringsTheBucketBackToCurrent) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(5));
  ASSERT_EQ(p.bucket, Bucket::kDpd1To30);
  p = Pay(p, 2500);
  const DayResult r = CloseDay(p, Day(6));
  ASSERT_TRUE(r.bucket_changed_from.has_value());
  EXPECT_EQ(*r.bucket_changed_from, Bucket::kDpd1To30);
  EXPECT_EQ(r.plan.bucket, Bucket::kCurrent);
}

TEST(ServicingCloseDayTest, ChargesOffAt120DaysPastDue) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(121));
  // Late fees: 7.00 on each of the first three instalments, then 4.00 up to the 25.00 cap.
  EXPECT_EQ(r[38].late_fee.minor(), 700);
  EXPECT_EQ(r[52].late_fee.minor(), 400);
  for (int k = 0; k < 120; ++k) ASSERT_FALSE(r[k].charged_off) << "day " << k;
  const DayResult& off = r[120];
  EXPECT_TRUE(off.charged_off);
  EXPECT_EQ(off.charged_off_principal.minor(), 10000);
  EXPECT_EQ(off.charged_off_fees.minor(), 2500);
  EXPECT_EQ(off.interest_written_back.minor(), 0);
  EXPECT_EQ(off.collect.minor(), 0);
  EXPECT_EQ(off.plan.status, PlanStatus::kChargedOff);
  EXPECT_EQ(off.plan.charge_off_reason, lending::ChargeOffReason::kDelinquency);
  ASSERT_TRUE(off.plan.charged_off_on.has_value());
  EXPECT_EQ(FormatDate(*off.plan.charged_off_on), FormatDate(Day(120)));

  const DayResult& next = r[121];
  EXPECT_FALSE(next.charged_off);
  EXPECT_EQ(next.late_fee.minor(), 0);
  EXPECT_EQ(next.collect.minor(), 0);
  EXPECT_EQ(next.plan.status, PlanStatus::kChargedOff);
}

// A card issuer took the first instalment back as fraud: what stays owed is written off
// that day for fraud, and the later due dates collect nothing.
TEST(ServicingCloseDayTest, AFraudChargeOffWritesOffWhatStaysOwedAndStopsCollection) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  CloseDays(p, Day(0), Day(3));
  const DayResult off = ChargeOffAsFraud(p, Day(3));
  EXPECT_TRUE(off.charged_off);
  EXPECT_EQ(off.charged_off_principal.minor(), 7500);
  EXPECT_EQ(off.charged_off_fees.minor(), 0);
  EXPECT_EQ(off.collect.minor(), 0);
  EXPECT_EQ(off.plan.status, PlanStatus::kChargedOff);
  EXPECT_EQ(off.plan.charge_off_reason, lending::ChargeOffReason::kFraud);
  ASSERT_TRUE(off.plan.charged_off_on.has_value());
  EXPECT_EQ(FormatDate(*off.plan.charged_off_on), FormatDate(Day(3)));
  Plan after = off.plan;
  for (const DayResult& r : CloseDays(after, Day(4), Day(60))) {
    ASSERT_EQ(r.collect.minor(), 0);
    ASSERT_EQ(r.late_fee.minor(), 0);
    ASSERT_FALSE(r.charged_off);
  }

  // Nothing is owed on it, so it takes no payment; one that reaches it anyway (it was in
  // flight) is all owed back to the consumer, not a recovery.
  EXPECT_FALSE(AcceptsPayments(after));
  auto refused = AllocatePayment(after, Usd(2500), Day(5));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "plan_not_payable");
  const ledger::JournalEntry back = PaymentEntry({kEntryId, "col_9", kConsumer, kCaptureInstant},
                                                 PaymentAllocation::None(Currency::kUSD),
                                                 lending::ChargeOffReason::kFraud, Usd(2500));
  EXPECT_EQ(back.reason, ledger::Reason::kCollection);
  ASSERT_EQ(back.lines.size(), 2u);
  EXPECT_EQ(back.lines[0].account.type, ledger::AccountType::kCollectionsCash);
  EXPECT_EQ(back.lines[1].account.type, ledger::AccountType::kConsumerRefundsPayable);
  EXPECT_EQ(back.lines[1].amount_minor, -2500);

  // A plan paused for a dispute: the pause ends with the write-off, the due dates stay.
  auto paused = Pause(p, Day(3), kDisputePauseDays, "dispute");
  ASSERT_TRUE(paused.ok());
  const DayResult off_paused = ChargeOffAsFraud(*paused, Day(4));
  EXPECT_FALSE(off_paused.plan.paused_from.has_value());
  EXPECT_FALSE(off_paused.plan.paused_until.has_value());
  EXPECT_TRUE(off_paused.plan.pause_reason.empty());
  EXPECT_FALSE(IsPaused(off_paused.plan, Day(5)));
  for (std::size_t k = 0; k < p.installments.size(); ++k) {
    EXPECT_EQ(FormatDate(off_paused.plan.installments[k].due_date), FormatDate(p.installments[k].due_date));
  }
}

TEST(ServicingCloseDayTest, PaymentsAfterChargeOffAreRecoveries) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(120));
  ASSERT_EQ(p.status, PlanStatus::kChargedOff);
  auto a = AllocatePayment(p, Usd(3000), kCapture);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->fees.minor(), 2500);
  EXPECT_EQ(a->principal.minor(), 500);
  p = ApplyPayment(p, *a);
  EXPECT_EQ(p.recovered.minor(), 3000);
  p = Pay(p, Balance(p).minor());
  EXPECT_EQ(p.recovered.minor(), 12500);
  EXPECT_EQ(p.status, PlanStatus::kChargedOff);
}

TEST(ServicingCloseDayTest, ClosingADayTwiceChangesNothing) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(9));
  const DayResult first = CloseDay(p, Day(10));
  ASSERT_EQ(first.late_fee.minor(), 700);
  const DayResult again = CloseDay(first.plan, Day(10));
  EXPECT_TRUE(again.already_closed);
  EXPECT_EQ(again.late_fee.minor(), 0);
  EXPECT_EQ(again.collect.minor(), 0);
  EXPECT_EQ(again.collect_attempt, 0);
  EXPECT_TRUE(again.remind_installments.empty());
  EXPECT_EQ(again.plan.fees_charged.minor(), 700);
  EXPECT_EQ(again.plan.serviced_through, first.plan.serviced_through);
  EXPECT_EQ(again.plan.bucket, first.plan.bucket);

  const DayResult earlier = CloseDay(first.plan, Day(2));
  EXPECT_TRUE(earlier.already_closed);
  EXPECT_EQ(earlier.collect_attempt, 0);
  EXPECT_EQ(FormatDate(*earlier.plan.serviced_through), FormatDate(Day(10)));
}

TEST(ServicingCloseDayTest, RemindsThreeDaysBeforeADueDate) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(42));
  for (int k = 0; k <= 42; ++k) {
    std::vector<int> expected;
    if (k == 11) expected = {2};
    if (k == 25) expected = {3};
    if (k == 39) expected = {4};
    EXPECT_EQ(r[k].remind_installments, expected) << "day " << k;
  }
}

TEST(ServicingCloseDayTest, PausedPlanIsNotCollectedOrChargedAndDueDatesShift) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(0));
  p = Pay(p, 2500);
  CloseDays(p, Day(1), Day(4));
  auto paused = Pause(p, Day(5), kDisputePauseDays, "dispute");
  ASSERT_TRUE(paused.ok());
  p = *paused;
  EXPECT_TRUE(IsPaused(p, Day(5)));
  EXPECT_TRUE(IsPaused(p, Day(25)));
  EXPECT_FALSE(IsPaused(p, Day(26)));
  EXPECT_FALSE(IsPaused(p, Day(4)));

  // Instalment 2 (day 14) would be collected on days 14, 16 and 19, reminded on day 11
  // and charged a late fee on day 24.
  const std::vector<DayResult> during = CloseDays(p, Day(5), Day(25));
  for (const DayResult& d : during) {
    EXPECT_EQ(d.collect_attempt, 0);
    EXPECT_EQ(d.collect.minor(), 0);
    EXPECT_EQ(d.late_fee.minor(), 0);
    EXPECT_TRUE(d.remind_installments.empty());
    EXPECT_FALSE(d.bucket_changed_from.has_value());
    EXPECT_FALSE(d.pause_ended);
  }
  EXPECT_EQ(p.fees_charged.minor(), 0);
  EXPECT_EQ(p.bucket, Bucket::kCurrent);

  const DayResult end = CloseDay(p, Day(26));
  p = end.plan;
  EXPECT_TRUE(end.pause_ended);
  EXPECT_FALSE(p.paused_from.has_value());
  EXPECT_FALSE(p.paused_until.has_value());
  EXPECT_TRUE(p.pause_reason.empty());
  EXPECT_EQ(FormatDate(p.installments[0].due_date), FormatDate(Day(0)));  // paid: unchanged
  EXPECT_EQ(FormatDate(p.installments[1].due_date), FormatDate(Day(35)));
  EXPECT_EQ(FormatDate(p.installments[2].due_date), FormatDate(Day(49)));
  EXPECT_EQ(FormatDate(p.installments[3].due_date), FormatDate(Day(63)));

  const std::vector<DayResult> after = CloseDays(p, Day(27), Day(45));
  EXPECT_EQ(after[32 - 27].remind_installments, std::vector<int>{2});
  EXPECT_EQ(after[35 - 27].collect_attempt, 1);
  EXPECT_EQ(after[35 - 27].collect.minor(), 2500);
  EXPECT_EQ(after[45 - 27].late_fee.minor(), 700);
}

TEST(ServicingCloseDayTest, PausedPlanKeepsItsOverdueInstalmentDates) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(2));
  auto paused = Pause(p, Day(3), kReturnPauseDays, "return");
  ASSERT_TRUE(paused.ok());
  p = *paused;
  const std::vector<DayResult> during = CloseDays(p, Day(3), Day(30));
  for (const DayResult& d : during) EXPECT_EQ(d.late_fee.minor(), 0);
  const DayResult end = CloseDay(p, Day(31));
  EXPECT_TRUE(end.pause_ended);
  EXPECT_EQ(FormatDate(end.plan.installments[0].due_date), FormatDate(Day(0)));
  EXPECT_EQ(FormatDate(end.plan.installments[1].due_date), FormatDate(Day(14 + 28)));
  EXPECT_EQ(end.late_fee.minor(), 700);  // instalment 1 is 31 days past due once the pause ends
}

TEST(ServicingTest, InstalmentsFallingDueDuringAPauseAreHeldThenShiftedTheMomentItEnds) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);  // due days 0, 14, 28, 42
  p = Pay(p, 2500);
  auto paused = Pause(p, Day(5), kDisputePauseDays, "dispute");  // days 5 .. 25
  ASSERT_TRUE(paused.ok());
  p = *paused;
  // Instalment 2 fell due on day 14, during the pause: held, not overdue.
  EXPECT_EQ(StatusOn(p, p.installments[1], Day(20)), lending::InstallmentStatus::kScheduled);
  EXPECT_EQ(DaysPastDue(p, Day(20)), 0);
  EXPECT_EQ(AmountDue(p, Day(20)).minor(), 0);
  EXPECT_EQ(AsOf(p, Day(25)).paused_until, p.paused_until);  // still running: nothing moves

  // On day 26 the pause is over: the dates move by the 21 days paused at once.
  const Plan ended = AsOf(p, Day(26));
  EXPECT_FALSE(ended.paused_from.has_value());
  EXPECT_EQ(FormatDate(ended.installments[1].due_date), FormatDate(Day(35)));
  EXPECT_EQ(StatusOn(ended, ended.installments[1], Day(26)), lending::InstallmentStatus::kScheduled);
  EXPECT_EQ(DaysPastDue(ended, Day(26)), 0);
  EXPECT_EQ(AmountDue(ended, Day(26)).minor(), 0);
  EXPECT_TRUE(Extend(ended, 2, 1, Day(26)).ok());
  // That night's close finds the pause ended already and moves nothing again.
  const DayResult closed = CloseDay(ended, Day(26));
  EXPECT_FALSE(closed.pause_ended);
  EXPECT_EQ(FormatDate(closed.plan.installments[1].due_date), FormatDate(Day(35)));
}

TEST(ServicingTest, PauseWhilePausedExtendsToTheLaterEnd) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  auto first = Pause(p, Day(5), 21, "dispute");
  ASSERT_TRUE(first.ok());
  auto second = Pause(*first, Day(10), 28, "return");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(FormatDate(*second->paused_from), FormatDate(Day(5)));
  EXPECT_EQ(FormatDate(*second->paused_until), FormatDate(Day(38)));
  EXPECT_EQ(second->pause_reason, "return");
  auto shorter = Pause(*second, Day(11), 1, "dispute");
  ASSERT_TRUE(shorter.ok());
  EXPECT_EQ(FormatDate(*shorter->paused_until), FormatDate(Day(38)));
}

// The shell pauses with the request's date, before that date is closed: a second
// dispute on the day the first pause ends must not lose the first pause's shift.
TEST(ServicingCloseDayTest, PauseStartingTheDayAnotherEndsKeepsBothShifts) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  auto first = Pause(p, Day(5), kDisputePauseDays, "dispute");
  ASSERT_TRUE(first.ok());
  p = *first;
  CloseDays(p, Day(0), Day(25));
  auto second = Pause(p, Day(26), kDisputePauseDays, "dispute");
  ASSERT_TRUE(second.ok());
  p = *second;
  const std::vector<DayResult> r = CloseDays(p, Day(26), Day(47));
  EXPECT_EQ(FormatDate(p.installments[1].due_date), FormatDate(Day(14 + 21 + 21)));
  EXPECT_EQ(FormatDate(p.installments[2].due_date), FormatDate(Day(28 + 21 + 21)));
  EXPECT_EQ(p.fees_charged.minor(), 0);
  EXPECT_EQ(p.bucket, Bucket::kCurrent);
  EXPECT_EQ(DaysPastDue(p, Day(47)), 0);
}

TEST(ServicingTest, ResumeEarlyShiftsByTheDaysPaused) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  auto paused = Pause(p, Day(5), 21, "dispute");
  ASSERT_TRUE(paused.ok());
  const Plan resumed = Resume(*paused, Day(15));
  EXPECT_EQ(FormatDate(resumed.installments[0].due_date), FormatDate(Day(0)));  // due before the pause
  EXPECT_EQ(FormatDate(resumed.installments[1].due_date), FormatDate(Day(24)));
  EXPECT_EQ(FormatDate(resumed.installments[3].due_date), FormatDate(Day(52)));
  EXPECT_FALSE(resumed.paused_from.has_value());
  const Plan unchanged = Resume(p, Day(15));
  EXPECT_EQ(FormatDate(unchanged.installments[1].due_date), FormatDate(Day(14)));
}

TEST(ServicingTest, PauseRefusedOnAPlanThatIsNotActive) {
  const Plan paid = Pay(PlanOf(ProductKind::kPayIn4, 10000), 10000);
  EXPECT_EQ(Pause(paid, Day(1), 21, "dispute").status().code(), "plan_not_active");
}

// ---- financing ----

TEST(ServicingFinancingTest, InterestAccruesDailyWithTheRemainderCarried) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(29));
  // One day: 100,000 × 2,000 / 3,650,000 = 54.79…
  EXPECT_EQ(r[0].interest_accrued.minor(), 54);
  EXPECT_EQ(r[0].plan.accrual_carry, 2'900'000);
  EXPECT_EQ(r[1].interest_accrued.minor(), 55);
  EXPECT_EQ(r[1].plan.accrual_carry, 2'150'000);
  std::int64_t sum = 0;
  for (const DayResult& d : r) {
    EXPECT_TRUE(d.interest_accrued.minor() == 54 || d.interest_accrued.minor() == 55);
    sum += d.interest_accrued.minor();
  }
  const std::int64_t expected = std::int64_t{100000} * 2000 * 30 / kAccrualDenominator;
  EXPECT_EQ(expected, 1643);
  EXPECT_EQ(sum, expected);
  EXPECT_EQ(p.interest_accrued.minor(), expected);
  EXPECT_EQ(p.accrual_carry, std::int64_t{100000} * 2000 * 30 % kAccrualDenominator);
}

// Property (seeded): booking a run of days in one call gives exactly what booking each
// day gives: the same interest, the same remainder carried, the same cap at the
// schedule's finance charge (the runs reach past the plan's last due date). This is what
// lets the daily close skip a plan's quiet days.
TEST(ServicingFinancingTest, BookingARunOfDaysAtOnceEqualsBookingEachDay) {
  SeededRandom rng(20261206);
  for (int trial = 0; trial < 200; ++trial) {
    const ProductKind kind = rng.Uniform(2) == 0 ? ProductKind::kFinancing6 : ProductKind::kFinancing12;
    const std::int64_t amount = 5'000 + static_cast<std::int64_t>(rng.Uniform(5'000'000));
    const std::int64_t apr = 1 + static_cast<std::int64_t>(rng.Uniform(3'599));
    Plan daily = PlanOf(kind, amount, apr);
    if (rng.Uniform(2) == 0) daily = Pay(daily, 1 + static_cast<std::int64_t>(rng.Uniform(amount / 2)));
    Plan runs = daily;
    const Date last = Day(static_cast<int>(rng.Uniform(500)));
    std::int64_t daily_sum = 0;
    for (Date d = Day(0); d <= last; d = AddDays(d, 1)) {
      Accrual a = AccrueThrough(std::move(daily), d);
      daily_sum += a.interest.minor();
      daily = std::move(a.plan);
    }
    std::int64_t runs_sum = 0;
    for (Date d = Day(0); d <= last;) {
      d = std::min(last, AddDays(d, static_cast<int>(rng.Uniform(40))));
      Accrual a = AccrueThrough(std::move(runs), d);
      runs_sum += a.interest.minor();
      runs = std::move(a.plan);
      d = AddDays(d, 1);
    }
    ASSERT_EQ(runs_sum, daily_sum) << "trial " << trial;
    ASSERT_EQ(runs.interest_accrued, daily.interest_accrued) << "trial " << trial;
    ASSERT_EQ(runs.accrual_carry, daily.accrual_carry) << "trial " << trial;
    ASSERT_EQ(runs.accrued_through, last);
  }
}

TEST(ServicingFinancingTest, BookingIsIdempotentForDaysAlreadyBooked) {
  Accrual first = AccrueThrough(PlanOf(ProductKind::kFinancing6, 100000, 2000), Day(9));
  ASSERT_EQ(first.interest.minor(), 547);  // ten days: 100,000 × 2,000 × 10 / 3,650,000
  const Accrual again = AccrueThrough(first.plan, Day(9));
  EXPECT_TRUE(again.interest.is_zero());
  EXPECT_TRUE(AccrueThrough(first.plan, Day(3)).interest.is_zero());
  EXPECT_EQ(again.plan.interest_accrued.minor(), 547);
  EXPECT_EQ(again.plan.accrued_through, Day(9));
}

TEST(ServicingFinancingTest, ToDateAccruesThroughYesterdayOnACopy) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(4));  // booked through day 4: 273
  ASSERT_EQ(p.interest_accrued.minor(), 273);
  const Plan now = ToDate(p, Day(30));  // days 0..29: 1,643
  EXPECT_EQ(now.interest_accrued.minor(), 1643);
  EXPECT_EQ(now.accrued_through, Day(29));
  EXPECT_EQ(QuotePayoff(now).interest.minor(), 1643);
  EXPECT_EQ(p.interest_accrued.minor(), 273);  // the stored plan is untouched
  EXPECT_EQ(now.serviced_through, Day(4));     // nothing else is closed
}

TEST(ServicingFinancingTest, TheCloseAfterQuietDaysBooksThemAll) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(4));
  const DayResult r = CloseDay(p, Day(29));
  EXPECT_EQ(r.interest_accrued.minor(), 1643 - 273);
  EXPECT_EQ(r.plan.interest_accrued.minor(), 1643);
  EXPECT_EQ(r.plan.accrued_through, Day(29));
}

TEST(ServicingFinancingTest, InterestIsBookedOnTheLastDayOfEachMonth) {
  using std::chrono::year, std::chrono::month, std::chrono::day;
  EXPECT_TRUE(IsAccrualBookingDay(Date{year{2026}, month{3}, day{31}}));
  EXPECT_TRUE(IsAccrualBookingDay(Date{year{2026}, month{4}, day{30}}));
  EXPECT_TRUE(IsAccrualBookingDay(Date{year{2026}, month{2}, day{28}}));
  EXPECT_FALSE(IsAccrualBookingDay(Date{year{2028}, month{2}, day{28}}));  // a leap year
  EXPECT_TRUE(IsAccrualBookingDay(Date{year{2028}, month{2}, day{29}}));
  EXPECT_TRUE(IsAccrualBookingDay(Date{year{2026}, month{12}, day{31}}));
  EXPECT_FALSE(IsAccrualBookingDay(Date{year{2026}, month{12}, day{30}}));
  EXPECT_FALSE(IsAccrualBookingDay(Date{year{2027}, month{1}, day{1}}));
}

TEST(ServicingFinancingTest, NoInterestAccruesOnPayInPlans) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(20));
  for (const DayResult& d : r) EXPECT_EQ(d.interest_accrued.minor(), 0);
  EXPECT_EQ(p.interest_accrued.minor(), 0);
}

TEST(ServicingFinancingTest, AccrualFollowsTheOutstandingPrincipal) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  p = Pay(p, 50000);
  const std::int64_t principal = lending::OutstandingPrincipal(p).minor();
  ASSERT_LT(principal, 100000);
  CloseDays(p, Day(0), Day(9));
  EXPECT_EQ(p.interest_accrued.minor(), principal * 2000 * 10 / kAccrualDenominator);
}

TEST(ServicingFinancingTest, PayoffQuoteIsPrincipalAccruedInterestAndFees) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  const std::int64_t scheduled_interest = lending::Outstanding(p).minor() - 100000;
  ASSERT_GT(scheduled_interest, 1643);
  CloseDays(p, Day(0), Day(29));
  ASSERT_EQ(p.interest_accrued.minor(), 1643);

  const PayoffQuote q = QuotePayoff(p);
  EXPECT_EQ(q.principal.minor(), 100000);
  EXPECT_EQ(q.interest.minor(), 1643);
  EXPECT_EQ(q.fees.minor(), 0);
  EXPECT_EQ(q.amount.minor(), 101643);
  EXPECT_EQ(q.interest_waived.minor(), scheduled_interest - 1643);

  const Plan waived = WaiveUnaccruedInterest(p, q);
  EXPECT_EQ(Balance(waived).minor(), 101643);
  EXPECT_EQ(waived.installments[0].interest, Usd(1643));
  for (std::size_t k = 1; k < waived.installments.size(); ++k) {
    EXPECT_TRUE(waived.installments[k].interest.is_zero()) << k;
  }
  auto a = AllocatePayment(waived, q.amount, kCapture);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->interest.minor(), 1643);
  EXPECT_EQ(a->principal.minor(), 100000);
  const Plan paid = ApplyPayment(waived, *a);
  EXPECT_EQ(paid.status, PlanStatus::kPaidOff);
  EXPECT_EQ(TrueUpInterest(paid).written_back.minor(), 0);

  const DayResult later = CloseDay(paid, Day(30));
  EXPECT_EQ(later.interest_accrued.minor(), 0);
}

TEST(ServicingFinancingTest, PayoffQuoteIncludesUnpaidFees) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  p.fees_charged = Usd(700);
  const PayoffQuote q = QuotePayoff(p);
  EXPECT_EQ(q.fees.minor(), 700);
  EXPECT_EQ(q.amount.minor(), 700 + 100000 + 1643);
  const Plan paid = Pay(WaiveUnaccruedInterest(p, q), q.amount.minor());
  EXPECT_EQ(paid.status, PlanStatus::kPaidOff);
  EXPECT_EQ(paid.fees_paid.minor(), 700);
}

TEST(ServicingFinancingTest, PayoffQuoteOnAPayInPlanWaivesNothing) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  const PayoffQuote q = QuotePayoff(p);
  EXPECT_EQ(q.amount.minor(), 7500);
  EXPECT_EQ(q.principal.minor(), 7500);
  EXPECT_EQ(q.interest.minor(), 0);
  EXPECT_EQ(q.interest_waived.minor(), 0);
}

TEST(ServicingFinancingTest, TrueUpWritesBackAccruedInterestNotPaid) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  const InterestTrueUp t = TrueUpInterest(p);
  EXPECT_EQ(t.written_back.minor(), 1643);
  EXPECT_EQ(t.plan.interest_accrued.minor(), 0);
  EXPECT_EQ(t.plan.accrual_carry, 0);
}

TEST(ServicingFinancingTest, TrueUpRecognisesInterestPaidBeyondAccrued) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  const std::int64_t first_interest = p.installments[0].interest.minor();
  ASSERT_EQ(first_interest, 1667);  // 100,000 × 20 % / 12
  // Paid on its due date: as scheduled, interest included, though only 1643 accrued.
  p = Pay(p, p.installments[0].amount().minor(), p.installments[0].due_date);
  const InterestTrueUp t = TrueUpInterest(p);
  EXPECT_EQ(t.written_back.minor(), 1643 - 1667);
  EXPECT_EQ(t.plan.interest_accrued.minor(), 1667);
}

TEST(ServicingFinancingTest, ChargeOffWritesBackAccruedUnpaidInterest) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  const Date first_due = p.installments[0].due_date;
  const int days = DaysBetween(kCapture, first_due) + kChargeOffDaysPastDue;
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(days));
  const DayResult& off = r.back();
  ASSERT_TRUE(off.charged_off);
  std::int64_t accrued = 0;
  for (const DayResult& d : r) accrued += d.interest_accrued.minor();
  EXPECT_GT(accrued, 0);
  EXPECT_EQ(off.interest_written_back.minor(), accrued);
  EXPECT_EQ(off.charged_off_principal.minor(), 100000);
  EXPECT_EQ(off.charged_off_fees.minor(), 4 * 700);  // instalments 1-4 are 10 days late by then
  EXPECT_EQ(off.plan.interest_accrued.minor(), 0);
}

TEST(ServicingFinancingTest, ClosingARefundedPlanWaivesFeesAndWritesBackInterest) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  p.fees_charged = Usd(700);
  std::vector<Money> all;
  for (const auto& i : p.installments) all.push_back(i.principal);
  const Plan refunded = lending::ApplyReductions(p, all);
  ASSERT_EQ(refunded.status, PlanStatus::kClosed);
  const Closure c = ClosePlan(refunded);
  EXPECT_EQ(c.fees_waived.minor(), 700);
  EXPECT_EQ(c.interest_written_back.minor(), 1643);
  EXPECT_TRUE(c.needs_entry());
  EXPECT_EQ(lending::FeesUnpaid(c.plan).minor(), 0);
  EXPECT_EQ(c.plan.interest_accrued.minor(), 0);
  EXPECT_EQ(Balance(c.plan).minor(), 0);
}

TEST(ServicingFinancingTest, ClosingAPlanPaidOffOnTheQuoteNeedsNoEntry) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  const PayoffQuote q = QuotePayoff(p);
  const Plan paid = Pay(WaiveUnaccruedInterest(p, q), q.amount.minor());
  ASSERT_EQ(paid.status, PlanStatus::kPaidOff);
  const Closure c = ClosePlan(paid);
  EXPECT_EQ(c.fees_waived.minor(), 0);
  EXPECT_EQ(c.interest_written_back.minor(), 0);
  EXPECT_FALSE(c.needs_entry());
}

// ---- extension ----

TEST(ServicingTest, ExtendMovesOneDueDateOncePerPlan) {
  const Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  auto once = Extend(p, 2, 7, Day(0));
  ASSERT_TRUE(once.ok()) << once.status().ToString();
  EXPECT_EQ(FormatDate(once->installments[1].due_date), FormatDate(Day(21)));
  EXPECT_EQ(FormatDate(once->installments[2].due_date), FormatDate(Day(28)));
  EXPECT_TRUE(once->extended);
  EXPECT_EQ(Extend(*once, 3, 7, Day(0)).status().code(), "extension_used");
}

TEST(ServicingTest, ExtendAcceptsOneToFourteenDays) {
  const Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(Extend(p, 2, 0, Day(0)).status().code(), "invalid_days");
  EXPECT_EQ(Extend(p, 2, -3, Day(0)).status().code(), "invalid_days");
  EXPECT_EQ(Extend(p, 2, 15, Day(0)).status().code(), "invalid_days");
  auto one = Extend(p, 2, 1, Day(0));
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(FormatDate(one->installments[1].due_date), FormatDate(Day(15)));
  auto fourteen = Extend(p, 2, 14, Day(0));
  ASSERT_TRUE(fourteen.ok());
  EXPECT_EQ(FormatDate(fourteen->installments[1].due_date), FormatDate(Day(28)));
}

TEST(ServicingTest, ExtendRefusesPastDuePaidAndUnknownInstalments) {
  const Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  EXPECT_EQ(Extend(p, 1, 7, Day(1)).status().code(), "installment_past_due");
  EXPECT_TRUE(Extend(p, 1, 7, Day(0)).ok());  // due today is not past due
  EXPECT_EQ(Extend(p, 0, 7, Day(0)).status().code(), "unknown_installment");
  EXPECT_EQ(Extend(p, 5, 7, Day(0)).status().code(), "unknown_installment");
  const Plan paid_first = Pay(p, 2500);
  EXPECT_EQ(Extend(paid_first, 1, 7, Day(0)).status().code(), "installment_paid");
  auto paused = Pause(p, Day(2), 21, "dispute");
  ASSERT_TRUE(paused.ok());
  EXPECT_EQ(Extend(*paused, 2, 7, Day(3)).status().code(), "plan_paused");
}

TEST(ServicingTest, ExtendedInstalmentIsCollectedOnItsNewDate) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  p = Pay(p, 2500);
  auto e = Extend(p, 2, 5, Day(0));
  ASSERT_TRUE(e.ok());
  p = *e;
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(20));
  EXPECT_EQ(r[14].collect_attempt, 0);
  EXPECT_EQ(r[19].collect_attempt, 1);
  EXPECT_EQ(r[19].collect.minor(), 2500);
  EXPECT_EQ(r[15].plan.bucket, Bucket::kCurrent);
}

// ---- postings ----

EntryContext Ctx(std::string object_id) {
  return EntryContext{kEntryId, std::move(object_id), kConsumer, kCaptureInstant};
}

void ExpectValidAndBalanced(const ledger::JournalEntry& e) {
  const Status st = ledger::ValidateEntry(e);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(SumOfLines(e), 0);
}

std::int64_t LineFor(const ledger::JournalEntry& e, ledger::AccountType type) {
  for (const ledger::Line& l : e.lines) {
    if (l.account.type == type) return l.amount_minor;
  }
  return 0;
}

TEST(ServicingPostingsTest, PaymentEntrySplitsReceivableAndAccruedInterest) {
  Plan p = PlanOf(ProductKind::kFinancing6, 60000, 1200);
  p.fees_charged = Usd(700);
  auto a = AllocatePayment(p, Usd(5000), p.installments[0].due_date);  // due: its interest as scheduled
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->interest.minor(), 600);
  const ledger::JournalEntry e = PaymentEntry(Ctx("col_1"), *a, lending::ChargeOffReason::kNone, Usd(0));
  ExpectValidAndBalanced(e);
  EXPECT_EQ(e.reason, ledger::Reason::kCollection);
  EXPECT_EQ(e.posting_key, "payment:col_1");
  EXPECT_EQ(e.object_id, "col_1");
  ASSERT_EQ(e.lines.size(), 3u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCollectionsCash), 5000);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -(700 + 3700));
  EXPECT_EQ(LineFor(e, ledger::AccountType::kAccruedInterest), -600);
}

TEST(ServicingPostingsTest, PaymentWithoutInterestHasTwoLines) {
  auto a = AllocatePayment(PlanOf(ProductKind::kPayIn4, 10000), Usd(2500), kCapture);
  ASSERT_TRUE(a.ok());
  const ledger::JournalEntry e = PaymentEntry(Ctx("col_2"), *a, lending::ChargeOffReason::kNone, Usd(0));
  ExpectValidAndBalanced(e);
  ASSERT_EQ(e.lines.size(), 2u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -2500);
}

TEST(ServicingPostingsTest, RecoveryIsCreditedToCreditLosses) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  CloseDays(p, Day(0), Day(120));
  ASSERT_EQ(p.status, PlanStatus::kChargedOff);
  auto a = AllocatePayment(p, Usd(3000), kCapture);
  ASSERT_TRUE(a.ok());
  const ledger::JournalEntry e = PaymentEntry(Ctx("col_3"), *a, lending::ChargeOffReason::kDelinquency, Usd(0));
  ExpectValidAndBalanced(e);
  EXPECT_EQ(e.reason, ledger::Reason::kRecovery);
  ASSERT_EQ(e.lines.size(), 2u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCollectionsCash), 3000);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCreditLossExpense), -3000);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), 0);
}

TEST(ServicingPostingsTest, ExcessCollectedIsOwedBackToTheConsumer) {
  auto a = AllocatePayment(PlanOf(ProductKind::kPayIn4, 10000), Usd(2500), kCapture);
  ASSERT_TRUE(a.ok());
  const ledger::JournalEntry e = PaymentEntry(Ctx("col_4"), *a, lending::ChargeOffReason::kNone, Usd(400));
  ExpectValidAndBalanced(e);
  ASSERT_EQ(e.lines.size(), 3u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCollectionsCash), 2900);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -2500);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerRefundsPayable), -400);

  const ledger::JournalEntry only_excess =
      PaymentEntry(Ctx("col_5"), PaymentAllocation::None(Currency::kUSD), lending::ChargeOffReason::kNone, Usd(400));
  ExpectValidAndBalanced(only_excess);
  ASSERT_EQ(only_excess.lines.size(), 2u);
  EXPECT_EQ(LineFor(only_excess, ledger::AccountType::kCollectionsCash), 400);
  EXPECT_EQ(LineFor(only_excess, ledger::AccountType::kConsumerRefundsPayable), -400);

  const ledger::JournalEntry recovery = PaymentEntry(Ctx("col_6"), *a, lending::ChargeOffReason::kDelinquency, Usd(100));
  ExpectValidAndBalanced(recovery);
  EXPECT_EQ(LineFor(recovery, ledger::AccountType::kCollectionsCash), 2600);
  EXPECT_EQ(LineFor(recovery, ledger::AccountType::kCreditLossExpense), -2500);
  EXPECT_EQ(LineFor(recovery, ledger::AccountType::kConsumerRefundsPayable), -100);
}

TEST(ServicingPostingsTest, LateFeeAndAccrualEntriesBalance) {
  const ledger::JournalEntry fee = LateFeeEntry(Ctx("pln_1"), Usd(700), 2);
  ExpectValidAndBalanced(fee);
  EXPECT_EQ(fee.reason, ledger::Reason::kLateFee);
  EXPECT_EQ(fee.posting_key, "late_fee:pln_1:2");
  EXPECT_EQ(LineFor(fee, ledger::AccountType::kConsumerReceivable), 700);
  EXPECT_EQ(LineFor(fee, ledger::AccountType::kFeeRevenue), -700);

  const ledger::JournalEntry accrual = AccrualEntry(Ctx("pln_1"), kCapture, Usd(1643));
  ExpectValidAndBalanced(accrual);
  EXPECT_EQ(accrual.reason, ledger::Reason::kInterestAccrual);
  EXPECT_EQ(accrual.posting_key, "accrual:2026-03-10:USD:pln_1");
  EXPECT_EQ(LineFor(accrual, ledger::AccountType::kAccruedInterest), 1643);
  EXPECT_EQ(LineFor(accrual, ledger::AccountType::kInterestRevenue), -1643);
}

TEST(ServicingPostingsTest, ClosureEntryWaivesFeesAndWritesBackInterest) {
  Plan p = PlanOf(ProductKind::kFinancing6, 100000, 2000);
  CloseDays(p, Day(0), Day(29));
  p.fees_charged = Usd(700);
  std::vector<Money> all;
  for (const auto& i : p.installments) all.push_back(i.principal);
  const Closure c = ClosePlan(lending::ApplyReductions(p, all));
  ASSERT_TRUE(c.needs_entry());
  const ledger::JournalEntry e = ClosureEntry(Ctx("pln_1"), c);
  ExpectValidAndBalanced(e);
  EXPECT_EQ(e.posting_key, "closure:pln_1");
  ASSERT_EQ(e.lines.size(), 4u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kFeeRevenue), 700);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -700);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kInterestRevenue), 1643);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kAccruedInterest), -1643);

  Closure recognised{p, Usd(0), Usd(-24)};
  const ledger::JournalEntry more = ClosureEntry(Ctx("pln_1"), recognised);
  ExpectValidAndBalanced(more);
  ASSERT_EQ(more.lines.size(), 2u);
  EXPECT_EQ(LineFor(more, ledger::AccountType::kInterestRevenue), -24);
  EXPECT_EQ(LineFor(more, ledger::AccountType::kAccruedInterest), 24);
}

TEST(ServicingPostingsTest, ChargeOffEntryFromARealChargeOff) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const std::vector<DayResult> r = CloseDays(p, Day(0), Day(120));
  ASSERT_TRUE(r.back().charged_off);
  const ledger::JournalEntry e = ChargeOffEntry(Ctx("pln_1"), r.back());
  ExpectValidAndBalanced(e);
  EXPECT_EQ(e.reason, ledger::Reason::kChargeOff);
  ASSERT_EQ(e.lines.size(), 2u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCreditLossExpense), 12500);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -12500);
}

TEST(ServicingPostingsTest, ChargeOffEntryWritesBackInterest) {
  DayResult r{PlanOf(ProductKind::kFinancing6, 100000, 2000)};
  r.plan.charge_off_reason = lending::ChargeOffReason::kDelinquency;
  r.charged_off = true;
  r.charged_off_principal = Usd(90000);
  r.charged_off_fees = Usd(700);
  r.interest_written_back = Usd(312);
  const ledger::JournalEntry e = ChargeOffEntry(Ctx("pln_1"), r);
  ExpectValidAndBalanced(e);
  ASSERT_EQ(e.lines.size(), 4u);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCreditLossExpense), 90700);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -90700);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kInterestRevenue), 312);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kAccruedInterest), -312);
}

// A fraud charge-off and what is later recovered on it go to fraud losses, not credit
// losses: the two loss rates are read apart.
TEST(ServicingPostingsTest, AFraudChargeOffIsAFraudLoss) {
  Plan p = PlanOf(ProductKind::kPayIn4, 10000);
  const DayResult off = ChargeOffAsFraud(p, Day(1));
  const ledger::JournalEntry e = ChargeOffEntry(Ctx("pln_1"), off);
  ExpectValidAndBalanced(e);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kFraudLossExpense), 10000);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kCreditLossExpense), 0);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kConsumerReceivable), -10000);
  // It takes no payment (ServicingCloseDayTest.AFraudChargeOff...), so it has no recoveries.
}

TEST(ServicingPostingsTest, PayoutEntryDebitsThePayable) {
  const ledger::JournalEntry e = PayoutEntry(Ctx("po_1"), kMerchant, Usd(12200));
  ExpectValidAndBalanced(e);
  EXPECT_EQ(e.reason, ledger::Reason::kPayout);
  EXPECT_EQ(e.posting_key, "payout:po_1");
  ASSERT_EQ(e.lines.size(), 2u);
  EXPECT_EQ(e.lines[0].account.owner, kMerchant);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kMerchantPayable), 12200);
  EXPECT_EQ(LineFor(e, ledger::AccountType::kSettlementCash), -12200);
}

// ---- disputes ----

Dispute OpenDispute() {
  Dispute d{};
  d.id = "dsp_1";
  d.order_id = "ord_1";
  d.reason = "not_received";
  d.opened_on = kCapture;
  d.created_at = kCaptureInstant;
  d.updated_at = kCaptureInstant;
  return d;
}

TEST(DisputeTest, AcceptingResolvesAsRefunded) {
  const Instant later = kCaptureInstant + std::chrono::hours(5);
  auto d = Respond(OpenDispute(), true, "sorry", later);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, DisputeStatus::kResolved);
  EXPECT_EQ(d->resolution, DisputeResolution::kRefunded);
  EXPECT_EQ(d->merchant_response, "sorry");
  EXPECT_EQ(d->updated_at, later);
  EXPECT_EQ(Decide(*d, DisputeResolution::kMerchantUpheld, later).status().code(), "dispute_resolved");
}

TEST(DisputeTest, ContestingPutsItUnderReviewForAnOperator) {
  auto d = Respond(OpenDispute(), false, "tracking shows delivery", kCaptureInstant);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, DisputeStatus::kUnderReview);
  EXPECT_EQ(d->resolution, DisputeResolution::kNone);
  EXPECT_EQ(d->merchant_response, "tracking shows delivery");
  EXPECT_EQ(Respond(*d, true, "", kCaptureInstant).status().code(), "dispute_not_open");
  auto decided = Decide(*d, DisputeResolution::kMerchantUpheld, kCaptureInstant);
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->status, DisputeStatus::kResolved);
  EXPECT_EQ(decided->resolution, DisputeResolution::kMerchantUpheld);
  EXPECT_EQ(Decide(*decided, DisputeResolution::kRefunded, kCaptureInstant).status().code(),
            "dispute_resolved");
}

TEST(DisputeTest, RespondingTwiceIsRefused) {
  auto d = Respond(OpenDispute(), true, "", kCaptureInstant);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Respond(*d, true, "", kCaptureInstant).status().code(), "dispute_not_open");
  EXPECT_EQ(Respond(*d, false, "", kCaptureInstant).status().code(), "dispute_not_open");
}

TEST(DisputeTest, OperatorMayDecideAnOpenDispute) {
  auto d = Decide(OpenDispute(), DisputeResolution::kRefunded, kCaptureInstant);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, DisputeStatus::kResolved);
  EXPECT_EQ(d->resolution, DisputeResolution::kRefunded);
}

// Only a purchase the consumer did not make is the lender's loss to write off: a parcel
// that never came is the merchant's to refund or to prove delivered.
TEST(DisputeTest, OnlyAnUnauthorizedDisputeCanBeWrittenOff) {
  const auto refused = Decide(OpenDispute(), DisputeResolution::kWrittenOff, kCaptureInstant);
  EXPECT_EQ(refused.status().code(), "resolution_not_allowed");
  Dispute unauthorized = OpenDispute();
  unauthorized.reason = "unauthorized";
  auto contested = Respond(unauthorized, false, "shipped to the address on the order", kCaptureInstant);
  ASSERT_TRUE(contested.ok());
  auto written_off = Decide(*contested, DisputeResolution::kWrittenOff, kCaptureInstant);
  ASSERT_TRUE(written_off.ok());
  EXPECT_EQ(written_off->status, DisputeStatus::kResolved);
  EXPECT_EQ(written_off->resolution, DisputeResolution::kWrittenOff);
  EXPECT_EQ(DisputeResolutionName(written_off->resolution), "written_off");
  EXPECT_EQ(Decide(*written_off, DisputeResolution::kWrittenOff, kCaptureInstant).status().code(),
            "dispute_resolved");
}

TEST(DisputeTest, NamesAndReasons) {
  EXPECT_TRUE(IsDisputeReason("unauthorized"));
  EXPECT_FALSE(IsDisputeReason("changed_my_mind"));
  EXPECT_EQ(DisputeStatusName(DisputeStatus::kUnderReview), "under_review");
  EXPECT_EQ(ParseDisputeResolution("merchant_upheld"), DisputeResolution::kMerchantUpheld);
  EXPECT_EQ(ParseDisputeResolution("written_off"), DisputeResolution::kWrittenOff);
  EXPECT_FALSE(ParseDisputeResolution("none").has_value());
}

}  // namespace
}  // namespace tranche::servicing
