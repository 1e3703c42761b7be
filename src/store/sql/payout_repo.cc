// Payouts in SQLite.
#include "core/enum_names.h"
#include "store/sql/payout_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using settlement::Payout;
using settlement::PayoutStatus;

namespace {

constexpr PayoutStatus kPayoutStatuses[] = {PayoutStatus::kPending, PayoutStatus::kPaid, PayoutStatus::kFailed,
                                            PayoutStatus::kUnknown};

constexpr char kPayoutById[] =
    "SELECT id, settlement_id, merchant_id, currency, amount_minor, status, rail_ref, failure_code, created_at_us,"
    " resolved_at_us FROM payouts WHERE id = ?";
constexpr char kPayoutsOfMerchant[] =
    "SELECT id, settlement_id, merchant_id, currency, amount_minor, status, rail_ref, failure_code, created_at_us,"
    " resolved_at_us FROM payouts WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?";
// The IN term lets SQLite use the partial index payouts_open (open payouts are few).
constexpr char kPayoutsInStatus[] =
    "SELECT id, settlement_id, merchant_id, currency, amount_minor, status, rail_ref, failure_code, created_at_us,"
    " resolved_at_us FROM payouts WHERE status IN ('pending', 'unknown') AND status = ? AND id > ?"
    " ORDER BY id LIMIT ?";

Result<Payout> ReadPayout(const Statement& s) {
  const auto currency = ParseCurrency(s.Text(3));
  const auto status = ParseByName<PayoutStatus>(kPayoutStatuses, settlement::PayoutStatusName, s.Text(5));
  if (!currency || !status) return Status::Internal("stored payout is malformed");
  Payout p{s.Text(0), s.Text(1), s.Text(2), Money(s.Int(4), *currency), *status, s.Text(6), s.Text(7),
           InstantFromUnixMicros(s.Int(8))};
  if (!s.IsNull(9)) p.resolved_at = InstantFromUnixMicros(s.Int(9));
  return p;
}

}  // namespace

Status SqlPayoutRepo::Insert(const Payout& p) {
  auto s = c_.Prepare(
      "INSERT INTO payouts(id, settlement_id, merchant_id, currency, amount_minor, status, rail_ref, failure_code,"
      " created_at_us, resolved_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)");
  s.Bind(1, p.id).Bind(2, p.settlement_id).Bind(3, p.merchant_id).Bind(4, CurrencyCode(p.amount.currency()))
      .Bind(5, p.amount.minor()).Bind(6, settlement::PayoutStatusName(p.status)).Bind(7, p.rail_ref)
      .Bind(8, p.failure_code).Bind(9, UnixMicros(p.created_at));
  return s.Run();
}

Status SqlPayoutRepo::Update(const Payout& p) {
  auto s = c_.Prepare("UPDATE payouts SET status = ?, rail_ref = ?, failure_code = ?, resolved_at_us = ? WHERE id = ?");
  s.Bind(1, settlement::PayoutStatusName(p.status)).Bind(2, p.rail_ref).Bind(3, p.failure_code);
  BindOptional(s, 4, p.resolved_at);
  s.Bind(5, p.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Payout>> SqlPayoutRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kPayoutById);
  s.Bind(1, id);
  return FindOne<Payout>(s, ReadPayout);
}

Result<std::vector<Payout>> SqlPayoutRepo::ListOfMerchant(std::string_view merchant_id, std::string_view after_id,
                                                              std::size_t limit) {
  auto s = c_.Prepare(kPayoutsOfMerchant);
  s.Bind(1, merchant_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Payout>(s, ReadPayout);
}

Result<std::vector<Payout>> SqlPayoutRepo::ListInStatus(PayoutStatus status, std::string_view after_id,
                                                                      std::size_t limit) {
  auto s = c_.Prepare(kPayoutsInStatus);
  s.Bind(1, settlement::PayoutStatusName(status)).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Payout>(s, ReadPayout);
}

}  // namespace tranche::store::sql
