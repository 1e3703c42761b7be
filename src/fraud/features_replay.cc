#include "fraud/features_replay.h"

#include "core/assert.h"

namespace tranche::fraud {

Event EventOf(const StreamTransaction& tx) {
  Event e;
  e.time_s = tx.time_s;
  e.amount_minor = tx.amount_minor;
  e.set(Entity::kCard, tx.customer_id);
  e.set(Entity::kMerchant, tx.terminal_id);
  return e;
}

void Replay(const std::vector<StreamTransaction>& txs, std::int64_t label_delay_s, std::int64_t from_s,
            std::int64_t until_s, FeatureEngine& engine, const std::function<void(std::size_t, const float*)>& visit) {
  std::vector<float> row(FeatureEngine::width());
  std::size_t next_label = 0;  // labels arrive in the order of their transactions
  for (std::size_t i = 0; i < txs.size() && txs[i].time_s < until_s; ++i) {
    const StreamTransaction& tx = txs[i];
    TRANCHE_ASSERT(i == 0 || txs[i - 1].time_s <= tx.time_s);
    for (; next_label < i && txs[next_label].time_s + label_delay_s <= tx.time_s; ++next_label) {
      const StreamTransaction& labelled = txs[next_label];
      if (labelled.fraud) engine.RecordLabel({labelled.time_s, labelled.terminal_id});
    }
    const Event e = EventOf(tx);
    if (tx.time_s >= from_s) {
      engine.ComputeRow(e, row.data());
      visit(i, row.data());
    }
    engine.Record(e);
  }
}

}  // namespace tranche::fraud
