#include "fraud/eval.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "fraud/features_replay.h"
#include "fraud/model.h"
#include "ml/metrics.h"

namespace tranche::fraud {

namespace {


Status CheckOptions(const FraudEvalOptions& o) {
  for (int days : {o.train_days, o.delay_days, o.test_days}) {
    if (days < 1 || days > 90) return Status::InvalidArgument("invalid_window", "window lengths must be 1-90 days");
  }
  if (o.top_k < 1 || o.top_k > 100'000) return Status::InvalidArgument("invalid_top_k", "top k must be 1-100000");
  return Status::Ok();
}

}  // namespace

std::vector<double> CardPrecisionPerDay(const std::vector<CardDayRow>& rows, int k) {
  std::map<int, std::vector<const CardDayRow*>> by_day;
  for (const CardDayRow& r : rows) by_day[r.day].push_back(&r);
  std::unordered_set<std::string> detected;
  std::vector<double> out;
  for (const auto& [day, day_rows] : by_day) {
    // Each customer: its highest score and whether any of its transactions was fraud.
    std::unordered_map<std::string, std::pair<double, bool>> cards;
    for (const CardDayRow* r : day_rows) {
      if (detected.contains(*r->customer)) continue;
      auto [it, fresh] = cards.try_emplace(*r->customer, r->score, r->fraud);
      if (!fresh) {
        it->second.first = std::max(it->second.first, r->score);
        it->second.second = it->second.second || r->fraud;
      }
    }
    std::vector<std::pair<std::string, std::pair<double, bool>>> ranked(cards.begin(), cards.end());
    // Highest score first; ties by customer so that the result does not depend on hashing.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.second.first != b.second.first ? a.second.first > b.second.first : a.first < b.first;
    });
    int hits = 0;
    for (std::size_t i = 0; i < ranked.size() && i < static_cast<std::size_t>(k); ++i) {
      if (ranked[i].second.second) {
        ++hits;
        detected.insert(ranked[i].first);
      }
    }
    out.push_back(static_cast<double>(hits) / k);
  }
  return out;
}

Result<FraudEvalResult> EvaluateFraud(const std::vector<StreamTransaction>& stream, const FraudEvalOptions& o) {
  TRANCHE_RETURN_IF_ERROR(CheckOptions(o));
  const std::int64_t delay_s = o.delay_days * kDayS;
  const std::int64_t train_end = o.train_start_s + o.train_days * kDayS;
  const std::int64_t test_start = train_end + delay_s;
  const std::int64_t test_end = test_start + o.test_days * kDayS;

  FeatureEngine engine(EngineOptions{delay_s});
  const std::size_t width = FeatureEngine::width();
  ml::Matrix train{0, width, {}, {}, {}}, test{0, width, {}, {}, {}};
  std::vector<std::size_t> test_index;
  Replay(stream, delay_s, o.train_start_s, test_end, engine, [&](std::size_t i, const float* row) {
    const std::int64_t t = stream[i].time_s;
    ml::Matrix* m = t < train_end ? &train : t >= test_start ? &test : nullptr;
    if (m == nullptr) return;
    m->values.insert(m->values.end(), row, row + width);
    m->labels.push_back(stream[i].fraud ? 1.0F : 0.0F);
    ++m->rows;
    if (m == &test) test_index.push_back(i);
  });
  FraudEvalResult r;
  r.train_rows = train.rows;
  r.train_frauds = static_cast<std::size_t>(std::count(train.labels.begin(), train.labels.end(), 1.0F));
  if (r.train_frauds == 0 || r.train_frauds == train.rows) {
    return Status::InvalidArgument("too_few_rows", "the training window needs both frauds and genuine transactions");
  }
  TRANCHE_ASSIGN_OR_RETURN(r.model, TrainFraud(train, FeatureEngine::catalogue(), o.train));
  TRANCHE_ASSIGN_OR_RETURN(FraudModel model, FraudModel::FromTrained(r.model, FeatureEngine::catalogue(), delay_s));

  // Frauds by day since the training start, for the known-compromised customers.
  std::vector<std::vector<const std::string*>> fraud_customers_by_day(
      static_cast<std::size_t>(o.train_days + o.delay_days + o.test_days));
  for (const StreamTransaction& tx : stream) {
    if (tx.fraud && tx.time_s >= o.train_start_s && tx.time_s < test_end) {
      fraud_customers_by_day[static_cast<std::size_t>((tx.time_s - o.train_start_s) / kDayS)].push_back(&tx.customer_id);
    }
  }
  std::set<std::string> known;
  int known_through_day = 0;  // days [0, known_through_day) are in `known`
  std::vector<double> scores;
  std::vector<float> labels;
  std::vector<CardDayRow> card_rows;
  for (std::size_t k = 0; k < test.rows; ++k) {
    const StreamTransaction& tx = stream[test_index[k]];
    const double p = model.ScoreRow(test.row(k), false).probability;
    r.predictions.emplace_back(test_index[k], p);
    const int day = static_cast<int>((tx.time_s - o.train_start_s) / kDayS);
    for (; known_through_day < day - o.delay_days; ++known_through_day) {
      for (const std::string* c : fraud_customers_by_day[static_cast<std::size_t>(known_through_day)]) known.insert(*c);
    }
    if (known.contains(tx.customer_id)) {
      ++r.excluded_rows;
      continue;
    }
    scores.push_back(p);
    labels.push_back(tx.fraud ? 1.0F : 0.0F);
    card_rows.push_back({day, &tx.customer_id, p, tx.fraud});
  }
  r.test_rows = scores.size();
  r.test_frauds = static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0F));
  if (r.test_frauds == 0 || r.test_frauds == r.test_rows) {
    return Status::InvalidArgument("too_few_rows", "the test window needs both frauds and genuine transactions");
  }
  r.auc = ml::Auc(scores, labels);
  r.average_precision = ml::AveragePrecision(scores, labels);
  r.card_precision_per_day = CardPrecisionPerDay(card_rows, o.top_k);
  r.card_precision_at_k = std::accumulate(r.card_precision_per_day.begin(), r.card_precision_per_day.end(), 0.0) /
                          static_cast<double>(r.card_precision_per_day.size());
  return r;
}

}  // namespace tranche::fraud
