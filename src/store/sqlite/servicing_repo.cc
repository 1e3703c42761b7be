// Payment methods, collections, disputes and closed business dates in SQLite.
#include "core/enum_names.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tranche::store::sqlite {

using servicing::Collection;
using servicing::CollectionStatus;
using servicing::Dispute;

namespace {

constexpr char kCollectionById[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE id = ?";
constexpr char kOpenCollections[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE status = ? AND id > ? ORDER BY id LIMIT ?";
constexpr char kCollectionsOfPlan[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE plan_id = ? ORDER BY created_at_us, id";

constexpr char kDisputeById[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE id = ?";
constexpr char kUnresolvedDispute[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE order_id = ? AND status <> 'resolved'";
constexpr char kDisputesOfMerchant[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?";
constexpr char kDisputesOfConsumer[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE consumer_id = ? AND id > ? ORDER BY id LIMIT ?";
constexpr char kAllDisputes[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE id > ? ORDER BY id LIMIT ?";

constexpr servicing::DisputeResolution kResolutions[] = {servicing::DisputeResolution::kNone,
                                                         servicing::DisputeResolution::kRefunded,
                                                         servicing::DisputeResolution::kMerchantUpheld};

Result<Collection> ReadCollection(const Statement& s) {
  const auto date = ParseDate(s.Text(4));
  const auto currency = ParseCurrency(s.Text(6));
  const auto type = payments::ParseMethodType(s.Text(9));
  const auto status = ParseByName<CollectionStatus>(servicing::kAllCollectionStatuses,
                                                    servicing::CollectionStatusName, s.Text(12));
  if (!date || !currency || !type || !status) return Status::Internal("stored collection is malformed");
  Collection c{s.Text(0), s.Text(1), s.Text(2), s.Text(3), *date, static_cast<int>(s.Int(5)),
               Money(s.Int(7), *currency), s.Int(8) != 0, payments::PaymentMethod{*type, s.Text(10), s.Text(11)},
               *status, s.Text(13), s.Text(14), InstantFromUnixMicros(s.Int(15))};
  if (!s.IsNull(16)) c.resolved_at = InstantFromUnixMicros(s.Int(16));
  return c;
}

Result<Dispute> ReadDispute(const Statement& s) {
  const auto status = ParseByName<servicing::DisputeStatus>(servicing::kAllDisputeStatuses,
                                                            servicing::DisputeStatusName, s.Text(5));
  const auto resolution =
      ParseByName<servicing::DisputeResolution>(kResolutions, servicing::DisputeResolutionName, s.Text(6));
  const auto opened = ParseDate(s.Text(8));
  if (!status || !resolution || !opened) return Status::Internal("stored dispute is malformed");
  return Dispute{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), *status, *resolution, s.Text(7),
                 *opened, InstantFromUnixMicros(s.Int(9)), InstantFromUnixMicros(s.Int(10))};
}

}  // namespace

Result<payments::PaymentMethod> SqliteServicingRepo::FindPaymentMethod(std::string_view consumer_id) {
  auto s = c_.Prepare("SELECT type, last4, profile FROM payment_methods WHERE consumer_id = ?");
  s.Bind(1, consumer_id);
  TRANCHE_ASSIGN_OR_RETURN(auto m, FindOne<payments::PaymentMethod>(s, [](const Statement& st)
                                                                        -> Result<payments::PaymentMethod> {
    const auto type = payments::ParseMethodType(st.Text(0));
    if (!type) return Status::Internal("stored payment method is malformed");
    return payments::PaymentMethod{*type, st.Text(1), st.Text(2)};
  }));
  return m.value_or(payments::PaymentMethod{});
}

Status SqliteServicingRepo::SetPaymentMethod(std::string_view consumer_id, const payments::PaymentMethod& m) {
  auto s = c_.Prepare(
      "INSERT INTO payment_methods(consumer_id, type, last4, profile, updated_at_us) VALUES (?, ?, ?, ?, 0)"
      " ON CONFLICT(consumer_id) DO UPDATE SET type = excluded.type, last4 = excluded.last4,"
      " profile = excluded.profile");
  s.Bind(1, consumer_id).Bind(2, payments::MethodTypeName(m.type)).Bind(3, m.last4).Bind(4, m.profile);
  return s.Run();
}

Result<bool> SqliteServicingRepo::InsertCollection(const Collection& c) {
  auto s = c_.Prepare(
      "INSERT INTO collections(id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor,"
      " payoff, method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
      " resolved_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING");
  s.Bind(1, c.id).Bind(2, c.plan_id).Bind(3, c.consumer_id).Bind(4, c.source).Bind(5, FormatDate(c.business_date))
      .Bind(6, c.attempt).Bind(7, CurrencyCode(c.amount.currency())).Bind(8, c.amount.minor())
      .Bind(9, c.payoff ? 1 : 0).Bind(10, payments::MethodTypeName(c.method.type)).Bind(11, c.method.last4)
      .Bind(12, c.method.profile).Bind(13, servicing::CollectionStatusName(c.status)).Bind(14, c.failure_code)
      .Bind(15, c.processor_ref).Bind(16, UnixMicros(c.created_at));
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return c_.Changes() == 1;
}

Status SqliteServicingRepo::UpdateCollection(const Collection& c) {
  auto s = c_.Prepare(
      "UPDATE collections SET status = ?, failure_code = ?, processor_ref = ?, resolved_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::CollectionStatusName(c.status)).Bind(2, c.failure_code).Bind(3, c.processor_ref);
  BindOptional(s, 4, c.resolved_at);
  s.Bind(5, c.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Collection>> SqliteServicingRepo::FindCollection(std::string_view id) {
  auto s = c_.Prepare(kCollectionById);
  s.Bind(1, id);
  return FindOne<Collection>(s, ReadCollection);
}

Result<std::vector<Collection>> SqliteServicingRepo::ListCollections(CollectionStatus status,
                                                                     std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(kOpenCollections);
  s.Bind(1, servicing::CollectionStatusName(status)).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Collection>(s, ReadCollection);
}

Result<std::vector<Collection>> SqliteServicingRepo::ListCollectionsOfPlan(std::string_view plan_id) {
  auto s = c_.Prepare(kCollectionsOfPlan);
  s.Bind(1, plan_id);
  return CollectAll<Collection>(s, ReadCollection);
}

Result<bool> SqliteServicingRepo::HasOpenCollection(std::string_view plan_id) {
  auto s = c_.Prepare("SELECT 1 FROM collections WHERE plan_id = ? AND status IN ('pending', 'unknown') LIMIT 1");
  s.Bind(1, plan_id);
  return s.Step();
}

Status SqliteServicingRepo::InsertConsumerRefund(const servicing::ConsumerRefund& r) {
  auto s = c_.Prepare(
      "INSERT INTO consumer_refunds(id, consumer_id, currency, amount_minor, method_type, method_last4,"
      " method_profile, status, processor_ref, created_at_us, resolved_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)");
  s.Bind(1, r.id).Bind(2, r.consumer_id).Bind(3, CurrencyCode(r.amount.currency())).Bind(4, r.amount.minor())
      .Bind(5, payments::MethodTypeName(r.method.type)).Bind(6, r.method.last4).Bind(7, r.method.profile)
      .Bind(8, servicing::CollectionStatusName(r.status)).Bind(9, r.processor_ref).Bind(10, UnixMicros(r.created_at));
  return s.Run();
}

Status SqliteServicingRepo::UpdateConsumerRefund(const servicing::ConsumerRefund& r) {
  auto s = c_.Prepare("UPDATE consumer_refunds SET status = ?, processor_ref = ?, resolved_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::CollectionStatusName(r.status)).Bind(2, r.processor_ref);
  BindOptional(s, 3, r.resolved_at);
  s.Bind(4, r.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::vector<servicing::ConsumerRefund>> SqliteServicingRepo::ListConsumerRefunds(
    CollectionStatus status, std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, consumer_id, currency, amount_minor, method_type, method_last4, method_profile, status,"
      " processor_ref, created_at_us, resolved_at_us FROM consumer_refunds WHERE status = ? AND id > ?"
      " ORDER BY id LIMIT ?");
  s.Bind(1, servicing::CollectionStatusName(status)).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::ConsumerRefund>(s, [](const Statement& st) -> Result<servicing::ConsumerRefund> {
    const auto currency = ParseCurrency(st.Text(2));
    const auto type = payments::ParseMethodType(st.Text(4));
    const auto state = ParseByName<CollectionStatus>(servicing::kAllCollectionStatuses,
                                                     servicing::CollectionStatusName, st.Text(7));
    if (!currency || !type || !state) return Status::Internal("stored consumer refund is malformed");
    servicing::ConsumerRefund r{st.Text(0), st.Text(1), Money(st.Int(3), *currency),
                                payments::PaymentMethod{*type, st.Text(5), st.Text(6)}, *state, st.Text(8),
                                InstantFromUnixMicros(st.Int(9))};
    if (!st.IsNull(10)) r.resolved_at = InstantFromUnixMicros(st.Int(10));
    return r;
  });
}

Result<std::vector<servicing::OwedRefund>> SqliteServicingRepo::ListOwedRefunds(std::size_t limit) {
  // The payable is credit-normal: owed = credits − debits, less refunds in flight.
  auto s = c_.Prepare(
      "SELECT a.owner, a.currency, a.credits_minor - a.debits_minor - COALESCE((SELECT SUM(r.amount_minor)"
      "  FROM consumer_refunds r WHERE r.consumer_id = a.owner AND r.currency = a.currency"
      "  AND r.status IN ('pending', 'unknown')), 0) AS owed"
      " FROM ledger_accounts a WHERE a.type = 'consumer_refunds_payable' AND a.credits_minor > a.debits_minor"
      " AND owed > 0 ORDER BY a.id LIMIT ?");
  s.Bind(1, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::OwedRefund>(s, [](const Statement& st) -> Result<servicing::OwedRefund> {
    const auto currency = ParseCurrency(st.Text(1));
    if (!currency) return Status::Internal("stored account is malformed");
    return servicing::OwedRefund{st.Text(0), Money(st.Int(2), *currency)};
  });
}

Status SqliteServicingRepo::InsertDispute(const Dispute& d) {
  auto s = c_.Prepare(
      "INSERT INTO disputes(id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response,"
      " opened_on, created_at_us, updated_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.order_id).Bind(3, d.merchant_id).Bind(4, d.consumer_id).Bind(5, d.reason)
      .Bind(6, servicing::DisputeStatusName(d.status)).Bind(7, servicing::DisputeResolutionName(d.resolution))
      .Bind(8, d.merchant_response).Bind(9, FormatDate(d.opened_on)).Bind(10, UnixMicros(d.created_at))
      .Bind(11, UnixMicros(d.updated_at));
  return s.Run();
}

Status SqliteServicingRepo::UpdateDispute(const Dispute& d) {
  auto s = c_.Prepare(
      "UPDATE disputes SET status = ?, resolution = ?, merchant_response = ?, updated_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::DisputeStatusName(d.status)).Bind(2, servicing::DisputeResolutionName(d.resolution))
      .Bind(3, d.merchant_response).Bind(4, UnixMicros(d.updated_at)).Bind(5, d.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Dispute>> SqliteServicingRepo::FindDispute(std::string_view id) {
  auto s = c_.Prepare(kDisputeById);
  s.Bind(1, id);
  return FindOne<Dispute>(s, ReadDispute);
}

Result<std::optional<Dispute>> SqliteServicingRepo::FindUnresolvedDispute(std::string_view order_id) {
  auto s = c_.Prepare(kUnresolvedDispute);
  s.Bind(1, order_id);
  return FindOne<Dispute>(s, ReadDispute);
}

Result<std::vector<Dispute>> SqliteServicingRepo::ListDisputes(std::optional<std::string_view> merchant_id,
                                                               std::optional<std::string_view> consumer_id,
                                                               std::string_view after_id, std::size_t limit) {
  const auto n = static_cast<std::int64_t>(limit);
  if (merchant_id) {
    auto s = c_.Prepare(kDisputesOfMerchant);
    s.Bind(1, *merchant_id).Bind(2, after_id).Bind(3, n);
    return CollectAll<Dispute>(s, ReadDispute);
  }
  if (consumer_id) {
    auto s = c_.Prepare(kDisputesOfConsumer);
    s.Bind(1, *consumer_id).Bind(2, after_id).Bind(3, n);
    return CollectAll<Dispute>(s, ReadDispute);
  }
  auto s = c_.Prepare(kAllDisputes);
  s.Bind(1, after_id).Bind(2, n);
  return CollectAll<Dispute>(s, ReadDispute);
}

Result<std::optional<Date>> SqliteServicingRepo::LastClosedDate() {
  auto s = c_.Prepare("SELECT MAX(business_date) FROM cob_runs");
  return AggregateDate(s);
}

Result<std::optional<servicing::CobRun>> SqliteServicingRepo::FindRun(Date business_date) {
  auto s = c_.Prepare("SELECT business_date, started_at_us, finished_at_us, report FROM cob_runs WHERE business_date = ?");
  s.Bind(1, FormatDate(business_date));
  return FindOne<servicing::CobRun>(s, [&](const Statement& st) -> Result<servicing::CobRun> {
    return servicing::CobRun{business_date, InstantFromUnixMicros(st.Int(1)), InstantFromUnixMicros(st.Int(2)),
                             st.Text(3)};
  });
}

Result<std::vector<servicing::CobRun>> SqliteServicingRepo::ListRuns(std::string_view before_date,
                                                                      std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT business_date, started_at_us, finished_at_us, report FROM cob_runs"
      " WHERE (? = '' OR business_date < ?) ORDER BY business_date DESC LIMIT ?");
  s.Bind(1, before_date).Bind(2, before_date).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::CobRun>(s, [](const Statement& st) -> Result<servicing::CobRun> {
    const auto d = ParseDate(st.Text(0));
    if (!d) return Status::Internal("stored business date is malformed");
    return servicing::CobRun{*d, InstantFromUnixMicros(st.Int(1)), InstantFromUnixMicros(st.Int(2)), st.Text(3)};
  });
}

Status SqliteServicingRepo::InsertRun(const servicing::CobRun& r) {
  auto s = c_.Prepare("INSERT INTO cob_runs(business_date, started_at_us, finished_at_us, report) VALUES (?, ?, ?, ?)");
  s.Bind(1, FormatDate(r.business_date)).Bind(2, UnixMicros(r.started_at)).Bind(3, UnixMicros(r.finished_at))
      .Bind(4, r.report_json);
  return s.Run();
}

}  // namespace tranche::store::sqlite
