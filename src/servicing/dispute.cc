#include "servicing/dispute.h"

#include <algorithm>
#include <iterator>

namespace tranche::servicing {

bool IsDisputeReason(std::string_view reason) {
  return std::any_of(std::begin(kDisputeReasons), std::end(kDisputeReasons),
                     [&](const char* r) { return reason == r; });
}

std::string_view DisputeStatusName(DisputeStatus s) {
  switch (s) {
    case DisputeStatus::kOpen: return "open";
    case DisputeStatus::kUnderReview: return "under_review";
    case DisputeStatus::kResolved: return "resolved";
  }
  TRANCHE_ASSERT_MSG(false, "unknown dispute status");
  return "";
}

std::string_view DisputeResolutionName(DisputeResolution r) {
  switch (r) {
    case DisputeResolution::kNone: return "none";
    case DisputeResolution::kRefunded: return "refunded";
    case DisputeResolution::kMerchantUpheld: return "merchant_upheld";
    case DisputeResolution::kWrittenOff: return "written_off";
  }
  TRANCHE_ASSERT_MSG(false, "unknown dispute resolution");
  return "";
}

std::string_view DisputeOutcomeForConsumer(DisputeResolution r) {
  switch (r) {
    case DisputeResolution::kRefunded:
      return "decided in your favour: the merchant refunds the order, and what you paid towards it comes back to you";
    case DisputeResolution::kMerchantUpheld:
      return "decided for the merchant: the purchase stands and your payments go on, their dates moved by the pause";
    case DisputeResolution::kWrittenOff:
      return "decided in your favour: you owe nothing for a purchase you did not make, and what you paid towards it "
             "comes back to you";
    case DisputeResolution::kNone: break;
  }
  TRANCHE_ASSERT_MSG(false, "a resolved dispute has a resolution");
  return "";
}

std::optional<DisputeResolution> ParseDisputeResolution(std::string_view s) {
  if (s == "refunded") return DisputeResolution::kRefunded;
  if (s == "merchant_upheld") return DisputeResolution::kMerchantUpheld;
  if (s == "written_off") return DisputeResolution::kWrittenOff;
  return std::nullopt;
}

Result<Dispute> Respond(Dispute d, bool accept, std::string note, Instant now) {
  if (d.status != DisputeStatus::kOpen) {
    return Status::BusinessRule("dispute_not_open", "the dispute is not awaiting the merchant's response");
  }
  d.merchant_response = std::move(note);
  d.status = accept ? DisputeStatus::kResolved : DisputeStatus::kUnderReview;
  if (accept) d.resolution = DisputeResolution::kRefunded;
  d.updated_at = now;
  return d;
}

Result<Dispute> Decide(Dispute d, DisputeResolution resolution, Instant now) {
  TRANCHE_ASSERT(resolution != DisputeResolution::kNone);
  if (d.status == DisputeStatus::kResolved) {
    return Status::BusinessRule("dispute_resolved", "the dispute is already resolved");
  }
  if (resolution == DisputeResolution::kWrittenOff && d.reason != "unauthorized") {
    return Status::BusinessRule("resolution_not_allowed",
                                "only a dispute of a purchase the consumer did not make can be written off",
                                "resolution");
  }
  d.status = DisputeStatus::kResolved;
  d.resolution = resolution;
  d.updated_at = now;
  return d;
}

}  // namespace tranche::servicing
