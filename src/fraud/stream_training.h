// Training fraud's model on a labelled transaction stream, as `tranche train fraud`, the
// demo's first run and the tests do it: the window's transactions replayed through the
// feature engine (labels delivered only after the label delay, features_replay.h), the
// rows trained on (model_trainer.h) and the result made a FraudModel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fraud/cards_sim.h"
#include "fraud/eval_stream.h"
#include "fraud/model.h"

namespace tranche::fraud {

struct StreamTraining {
  std::int64_t from_s = 0;   // the training window [from_s, until_s), Unix seconds
  std::int64_t until_s = 0;
  std::int64_t label_delay_s = 7 * 86'400;
  FraudTrainOptions train;
};

// A trained model with what it was trained on (a stream's window or the decision log's,
// decision_training.h).
struct StreamModel {
  FraudModel model;
  std::size_t rows = 0;
  std::size_t frauds = 0;
  std::size_t inputs = 0;  // features the trees read
  double cv_auc = 0;       // of the chosen parameters, out-of-fold (optimistic)
  double cv_average_precision = 0;
  std::optional<ml::GroupSelection> selection;  // with select_features
  std::vector<std::string> dropped_families;
};

// The `days` days whose labels are all known at the stream's end: they end on the last
// midnight at least `label_delay_s` before its last transaction. Precondition: the
// stream is not empty.
StreamTraining LatestWindow(const std::vector<StreamTransaction>& stream, int days, std::int64_t label_delay_s);

// Trains on `rows` (values in `catalogue` order, 0/1 labels; model_trainer.h) and
// makes the model that reads `catalogue`'s features; `label_delay_s` is the feature
// engine's label delay the rows were computed with, which the serving engine will use.
// Refused as TrainFraud refuses (too few rows of either class, no column with a value).
Result<StreamModel> TrainOnRows(const ml::Matrix& rows, const Catalogue& catalogue, std::int64_t label_delay_s,
                                const FraudTrainOptions& options);

// How a model ranks labelled rows it was not trained on (`tranche eval fraud
// --from-decisions`: a later window of the decision log). Counts at the model's review
// and block scores (blocked rows are counted as reviewed too).
struct RowsEvaluation {
  std::size_t rows = 0, frauds = 0;
  double auc = 0;
  double average_precision = 0;
  std::size_t reviewed = 0, frauds_reviewed = 0;
  std::size_t blocked = 0, frauds_blocked = 0;
};
// Precondition: `rows` has a 0/1 label per row and `model`'s catalogue's width. Refused
// (too_few_rows) without a row of each class.
Result<RowsEvaluation> EvaluateOnRows(const FraudModel& model, const ml::Matrix& rows);

// Refused as TrainFraud refuses (too few rows of either class in the window).
Result<StreamModel> TrainOnStream(const std::vector<StreamTransaction>& stream, const StreamTraining& o);

// The simulator's transactions as a stream (ids as decimal text).
std::vector<StreamTransaction> StreamOf(const std::vector<CardTransaction>& txs);

}  // namespace tranche::fraud
