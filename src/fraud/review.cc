#include "fraud/review.h"

#include <algorithm>

#include "core/assert.h"

namespace tranche::fraud {

std::string_view ReviewStatusName(ReviewStatus s) {
  switch (s) {
    case ReviewStatus::kPending: return "pending";
    case ReviewStatus::kAccepted: return "accepted";
    case ReviewStatus::kRejected: return "rejected";
  }
  TRANCHE_ASSERT_MSG(false, "unknown review status");
  return "";
}

std::optional<ReviewStatus> ParseReviewStatus(std::string_view name) {
  for (ReviewStatus s : {ReviewStatus::kPending, ReviewStatus::kAccepted, ReviewStatus::kRejected}) {
    if (ReviewStatusName(s) == name) return s;
  }
  return std::nullopt;
}

namespace {

Status CheckOpenFor(const Review& r, std::string_view operator_id) {
  if (r.status != ReviewStatus::kPending) {
    return Status::Conflict("review_decided", "this review was already " + std::string(ReviewStatusName(r.status)));
  }
  if (r.claimed_by && *r.claimed_by != operator_id) {
    return Status::Conflict("review_claimed", "another operator has claimed this review");
  }
  return Status::Ok();
}

}  // namespace

Result<Review> Claim(Review r, std::string_view operator_id, Instant now) {
  TRANCHE_RETURN_IF_ERROR(CheckOpenFor(r, operator_id));
  if (!r.claimed_by) {
    r.claimed_by = std::string(operator_id);
    r.claimed_at = now;
  }
  return r;
}

Result<Review> Decide(Review r, std::string_view operator_id, bool accept, std::string note, Instant now) {
  if (note.size() > kMaxReviewNoteChars) {
    return Status::InvalidArgument("string_too_long", "note is longer than 1000 characters", "note");
  }
  TRANCHE_RETURN_IF_ERROR(CheckOpenFor(r, operator_id));
  if (!r.claimed_by) {
    r.claimed_by = std::string(operator_id);
    r.claimed_at = now;
  }
  r.status = accept ? ReviewStatus::kAccepted : ReviewStatus::kRejected;
  r.decided_by = std::string(operator_id);
  r.decided_at = now;
  r.note = std::move(note);
  return r;
}

std::chrono::seconds Age(const Review& r, Instant now) {
  const Instant end = r.decided_at.value_or(now);
  return end <= r.created_at ? std::chrono::seconds(0)
                             : std::chrono::duration_cast<std::chrono::seconds>(end - r.created_at);
}

Label LabelOf(const Review& decided, std::string label_id) {
  TRANCHE_ASSERT(decided.status != ReviewStatus::kPending && decided.decided_by && decided.decided_at);
  return {std::move(label_id), decided.fraud_decision_id,  decided.authorization_id,
          decided.status == ReviewStatus::kRejected, "review", *decided.decided_by, *decided.decided_at};
}

bool LabelsSayFraud(std::span<const Label> labels) {
  TRANCHE_ASSERT(!labels.empty());
  const auto earlier = [](const Label& a, const Label& b) {
    return a.created_at < b.created_at || (a.created_at == b.created_at && a.id < b.id);
  };
  return std::max_element(labels.begin(), labels.end(), earlier)->fraud;
}

}  // namespace tranche::fraud
