// Plans and their instalments in SQLite.
#include "core/enum_names.h"
#include "store/sql/plan_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using lending::Plan;
using lending::PlanInstallment;

namespace {

constexpr char kPlanById[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us, fees_charged_minor, fees_paid_minor, interest_accrued_minor,"
    " accrual_carry, serviced_through, paused_from, paused_until, pause_reason, extended, bucket,"
    " charged_off_on, recovered_minor, charge_off_reason, accrued_through FROM plans WHERE id = ?";
constexpr char kPlansOfOrder[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us, fees_charged_minor, fees_paid_minor, interest_accrued_minor,"
    " accrual_carry, serviced_through, paused_from, paused_until, pause_reason, extended, bucket,"
    " charged_off_on, recovered_minor, charge_off_reason, accrued_through FROM plans WHERE order_id = ? ORDER BY id";
constexpr char kPlansOfConsumer[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us, fees_charged_minor, fees_paid_minor, interest_accrued_minor,"
    " accrual_carry, serviced_through, paused_from, paused_until, pause_reason, extended, bucket,"
    " charged_off_on, recovered_minor, charge_off_reason, accrued_through FROM plans WHERE consumer_id = ? AND id > ?"
    " ORDER BY id LIMIT ?";
constexpr char kInstallmentsOf[] =
    "SELECT number, due_date, principal_minor, interest_minor, paid_minor, late_fee_charged,"
    " interest_paid_minor FROM plan_installments WHERE plan_id = ? ORDER BY number";

Result<Plan> ReadPlanRow(const Statement& s) {
  const auto product = lending::ParseProduct(s.Text(5));
  const auto currency = ParseCurrency(s.Text(7));
  const auto status = ParseByName<lending::PlanStatus>(lending::kAllPlanStatuses,
                                                       lending::PlanStatusName, s.Text(9));
  const auto bucket = ParseByName<lending::Bucket>(lending::kAllBuckets, lending::BucketName, s.Text(20));
  const auto charge_off_reason = ParseByName<lending::ChargeOffReason>(
      lending::kAllChargeOffReasons, lending::ChargeOffReasonName, s.Text(23));
  if (!product || !currency || !status || !bucket || !charge_off_reason) {
    return Status::Internal("stored plan is malformed");
  }
  const auto money = [&](int column) { return Money(s.Int(column), *currency); };
  Plan p{s.Text(0), s.Text(1),   s.Text(2), s.Text(3), s.Text(4), *product, s.Int(6), money(8), *status,
         InstantFromUnixMicros(s.Int(10)), {}, money(11), money(12), money(13), money(22)};
  p.accrual_carry = s.Int(14);
  p.pause_reason = s.Text(18);
  p.extended = s.Int(19) != 0;
  p.bucket = *bucket;
  p.charge_off_reason = *charge_off_reason;
  if (!ReadOptionalDate(s, 15, p.serviced_through) || !ReadOptionalDate(s, 16, p.paused_from) ||
      !ReadOptionalDate(s, 17, p.paused_until) || !ReadOptionalDate(s, 21, p.charged_off_on) ||
      !ReadOptionalDate(s, 24, p.accrued_through)) {
    return Status::Internal("stored plan has a malformed date");
  }
  return p;
}

// Binds the servicing columns, in the order the statements name them
// (fees_charged_minor … charge_off_reason, accrued_through), at first .. first + 13.
// The row has one currency column: every amount of the plan is in it.
void BindServicing(Statement& s, int first, const Plan& p) {
  for (const Money m : {p.fees_charged, p.fees_paid, p.interest_accrued, p.recovered}) {
    TRANCHE_ASSERT(m.currency() == p.amount.currency());
  }
  s.Bind(first, p.fees_charged.minor()).Bind(first + 1, p.fees_paid.minor()).Bind(first + 2, p.interest_accrued.minor())
      .Bind(first + 3, p.accrual_carry);
  BindOptional(s, first + 4, p.serviced_through);
  BindOptional(s, first + 5, p.paused_from);
  BindOptional(s, first + 6, p.paused_until);
  s.Bind(first + 7, p.pause_reason).Bind(first + 8, p.extended ? 1 : 0).Bind(first + 9, lending::BucketName(p.bucket));
  BindOptional(s, first + 10, p.charged_off_on);
  s.Bind(first + 11, p.recovered.minor());
  TRANCHE_ASSERT((p.status == lending::PlanStatus::kChargedOff) ==
                 (p.charge_off_reason != lending::ChargeOffReason::kNone));
  s.Bind(first + 12, lending::ChargeOffReasonName(p.charge_off_reason));
  BindOptional(s, first + 13, p.accrued_through);
}

}  // namespace

Status SqlPlanRepo::Insert(const Plan& p) {
  auto s = c_.Prepare(
      "INSERT INTO plans(id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps,"
      " currency, amount_minor, status, created_at_us, fees_charged_minor, fees_paid_minor,"
      " interest_accrued_minor, accrual_carry, serviced_through, paused_from, paused_until, pause_reason,"
      " extended, bucket, charged_off_on, recovered_minor, charge_off_reason, accrued_through)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, p.id).Bind(2, p.order_id).Bind(3, p.capture_id).Bind(4, p.consumer_id)
      .Bind(5, p.merchant_id).Bind(6, lending::ProductName(p.product)).Bind(7, p.apr_bps)
      .Bind(8, CurrencyCode(p.amount.currency())).Bind(9, p.amount.minor())
      .Bind(10, lending::PlanStatusName(p.status)).Bind(11, UnixMicros(p.created_at));
  BindServicing(s, 12, p);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  for (const PlanInstallment& i : p.installments) {
    auto ins = c_.Prepare(
        "INSERT INTO plan_installments(plan_id, number, due_date, principal_minor, interest_minor,"
        " paid_minor, consumer_id, late_fee_charged, interest_paid_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.Bind(1, p.id).Bind(2, i.number).Bind(3, FormatDate(i.due_date)).Bind(4, i.principal.minor())
        .Bind(5, i.interest.minor()).Bind(6, i.paid.minor()).Bind(7, p.consumer_id)
        .Bind(8, i.late_fee_charged ? 1 : 0).Bind(9, i.interest_paid.minor());
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Status SqlPlanRepo::Update(const Plan& p) {
  TRANCHE_RETURN_IF_ERROR(UpdateState(p));
  // Only the instalments that changed are written: a payment or a fee usually changes
  // one of four or twelve, and each write also moves the row in the unpaid indexes, so
  // reading them first costs less than rewriting them all.
  TRANCHE_ASSIGN_OR_RETURN(const std::vector<PlanInstallment> stored, ReadInstallments(p.id, p.amount.currency()));
  TRANCHE_ASSERT_MSG(stored.size() == p.installments.size(), "a plan keeps its instalments");
  for (std::size_t k = 0; k < p.installments.size(); ++k) {
    const PlanInstallment& i = p.installments[k];
    TRANCHE_ASSERT(stored[k].number == i.number);
    if (stored[k] == i) continue;
    auto up = c_.Prepare(
        "UPDATE plan_installments SET due_date = ?, principal_minor = ?, interest_minor = ?,"
        " paid_minor = ?, late_fee_charged = ?, interest_paid_minor = ? WHERE plan_id = ? AND number = ?");
    up.Bind(1, FormatDate(i.due_date)).Bind(2, i.principal.minor()).Bind(3, i.interest.minor())
        .Bind(4, i.paid.minor()).Bind(5, i.late_fee_charged ? 1 : 0).Bind(6, i.interest_paid.minor())
        .Bind(7, p.id).Bind(8, i.number);
    TRANCHE_RETURN_IF_ERROR(up.Run());
    TRANCHE_ASSERT(c_.Changes() == 1);
  }
  return Status::Ok();
}

Status SqlPlanRepo::UpdateState(const Plan& p) {
  auto s = c_.Prepare(
      "UPDATE plans SET fees_charged_minor = ?, fees_paid_minor = ?, interest_accrued_minor = ?,"
      " accrual_carry = ?, serviced_through = ?, paused_from = ?, paused_until = ?, pause_reason = ?,"
      " extended = ?, bucket = ?, charged_off_on = ?, recovered_minor = ?, charge_off_reason = ?,"
      " accrued_through = ?, status = ? WHERE id = ?");
  BindServicing(s, 1, p);
  s.Bind(15, lending::PlanStatusName(p.status)).Bind(16, p.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::vector<std::string>> SqlPlanRepo::ListToClose(Date d, Date reminder_due, bool earning) {
  // Plans with something unpaid due by d or due exactly at the reminder horizon, pauses
  // ending, and when `earning` every plan earning interest; only those not yet closed
  // through d. A plan whose next instalment falls due between those days has no work
  // on d (servicing::CloseDay looks at d alone), so it is not visited.
  auto s = c_.Prepare(
      "SELECT p.id FROM plans p JOIN ("
      " SELECT plan_id AS id FROM plan_installments WHERE due_date <= ?2 AND (due_date <= ?1 OR due_date = ?2)"
      "  AND paid_minor < principal_minor + interest_minor"
      " UNION SELECT id FROM plans WHERE ?3 = 1 AND status = 'active' AND apr_bps > 0"
      " UNION SELECT id FROM plans WHERE paused_until IS NOT NULL AND paused_until <= ?1) c ON c.id = p.id"
      " WHERE p.status = 'active' AND (p.serviced_through IS NULL OR p.serviced_through < ?1) ORDER BY p.id");
  s.Bind(1, FormatDate(d)).Bind(2, FormatDate(reminder_due)).Bind(3, std::int64_t{earning ? 1 : 0});
  return CollectAll<std::string>(s, [](const Statement& st) -> Result<std::string> { return st.Text(0); });
}

Result<std::vector<lending::MerchantPlans>> SqlPlanRepo::MerchantDelinquency(Instant from, Instant to,
                                                                            std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT merchant_id, COUNT(*), SUM(CASE WHEN status = 'charged_off' OR bucket <> 'current' THEN 1 ELSE 0 END)"
      " FROM plans WHERE created_at_us >= ? AND created_at_us < ? GROUP BY merchant_id ORDER BY merchant_id LIMIT ?");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<lending::MerchantPlans>(s, [](const Statement& st) -> Result<lending::MerchantPlans> {
    return lending::MerchantPlans{st.Text(0), st.Int(1), st.Int(2)};
  });
}

Result<std::vector<lending::PortfolioLine>> SqlPlanRepo::Portfolio() {
  auto s = c_.Prepare(
      "SELECT p.currency, p.status, p.bucket, COUNT(*), SUM(o.unpaid), SUM(p.fees_charged_minor - p.fees_paid_minor),"
      " p.charge_off_reason"
      " FROM plans p JOIN (SELECT plan_id, SUM(principal_minor + interest_minor - paid_minor) AS unpaid"
      "  FROM plan_installments GROUP BY plan_id) o ON o.plan_id = p.id"
      " GROUP BY p.currency, p.status, p.bucket, p.charge_off_reason"
      " ORDER BY p.currency, p.status, p.bucket, p.charge_off_reason");
  return CollectAll<lending::PortfolioLine>(s, [](const Statement& st) -> Result<lending::PortfolioLine> {
    const auto currency = ParseCurrency(st.Text(0));
    const auto status = ParseByName<lending::PlanStatus>(lending::kAllPlanStatuses, lending::PlanStatusName, st.Text(1));
    const auto bucket = ParseByName<lending::Bucket>(lending::kAllBuckets, lending::BucketName, st.Text(2));
    const auto reason = ParseByName<lending::ChargeOffReason>(lending::kAllChargeOffReasons,
                                                             lending::ChargeOffReasonName, st.Text(6));
    if (!currency || !status || !bucket || !reason) return Status::Internal("stored plan is malformed");
    return lending::PortfolioLine{*status, *bucket, *reason, st.Int(3), Money(st.Int(4), *currency),
                                  Money(st.Int(5), *currency)};
  });
}

Result<std::vector<PlanInstallment>> SqlPlanRepo::ReadInstallments(std::string_view plan_id, Currency c) {
  auto s = c_.Prepare(kInstallmentsOf);
  s.Bind(1, plan_id);
  TRANCHE_ASSIGN_OR_RETURN(auto installments,
                           CollectAll<PlanInstallment>(s, [c](const Statement& st) -> Result<PlanInstallment> {
                             const auto due = ParseDate(st.Text(1));
                             if (!due) return Status::Internal("stored instalment has a malformed due date");
                             return PlanInstallment{static_cast<int>(st.Int(0)), *due, Money(st.Int(2), c),
                                                    Money(st.Int(3), c), Money(st.Int(4), c), Money(st.Int(6), c),
                                                    st.Int(5) != 0};
                           }));
  if (installments.empty()) return Status::Internal("stored plan has no instalments");
  return installments;
}

Status SqlPlanRepo::LoadInstallments(Plan& p) {
  TRANCHE_ASSIGN_OR_RETURN(p.installments, ReadInstallments(p.id, p.amount.currency()));
  return Status::Ok();
}

Result<std::vector<Plan>> SqlPlanRepo::LoadAll(Statement& s) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, CollectAll<Plan>(s, ReadPlanRow));
  for (Plan& p : plans) TRANCHE_RETURN_IF_ERROR(LoadInstallments(p));
  return plans;
}

Result<std::optional<Plan>> SqlPlanRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kPlanById);
  s.Bind(1, id);
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Plan> p, FindOne<Plan>(s, ReadPlanRow));
  if (p) TRANCHE_RETURN_IF_ERROR(LoadInstallments(*p));
  return p;
}

Result<std::vector<Plan>> SqlPlanRepo::ListByOrder(std::string_view order_id) {
  auto s = c_.Prepare(kPlansOfOrder);
  s.Bind(1, order_id);
  return LoadAll(s);
}

Result<std::vector<Plan>> SqlPlanRepo::ListByConsumer(std::string_view consumer_id,
                                                         std::string_view after_id,
                                                         std::size_t limit) {
  auto s = c_.Prepare(kPlansOfConsumer);
  s.Bind(1, consumer_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return LoadAll(s);
}

Result<std::optional<Date>> SqlPlanRepo::OldestOverdue(std::string_view consumer_id, Date today) {
  // An instalment that fell due on or after a pause started counts from its date moved
  // by the pause's length (servicing::AsOf): while the pause runs that is after today,
  // and once it has ended the shift applies at once, before the daily job stores it.
  // The shift is date arithmetic, done here rather than in either database's dialect.
  auto s = c_.Prepare(
      "SELECT i.due_date, p.paused_from, p.paused_until"
      " FROM plan_installments i JOIN plans p ON p.id = i.plan_id"
      " WHERE i.consumer_id = ?1 AND i.due_date < ?2 AND i.paid_minor < i.principal_minor + i.interest_minor");
  s.Bind(1, consumer_id).Bind(2, FormatDate(today));
  std::optional<Date> oldest;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return oldest;
    const std::optional<Date> due = ParseDate(s.Text(0));
    std::optional<Date> from;
    std::optional<Date> until;
    if (!due || !ReadOptionalDate(s, 1, from) || !ReadOptionalDate(s, 2, until)) {
      return Status::Internal("a stored date is malformed");
    }
    std::chrono::sys_days shifted{*due};
    if (from && *due >= *from) {
      if (!until) continue;  // a pause is stored with both its dates
      shifted += std::chrono::sys_days{*until} - std::chrono::sys_days{*from};
    }
    const Date effective{shifted};
    if (effective < today && (!oldest || effective < *oldest)) oldest = effective;
  }
}

}  // namespace tranche::store::sql
