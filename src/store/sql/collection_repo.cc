// Collections in SQLite.
#include "core/enum_names.h"
#include "store/sql/collection_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using servicing::Collection;
using servicing::CollectionStatus;

namespace {

constexpr char kCollectionById[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE id = ?";
// The IN term lets SQLite use the partial index collections_open: without it the planner
// walks the primary key from `after`, every collection ever made, each time the close
// looks for open ones.
constexpr char kOpenCollections[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE status = ? AND status IN ('pending', 'unknown') AND id > ?"
    " ORDER BY id LIMIT ?";
constexpr char kCollectionsOfPlan[] =
    "SELECT id, plan_id, consumer_id, source, business_date, attempt, currency, amount_minor, payoff,"
    " method_type, method_last4, method_profile, status, failure_code, processor_ref, created_at_us,"
    " resolved_at_us FROM collections WHERE plan_id = ? ORDER BY created_at_us, id";

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

}  // namespace

Result<bool> SqlCollectionRepo::Insert(const Collection& c) {
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

Status SqlCollectionRepo::Update(const Collection& c) {
  auto s = c_.Prepare(
      "UPDATE collections SET status = ?, failure_code = ?, processor_ref = ?, resolved_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::CollectionStatusName(c.status)).Bind(2, c.failure_code).Bind(3, c.processor_ref);
  BindOptional(s, 4, c.resolved_at);
  s.Bind(5, c.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Collection>> SqlCollectionRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kCollectionById);
  s.Bind(1, id);
  return FindOne<Collection>(s, ReadCollection);
}

Result<std::vector<Collection>> SqlCollectionRepo::ListInStatus(CollectionStatus status,
                                                                     std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(kOpenCollections);
  s.Bind(1, servicing::CollectionStatusName(status)).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Collection>(s, ReadCollection);
}

Result<std::vector<Collection>> SqlCollectionRepo::ListOfPlan(std::string_view plan_id) {
  auto s = c_.Prepare(kCollectionsOfPlan);
  s.Bind(1, plan_id);
  return CollectAll<Collection>(s, ReadCollection);
}

Result<bool> SqlCollectionRepo::HasOpen(std::string_view plan_id) {
  auto s = c_.Prepare("SELECT 1 FROM collections WHERE plan_id = ? AND status IN ('pending', 'unknown') LIMIT 1");
  s.Bind(1, plan_id);
  return s.Step();
}

Status SqlCollectionRepo::LinkRequest(const servicing::PaymentRequest& r) {
  auto s = c_.Prepare(
      "INSERT INTO payment_requests(consumer_id, request_key, request_hash, collection_id, recorded_at_us)"
      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer_id, request_key) DO UPDATE SET"
      " request_hash = excluded.request_hash, collection_id = excluded.collection_id,"
      " recorded_at_us = excluded.recorded_at_us");
  s.Bind(1, r.consumer_id).Bind(2, r.key).Bind(3, r.request_hash).Bind(4, r.collection_id)
      .Bind(5, UnixMicros(r.recorded_at));
  return s.Run();
}

Result<std::optional<servicing::PaymentRequest>> SqlCollectionRepo::FindRequest(std::string_view consumer_id,
                                                                                std::string_view key) {
  auto s = c_.Prepare(
      "SELECT consumer_id, request_key, request_hash, collection_id, recorded_at_us FROM payment_requests"
      " WHERE consumer_id = ? AND request_key = ?");
  s.Bind(1, consumer_id).Bind(2, key);
  return FindOne<servicing::PaymentRequest>(s, [](const Statement& row) -> Result<servicing::PaymentRequest> {
    return servicing::PaymentRequest{row.Text(0), row.Text(1), row.Text(2), row.Text(3),
                                     InstantFromUnixMicros(row.Int(4))};
  });
}

Result<std::vector<servicing::FailedCollection>> SqlCollectionRepo::ListFailed(Instant from, Instant to,
                                                                                  std::size_t limit) {
  // By the failed collections' time index (migration 20).
  auto s = c_.Prepare(
      "SELECT c.id, c.created_at_us, EXISTS (SELECT 1 FROM collections later WHERE later.plan_id = c.plan_id"
      "  AND later.status = 'succeeded' AND later.created_at_us > c.created_at_us)"
      " FROM collections c WHERE c.status = 'failed' AND c.created_at_us >= ? AND c.created_at_us < ?"
      " ORDER BY c.created_at_us, c.id LIMIT ?");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::FailedCollection>(s, [](const Statement& row) -> Result<servicing::FailedCollection> {
    return servicing::FailedCollection{row.Text(0), InstantFromUnixMicros(row.Int(1)), row.Int(2) != 0};
  });
}

}  // namespace tranche::store::sql
