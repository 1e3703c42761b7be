// `tranche eval fraud`: the Fraud Detection Handbook's protocol on a labelled card
// stream, with tranche's own feature engine and trainer.
//   - The stream is replayed in time order through the feature engine from its first
//     transaction; a fraud label becomes visible `delay_days` after its transaction.
//   - Training rows: the transactions of [train_start, train_start + train_days), labelled.
//   - Test rows: the transactions of the `test_days` days that start `delay_days` after
//     the training window ends, without those of customers already known to be
//     compromised: a customer is known on test day D once it has a fraud in
//     [train_start, D − delay_days).
//   - The model is trained (hyper-parameters chosen by cross-validation on the training
//     rows only) and scores the test rows.
//   - Measures: AUC and average precision over the test rows; card precision@k per test
//     day (each customer scored by its highest-scored transaction of the day, the share
//     of compromised customers among the k highest), customers detected on a day dropped
//     from later days, averaged over the days.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "fraud/eval_stream.h"
#include "fraud/model_trainer.h"

namespace tranche::fraud {

struct FraudEvalOptions {
  std::int64_t train_start_s = 0;  // Unix seconds (midnight of the first training day)
  int train_days = 7;
  int delay_days = 7;
  int test_days = 7;
  int top_k = 100;
  FraudTrainOptions train;
};

struct FraudEvalResult {
  std::size_t train_rows = 0, train_frauds = 0;
  std::size_t test_rows = 0, test_frauds = 0;  // after the exclusion
  std::size_t excluded_rows = 0;                 // of known-compromised customers
  double auc = 0;
  double average_precision = 0;
  double card_precision_at_k = 0;
  std::vector<double> card_precision_per_day;
  TrainedFraud model;
  // Every test-window transaction (excluded ones too): its index in the stream and score.
  std::vector<std::pair<std::size_t, double>> predictions;
};

// Refused: windows outside 1-90 days, top_k outside 1-100000, a training window without
// both classes, a test window without a fraud.
Result<FraudEvalResult> EvaluateFraud(const std::vector<StreamTransaction>& stream, const FraudEvalOptions& options);

// One day's test rows for card precision@k.
struct CardDayRow {
  int day = 0;
  const std::string* customer = nullptr;
  double score = 0;
  bool fraud = false;
};
// Card precision@k per day, in day order (see above). Pure.
std::vector<double> CardPrecisionPerDay(const std::vector<CardDayRow>& rows, int k);

}  // namespace tranche::fraud
