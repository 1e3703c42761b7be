#include "credit/scorecard.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/assert.h"

namespace tranche::credit {

namespace {

std::vector<float> BinEdges(std::vector<float> present) {
  std::sort(present.begin(), present.end());
  std::vector<float> distinct = present;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() <= kScorecardBins) return {distinct.begin() + (distinct.empty() ? 0 : 1), distinct.end()};
  std::vector<float> edges;
  for (std::size_t q = 1; q < kScorecardBins; ++q) {
    const float v = present[q * present.size() / kScorecardBins];
    if (v > present.front() && (edges.empty() || v > edges.back())) edges.push_back(v);
  }
  return edges;
}

std::size_t BinOf(const ScorecardInput& in, float x) {
  if (std::isnan(x)) return in.edges.size() + 1;
  return static_cast<std::size_t>(std::upper_bound(in.edges.begin(), in.edges.end(), x) - in.edges.begin());
}

// Smoothed log-odds of default of `positives` among `rows`, relative to the base rate.
double Woe(double positives, double rows, double base_rate) {
  const double p = (positives + kWoePriorRows * base_rate) / (rows + kWoePriorRows);
  return std::log(p / (1 - p)) - std::log(base_rate / (1 - base_rate));
}

// Pools adjacent bins (not the missing one) until sign · WoE never falls from one bin
// to the next, and gives each bin its pool's WoE.
void PoolAdjacentViolators(const std::vector<double>& pos, const std::vector<double>& all, int sign,
                           double base_rate, std::vector<double>* woe) {
  struct Pool {
    double pos, all;
    std::size_t bins;
  };
  std::vector<Pool> pools;
  const auto rank = [&](const Pool& p) { return sign * Woe(p.pos, p.all, base_rate); };
  for (std::size_t b = 0; b + 1 < all.size(); ++b) {
    pools.push_back({pos[b], all[b], 1});
    while (pools.size() >= 2 && rank(pools[pools.size() - 2]) > rank(pools.back())) {
      const Pool last = pools.back();
      pools.pop_back();
      pools.back().pos += last.pos;
      pools.back().all += last.all;
      pools.back().bins += last.bins;
    }
  }
  std::size_t b = 0;
  for (const Pool& p : pools) {
    for (std::size_t k = 0; k < p.bins; ++k) (*woe)[b++] = Woe(p.pos, p.all, base_rate);
  }
}

// Edges and smoothed WoE of column `c`, monotone when `sign` is not 0.
ScorecardInput BinColumn(const Matrix& m, std::size_t c, double base_rate, int sign) {
  std::vector<float> present;
  for (std::size_t r = 0; r < m.rows; ++r) {
    if (!std::isnan(m.values[r * m.cols + c])) present.push_back(m.values[r * m.cols + c]);
  }
  ScorecardInput in;
  in.edges = BinEdges(std::move(present));
  std::vector<double> pos(in.edges.size() + 2, 0), all(in.edges.size() + 2, 0);
  for (std::size_t r = 0; r < m.rows; ++r) {
    const std::size_t b = BinOf(in, m.values[r * m.cols + c]);
    pos[b] += m.labels[r];
    all[b] += 1;
  }
  for (std::size_t b = 0; b < all.size(); ++b) in.woe.push_back(Woe(pos[b], all[b], base_rate));
  if (sign != 0) PoolAdjacentViolators(pos, all, sign, base_rate, &in.woe);
  return in;
}

// Solves A x = b in place for symmetric positive definite A (n × n, row-major) by
// Cholesky; b becomes x.
void SolveSpd(std::vector<double> a, std::vector<double>& b, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (std::size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    TRANCHE_ASSERT_MSG(d > 0, "the regularised Hessian is positive definite");
    a[j * n + j] = std::sqrt(d);
    for (std::size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / a[j * n + j];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {  // L y = b
    for (std::size_t k = 0; k < i; ++k) b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {  // Lᵀ x = y
    for (std::size_t k = i + 1; k < n; ++k) b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
}

double Dot(const double* x, const std::vector<double>& w) {
  double z = 0;
  for (std::size_t j = 0; j < w.size(); ++j) z += w[j] * x[j];
  return z;
}

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// The L2 penalty of coefficient j; the intercept (the last) gets a token one, which
// keeps the Hessian positive definite even if every probability saturates.
double Penalty(std::size_t j, std::size_t inputs) { return j < inputs ? kScorecardL2 : 1e-6; }

double PenalisedLoss(const std::vector<double>& x, const std::vector<float>& labels, const std::vector<double>& w) {
  const std::size_t p = w.size();
  double loss = 0;
  for (std::size_t r = 0; r < labels.size(); ++r) {
    const double z = Dot(&x[r * p], w);
    // log(1 + e^z) − y·z, written to stay finite for large |z|.
    loss += (z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z))) - labels[r] * z;
  }
  for (std::size_t j = 0; j < p; ++j) loss += Penalty(j, p - 1) * w[j] * w[j] / 2;
  return loss;
}

}  // namespace

double ScorecardInput::Woe(float x) const { return woe[BinOf(*this, x)]; }

double Scorecard::Margin(const float* row) const {
  double margin = bias;
  for (std::size_t j = 0; j < inputs.size(); ++j) margin += inputs[j].weight * (inputs[j].Woe(row[j]) - inputs[j].mean_woe);
  return margin;
}

void Scorecard::Contributions(const float* row, double* phi) const {
  for (std::size_t j = 0; j < inputs.size(); ++j) phi[j] = inputs[j].weight * (inputs[j].Woe(row[j]) - inputs[j].mean_woe);
  phi[inputs.size()] = bias;
}

Scorecard FitScorecard(const Matrix& m, const std::vector<int>& monotone) {
  TRANCHE_ASSERT(m.rows > 0 && m.labels.size() == m.rows);
  TRANCHE_ASSERT(monotone.empty() || monotone.size() == m.cols);
  const auto constrained = [&](std::size_t c) { return !monotone.empty() && monotone[c] != 0; };
  const double positives = std::accumulate(m.labels.begin(), m.labels.end(), 0.0);
  TRANCHE_ASSERT(positives > 0 && positives < static_cast<double>(m.rows));
  const double base_rate = positives / static_cast<double>(m.rows);
  Scorecard card;
  const std::size_t p = m.cols + 1;  // inputs, then the intercept
  std::vector<double> x(m.rows * p, 1.0);
  for (std::size_t c = 0; c < m.cols; ++c) {
    ScorecardInput in = BinColumn(m, c, base_rate, monotone.empty() ? 0 : monotone[c]);
    double sum = 0;
    for (std::size_t r = 0; r < m.rows; ++r) sum += in.Woe(m.values[r * m.cols + c]);
    in.mean_woe = sum / static_cast<double>(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) x[r * p + c] = in.Woe(m.values[r * m.cols + c]) - in.mean_woe;
    card.inputs.push_back(std::move(in));
  }
  // Newton's method on the L2-penalised log-likelihood (the intercept is barely
  // penalised), halving a step that would not lower the loss, projected so monotone
  // inputs keep weights ≥ 0.
  std::vector<double> w(p, 0);
  w[m.cols] = std::log(base_rate / (1 - base_rate));
  double loss = PenalisedLoss(x, m.labels, w);
  for (int step = 0; step < kScorecardMaxNewtonSteps; ++step) {
    std::vector<double> grad(p, 0), hess(p * p, 0);
    for (std::size_t r = 0; r < m.rows; ++r) {
      const double* xr = &x[r * p];
      const double prob = Sigmoid(Dot(xr, w));
      const double h = prob * (1 - prob);
      for (std::size_t j = 0; j < p; ++j) {
        grad[j] += (prob - m.labels[r]) * xr[j];
        for (std::size_t k = 0; k <= j; ++k) hess[j * p + k] += h * xr[j] * xr[k];
      }
    }
    for (std::size_t j = 0; j < p; ++j) {
      for (std::size_t k = 0; k < j; ++k) hess[k * p + j] = hess[j * p + k];
      grad[j] += Penalty(j, m.cols) * w[j];
      hess[j * p + j] += Penalty(j, m.cols);
    }
    SolveSpd(std::move(hess), grad, p);
    double largest = 0, scale = 1;
    std::vector<double> next(p);
    for (int halving = 0; halving < kScorecardMaxHalvings; ++halving, scale /= 2) {
      for (std::size_t j = 0; j < p; ++j) {
        next[j] = w[j] - scale * grad[j];
        // Monotone WoE only keeps its direction with a weight that is not negative.
        if (j < m.cols && constrained(j)) next[j] = std::max(next[j], 0.0);
      }
      const double next_loss = PenalisedLoss(x, m.labels, next);
      if (next_loss <= loss) {
        loss = next_loss;
        break;
      }
    }
    for (std::size_t j = 0; j < p; ++j) largest = std::max(largest, std::abs(next[j] - w[j]));
    w = next;
    if (largest < 1e-9) break;
  }
  for (std::size_t c = 0; c < m.cols; ++c) card.inputs[c].weight = w[c];
  card.bias = w[m.cols];
  TRANCHE_ASSERT_MSG(std::isfinite(card.bias), "the scorecard fit converges");
  return card;
}

}  // namespace tranche::credit
