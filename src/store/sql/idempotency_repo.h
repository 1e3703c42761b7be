// Stored results of idempotent requests in SQLite: the implementation of the port it
// includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "store/store.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlIdempotencyRepo final : public IdempotencyRepo {
 public:
  explicit SqlIdempotencyRepo(Connection& c) : c_(c) {}
  Result<std::optional<IdempotencyRecord>> Find(std::string_view principal_id,
                                                std::string_view key,
                                                Instant not_before) override;
  Status Insert(const IdempotencyRecord& r, Instant not_before) override;
  Result<std::int64_t> DeleteOlderThan(Instant cutoff, std::int64_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
