#include "payments/money_movement.h"

#include "core/assert.h"

namespace tranche::payments {

std::string_view MovementStateName(MovementState s) {
  switch (s) {
    case MovementState::kPending: return "pending";
    case MovementState::kSucceeded: return "succeeded";
    case MovementState::kFailed: return "failed";
    case MovementState::kUnknown: return "unknown";
  }
  TRANCHE_ASSERT_MSG(false, "unknown movement state");
  return "";
}

bool IsFinal(MovementState s) { return s == MovementState::kSucceeded || s == MovementState::kFailed; }

bool CanMove(MovementState from, MovementState to) {
  // Nothing returns to pending: once asked, a movement's outcome is the processor's.
  return !IsFinal(from) && to != MovementState::kPending;
}

MovementState StateAfter(Outcome o) {
  switch (o) {
    case Outcome::kSucceeded: return MovementState::kSucceeded;
    case Outcome::kFailed: return MovementState::kFailed;
    case Outcome::kUnknown: return MovementState::kUnknown;
  }
  TRANCHE_ASSERT_MSG(false, "unknown outcome");
  return MovementState::kUnknown;
}

std::optional<MovementRecord> ApplyReply(MovementRecord m, const ProcessorReply& reply, Instant now) {
  if (IsFinal(m.state)) return std::nullopt;
  const MovementState next = StateAfter(reply.outcome);
  TRANCHE_ASSERT(CanMove(m.state, next));
  m.state = next;
  // A reply without a reference (a timeout) keeps the one an earlier reply gave.
  if (!reply.reference.empty()) m.reference = reply.reference;
  if (next == MovementState::kFailed) m.failure_code = reply.failure_code;
  if (IsFinal(next)) m.resolved_at = now;
  return m;
}

}  // namespace tranche::payments
