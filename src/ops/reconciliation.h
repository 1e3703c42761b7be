// Reconciling a settlement file as one use case: the matching and postings
// (recon::ReconcileDay) and what a chargeback says beyond the money — the order it took
// money back from was not the cardholder's doing, which labels the order's screened
// authorization fraud for the model and the merchant's fraud rates, and writes off
// what its plans still owe as a fraud loss, so the card is not charged again.
#pragma once

#include "core/ids.h"
#include "fraud/decision.h"
#include "recon/reconcile.h"
#include "store/store.h"

namespace tranche::ops {

// Who a chargeback's fraud label names as having said so.
inline constexpr std::string_view kChargebackLabeller = "card_issuer";

// What reconciling one file did: the matching's outcome and the plans its accepted
// chargebacks wrote off as fraud.
struct FileOutcome {
  recon::DayOutcome day;
  std::int64_t fraud_charge_offs = 0;
};

// recon::ReconcileDay, then, for the order of each collection a chargeback accepted
// took money back from, a fraud label (source "chargeback") and a fraud charge-off of
// its active plans (servicing::ChargeOffAsFraud, dated DateOf(now), event
// plan.charged_off), all in `tx`. With `screening`, its feature source learns of the
// labels once `tx` commits.
Result<FileOutcome> ReconcileFile(store::Tx& tx, IdGenerator& ids, Instant now, const fraud::Screening* screening,
                                  Date d, const std::vector<recon::FileLine>& file, const recon::MatchRules& rules);

}  // namespace tranche::ops
