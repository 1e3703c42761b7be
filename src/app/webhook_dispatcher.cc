#include "app/webhook_dispatcher.h"

#include <spdlog/spdlog.h>

namespace tranche::app {

HttpOutcome DeliveryOutcome(const net::HttpResponse& r) {
  if (r.ok()) return {r.status_code, ""};
  if (!r.status_code) return {std::nullopt, r.error};
  return {r.status_code, r.error + ": " + r.body.substr(0, kMaxRecordedResponseChars)};
}

WebhookDispatcher::WebhookDispatcher(store::Store& store, const Clock& clock, const Clock& signing_clock,
                                     const webhooks::SigningKey& key, std::string node, Poster post,
                                     DispatchLimits limits)
    : store_(store),
      clock_(clock),
      signing_clock_(signing_clock),
      key_(key),
      node_(std::move(node)),
      post_(std::move(post)),
      limits_(limits) {
  TRANCHE_ASSERT(limits_.max_in_flight > 0 && limits_.max_in_flight_per_endpoint > 0);
  TRANCHE_ASSERT(limits_.claim_ttl.count() > 0 && !node_.empty());
  workers_.reserve(limits_.max_in_flight);
  for (std::size_t i = 0; i < limits_.max_in_flight; ++i) {
    workers_.emplace_back([this](std::stop_token stop) { Work(stop); });
  }
}

WebhookDispatcher::~WebhookDispatcher() {
  // Stop them all before joining any, so none starts another attempt meanwhile.
  for (std::jthread& w : workers_) w.request_stop();
}

Result<std::size_t> WebhookDispatcher::RunOnce() {
  // The snapshot is taken before reading: a delivery leaves in_flight_ only after its
  // attempt is committed, so one missing from the snapshot reads as already recorded.
  InFlight snapshot;
  {
    std::lock_guard lock(mu_);
    snapshot = in_flight_;
  }
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Job> jobs, TakeDue(std::move(snapshot)));
  {
    std::lock_guard lock(mu_);
    for (Job& job : jobs) {
      in_flight_.deliveries.insert(job.delivery.id);
      ++in_flight_.per_endpoint[job.delivery.endpoint_id];
      queue_.push_back(std::move(job));
    }
  }
  work_cv_.notify_all();
  return jobs.size();
}

// Only RunOnce adds to in_flight_, so the slots free in the snapshot are still free when
// the jobs are queued.
Result<std::vector<WebhookDispatcher::Job>> WebhookDispatcher::TakeDue(InFlight in_flight) {
  std::vector<Job> jobs;
  if (in_flight.deliveries.size() >= limits_.max_in_flight) return jobs;
  // A read first: an idle node, the usual case, then writes nothing.
  TRANCHE_ASSIGN_OR_RETURN(const std::vector<Job> chosen, ChooseDue(std::move(in_flight)));
  if (chosen.empty()) return jobs;
  const Instant now = clock_.Now();
  TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    jobs.clear();  // a unit of work may run again
    for (const Job& job : chosen) {
      const std::string& id = job.delivery.id;
      TRANCHE_ASSIGN_OR_RETURN(const bool claimed, tx.webhooks().ClaimDelivery(id, node_, now, now + limits_.claim_ttl));
      if (!claimed) continue;  // another node claimed or attempted it since the read
      // As it is now: another node may have attempted it since the read.
      TRANCHE_ASSIGN_OR_RETURN(auto delivery, tx.webhooks().FindDelivery(id));
      TRANCHE_ASSERT(delivery.has_value());  // claimed just now
      jobs.push_back({std::move(*delivery), job.event, job.url});
    }
    return Status::Ok();
  }));
  return jobs;
}

Result<std::vector<WebhookDispatcher::Job>> WebhookDispatcher::ChooseDue(InFlight in_flight) {
  std::vector<Job> chosen;
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    chosen.clear();
    TRANCHE_ASSIGN_OR_RETURN(auto due, tx.webhooks().ListDue(clock_.Now(), limits_.max_in_flight_per_endpoint,
                                                             limits_.max_due_per_round));
    for (webhooks::Delivery& d : due) {
      if (in_flight.deliveries.size() >= limits_.max_in_flight) break;
      std::size_t& endpoint_slots = in_flight.per_endpoint[d.endpoint_id];
      if (endpoint_slots >= limits_.max_in_flight_per_endpoint || !in_flight.deliveries.insert(d.id).second) continue;
      ++endpoint_slots;
      TRANCHE_ASSIGN_OR_RETURN(auto event, tx.webhooks().FindEvent(d.event_id));
      TRANCHE_ASSIGN_OR_RETURN(auto endpoint, tx.webhooks().FindEndpoint(d.endpoint_id));
      TRANCHE_ASSERT(event && endpoint);  // foreign keys
      chosen.push_back({std::move(d), std::move(*event), endpoint->url});
    }
    return Status::Ok();
  }));
  return chosen;
}

void WebhookDispatcher::Work(std::stop_token stop) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      if (!work_cv_.wait(lock, stop, [&] { return !queue_.empty(); }) || stop.stop_requested()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    const std::string id = job.delivery.id;
    const std::string endpoint_id = job.delivery.endpoint_id;
    Attempt(std::move(job));
    std::lock_guard lock(mu_);
    in_flight_.deliveries.erase(id);
    if (--in_flight_.per_endpoint[endpoint_id] == 0) in_flight_.per_endpoint.erase(endpoint_id);
  }
}

void WebhookDispatcher::Attempt(Job job) {
  const std::string secret = webhooks::SigningSecret(key_, job.delivery.endpoint_id);
  const HttpOutcome out =
      post_(job.url, job.event.payload,
            {{"Tranche-Signature", webhooks::SignatureHeader(secret, signing_clock_.Now(), job.event.payload)},
             {"Tranche-Event-Id", job.event.id}});
  const webhooks::Delivery after = webhooks::AfterAttempt(std::move(job.delivery), job.event.created_at,
                                                          clock_.Now(), out.error.empty(), out.status_code, out.error);
  bool recorded = false;
  const Status written = store_.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(recorded, tx.webhooks().RecordAttempt(after, node_));
    return Status::Ok();
  });
  // Unrecorded, the delivery stays pending and is sent again when the claim lapses: at
  // least once.
  if (!written.ok()) spdlog::warn("webhook delivery {} not recorded: {}", after.id, written.ToString());
  if (written.ok() && !recorded) {
    spdlog::info("webhook delivery {}: attempt not recorded (the endpoint was deleted, or the claim lapsed)", after.id);
  }
}

}  // namespace tranche::app
