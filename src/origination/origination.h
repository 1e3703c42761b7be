// Origination use cases: the merchant checkout flow of PRODUCT.md, from a consumer's
// authorization to captures, refunds and cancellation. Each function runs inside the
// caller's write transaction and combines the pure rules (checkout/order.h,
// lending/plan.h, risk/decider.h, checkout/postings.h) with the storage ports, so a
// request's every change — order, plan, ledger entry — commits or fails together.
#pragma once

#include "core/ids.h"
#include "fraud/decision.h"
#include "risk/decider.h"
#include "store/store.h"

namespace tranche::origination {

// Bounds on one expiry sweep, so it never holds the writer for long.
inline constexpr std::size_t kMaxExpiriesPerSweep = 500;

class OrderEvents;

struct Context {
  IdGenerator& ids;
  const risk::Decider& decider;
  const risk::BureauProvider& bureau;  // asked only when the decider wants a profile
  Instant now;
  const OrderEvents& events;  // what the order use cases publish
  // Fraud screening of approved authorizations; none: every approval is authorized.
  const fraud::Screening* fraud = nullptr;
};

// What the merchant's page saw of the shopper's device, as the merchant sent it.
struct Device {
  std::optional<std::string> ip;
  std::optional<std::string> ip_country;  // ISO 3166-1 alpha-2, the merchant's geolocation
  std::optional<std::string> fingerprint;
};

struct AuthorizeRequest {
  std::string session_id;
  lending::ProductKind product;
  // Who is buying, as presented at checkout: email (normalised), names, phone,
  // date of birth (required) and address.
  merchants::Consumer presented;
  Device device = {};
};

struct AuthorizeOutcome {
  risk::DecisionRecord decision;
  std::optional<checkout::Authorization> authorization;  // approvals only
  // Approvals only: the plan at the APR granted, as if captured now, with its
  // disclosures (each capture's plan is scheduled from its own date).
  std::optional<lending::Schedule> schedule = {};
  // With screening: the fraud decision (stored), and its review when it holds the
  // authorization. A block leaves `authorization` empty: the shopper sees a generic
  // decline, operators the real reason.
  std::optional<fraud::FraudDecision> fraud = {};
  std::optional<fraud::Review> review = {};
};

// Decides on the session's amount for `product` and stores the decision with the
// identity presented (a known consumer's profile is left as it is). With screening, a
// credit approval is then screened for fraud (the decision stored with its inputs):
// block declines it, review authorizes it held in a pending review. An approval also
// stores the authorization, sets a new consumer's first limit and completes the
// session; a decline sends the consumer its reasons (notification outbox) and leaves
// the session open (the consumer may choose another product). Refusals: the session
// is not open; the merchant does not offer `product`.
Result<AuthorizeOutcome> Authorize(store::Tx& tx, const Context& ctx, const AuthorizeRequest& r);

// A credit decision as its consumer sees it: a credit approval that fraud screening
// blocked was a decline for them.
struct ConsumerDecision {
  risk::DecisionRecord record;
  bool fraud_blocked = false;
};

// The consumer's decisions in id order after `after_id`, at most `limit`, each with
// whether fraud screening blocked it.
Result<std::vector<ConsumerDecision>> ListConsumerDecisions(store::Tx& tx, std::string_view consumer_id,
                                                            std::string_view after_id, std::size_t limit);

// The merchant's order for an unexpired, unused authorization of its own.
Result<checkout::Order> CreateOrder(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                                    std::string_view authorization_id,
                                    std::string merchant_reference);

// Refused while the order's authorization waits for a fraud review (capture is held).
// The merchant's own order as it stands at `now` (an authorization that has expired
// is shown released even before the expiry sweep stores that).
Result<checkout::Order> LoadOrder(store::Tx& tx, std::string_view merchant_id,
                                  std::string_view order_id, Instant now);
// Any merchant's order the same way: for operators only.
Result<checkout::Order> LoadAnyOrder(store::Tx& tx, std::string_view order_id, Instant now);

struct Captured {
  checkout::Order order;
  checkout::CaptureRecord capture;
  lending::Plan plan;
};
// Captures `amount_minor` in the order's currency, starting a plan and posting the
// capture's journal entry.
Result<Captured> Capture(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                         std::string_view order_id, std::int64_t amount_minor,
                         std::optional<checkout::ShippingInfo> shipping);

struct Refunded {
  checkout::Order order;
  checkout::RefundRecord refund;
  std::vector<lending::Plan> plans;  // every plan of the order, after the refund
};
// Refunds `amount_minor` in the order's currency, reducing the order's plans and posting
// the refund's entry.
Result<Refunded> Refund(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                        std::string_view order_id, std::int64_t amount_minor, std::string reason);
// An operator refunds an order of a merchant that does not trade (under review or
// rejected: a rejected one holds no key to refund with), so that its customers are not
// left paying for what they returned; the refund comes off what the merchant is owed,
// and records who made it. Conflict merchant_trading for an active merchant: it
// refunds its own orders. Precondition: operator_id and reason are not empty.
Result<Refunded> RefundForMerchant(store::Tx& tx, const Context& ctx, std::string_view operator_id,
                                   std::string_view order_id, std::int64_t amount_minor, std::string reason);

// The events of an order's changes, published by the use cases above in their own
// transaction, so the same change sends the same event whichever path made it (a
// dispute's refund is a refund). A port: the outbox renders them (ops/events.h), which
// keeps origination free of the wire format.
class OrderEvents {
 public:
  virtual ~OrderEvents() = default;
  virtual Status Authorized(store::Tx& tx, const Context& ctx, const checkout::Order& order) const = 0;
  virtual Status Captured(store::Tx& tx, const Context& ctx, const origination::Captured& captured) const = 0;
  virtual Status Refunded(store::Tx& tx, const Context& ctx, const origination::Refunded& refunded) const = 0;
  virtual Status Cancelled(store::Tx& tx, const Context& ctx, const checkout::Order& order) const = 0;
  // A fraud review was accepted or rejected; `order` when the merchant created one.
  virtual Status FraudStatusChanged(store::Tx& tx, const Context& ctx, const fraud::Review& review,
                                    const std::optional<checkout::Order>& order) const = 0;
};

// Books the plan's interest to date — through the day before `now`, the days closed by
// then, as servicing::ToDate computes it — and posts its accrual entry: before a payment
// or refund changes the principal it accrues on. (In the daily close of D, `now` is the
// end of D: the payments it collects come after D's interest.)
Result<lending::Plan> BookInterest(store::Tx& tx, IdGenerator& ids, Instant now, lending::Plan plan);

// Stores nothing itself: closes a plan that was paid off or refunded away
// (servicing::ClosePlan) and posts the closure entry when fees are waived or interest
// trued up. Returns the plan to store.
Result<lending::Plan> ClosePlan(store::Tx& tx, IdGenerator& ids, Instant now, lending::Plan plan);

// Stores `label` on the fraud decision screened at `authorized_at` at `merchant_id`;
// a label saying fraud reaches the screening's feature source once the transaction
// commits (its merchant's fraud rates).
Status StoreLabel(store::Tx& tx, const fraud::Screening* screening, const fraud::Label& label,
                  std::string merchant_id, Instant authorized_at);

// The review `review_id` claimed by `operator_id`.
Result<fraud::Review> ClaimReview(store::Tx& tx, const Context& ctx, std::string_view review_id,
                                  std::string_view operator_id);

struct ReviewDecided {
  fraud::Review review;
  std::optional<checkout::Order> order;  // when the merchant created one
};
// Accepts (capture allowed) or rejects (the authorization released, and its order's
// remaining authorization with it) the review, stores the outcome as a label and
// publishes order.fraud_status_changed.
Result<ReviewDecided> DecideReview(store::Tx& tx, const Context& ctx, std::string_view review_id,
                                   std::string_view operator_id, bool accept, std::string note);

// Releases what is left of the authorization.
Result<checkout::Order> Cancel(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                               std::string_view order_id);

// Stores the release of authorizations expired at `now`, at most kMaxExpiriesPerSweep
// orders; returns how many were released.
Result<std::size_t> ExpireAuthorizations(store::Tx& tx, Instant now);

}  // namespace tranche::origination
