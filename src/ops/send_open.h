// The one shell loop that moves money through a processor or rail: collections,
// consumer refunds and merchant payouts all "send what is open" through it.
//
// Money leaves only through a stored movement (payments/money_movement.h) whose outcome
// is recorded once: every item left unknown is asked again by the same key (resolve),
// then every pending one is sent, outside any transaction, and each batch's replies are
// recorded in one unit of work. Each item is asked once per call: one still unknown
// waits for the next call.
#pragma once

#include <string>
#include <vector>

#include "ops/ops.h"
#include "payments/money_movement.h"

namespace tranche::ops {

inline constexpr std::size_t kMovementBatch = 200;  // processor or rail calls per recording transaction

//   list(tx, state, after_id) → Result<std::vector<Item>>: in `state`, in id order after
//                               `after_id`, at most kMovementBatch
//   ask(item, resolve) → payments::ProcessorReply
//   record(tx, item, reply) → Status
template <typename Item, typename List, typename Ask, typename Record>
Status SendOpen(store::Store& store, List list, Ask ask, Record record) {
  for (payments::MovementState state : {payments::MovementState::kUnknown, payments::MovementState::kPending}) {
    std::string after;
    while (true) {
      std::vector<Item> batch;
      TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(batch, list(tx, state, after));
        return Status::Ok();
      }));
      if (batch.empty()) break;
      TRANCHE_ASSERT(batch.size() <= kMovementBatch);
      after = batch.back().id;
      std::vector<payments::ProcessorReply> replies;
      replies.reserve(batch.size());
      for (const Item& item : batch) replies.push_back(ask(item, state == payments::MovementState::kUnknown));
      TRANCHE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) -> Status {
        for (std::size_t k = 0; k < batch.size(); ++k) TRANCHE_RETURN_IF_ERROR(record(tx, batch[k], replies[k]));
        return Status::Ok();
      }));
    }
  }
  return Status::Ok();
}

}  // namespace tranche::ops
