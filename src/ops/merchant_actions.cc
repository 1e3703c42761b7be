#include "ops/merchant_actions.h"

#include "ledger/posting.h"
#include "ops/events.h"

namespace tranche::ops {

Result<merchants::Merchant> DecideOnboarding(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                             const onboarding::ReviewDecision& decision, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant m, onboarding::ReviewMerchant(tx, merchant_id, decision, now));
  TRANCHE_RETURN_IF_ERROR(PublishOnboardingDecided(tx, ids, now, m));
  return m;
}

Result<std::int64_t> MonitorMerchants(store::Tx& tx, IdGenerator& ids, Date d, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto sent_back, onboarding::MonitorMerchants(tx, d, now));
  for (const merchants::Merchant& m : sent_back) TRANCHE_RETURN_IF_ERROR(PublishOnboardingDecided(tx, ids, now, m));
  return static_cast<std::int64_t>(sent_back.size());
}

Result<settlement::DebtWriteOff> WriteOffMerchantDebt(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                                      const WriteOffRequest& request, Instant now) {
  TRANCHE_ASSERT(!request.operator_id.empty() && !request.reason.empty() &&
                 request.reason.size() <= settlement::kMaxWriteOffReasonChars && request.amount.minor() > 0);
  // A trading merchant's captures net its debt, and one under review may trade again.
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant m,
                           onboarding::FindRejectedMerchant(tx, merchant_id, "debt is written off"));
  const Currency c = request.amount.currency();
  const std::string payable = ledger::AccountId({ledger::AccountType::kMerchantPayable, c, m.id});
  TRANCHE_ASSIGN_OR_RETURN(std::optional<ledger::AccountBalance> balance, tx.ledger().GetAccount(payable));
  const Money owed(balance ? balance->balance_minor() : 0, c);
  TRANCHE_RETURN_IF_ERROR(settlement::CheckWriteOff(owed, request.amount));
  const settlement::DebtWriteOff w{ids.Next("mwo"), m.id,  request.amount, ids.Next("je"), request.operator_id,
                                   request.reason,  now};
  TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), settlement::WriteOffEntry(w)).status());
  TRANCHE_RETURN_IF_ERROR(tx.settlements().InsertWriteOff(w));
  return w;
}

}  // namespace tranche::ops
