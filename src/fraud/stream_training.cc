#include "fraud/stream_training.h"

#include <string>

#include "fraud/features_replay.h"
#include "ml/metrics.h"

namespace tranche::fraud {

StreamTraining LatestWindow(const std::vector<StreamTransaction>& stream, int days, std::int64_t label_delay_s) {
  TRANCHE_ASSERT(!stream.empty() && days > 0);
  StreamTraining o;
  o.label_delay_s = label_delay_s;
  o.until_s = FloorDiv(stream.back().time_s - label_delay_s, kDayS) * kDayS;
  o.from_s = o.until_s - days * kDayS;
  return o;
}

Result<StreamModel> TrainOnRows(const ml::Matrix& rows, const Catalogue& catalogue, std::int64_t label_delay_s,
                                const FraudTrainOptions& options) {
  TRANCHE_ASSIGN_OR_RETURN(TrainedFraud trained, TrainFraud(rows, catalogue, options));
  TRANCHE_ASSIGN_OR_RETURN(FraudModel model, FraudModel::FromTrained(trained, catalogue, label_delay_s));
  return StreamModel{std::move(model),       trained.rows,
                     trained.frauds,         trained.columns.size(),
                     trained.cv_auc,         trained.cv_average_precision,
                     std::move(trained.selection), std::move(trained.dropped_families)};
}

Result<RowsEvaluation> EvaluateOnRows(const FraudModel& model, const ml::Matrix& rows) {
  TRANCHE_ASSERT(rows.labels.size() == rows.rows && rows.values.size() == rows.rows * rows.cols);
  RowsEvaluation e;
  e.rows = rows.rows;
  std::vector<double> scores;
  scores.reserve(rows.rows);
  for (std::size_t r = 0; r < rows.rows; ++r) {
    const FraudScore s = model.ScoreRow(rows.row(r), false);
    const bool fraud = rows.labels[r] > 0.5F;
    scores.push_back(s.probability);
    e.frauds += fraud ? 1 : 0;
    if (s.score >= model.review_score()) {
      ++e.reviewed;
      e.frauds_reviewed += fraud ? 1 : 0;
    }
    if (s.score >= model.block_score()) {
      ++e.blocked;
      e.frauds_blocked += fraud ? 1 : 0;
    }
  }
  if (e.frauds == 0 || e.frauds == e.rows) {
    return Status::InvalidArgument("too_few_rows", "an evaluation needs fraud and legitimate rows: " +
                                                       std::to_string(e.frauds) + " fraud of " + std::to_string(e.rows));
  }
  e.auc = ml::Auc(scores, rows.labels);
  e.average_precision = ml::AveragePrecision(scores, rows.labels);
  return e;
}

Result<StreamModel> TrainOnStream(const std::vector<StreamTransaction>& stream, const StreamTraining& o) {
  FeatureEngine engine(EngineOptions{o.label_delay_s});
  const std::size_t width = FeatureEngine::width();
  ml::Matrix rows{0, width, {}, {}, {}};
  Replay(stream, o.label_delay_s, o.from_s, o.until_s, engine, [&](std::size_t i, const float* row) {
    rows.values.insert(rows.values.end(), row, row + width);
    rows.labels.push_back(stream[i].fraud ? 1.0F : 0.0F);
    ++rows.rows;
  });
  return TrainOnRows(rows, FeatureEngine::catalogue(), o.label_delay_s, o.train);
}

std::vector<StreamTransaction> StreamOf(const std::vector<CardTransaction>& txs) {
  std::vector<StreamTransaction> out;
  out.reserve(txs.size());
  for (const CardTransaction& t : txs) {
    out.push_back({std::to_string(t.tx_id), t.time_s, std::to_string(t.customer_id), std::to_string(t.terminal_id),
                   t.amount_minor, t.fraud});
  }
  return out;
}

}  // namespace tranche::fraud
