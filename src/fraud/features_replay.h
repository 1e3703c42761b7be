// Replaying a labelled transaction stream through the feature engine, offline exactly as
// online: in time order, each transaction's features come from the history before it,
// then it is recorded; each fraud label is delivered `label_delay_s` after its
// transaction (before the transactions of that same second), never earlier.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "fraud/eval_stream.h"
#include "fraud/features.h"

namespace tranche::fraud {

// The event a card-stream transaction is: the customer's card at the terminal (merchant).
Event EventOf(const StreamTransaction& tx);

// Replays `txs` (in time order) up to `until_s` (exclusive); for each transaction at or
// after `from_s`, calls `visit(index, row)` with its FeatureEngine::width() features.
// `engine` must be fresh or hold only earlier history.
void Replay(const std::vector<StreamTransaction>& txs, std::int64_t label_delay_s, std::int64_t from_s,
            std::int64_t until_s, FeatureEngine& engine, const std::function<void(std::size_t, const float*)>& visit);

}  // namespace tranche::fraud
