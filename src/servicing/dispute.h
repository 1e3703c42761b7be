// Disputes (pure rules). A consumer reports a problem with an order; collection and
// late fees on the order's plans pause for 21 days. The merchant accepts (the dispute
// becomes a refund of what is still captured) or contests it (an operator decides). A
// decision for the merchant resumes the plans with due dates shifted by the pause.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "core/time.h"

namespace tranche::servicing {

inline constexpr const char* kDisputeReasons[] = {"not_received", "returned", "wrong_item",
                                                  "not_as_described", "unauthorized"};
bool IsDisputeReason(std::string_view reason);
inline constexpr std::size_t kMaxDisputeNoteChars = 2000;

enum class DisputeStatus : std::uint8_t { kOpen, kUnderReview, kResolved };
inline constexpr DisputeStatus kAllDisputeStatuses[] = {DisputeStatus::kOpen, DisputeStatus::kUnderReview,
                                                        DisputeStatus::kResolved};
std::string_view DisputeStatusName(DisputeStatus s);

// How a resolved dispute ended: refunded to the consumer (the merchant bears it); upheld
// for the merchant (the consumer pays); or, for a purchase the consumer did not make that
// the merchant is not liable for, written off (the lender bears it as a fraud loss).
enum class DisputeResolution : std::uint8_t { kNone, kRefunded, kMerchantUpheld, kWrittenOff };
inline constexpr DisputeResolution kAllDisputeResolutions[] = {
    DisputeResolution::kNone, DisputeResolution::kRefunded, DisputeResolution::kMerchantUpheld,
    DisputeResolution::kWrittenOff};
std::string_view DisputeResolutionName(DisputeResolution r);
std::optional<DisputeResolution> ParseDisputeResolution(std::string_view s);
// What a resolution means for the consumer, in words for their notification (the code
// above is for the API). Precondition: r is not kNone.
std::string_view DisputeOutcomeForConsumer(DisputeResolution r);

struct Dispute {
  std::string id;  // dsp_...
  std::string order_id;
  std::string merchant_id;
  std::string consumer_id;
  std::string reason;
  DisputeStatus status = DisputeStatus::kOpen;
  DisputeResolution resolution = DisputeResolution::kNone;
  std::string merchant_response;  // the merchant's note when contesting
  Date opened_on;
  Instant created_at;
  Instant updated_at;
};

// The merchant's answer to an open dispute: accept (→ resolved, refunded) or contest
// (→ under review). Refused when the dispute is not open (dispute_not_open).
Result<Dispute> Respond(Dispute d, bool accept, std::string note, Instant now);
// An operator's decision on an open or contested dispute. Refused once resolved
// (dispute_resolved), and written_off for any reason but unauthorized
// (resolution_not_allowed): only a purchase the consumer did not make is the lender's loss.
// Precondition: `resolution` is not kNone.
Result<Dispute> Decide(Dispute d, DisputeResolution resolution, Instant now);

}  // namespace tranche::servicing
