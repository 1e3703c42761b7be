// Storage port for settlements and the ledger movements they are built from.
#pragma once

#include <optional>
#include <vector>

#include "settlement/settlement.h"
#include "settlement/write_off.h"

namespace tranche::settlement {

class SettlementRepo {
 public:
  virtual ~SettlementRepo() = default;
  // Every merchant payable account the ledger has.
  virtual Result<std::vector<PayableAccount>> ListPayableAccounts() = 0;
  // The account's movements after `after_seq` posted before `until`, in seq order; at
  // most `limit`.
  virtual Result<std::vector<Movement>> ListMovements(const PayableAccount& a, std::int64_t after_seq,
                                                     Instant until, std::size_t limit) = 0;
  // The merchant's latest settlement in the currency (without lines), if any.
  virtual Result<std::optional<Settlement>> Latest(const PayableAccount& a) = 0;
  virtual Status Insert(const Settlement& s) = 0;
  // With its lines.
  virtual Result<std::optional<Settlement>> Find(std::string_view id) = 0;
  // The merchant's settlements in id order after `after_id` (without lines).
  virtual Result<std::vector<Settlement>> List(std::string_view merchant_id, std::string_view after_id,
                                               std::size_t limit) = 0;
  // Precondition: its journal entry is posted in the same transaction.
  virtual Status InsertWriteOff(const DebtWriteOff& w) = 0;
  // The merchant's write-offs in id (time) order; at most `limit`.
  virtual Result<std::vector<DebtWriteOff>> ListWriteOffs(std::string_view merchant_id, std::size_t limit) = 0;
};

}  // namespace tranche::settlement
