// Reconciliation in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "recon/recon_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlReconRepo final : public recon::ReconRepo {
 public:
  explicit SqlReconRepo(Connection& c) : c_(c) {}
  Result<std::optional<recon::CarriedState>> LoadState() override;
  Status SaveState(const recon::CarriedState& s) override;
  Status InsertRun(const recon::RunRecord& r) override;
  Result<std::vector<recon::RunRecord>> ListRuns(std::optional<Date> before, std::size_t limit) override;
  Status InsertException(const recon::ExceptionRecord& r) override;
  Status UpdateException(const recon::ExceptionRecord& r) override;
  Result<std::optional<recon::ExceptionRecord>> FindException(std::string_view id) override;
  Result<std::vector<recon::ExceptionRecord>> ListExceptions(const recon::ExceptionFilter& filter,
                                                             std::string_view after_id, std::size_t limit) override;
  Result<OpenTotals> TotalsOfOpen() override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
