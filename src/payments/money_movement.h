// Money movement: the one state machine for money that moves through a processor or a
// payout rail (collections, consumer refunds, merchant payouts).
//
// A movement is stored as pending before the processor or rail is asked, so a crash in
// between leaves a record to resolve rather than a lost result. A reply moves it:
//   pending → succeeded | failed | unknown
//   unknown → succeeded | failed | unknown   (asked again by the same key)
// succeeded and failed are final: a recorded outcome is recorded once, so a late or
// repeated reply never changes it (and never moves money or posts twice).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"
#include "payments/payments.h"

namespace tranche::payments {

enum class MovementState : std::uint8_t { kPending, kSucceeded, kFailed, kUnknown };
std::string_view MovementStateName(MovementState s);

// Succeeded or failed: the outcome is known and recorded.
bool IsFinal(MovementState s);
// Whether a movement in `from` may move to `to` (see the diagram above).
bool CanMove(MovementState from, MovementState to);
// The state a reply moves an open movement to.
MovementState StateAfter(Outcome o);

// What a movement records about its outcome.
struct MovementRecord {
  MovementState state = MovementState::kPending;
  std::string reference;     // the processor's or rail's reference, kept once given
  std::string failure_code;  // failures only
  std::optional<Instant> resolved_at = {};  // when it became final
};

// `m` after `reply`, received at `now`; nullopt when `m` is already final (the reply is
// ignored: the outcome recorded first stands).
std::optional<MovementRecord> ApplyReply(MovementRecord m, const ProcessorReply& reply, Instant now);

}  // namespace tranche::payments
