// Delivers webhooks from the outbox: due deliveries are read, POSTed with their
// signature (webhooks/webhook.h) and the outcome recorded — delivered, or scheduled
// again with backoff, or failed after three days. Delivery is at least once: a crash
// between sending and recording sends the same event (same id) again.
//
// Attempts run concurrently on a fixed pool of workers, at most a few per endpoint, and
// each is bounded by connect and response time-outs, so a slow or silent receiver holds
// only its own endpoint's slots and never delays another endpoint's events.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "net/http_client.h"
#include "store/store.h"
#include "webhooks/webhook.h"

namespace tranche::app {

inline constexpr std::size_t kMaxRecordedResponseChars = 200;

struct HttpOutcome {
  std::optional<int> status_code;  // none when no response came
  std::string error;               // empty on a 2xx
};

// How long an attempt may take; past either limit it is a failed attempt (retried with
// the usual backoff). The Event schema in openapi.json promises the receiver these.
using DeliveryTimeouts = net::HttpTimeouts;
using Headers = net::Headers;

// An attempt's outcome as the delivery log records it: a non-2xx answer's error carries
// the start of the receiver's body.
HttpOutcome DeliveryOutcome(const net::HttpResponse& response);

// Called from several worker threads at once.
using Poster = std::function<HttpOutcome(const std::string& url, const std::string& body, const Headers& headers)>;

struct DispatchLimits {
  std::size_t max_in_flight = 32;              // attempts at once over all endpoints (= workers)
  std::size_t max_in_flight_per_endpoint = 2;  // so one endpoint takes few of them
  std::size_t max_due_per_round = 256;         // deliveries read per round
  // How long a claimed delivery is this node's alone. Well past an attempt's time-outs,
  // so a live node always records its attempt in time; a dead node's claims lapse after
  // it and another node attempts them again (the same event id: at least once).
  std::chrono::seconds claim_ttl{60};
};

// Every node of a fleet runs one: a node claims what it is about to attempt (the claim
// names `node`), so each attempt is made by one node, and records only attempts it still
// holds the claim for.
class WebhookDispatcher {
 public:
  // `clock` schedules (due times, backoff and claims, in the platform's time, which may
  // be simulated); `signing_clock` stamps signatures, and must be real time, since
  // receivers compare the stamp with their own clock.
  WebhookDispatcher(store::Store& store, const Clock& clock, const Clock& signing_clock,
                    const webhooks::SigningKey& key, std::string node, Poster post, DispatchLimits limits = {});
  // Waits for the attempts in flight (each bounded by its time-outs) to be recorded;
  // deliveries not started stay pending for the next start.
  ~WebhookDispatcher();
  WebhookDispatcher(const WebhookDispatcher&) = delete;
  WebhookDispatcher& operator=(const WebhookDispatcher&) = delete;

  // One round: hands what is due now, oldest first, to the workers, within the limits;
  // each worker records its attempt when it ends. Returns how many attempts were started.
  // Called from one thread at a time.
  Result<std::size_t> RunOnce();

 private:
  struct Job {
    webhooks::Delivery delivery;
    webhooks::Event event;
    std::string url;
  };
  // The attempts in flight, by delivery id and per endpoint.
  struct InFlight {
    std::set<std::string> deliveries;
    std::map<std::string, std::size_t> per_endpoint;
  };
  // Claims what to start now: due deliveries not in flight, while there are free slots
  // overall and for their endpoint.
  Result<std::vector<Job>> TakeDue(InFlight in_flight);
  // The due deliveries to claim, with their events and URLs (which never change), read
  // outside the claiming write so that it holds the writer for as little as it can.
  Result<std::vector<Job>> ChooseDue(InFlight in_flight);
  void Work(std::stop_token stop);
  // POSTs the job's event and records the attempt.
  void Attempt(Job job);

  store::Store& store_;
  const Clock& clock_;
  const Clock& signing_clock_;
  const webhooks::SigningKey& key_;
  const std::string node_;
  Poster post_;
  const DispatchLimits limits_;
  std::mutex mu_;
  std::condition_variable_any work_cv_;
  std::deque<Job> queue_;  // at most max_in_flight: only jobs holding a slot are queued
  InFlight in_flight_;     // queued or being attempted
  std::vector<std::jthread> workers_;  // last: stopped and joined first
};

}  // namespace tranche::app
