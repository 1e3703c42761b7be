// Simulated processor and payout rail: realistic, seeded and reproducible.
//
// Each request's fate is a pure function of (seed, idempotency key, method profile), so
// the simulator needs no state to answer Resolve after a restart, and a test or the
// simulator run with the same seed sees the same failures.
//
// Profiles: "standard" mixes outcomes at the configured rates (a timeout resolves to a
// success or a failure drawn the same way); "always_succeeds"; "insufficient_funds",
// "expired_card" and "processor_error" always fail so; "timeout" always times out and
// resolves to a success.
#pragma once

#include "payments/payments.h"

namespace tranche::payments {

struct SimulatorRates {
  std::uint64_t seed = 20261126;
  // Out of 10,000 requests with the "standard" profile.
  int insufficient_funds_bps = 300;
  int expired_card_bps = 50;    // cards only
  int processor_error_bps = 100;
  int timeout_bps = 50;
};

class SimulatedProcessor final : public PaymentProcessor {
 public:
  explicit SimulatedProcessor(SimulatorRates rates = {}) : rates_(rates) {}
  ProcessorReply Collect(const CollectRequest& r) override;
  ProcessorReply Resolve(const CollectRequest& r) override;
  // Refunds succeed (a "timeout" method times out first, then resolves to success).
  ProcessorReply Refund(const CollectRequest& r) override;
  ProcessorReply ResolveRefund(const CollectRequest& r) override;

 private:
  SimulatorRates rates_;
};

struct RailRates {
  std::uint64_t seed = 20261126;
  int failure_bps = 0;   // rejected by the merchant's bank
  int timeout_bps = 0;
};

class SimulatedPayoutRail final : public PayoutRail {
 public:
  explicit SimulatedPayoutRail(RailRates rates = {}) : rates_(rates) {}
  ProcessorReply Pay(const PayoutRequest& r) override;
  ProcessorReply Resolve(const PayoutRequest& r) override;

 private:
  RailRates rates_;
};

}  // namespace tranche::payments
