// Disputes in SQLite.
#include "core/enum_names.h"
#include "store/sql/dispute_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using servicing::Dispute;

namespace {

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

constexpr char kDisputesOpened[] =
    "SELECT id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response, opened_on,"
    " created_at_us, updated_at_us FROM disputes WHERE created_at_us >= ? AND created_at_us < ?"
    " ORDER BY created_at_us, id LIMIT ?";

Result<Dispute> ReadDispute(const Statement& s) {
  const auto status = ParseByName<servicing::DisputeStatus>(servicing::kAllDisputeStatuses,
                                                            servicing::DisputeStatusName, s.Text(5));
  const auto resolution =
      ParseByName<servicing::DisputeResolution>(servicing::kAllDisputeResolutions, servicing::DisputeResolutionName, s.Text(6));
  const auto opened = ParseDate(s.Text(8));
  if (!status || !resolution || !opened) return Status::Internal("stored dispute is malformed");
  return Dispute{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), *status, *resolution, s.Text(7),
                 *opened, InstantFromUnixMicros(s.Int(9)), InstantFromUnixMicros(s.Int(10))};
}

}  // namespace

Status SqlDisputeRepo::Insert(const Dispute& d) {
  auto s = c_.Prepare(
      "INSERT INTO disputes(id, order_id, merchant_id, consumer_id, reason, status, resolution, merchant_response,"
      " opened_on, created_at_us, updated_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.order_id).Bind(3, d.merchant_id).Bind(4, d.consumer_id).Bind(5, d.reason)
      .Bind(6, servicing::DisputeStatusName(d.status)).Bind(7, servicing::DisputeResolutionName(d.resolution))
      .Bind(8, d.merchant_response).Bind(9, FormatDate(d.opened_on)).Bind(10, UnixMicros(d.created_at))
      .Bind(11, UnixMicros(d.updated_at));
  return s.Run();
}

Status SqlDisputeRepo::Update(const Dispute& d) {
  auto s = c_.Prepare(
      "UPDATE disputes SET status = ?, resolution = ?, merchant_response = ?, updated_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::DisputeStatusName(d.status)).Bind(2, servicing::DisputeResolutionName(d.resolution))
      .Bind(3, d.merchant_response).Bind(4, UnixMicros(d.updated_at)).Bind(5, d.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Dispute>> SqlDisputeRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kDisputeById);
  s.Bind(1, id);
  return FindOne<Dispute>(s, ReadDispute);
}

Result<std::optional<Dispute>> SqlDisputeRepo::FindUnresolved(std::string_view order_id) {
  auto s = c_.Prepare(kUnresolvedDispute);
  s.Bind(1, order_id);
  return FindOne<Dispute>(s, ReadDispute);
}

Result<std::vector<Dispute>> SqlDisputeRepo::List(std::optional<std::string_view> merchant_id,
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

Result<std::vector<Dispute>> SqlDisputeRepo::ListOpened(Instant from, Instant to, std::size_t limit) {
  auto s = c_.Prepare(kDisputesOpened);
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Dispute>(s, ReadDispute);
}

}  // namespace tranche::store::sql
