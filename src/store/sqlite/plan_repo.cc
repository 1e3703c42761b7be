// Plans and their instalments in SQLite.
#include "core/enum_names.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tranche::store::sqlite {

using lending::Plan;
using lending::PlanInstallment;

namespace {

constexpr char kPlanById[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us FROM plans WHERE id = ?";
constexpr char kPlansOfOrder[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us FROM plans WHERE order_id = ? ORDER BY id";
constexpr char kPlansOfConsumer[] =
    "SELECT id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency,"
    " amount_minor, status, created_at_us FROM plans WHERE consumer_id = ? AND id > ?"
    " ORDER BY id LIMIT ?";
constexpr char kInstallmentsOf[] =
    "SELECT number, due_date, principal_minor, interest_minor, paid_minor"
    " FROM plan_installments WHERE plan_id = ? ORDER BY number";

Result<Plan> ReadPlanRow(const Statement& s) {
  const auto product = lending::ParseProduct(s.Text(5));
  const auto currency = ParseCurrency(s.Text(7));
  const auto status = ParseByName<lending::PlanStatus>(lending::kAllPlanStatuses,
                                                       lending::PlanStatusName, s.Text(9));
  if (!product || !currency || !status) return Status::Internal("stored plan is malformed");
  return Plan{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), *product, s.Int(6),
              Money(s.Int(8), *currency), *status, InstantFromUnixMicros(s.Int(10)), {}};
}

}  // namespace

Status SqlitePlanRepo::Insert(const Plan& p) {
  auto s = c_.Prepare(
      "INSERT INTO plans(id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps,"
      " currency, amount_minor, status, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, p.id).Bind(2, p.order_id).Bind(3, p.capture_id).Bind(4, p.consumer_id)
      .Bind(5, p.merchant_id).Bind(6, lending::ProductName(p.product)).Bind(7, p.apr_bps)
      .Bind(8, CurrencyCode(p.amount.currency())).Bind(9, p.amount.minor())
      .Bind(10, lending::PlanStatusName(p.status)).Bind(11, UnixMicros(p.created_at));
  TRANCHE_RETURN_IF_ERROR(s.Run());
  for (const PlanInstallment& i : p.installments) {
    auto ins = c_.Prepare(
        "INSERT INTO plan_installments(plan_id, number, due_date, principal_minor, interest_minor,"
        " paid_minor, consumer_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.Bind(1, p.id).Bind(2, i.number).Bind(3, FormatDate(i.due_date)).Bind(4, i.principal.minor())
        .Bind(5, i.interest.minor()).Bind(6, i.paid.minor()).Bind(7, p.consumer_id);
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Status SqlitePlanRepo::Update(const Plan& p) {
  auto s = c_.Prepare("UPDATE plans SET status = ? WHERE id = ?");
  s.Bind(1, lending::PlanStatusName(p.status)).Bind(2, p.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  for (const PlanInstallment& i : p.installments) {
    auto up = c_.Prepare(
        "UPDATE plan_installments SET due_date = ?, principal_minor = ?, interest_minor = ?,"
        " paid_minor = ? WHERE plan_id = ? AND number = ?");
    up.Bind(1, FormatDate(i.due_date)).Bind(2, i.principal.minor()).Bind(3, i.interest.minor())
        .Bind(4, i.paid.minor()).Bind(5, p.id).Bind(6, i.number);
    TRANCHE_RETURN_IF_ERROR(up.Run());
    TRANCHE_ASSERT(c_.Changes() == 1);
  }
  return Status::Ok();
}

Status SqlitePlanRepo::LoadInstallments(Plan& p) {
  auto s = c_.Prepare(kInstallmentsOf);
  s.Bind(1, p.id);
  const Currency c = p.amount.currency();
  TRANCHE_ASSIGN_OR_RETURN(
      p.installments, CollectAll<PlanInstallment>(s, [c](const Statement& st) -> Result<PlanInstallment> {
        const auto due = ParseDate(st.Text(1));
        if (!due) return Status::Internal("stored instalment has a malformed due date");
        return PlanInstallment{static_cast<int>(st.Int(0)), *due, Money(st.Int(2), c),
                               Money(st.Int(3), c), Money(st.Int(4), c)};
      }));
  if (p.installments.empty()) return Status::Internal("stored plan has no instalments");
  return Status::Ok();
}

Result<std::vector<Plan>> SqlitePlanRepo::LoadAll(Statement& s) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, CollectAll<Plan>(s, ReadPlanRow));
  for (Plan& p : plans) TRANCHE_RETURN_IF_ERROR(LoadInstallments(p));
  return plans;
}

Result<std::optional<Plan>> SqlitePlanRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kPlanById);
  s.Bind(1, id);
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Plan> p, FindOne<Plan>(s, ReadPlanRow));
  if (p) TRANCHE_RETURN_IF_ERROR(LoadInstallments(*p));
  return p;
}

Result<std::vector<Plan>> SqlitePlanRepo::ListByOrder(std::string_view order_id) {
  auto s = c_.Prepare(kPlansOfOrder);
  s.Bind(1, order_id);
  return LoadAll(s);
}

Result<std::vector<Plan>> SqlitePlanRepo::ListByConsumer(std::string_view consumer_id,
                                                         std::string_view after_id,
                                                         std::size_t limit) {
  auto s = c_.Prepare(kPlansOfConsumer);
  s.Bind(1, consumer_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return LoadAll(s);
}

Result<std::optional<Date>> SqlitePlanRepo::OldestOverdue(std::string_view consumer_id, Date today) {
  auto s = c_.Prepare(
      "SELECT MIN(due_date) FROM plan_installments WHERE consumer_id = ? AND due_date < ?"
      " AND paid_minor < principal_minor + interest_minor");
  s.Bind(1, consumer_id).Bind(2, FormatDate(today));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  if (s.IsNull(0)) return std::optional<Date>();
  const auto due = ParseDate(s.Text(0));
  if (!due) return Status::Internal("stored instalment has a malformed due date");
  return due;
}

}  // namespace tranche::store::sqlite
