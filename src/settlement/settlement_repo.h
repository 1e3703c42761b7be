// Storage port for settlements and payouts.
#pragma once

#include <optional>
#include <vector>

#include "settlement/settlement.h"

namespace tranche::settlement {

struct PayableAccount {
  std::string merchant_id;
  Currency currency;
};

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

  virtual Status InsertPayout(const Payout& p) = 0;
  virtual Status UpdatePayout(const Payout& p) = 0;
  virtual Result<std::optional<Payout>> FindPayout(std::string_view id) = 0;
  virtual Result<std::vector<Payout>> ListPayouts(std::string_view merchant_id, std::string_view after_id,
                                                  std::size_t limit) = 0;
  // Payouts in `status` (meant for pending and unknown), in id order after `after_id`;
  // at most `limit`.
  virtual Result<std::vector<Payout>> ListPayoutsInStatus(PayoutStatus status, std::string_view after_id,
                                                          std::size_t limit) = 0;
};

}  // namespace tranche::settlement
