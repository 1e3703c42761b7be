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

// Edges and smoothed WoE of column `c`.
ScorecardInput BinColumn(const Matrix& m, std::size_t c, double base_rate) {
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
  const double base_log_odds = std::log(base_rate / (1 - base_rate));
  for (std::size_t b = 0; b < all.size(); ++b) {
    const double p = (pos[b] + kWoePriorRows * base_rate) / (all[b] + kWoePriorRows);
    in.woe.push_back(std::log(p / (1 - p)) - base_log_odds);
  }
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

Scorecard FitScorecard(const Matrix& m) {
  TRANCHE_ASSERT(m.rows > 0 && m.labels.size() == m.rows);
  const double positives = std::accumulate(m.labels.begin(), m.labels.end(), 0.0);
  TRANCHE_ASSERT(positives > 0 && positives < static_cast<double>(m.rows));
  const double base_rate = positives / static_cast<double>(m.rows);
  Scorecard card;
  const std::size_t p = m.cols + 1;  // inputs, then the intercept
  std::vector<double> x(m.rows * p, 1.0);
  for (std::size_t c = 0; c < m.cols; ++c) {
    ScorecardInput in = BinColumn(m, c, base_rate);
    double sum = 0;
    for (std::size_t r = 0; r < m.rows; ++r) sum += in.Woe(m.values[r * m.cols + c]);
    in.mean_woe = sum / static_cast<double>(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) x[r * p + c] = in.Woe(m.values[r * m.cols + c]) - in.mean_woe;
    card.inputs.push_back(std::move(in));
  }
  // Newton's method on the L2-penalised log-likelihood (the intercept is not penalised).
  std::vector<double> w(p, 0);
  w[m.cols] = std::log(base_rate / (1 - base_rate));
  for (int step = 0; step < kScorecardMaxNewtonSteps; ++step) {
    std::vector<double> grad(p, 0), hess(p * p, 0);
    for (std::size_t r = 0; r < m.rows; ++r) {
      const double* xr = &x[r * p];
      double z = 0;
      for (std::size_t j = 0; j < p; ++j) z += w[j] * xr[j];
      const double prob = 1 / (1 + std::exp(-z));
      const double h = prob * (1 - prob);
      for (std::size_t j = 0; j < p; ++j) {
        grad[j] += (prob - m.labels[r]) * xr[j];
        for (std::size_t k = 0; k <= j; ++k) hess[j * p + k] += h * xr[j] * xr[k];
      }
    }
    for (std::size_t j = 0; j < p; ++j) {
      for (std::size_t k = 0; k < j; ++k) hess[k * p + j] = hess[j * p + k];
      if (j < m.cols) {
        grad[j] += kScorecardL2 * w[j];
        hess[j * p + j] += kScorecardL2;
      }
    }
    SolveSpd(std::move(hess), grad, p);
    double largest = 0;
    for (std::size_t j = 0; j < p; ++j) {
      w[j] -= grad[j];
      largest = std::max(largest, std::abs(grad[j]));
    }
    if (largest < 1e-9) break;
  }
  for (std::size_t c = 0; c < m.cols; ++c) card.inputs[c].weight = w[c];
  card.bias = w[m.cols];
  TRANCHE_ASSERT_MSG(std::isfinite(card.bias), "the scorecard fit converges");
  return card;
}

}  // namespace tranche::credit
