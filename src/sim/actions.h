// What agents do, as values: an actor looks at the world on a day and says what its
// agents do; the driver (driver.h) carries it out through the platform's use cases.
//
// Adding a kind of agent is one new Actor in
// its own file, added to the list the driver runs (actors.cc); it says what its agents
// do with the actions below (a fraudster's purchase is a Purchase with another
// identity), or brings a new action with its handler in the driver.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "lending/product.h"
#include "sim/population.h"

namespace tranche::sim {

// What will happen to an order after its purchase, decided by the buyer's and the
// merchant's agents at the purchase (ground truth); days count from the purchase.
struct Fate {
  int return_after = -1;   // the merchant registers a return
  int refund_after = -1;   // ... and refunds the order
  int dispute_after = -1;  // the consumer opens a dispute
  std::string dispute_reason;
  // ... with their card issuer instead: on dispute_after the issuer takes back what the
  // order's plan collected so far (chargebacks in the processor's file).
  bool chargeback = false;
  int respond_after = -1;  // the merchant answers it (after the dispute opens)
  bool merchant_accepts = false;
  int decide_after = -1;   // a contested one is ready for an operator: the reply to the answer is in
  bool claim_valid = false;
  int payoff_after = -1;   // the consumer pays the plan off early
};

struct Purchase {
  std::int64_t consumer = 0;  // index into Population::consumers
  std::size_t merchant = 0;   // index into Population::merchants
  std::int64_t amount_usd_minor = 0;  // converted to the merchant's currency
  lending::ProductKind product = lending::ProductKind::kPayIn4;
  Fate fate;
  // The buyer's device as the merchant's page saw it: a fingerprint, an IP address and
  // the IP's country (the consumer's own device at home, now and then abroad; a
  // fraudster's own device).
  std::string device;
  std::string ip;
  std::string ip_country;
  // Ground truth: the kind of fraud ("identity_theft": a fraudster buying as the
  // consumer; "synthetic_ring": a made-up identity), empty for the consumer's own.
  std::string fraud;
};

// The consumer's payment method now behaves as `profile` (payments/simulated.h).
struct MethodChange {
  std::int64_t consumer = 0;
  std::string profile;
};

// The consumer contacts customer service (ground truth: why, in which language).
struct Contact {
  std::int64_t consumer = 0;
  int hour = 0;  // UTC
  std::string reason;  // an assistant intent label
  std::string language;
};

using Action = std::variant<Purchase, MethodChange, Contact>;

struct World {
  const SimConfig& config;
  const Population& population;
};

class Actor {
 public:
  virtual ~Actor() = default;
  virtual std::string_view name() const = 0;
  // Appends what this actor's agents do on `day` (0-based). Pure: the same world and
  // day give the same actions, in the same order.
  virtual void Act(const World& world, int day, std::vector<Action>& out) const = 0;
};

// Every actor of the simulated market, in the order they act each day.
std::vector<std::unique_ptr<Actor>> MarketActors();

}  // namespace tranche::sim
