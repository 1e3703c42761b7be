#include "assist/nlu_calibration.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/assert.h"

namespace tranche::assist {

void ApplyTemperature(double t, std::vector<double>& probs) {
  TRANCHE_ASSERT(t > 0.0);
  double sum = 0.0;
  for (double& p : probs) {
    p = std::pow(std::max(p, 1e-12), 1.0 / t);
    sum += p;
  }
  for (double& p : probs) p /= sum;
}

double FitTemperature(const std::vector<std::vector<double>>& raw, const std::vector<std::size_t>& truth) {
  TRANCHE_ASSERT(raw.size() == truth.size());
  double best_t = 1.0;
  double best_nll = INFINITY;
  std::vector<double> q;
  for (int step = -16; step <= 16; ++step) {  // 0.2 .. 5, log-spaced
    const double t = std::exp(static_cast<double>(step) * std::log(5.0) / 16.0);
    double nll = 0.0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      TRANCHE_ASSERT(truth[i] < raw[i].size());
      q = raw[i];
      ApplyTemperature(t, q);
      nll -= std::log(std::max(q[truth[i]], 1e-12));
    }
    if (nll < best_nll) {
      best_nll = nll;
      best_t = t;
    }
  }
  return best_t;
}

double ChooseOosThreshold(const std::vector<ScoredRow>& rows) {
  const auto oos = static_cast<double>(std::count_if(rows.begin(), rows.end(), [](const ScoredRow& r) { return r.truly_oos; }));
  const double in_scope = static_cast<double>(rows.size()) - oos;
  if (oos == 0.0 || in_scope == 0.0) return 0.0;
  const auto rates = [&](double t) {
    double in_correct = 0.0;
    double oos_caught = 0.0;
    for (const ScoredRow& r : rows) {
      const bool says_oos = r.top_is_oos || r.confidence < t;
      if (r.truly_oos) {
        oos_caught += says_oos ? 1.0 : 0.0;
      } else {
        in_correct += (!says_oos && r.top_correct) ? 1.0 : 0.0;
      }
    }
    return std::pair{in_correct / in_scope, oos_caught / oos};
  };
  const double floor = rates(0.0).first - kMaxInScopeLoss;
  double best_t = 0.0;
  double best_score = -1.0;
  for (int step = 0; step < 100; ++step) {
    const double t = step / 100.0;
    const auto [in_acc, oos_recall] = rates(t);
    if (in_acc < floor) break;  // in-scope accuracy only falls as t rises
    const double score = (in_acc + oos_recall) / 2.0;
    if (score > best_score + 1e-12) {
      best_score = score;
      best_t = t;
    }
  }
  return best_t;
}

}  // namespace tranche::assist
