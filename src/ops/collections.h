// Collections: taking money from consumers through the PaymentProcessor, for autopay
// (the daily job) and for payments consumers make.
//
// A collection is stored as pending before the processor is asked, and its outcome is
// recorded in a second unit of work. A crash in between, or a timeout, leaves it
// pending or unknown; RunOpenCollections asks the processor to resolve it (by the same
// idempotency key), so no result is lost and no payment is taken twice.
#pragma once

#include "ops/ops.h"
#include "servicing/collection.h"

namespace tranche::ops {

// Records the processor's reply for collection `collection_id`, once: a success applies
// the payment to the plan (payoff collections waive interest not yet accrued) and posts
// it; a failure is kept with its code. Events and notifications go with it. A
// collection already resolved is returned unchanged.
Result<servicing::Collection> RecordOutcome(store::Tx& tx, IdGenerator& ids, Instant now,
                                            std::string_view collection_id, const payments::ProcessorReply& reply);

// Asks the processor to collect `pending` (or, when its outcome is unknown, what became
// of it). Records nothing: the caller records the reply with RecordOutcome, in the
// unit of work that must commit with it.
payments::ProcessorReply AskProcessor(OpsContext& ctx, const servicing::Collection& pending);

// Asks the processor about `pending` and records the reply.
Result<servicing::Collection> Execute(OpsContext& ctx, const servicing::Collection& pending);

struct CollectionRun {
  std::int64_t attempted = 0;
  std::int64_t succeeded = 0;
  std::int64_t failed = 0;
  std::int64_t unknown = 0;
  CollectionRun& operator+=(const CollectionRun& o) {
    attempted += o.attempted;
    succeeded += o.succeeded;
    failed += o.failed;
    unknown += o.unknown;
    return *this;
  }
};
// Resolves every unknown collection and collects every pending one, recording outcomes
// at `at` (the daily close passes its business date's close instant, not the clock).
Result<CollectionRun> RunOpenCollections(OpsContext& ctx, Instant at);

// Pays consumers what the ledger says they are owed (consumer refunds payable) back to
// their payment method: resolves refunds left unknown, stores a pending refund for
// each amount owed, asks the processor, and posts each one that succeeded. Returns how
// many were paid. Refunds are stored and recorded at `at`, as for RunOpenCollections.
Result<std::int64_t> RefundConsumers(OpsContext& ctx, Instant at);

}  // namespace tranche::ops
