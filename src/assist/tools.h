// The assistant's tools: reading the logged-in consumer's account into AccountFacts and
// running a confirmed change. Both go through the same ports and use cases as the API
// (ops/plan_actions.h, collections.h) as that consumer — there is no privileged path, so
// ownership, limits and the servicing rules are enforced a second time below the policy.
#pragma once

#include "assist/account.h"
#include "assist/policy.h"
#include "ops/ops.h"
#include "store/store.h"

namespace tranche::assist {

// Bounds on what one read loads.
inline constexpr std::size_t kMaxPlansRead = 100;
inline constexpr std::size_t kMaxDecisionsRead = 20;

// The consumer's account as it stands at `now` (plans as of today, servicing::AsOf).
Result<AccountFacts> LoadAccount(store::Tx& tx, std::string_view consumer_id, Instant now);

// Runs `action` for `consumer_id`: payments ask the processor outside any transaction
// (payment_failed with the failure code, or payment_pending when the outcome is not
// known yet, as errors); the rest run in one unit of work.
Status RunAction(ops::OpsContext& ctx, std::string_view consumer_id, const Action& action);

}  // namespace tranche::assist
