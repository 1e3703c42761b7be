#include "store/sql/idempotency_repo.h"

namespace tranche::store::sql {

Result<std::optional<IdempotencyRecord>> SqlIdempotencyRepo::Find(std::string_view principal_id,
                                                                     std::string_view key,
                                                                     Instant not_before) {
  auto s = c_.Prepare(
      "SELECT request_hash, status_code, response_body, created_at_us FROM idempotency_keys"
      " WHERE principal_id = ? AND key = ? AND created_at_us >= ?");
  s.Bind(1, principal_id).Bind(2, key).Bind(3, UnixMicros(not_before));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<IdempotencyRecord>();
  const std::string hash = s.Blob(0);
  if (hash.size() != 32) return Status::Internal("stored idempotency hash is malformed");
  IdempotencyRecord r{std::string(principal_id), std::string(key), {}, static_cast<int>(s.Int(1)),
                      s.Text(2), InstantFromUnixMicros(s.Int(3))};
  std::copy(hash.begin(), hash.end(), r.request_hash.begin());
  return std::optional<IdempotencyRecord>(std::move(r));
}

Status SqlIdempotencyRepo::Insert(const IdempotencyRecord& r, Instant not_before) {
  // One statement: a new key inserts; an expired record under the key is replaced; a
  // live one is left alone, which changes no row and is reported as Conflict.
  auto ins = c_.Prepare(
      "INSERT INTO idempotency_keys(principal_id, key, request_hash, status_code, response_body,"
      " created_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(principal_id, key) DO UPDATE"
      " SET request_hash = ?3, status_code = ?4, response_body = ?5, created_at_us = ?6"
      " WHERE idempotency_keys.created_at_us < ?7");
  ins.Bind(1, r.principal_id).Bind(2, r.key)
      .BindBlob(3, r.request_hash.data(), r.request_hash.size()).Bind(4, r.status_code)
      .Bind(5, r.response_body).Bind(6, UnixMicros(r.created_at)).Bind(7, UnixMicros(not_before));
  TRANCHE_RETURN_IF_ERROR(ins.Run());
  if (c_.Changes() == 0) {
    return Status::Conflict("idempotency_key_in_use", "a live record holds this key");
  }
  return Status::Ok();
}

Result<std::int64_t> SqlIdempotencyRepo::DeleteOlderThan(Instant cutoff, std::int64_t limit) {
  auto s = c_.Prepare(
      "DELETE FROM idempotency_keys WHERE (principal_id, key) IN (SELECT principal_id, key"
      " FROM idempotency_keys WHERE created_at_us < ? LIMIT ?)");
  s.Bind(1, UnixMicros(cutoff)).Bind(2, limit);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return c_.Changes();
}

}  // namespace tranche::store::sql
