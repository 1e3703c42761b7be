#include "api/metrics.h"

#include <cstdio>

namespace tranche::api {

Metrics::Metrics(std::vector<std::string> route_names) : route_names_(std::move(route_names)) {
  route_names_.push_back("unmatched");
}

void Metrics::RecordRequest(std::size_t route_index, int status, std::int64_t duration_us) {
  TRANCHE_ASSERT(route_index < route_names_.size());
  const double seconds = static_cast<double>(duration_us) / 1e6;
  std::lock_guard lock(mu_);
  Series& s = series_[{route_index, status}];
  ++s.count;
  s.sum_us += static_cast<std::uint64_t>(duration_us < 0 ? 0 : duration_us);
  for (std::size_t i = 0; i < kLatencyBucketsS.size(); ++i) {
    if (seconds <= kLatencyBucketsS[i]) ++s.buckets[i];  // cumulative, as Prometheus wants
  }
}

void Metrics::RecordUnrouted(int status, std::int64_t duration_us) {
  RecordRequest(route_names_.size() - 1, status, duration_us);
}

std::string Metrics::Render(const store::StoreStats& store) const {
  std::string out;
  char buf[2048];
  out += "# HELP tranche_http_requests_total HTTP requests by route and status.\n"
         "# TYPE tranche_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [key, s] : series_) {
    std::snprintf(buf, sizeof buf, "tranche_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                  route_names_[key.first].c_str(), key.second,
                  static_cast<unsigned long long>(s.count));
    out += buf;
  }
  out += "# HELP tranche_http_request_duration_seconds Request latency by route and status.\n"
         "# TYPE tranche_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : series_) {
    const std::string labels = "route=\"" + route_names_[key.first] + "\",status=\"" +
                               std::to_string(key.second) + "\"";
    for (std::size_t i = 0; i < kLatencyBucketsS.size(); ++i) {
      std::snprintf(buf, sizeof buf, "tranche_http_request_duration_seconds_bucket{%s,le=\"%g\"} %llu\n",
                    labels.c_str(), kLatencyBucketsS[i], static_cast<unsigned long long>(s.buckets[i]));
      out += buf;
    }
    std::snprintf(buf, sizeof buf,
                  "tranche_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %llu\n"
                  "tranche_http_request_duration_seconds_sum{%s} %.6f\n"
                  "tranche_http_request_duration_seconds_count{%s} %llu\n",
                  labels.c_str(), static_cast<unsigned long long>(s.count), labels.c_str(),
                  static_cast<double>(s.sum_us) / 1e6, labels.c_str(),
                  static_cast<unsigned long long>(s.count));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "# HELP tranche_ledger_entries Journal entries in the ledger.\n"
                "# TYPE tranche_ledger_entries gauge\ntranche_ledger_entries %lld\n"
                "# HELP tranche_store_commits_total Durable write transactions.\n"
                "# TYPE tranche_store_commits_total counter\ntranche_store_commits_total %llu\n"
                "# HELP tranche_store_jobs_total Units of work run by the writer.\n"
                "# TYPE tranche_store_jobs_total counter\ntranche_store_jobs_total %llu\n"
                "# HELP tranche_store_queue_depth Units of work waiting for the writer.\n"
                "# TYPE tranche_store_queue_depth gauge\ntranche_store_queue_depth %llu\n"
                "# HELP tranche_store_queue_rejections_total Writes refused by a full queue.\n"
                "# TYPE tranche_store_queue_rejections_total counter\n"
                "tranche_store_queue_rejections_total %llu\n",
                static_cast<long long>(ledger_entries_.load()),
                static_cast<unsigned long long>(store.commits),
                static_cast<unsigned long long>(store.jobs),
                static_cast<unsigned long long>(store.queue_depth),
                static_cast<unsigned long long>(store.queue_rejections));
  out += buf;
  out += "# HELP tranche_store_commit_batch_size Units of work per commit.\n"
         "# TYPE tranche_store_commit_batch_size histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < store::kBatchSizeBuckets; ++i) {
    cumulative += store.batch_size_buckets[i];
    std::snprintf(buf, sizeof buf, "tranche_store_commit_batch_size_bucket{le=\"%llu\"} %llu\n",
                  1ULL << i, static_cast<unsigned long long>(cumulative));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "tranche_store_commit_batch_size_bucket{le=\"+Inf\"} %llu\n"
                "tranche_store_commit_batch_size_sum %llu\n"
                "tranche_store_commit_batch_size_count %llu\n",
                static_cast<unsigned long long>(store.commits),
                static_cast<unsigned long long>(store.jobs),
                static_cast<unsigned long long>(store.commits));
  out += buf;
  return out;
}

}  // namespace tranche::api
