// JSON views of servicing objects, shared by the API and the events the daily job
// publishes, so a webhook carries exactly what the API shows.
#pragma once

#include "ops/outbox.h"
#include "servicing/dispute.h"
#include "servicing/servicing_repo.h"
#include "settlement/settlement.h"

namespace tranche::ops {

// A plan with its instalments and servicing state as they stand on `today`.
Json PlanJson(const lending::Plan& p, Date today);
Json CollectionJson(const servicing::Collection& c);
Json DisputeJson(const servicing::Dispute& d);
Json SettlementJson(const settlement::Settlement& s, bool with_lines);
Json PayoutJson(const settlement::Payout& p);

}  // namespace tranche::ops
