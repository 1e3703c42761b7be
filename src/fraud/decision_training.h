// Training rows from tranche's own decision log (pure): each stored screening's feature
// values — the very values its score was computed from at authorization, so training
// and serving agree by construction — with what the authorization turned out to be.
//
// Labelling (TrainingLabelOf):
//   - a decision with labels takes its latest label's word (latest by created_at, then
//     id): a rejected review, an unauthorized dispute or a chargeback says fraud, an
//     accepted review legitimate. The latest wins so that a later finding corrects an
//     earlier one (today labels only disagree when a dispute or a chargeback follows an
//     accepted review: fraud either way);
//   - a decision without labels is legitimate once the label delay has passed since it
//     was made (nobody said otherwise in that time), and is left out while younger: its
//     label is not known yet, and counting it legitimate would teach the model that
//     fresh fraud looks clean.
// The shell (ops/fraud_training.h) pages the decisions and their labels in.
#pragma once

#include <chrono>
#include <cstddef>
#include <span>

#include "core/status.h"
#include "core/time.h"
#include "fraud/decision.h"
#include "fraud/review.h"
#include "fraud/stream_training.h"
#include "ml/matrix.h"

namespace tranche::fraud {

// Bounds: the rows are held in memory (a row is the screening catalogue's width of
// floats, about 0.5 kB, so up to about 0.5 GB, and training copies the columns it keeps
// once more, as does XGBoost), and the window is at most a year.
inline constexpr std::size_t kMaxTrainingDecisions = 1'000'000;
inline constexpr int kMaxTrainingDays = 366;
// Unlabelled decisions count as legitimate after this many days (the CLI's default).
inline constexpr int kDefaultTrainingLabelDelayDays = 30;
inline constexpr int kMaxTrainingLabelDelayDays = 365;
// Fewer rows of either class than this are refused: the cross-validated search and
// the calibration need some of each in every fold.
inline constexpr std::size_t kMinTrainingRowsPerClass = 10;

enum class TrainingLabel : unsigned char { kFraud, kLegitimate, kNotYetKnown };

// The label a decision made at `decided_at` trains with, given its labels (any order)
// and the instant before which an unlabelled decision counts as legitimate (now − the
// label delay).
TrainingLabel TrainingLabelOf(Instant decided_at, std::span<const Label> labels, Instant unlabelled_legitimate_before);

struct DecisionTrainingCounts {
  std::size_t decisions = 0;              // added
  std::size_t frauds = 0;                 // rows labelled fraud
  std::size_t labelled_legitimate = 0;    // rows a label says are legitimate
  std::size_t unlabelled_legitimate = 0;  // rows legitimate because old enough without a label
  std::size_t too_young = 0;              // left out: unlabelled and younger than the delay
  std::size_t disagreeing = 0;            // decisions whose labels disagree (the latest won)

  std::size_t rows() const { return frauds + labelled_legitimate + unlabelled_legitimate; }
  std::size_t legitimate() const { return labelled_legitimate + unlabelled_legitimate; }
};

// The labelled rows of a window of decisions, in `catalogue` order (number features;
// text ones and features a decision lacks are missing).
class DecisionTrainingSet {
 public:
  // Precondition: `catalogue` outlives the set; label_delay >= 0.
  DecisionTrainingSet(const Catalogue& catalogue, Instant now, std::chrono::days label_delay);

  // Adds the decision as a row, or counts it as left out. Preconditions: `labels` are
  // the decision's; fewer than kMaxTrainingDecisions were added.
  void Add(const FraudDecision& decision, std::span<const Label> labels);

  const Catalogue& catalogue() const { return *catalogue_; }
  const ml::Matrix& rows() const { return rows_; }
  const DecisionTrainingCounts& counts() const { return counts_; }
  std::chrono::days label_delay() const { return label_delay_; }

  // Refused (too_few_rows) when either class has fewer than kMinTrainingRowsPerClass
  // rows; the message says how many of each there are and how many were left out.
  Status CheckEnough() const;

 private:
  const Catalogue* catalogue_;
  std::chrono::days label_delay_;
  Instant unlabelled_legitimate_before_;
  ml::Matrix rows_;
  DecisionTrainingCounts counts_;
};

// Trains on `set`'s rows (TrainOnRows) a model that reads the catalogue they were read
// in; `engine_label_delay_s` is the feature engine's label delay the screenings were
// computed with, which the serving engine will use. Refused as set.CheckEnough()
// refuses, then as TrainOnRows does.
Result<StreamModel> TrainOnDecisions(const DecisionTrainingSet& set, std::int64_t engine_label_delay_s,
                                     const FraudTrainOptions& options);

}  // namespace tranche::fraud
