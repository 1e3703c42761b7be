// The models use case: the credit champion (and challenger) and the fraud model the
// server runs, each with what training recorded (held-out ROC and calibration) and how
// it does live over a window of stored decisions: its score's PSI against the training
// baseline week by week, ROC/AUC (and for credit calibration) on the decisions whose
// outcome is known — credit: matured decisions, a default as risk::DecisionRepo::Outcomes
// defines it; fraud: decisions labelled by reviews, disputes and chargebacks — and champion and
// challenger side by side (credit::ReportByVersion, credit::CompareOnMatured).
// GET /v1/admin/models. Reads only; every read is bounded.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "credit/model_decider.h"
#include "credit/reporting.h"
#include "fraud/backtest.h"
#include "fraud/model.h"
#include "fraud/model_scorer.h"
#include "ml/monitoring.h"
#include "store/store.h"

namespace tranche::ops {

// At most this many decisions of each kind are read (the first of the window); a fraud
// decision carries every feature value, so fewer of those.
inline constexpr std::size_t kMaxModelCreditDecisions = 20'000;
inline constexpr std::size_t kMaxModelFraudDecisions = 5'000;
inline constexpr int kDefaultModelWindowDays = 90;
// A credit decision has matured when an instalment of its purchase fell due this many
// days before today; it defaulted when that instalment is still unpaid (as
// `tranche report decisions` measures by default).
inline constexpr int kModelDefaultAfterDays = 60;

// The models the server runs (set by the platform; any may be absent). Decider
// pointers, not models: a watched model directory can be reloaded while serving.
struct ServedModels {
  const credit::ModelDecider* champion = nullptr;
  std::string champion_dir;
  const credit::ModelDecider* challenger = nullptr;
  std::string challenger_dir;
  bool challenger_shadow = false;
  double challenger_share = 0;  // of consumers, when not in shadow
  const fraud::SwappableScorer* fraud = nullptr;  // its current model, read per report
  std::string fraud_dir;
};

struct ModelCard {
  std::string kind;  // "credit" or "fraud"
  std::string role;  // "champion", "challenger" or "fraud"
  std::string version;
  std::optional<Instant> written_at;  // when its directory's metadata was written
  std::size_t features = 0;
  std::size_t training_rows = 0;
  std::string held_out_method;           // which rows the held-out curves are on
  std::optional<ml::Curves> held_out;    // none for a model written before they were recorded
  ml::LiveMonitoring live;
};

struct ModelsReport {
  fraud::BacktestWindow window;
  std::size_t credit_decisions = 0;
  bool credit_capped = false;  // the window held more than kMaxModelCreditDecisions
  std::size_t fraud_decisions = 0;
  bool fraud_capped = false;
  Date matured_by;  // instalments due on or before this day count
  std::vector<ModelCard> models;
  std::string challenger_mode;  // "shadow", "share", or empty without a challenger
  double challenger_share = 0;
  std::vector<credit::VersionReport> versions;  // every credit decider in the window
  std::optional<credit::HeadToHead> head_to_head;  // with a shadow challenger only
};

// Of `rows`, read oldest first from the window's start with a limit of cap + 1: those
// created before `to`, at most `cap`, and whether the window held more than `cap`.
template <typename Record>
std::pair<std::vector<Record>, bool> FirstInWindow(std::vector<Record> rows, Instant to, std::size_t cap) {
  rows.erase(std::find_if(rows.begin(), rows.end(), [&](const Record& r) { return r.created_at >= to; }), rows.end());
  const bool capped = rows.size() > cap;
  if (capped) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(cap), rows.end());
  return {std::move(rows), capped};
}

// The window's decisions read in one snapshot. `now` is the platform's clock.
Result<ModelsReport> ReportModels(store::Store& store, const ServedModels& served, fraud::BacktestWindow window,
                                  Instant now);

}  // namespace tranche::ops
