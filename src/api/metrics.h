// Metrics in Prometheus text format: HTTP requests and latency by route and status,
// ledger entries, the store's commit batches, the fraud review queue and the assistant's
// operating metrics.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "assist/model_proposal.h"
#include "assist/metrics.h"
#include "core/time.h"
#include "store/store.h"

namespace tranche::api {

// Time from a fraud review's creation to its decision: a minute to a day.
inline constexpr std::array<double, 8> kReviewBucketsS = {60, 300, 900, 1800, 3600, 14400, 43200, 86400};

// The assistant's metrics cover the conversations started in the last 30 days, measured
// from the store at most once a minute: a scrape reads them, and the refresh bounds what an
// unauthenticated caller can make the store do.
inline constexpr auto kAssistantWindow = std::chrono::hours(24 * 30);
inline constexpr auto kAssistantRefresh = std::chrono::seconds(60);

inline constexpr std::array<double, 14> kLatencyBucketsS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
    0.025,  0.05,    0.1,    0.25,  0.5,    1.0,   2.5};

class Metrics {
 public:
  // `route_names` are the route labels, indexed like the router's routes.
  explicit Metrics(std::vector<std::string> route_names);

  void RecordRequest(std::size_t route_index, int status, std::int64_t duration_us);
  // Requests that matched no route.
  void RecordUnrouted(int status, std::int64_t duration_us);
  void SetLedgerEntries(std::int64_t n) { ledger_entries_.store(n); }
  void AddLedgerEntries(std::int64_t n) { ledger_entries_.fetch_add(n); }

  // The fraud review queue: decisions by action (allow 0, block 1, review 2 — the
  // order of fraud::Action), reviews waiting (set from the store at start, then kept in
  // step), and reviews decided with their time to decision.
  void SetFraudReviewsPending(std::int64_t n) { fraud_pending_.store(n); }
  void RecordFraudDecision(std::size_t action);
  void RecordReviewDecided(bool accepted, std::int64_t seconds);

  // Whether the assistant's metrics are older than kAssistantRefresh at `wall_now` (or
  // were never measured); SetAssistant keeps a new measurement.
  bool AssistantDue(Instant wall_now) const;
  void SetAssistant(assist::AssistantMetrics m, Instant wall_now);

  // `model_calls`: the assistant's language model's outcomes, when it has one.
  std::string Render(const store::StoreStats& store, std::optional<assist::ModelCalls> model_calls = {}) const;

 private:
  struct Series {
    std::uint64_t count = 0;
    std::uint64_t sum_us = 0;
    std::array<std::uint64_t, kLatencyBucketsS.size()> buckets{};
  };
  std::vector<std::string> route_names_;  // last entry: "unmatched"
  mutable std::mutex mu_;
  std::map<std::pair<std::size_t, int>, Series> series_;
  std::atomic<std::int64_t> ledger_entries_{0};
  std::array<std::uint64_t, 3> fraud_decisions_{};        // guarded by mu_
  std::array<std::uint64_t, 2> reviews_decided_{};        // rejected, accepted; guarded by mu_
  std::array<std::uint64_t, kReviewBucketsS.size()> review_buckets_{};  // guarded by mu_
  std::uint64_t review_seconds_sum_ = 0;                   // guarded by mu_
  std::atomic<std::int64_t> fraud_pending_{0};
  std::optional<assist::AssistantMetrics> assistant_;  // guarded by mu_
  Instant assistant_measured_at_;                      // wall clock; guarded by mu_

  void RenderFraud(std::string& out) const;      // mu_ held
  void RenderAssistant(std::string& out) const;  // mu_ held
};

}  // namespace tranche::api
