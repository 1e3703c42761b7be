#include "api/metrics.h"

#include <algorithm>
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

std::string Metrics::Render(const store::StoreStats& store, std::optional<assist::ModelCalls> model_calls) const {
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
                "tranche_store_queue_rejections_total %llu\n"
                "# HELP tranche_store_conflict_retries_total Commit groups run again after conflicting with "
                "another node.\n"
                "# TYPE tranche_store_conflict_retries_total counter\n"
                "tranche_store_conflict_retries_total %llu\n",
                static_cast<long long>(ledger_entries_.load()),
                static_cast<unsigned long long>(store.commits),
                static_cast<unsigned long long>(store.jobs),
                static_cast<unsigned long long>(store.queue_depth),
                static_cast<unsigned long long>(store.queue_rejections),
                static_cast<unsigned long long>(store.conflict_retries));
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
  RenderFraud(out);
  RenderAssistant(out);
  if (model_calls) {
    std::snprintf(buf, sizeof buf,
                  "# HELP tranche_assistant_model_calls_total Messages the assistant's language model was asked "
                  "about, by outcome (used: its proposal went to the policy; failed: the built-in understanding "
                  "answered).\n"
                  "# TYPE tranche_assistant_model_calls_total counter\n"
                  "tranche_assistant_model_calls_total{outcome=\"used\"} %llu\n"
                  "tranche_assistant_model_calls_total{outcome=\"failed\"} %llu\n",
                  static_cast<unsigned long long>(model_calls->used),
                  static_cast<unsigned long long>(model_calls->failed));
    out += buf;
  }
  return out;
}

void Metrics::RecordFraudDecision(std::size_t action) {
  TRANCHE_ASSERT(action < fraud_decisions_.size());
  std::lock_guard lock(mu_);
  ++fraud_decisions_[action];
  if (action == 2) fraud_pending_.fetch_add(1);
}

void Metrics::RecordReviewDecided(bool accepted, std::int64_t seconds) {
  std::lock_guard lock(mu_);
  ++reviews_decided_[accepted ? 1 : 0];
  fraud_pending_.fetch_sub(1);
  review_seconds_sum_ += static_cast<std::uint64_t>(std::max<std::int64_t>(seconds, 0));
  for (std::size_t i = 0; i < kReviewBucketsS.size(); ++i) {
    if (static_cast<double>(seconds) <= kReviewBucketsS[i]) ++review_buckets_[i];
  }
}

