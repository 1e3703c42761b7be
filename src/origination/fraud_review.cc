// The fraud review use cases: claiming a held authorization and deciding it, each in the
// caller's transaction with the label and the event it produces.
#include "origination/origination.h"

namespace tranche::origination {

namespace {

Result<fraud::Review> LoadReview(store::Tx& tx, std::string_view review_id) {
  TRANCHE_ASSIGN_OR_RETURN(auto review, tx.fraud_reviews().Find(review_id));
  if (!review) return Status::NotFound("review_not_found", "no review " + std::string(review_id.substr(0, 64)), "id");
  return std::move(*review);
}

// Releases the authorization a rejected review held: its order's remaining
// authorization, or the authorization itself when no order was created from it.
Result<std::optional<checkout::Order>> Release(store::Tx& tx, const Context& ctx, const fraud::Review& review) {
  TRANCHE_ASSIGN_OR_RETURN(auto authorization, tx.orders().FindAuthorization(review.authorization_id));
  TRANCHE_ASSERT_MSG(authorization.has_value(), "a review's authorization exists");
  if (!authorization->order_id) {
    TRANCHE_RETURN_IF_ERROR(tx.orders().ReleaseAuthorization(authorization->id, ctx.now));
    return std::optional<checkout::Order>();
  }
  TRANCHE_ASSIGN_OR_RETURN(checkout::Order order,
                           LoadOrder(tx, authorization->merchant_id, *authorization->order_id, ctx.now));
  // Capture was held while the review was pending, so what is left is released; an
  // order that expired or was cancelled meanwhile has nothing left to release.
  auto released = checkout::Cancel(order.state);
  if (released.ok()) {
    order.state = std::move(released).value();
    TRANCHE_RETURN_IF_ERROR(tx.orders().UpdateOrderState(order));
  }
  return std::optional<checkout::Order>(std::move(order));
}

}  // namespace

Status StoreLabel(store::Tx& tx, const fraud::Screening* screening, const fraud::Label& label,
                  std::string merchant_id, Instant authorized_at) {
  TRANCHE_RETURN_IF_ERROR(tx.fraud_labels().Insert(label));
  if (screening != nullptr && label.fraud) {
    tx.OnCommit([&source = screening->source,
                 known = fraud::KnownFraud{std::move(merchant_id), authorized_at, label.created_at}] {
      source.RecordLabel(known);
    });
  }
  return Status::Ok();
}

Result<fraud::Review> ClaimReview(store::Tx& tx, const Context& ctx, std::string_view review_id,
                                  std::string_view operator_id) {
  TRANCHE_ASSIGN_OR_RETURN(fraud::Review review, LoadReview(tx, review_id));
  TRANCHE_ASSIGN_OR_RETURN(review, fraud::Claim(std::move(review), operator_id, ctx.now));
  TRANCHE_RETURN_IF_ERROR(tx.fraud_reviews().Update(review));
  return review;
}

Result<ReviewDecided> DecideReview(store::Tx& tx, const Context& ctx, std::string_view review_id,
                                   std::string_view operator_id, bool accept, std::string note) {
  TRANCHE_ASSIGN_OR_RETURN(fraud::Review review, LoadReview(tx, review_id));
  TRANCHE_ASSIGN_OR_RETURN(review, fraud::Decide(std::move(review), operator_id, accept, std::move(note), ctx.now));
  TRANCHE_RETURN_IF_ERROR(tx.fraud_reviews().Update(review));
  TRANCHE_RETURN_IF_ERROR(StoreLabel(tx, ctx.fraud, fraud::LabelOf(review, ctx.ids.Next("flb")), review.merchant_id,
                                     review.created_at));
  ReviewDecided out{std::move(review), std::nullopt};
  if (accept) {
    TRANCHE_ASSIGN_OR_RETURN(auto authorization, tx.orders().FindAuthorization(out.review.authorization_id));
    TRANCHE_ASSERT_MSG(authorization.has_value(), "a review's authorization exists");
    if (authorization->order_id) {
      TRANCHE_ASSIGN_OR_RETURN(out.order, LoadOrder(tx, authorization->merchant_id, *authorization->order_id, ctx.now));
    }
  } else {
    TRANCHE_ASSIGN_OR_RETURN(out.order, Release(tx, ctx, out.review));
  }
  TRANCHE_RETURN_IF_ERROR(ctx.events.FraudStatusChanged(tx, ctx, out.review, out.order));
  return out;
}

}  // namespace tranche::origination
