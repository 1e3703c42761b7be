// The fraud review queue (pure): an authorization a rule or the score sent to review is
// held — approved for credit, but not capturable — until an operator accepts it or
// rejects it (which releases it). The state machine:
//
//   pending ──claim(op)──► pending, claimed by op   (claiming again by op changes nothing)
//   pending ──accept(op, note)──► accepted          (only op may decide a review op claimed)
//   pending ──reject(op, note)──► rejected
//
// accepted and rejected are final; each outcome becomes a label for the model.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"

namespace tranche::fraud {

inline constexpr std::size_t kMaxReviewNoteChars = 1000;

enum class ReviewStatus : unsigned char { kPending, kAccepted, kRejected };
// Also the order's fraud_status while reviewed: pending, accepted, rejected.
std::string_view ReviewStatusName(ReviewStatus s);
std::optional<ReviewStatus> ParseReviewStatus(std::string_view name);

struct Review {
  std::string id;                 // frv_...
  std::string fraud_decision_id;  // frd_...
  std::string authorization_id;
  std::string merchant_id;
  std::string consumer_id;
  Money amount = Money::Zero(Currency::kUSD);
  ReviewStatus status = ReviewStatus::kPending;
  std::optional<std::string> claimed_by;  // operator id
  std::optional<Instant> claimed_at;
  std::optional<std::string> decided_by;
  std::optional<Instant> decided_at;
  std::string note;
  Instant created_at;
};

// Which reviews a listing shows: all, or only those in a status or of a merchant.
struct ReviewFilter {
  std::optional<ReviewStatus> status;
  std::optional<std::string> merchant_id;
};

// The review claimed by `operator_id` at `now`. Refused once decided, or while another
// operator holds it (Conflict).
Result<Review> Claim(Review r, std::string_view operator_id, Instant now);

// The review accepted or rejected by `operator_id` with `note` (at most
// kMaxReviewNoteChars). An unclaimed review may be decided directly; one claimed by
// another operator may not (Conflict); a decided one is final (Conflict).
Result<Review> Decide(Review r, std::string_view operator_id, bool accept, std::string note, Instant now);

// How long the review has waited (pending) or waited before it was decided: its SLA age.
std::chrono::seconds Age(const Review& r, Instant now);

// A label for the model: what an authorization turned out to be, and who said so.
struct Label {
  std::string id;  // flb_...
  std::string fraud_decision_id;
  std::string authorization_id;
  bool fraud = false;
  std::string source;      // "review", "dispute" or "chargeback"
  std::string created_by;  // who said so: the operator, the consumer, or "card_issuer"
  Instant created_at;
};

// The label a decided review gives: rejected is fraud, accepted is not.
Label LabelOf(const Review& decided, std::string label_id);

// What a decision's labels (any order) say together: the latest one's word (latest by
// created_at, then id), so that a later finding corrects an earlier one. Today labels
// only disagree when a dispute or a chargeback follows an accepted review, which says
// fraud. The one
// rule for training (decision_training.h), backtests and the models report.
// Precondition: !labels.empty().
bool LabelsSayFraud(std::span<const Label> labels);

}  // namespace tranche::fraud