void Metrics::RenderFraud(std::string& out) const {
  char buf[2048];
  const char* actions[] = {"allow", "block", "review"};
  out += "# HELP tranche_fraud_decisions_total Fraud decisions at authorization by action.\n"
         "# TYPE tranche_fraud_decisions_total counter\n";
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < fraud_decisions_.size(); ++i) {
    std::snprintf(buf, sizeof buf, "tranche_fraud_decisions_total{action=\"%s\"} %llu\n", actions[i],
                  static_cast<unsigned long long>(fraud_decisions_[i]));
    out += buf;
    total += fraud_decisions_[i];
  }
  // Decisions that needed no person: every allow and block.
  const double automated = total == 0 ? 1.0 : static_cast<double>(total - fraud_decisions_[2]) / static_cast<double>(total);
  const std::uint64_t decided = reviews_decided_[0] + reviews_decided_[1];
  std::snprintf(buf, sizeof buf,
                "# HELP tranche_fraud_automation_rate Share of fraud decisions since start that needed no review.\n"
                "# TYPE tranche_fraud_automation_rate gauge\ntranche_fraud_automation_rate %.6f\n"
                "# HELP tranche_fraud_reviews_pending Fraud reviews waiting for a decision.\n"
                "# TYPE tranche_fraud_reviews_pending gauge\ntranche_fraud_reviews_pending %lld\n"
                "# HELP tranche_fraud_reviews_decided_total Fraud reviews decided by outcome.\n"
                "# TYPE tranche_fraud_reviews_decided_total counter\n"
                "tranche_fraud_reviews_decided_total{outcome=\"accepted\"} %llu\n"
                "tranche_fraud_reviews_decided_total{outcome=\"rejected\"} %llu\n"
                "# HELP tranche_fraud_review_decision_seconds Time from a review's creation to its decision.\n"
                "# TYPE tranche_fraud_review_decision_seconds histogram\n",
                automated, static_cast<long long>(fraud_pending_.load()),
                static_cast<unsigned long long>(reviews_decided_[1]),
                static_cast<unsigned long long>(reviews_decided_[0]));
  out += buf;
  for (std::size_t i = 0; i < kReviewBucketsS.size(); ++i) {
    std::snprintf(buf, sizeof buf, "tranche_fraud_review_decision_seconds_bucket{le=\"%g\"} %llu\n",
                  kReviewBucketsS[i], static_cast<unsigned long long>(review_buckets_[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "tranche_fraud_review_decision_seconds_bucket{le=\"+Inf\"} %llu\n"
                "tranche_fraud_review_decision_seconds_sum %llu\n"
                "tranche_fraud_review_decision_seconds_count %llu\n",
                static_cast<unsigned long long>(decided), static_cast<unsigned long long>(review_seconds_sum_),
                static_cast<unsigned long long>(decided));
  out += buf;
}

bool Metrics::AssistantDue(Instant wall_now) const {
  std::lock_guard lock(mu_);
  return !assistant_ || wall_now - assistant_measured_at_ >= kAssistantRefresh;
}

void Metrics::SetAssistant(assist::AssistantMetrics m, Instant wall_now) {
  std::lock_guard lock(mu_);
  assistant_ = std::move(m);
  assistant_measured_at_ = wall_now;
}

namespace {

// One measure of every group: overall (intent and language "all"), per first understood
// intent (a kBnplIntents topic or "none") and per language (en, sv, de), so the label
// sets stay bounded.
struct AssistantFamily {
  const char* name;
  const char* help;
  double (*value)(const assist::MetricsGroup&);
  const char* quantile = nullptr;  // set for the two quantile families
};

void RenderAssistantFamily(const AssistantFamily& f, const assist::AssistantMetrics& m, bool first_of_name,
                           std::string& out) {
  char buf[512];
  if (first_of_name) {
    std::snprintf(buf, sizeof buf, "# HELP %s %s\n# TYPE %s gauge\n", f.name, f.help, f.name);
    out += buf;
  }
  const std::string quantile = f.quantile ? std::string(",quantile=\"") + f.quantile + "\"" : "";
  const auto row = [&](std::string_view intent, std::string_view language, const assist::MetricsGroup& g) {
    std::snprintf(buf, sizeof buf, "%s{intent=\"%.*s\",language=\"%.*s\"%s} %.10g\n", f.name,
                  static_cast<int>(intent.size()), intent.data(), static_cast<int>(language.size()), language.data(),
                  quantile.c_str(), f.value(g));
    out += buf;
  };
  row("all", "all", m.overall);
  for (const auto& [intent, g] : m.by_intent) row(intent, "all", g);
  for (const auto& [language, g] : m.by_language) row("all", language, g);
}

}  // namespace

void Metrics::RenderAssistant(std::string& out) const {
  if (!assistant_) return;
  using G = assist::MetricsGroup;
  const AssistantFamily families[] = {
      {"tranche_assistant_conversations", "Conversations with a consumer message started in the last 30 days.",
       [](const G& g) { return static_cast<double>(g.conversations); }},
      {"tranche_assistant_containment_ratio", "Share of those conversations resolved with no person.",
       [](const G& g) { return g.ContainmentRate(); }},
      {"tranche_assistant_handoff_ratio", "Share of those conversations handed off to people.",
       [](const G& g) { return g.HandoffRate(); }},
      {"tranche_assistant_repeat_contact_ratio",
       "Share of those conversations whose consumer started another within 7 days (of those whose 7 days are over).",
       [](const G& g) { return g.RepeatContactRate(); }},
      {"tranche_assistant_turns_to_resolution", "Consumer messages in resolved conversations (median and p90).",
       [](const G& g) { return static_cast<double>(g.turns_to_resolution.p50); }, "0.5"},
      {"tranche_assistant_turns_to_resolution", "",
       [](const G& g) { return static_cast<double>(g.turns_to_resolution.p90); }, "0.9"},
      {"tranche_assistant_resolution_seconds", "Time from start to resolution of resolved conversations (median and p90).",
       [](const G& g) { return static_cast<double>(g.seconds_to_resolution.p50); }, "0.5"},
      {"tranche_assistant_resolution_seconds", "",
       [](const G& g) { return static_cast<double>(g.seconds_to_resolution.p90); }, "0.9"},
  };
  const char* previous = "";
  for (const AssistantFamily& f : families) {
    RenderAssistantFamily(f, *assistant_, std::string_view(previous) != f.name, out);
    previous = f.name;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "# HELP tranche_assistant_measure_truncated 1 when the conversations of the last 30 days exceed what "
                "one measurement reads.\n# TYPE tranche_assistant_measure_truncated gauge\n"
                "tranche_assistant_measure_truncated %d\n",
                assistant_->truncated ? 1 : 0);
  out += buf;
}

}  // namespace tranche::api
