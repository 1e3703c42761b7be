// Servicing use cases started by people: a consumer paying, paying off, extending a due
// date or reporting a problem; a merchant registering a return or answering a dispute;
// an operator deciding one. Each runs inside the caller's transaction, combining the
// pure rules (servicing/) with storage, postings, events and notifications.
#pragma once

#include "ops/outbox.h"
#include "origination/origination.h"
#include "servicing/collection.h"
#include "servicing/collection_repo.h"
#include "servicing/dispute.h"

namespace tranche::ops {

// The order turned out to be fraud, as `source` ("dispute", "chargeback") says, told by
// `said_by`: a fraud label on its screened authorization (none when it was not
// screened, or is labelled fraud already).
Status LabelOrderFraud(store::Tx& tx, IdGenerator& ids, Instant now, const fraud::Screening* screening,
                       const checkout::Order& order, std::string_view source, std::string_view said_by);

// The consumer's own plan as it stands on `today`, with interest to date
// (servicing::ToDate; plan_not_found for anyone else's). For reads and quotes: a use case
// that stores a plan starts from the stored one.
Result<lending::Plan> LoadConsumerPlan(store::Tx& tx, Date today, std::string_view consumer_id,
                                       std::string_view plan_id);

// Stores a pending payment of `amount_minor`, in the plan's currency, from the consumer's payment method on
// their plan; the caller then asks the processor (collections.h Execute). Paying
// exactly the day's payoff quote pays the plan off (interest to date only). Refused:
// amounts the plan does not owe (servicing::AllocatePayment) or beyond the payoff
// quote (overpayment), another payment still in flight (payment_in_progress).
Result<servicing::Collection> StartPayment(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                                           std::string_view plan_id, std::int64_t amount_minor);

// The first unit of work of a consumer's payment. Without an Idempotency-Key
// (`request` null): StartPayment, `started` true. With one (`request`: consumer, key,
// request hash, the wall-clock time now; its collection id is filled in here): the
// collection an earlier request under the key started, when one was linked at or after
// `valid_from` (the key's lifetime), `started` false — the node that started it may have
// died before it answered; the same key on another request is refused
// (idempotency_error); otherwise StartPayment, linked to the key, `started` true.
struct PaymentStart {
  servicing::Collection collection;
  bool started = false;
};
Result<PaymentStart> StartOrFindPayment(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                                        std::string_view plan_id, std::int64_t amount_minor,
                                        std::optional<servicing::PaymentRequest> request, Instant valid_from);

// Extends instalment `number` by `days` (servicing::Extend) on the consumer's plan.
Result<lending::Plan> ExtendDueDate(store::Tx& tx, Instant now, std::string_view consumer_id,
                                    std::string_view plan_id, int number, int days);

// The consumer reports a problem with their order: a dispute, and every active plan of
// the order paused 21 days. Refused: not their order (order_not_found), nothing
// captured (order_not_captured), a dispute already open (dispute_exists), bad reason.
// An unauthorized dispute labels the order's screened authorization fraud; with
// `screening`, its feature source learns that once the transaction commits (without, at
// the next start, from the stored label).
Result<servicing::Dispute> OpenDispute(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                                       std::string_view order_id, std::string reason,
                                       const fraud::Screening* screening = nullptr);

// Writes off the order's active plans as fraud (servicing::ChargeOffAsFraud, dated
// DateOf(now), event plan.charged_off): whoever paid did not make the purchase, so no
// later instalment is taken. A plan paid off, closed or charged off already stays as it
// is. Returns how many plans it wrote off.
Result<std::int64_t> ChargeOffOrderAsFraud(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view order_id);

// The merchant registers a return: the order's active plans pause 28 days.
Result<std::vector<lending::Plan>> RegisterReturn(store::Tx& tx, IdGenerator& ids, Instant now,
                                                  std::string_view merchant_id, std::string_view order_id);

// The merchant accepts (a refund of everything still captured) or contests (an
// operator decides) its own dispute.
Result<servicing::Dispute> RespondToDispute(store::Tx& tx, const origination::Context& ctx,
                                            std::string_view merchant_id, std::string_view dispute_id, bool accept,
                                            std::string note);

// An operator's decision: refunded (as accepting); merchant_upheld (the plans resume
// with due dates shifted by the pause); or, for an unauthorized dispute, written_off: the
// lender bears the purchase as a fraud loss, the merchant keeps its money, the order's
// active plans are charged off as fraud and what the consumer paid towards it is owed
// back to them (servicing::FraudRefundEntry); refused while a payment on the order is
// in flight (payment_in_progress).
Result<servicing::Dispute> DecideDispute(store::Tx& tx, const origination::Context& ctx, std::string_view dispute_id,
                                         servicing::DisputeResolution resolution);

}  // namespace tranche::ops
