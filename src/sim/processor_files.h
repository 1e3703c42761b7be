// The simulated processor's and payout rail's side of reconciliation: a tap records
// every movement they complete, and at the end of each date they write it as a
// settlement file with the imperfections real ones have (late, duplicated and missing
// lines, amounts that differ, references tranche never sent), drawn from the seed.
#pragma once

#include <mutex>
#include <vector>

#include "payments/payments.h"
#include "recon/settlement_file.h"
#include "sim/config.h"

namespace tranche::sim {

// Forwards to the simulators and records each success (what the processor would report).
class TappedMoney final : public payments::PaymentProcessor, public payments::PayoutRail {
 public:
  TappedMoney(payments::PaymentProcessor& processor, payments::PayoutRail& rail) : processor_(processor), rail_(rail) {}
  payments::ProcessorReply Collect(const payments::CollectRequest& r) override;
  payments::ProcessorReply Resolve(const payments::CollectRequest& r) override;
  payments::ProcessorReply Refund(const payments::CollectRequest& r) override;
  payments::ProcessorReply ResolveRefund(const payments::CollectRequest& r) override;
  payments::ProcessorReply Pay(const payments::PayoutRequest& r) override;
  payments::ProcessorReply Resolve(const payments::PayoutRequest& r) override;

  // The card issuer takes back collection `collection_id` of `amount`: a chargeback the
  // processor reports with what completed.
  void ChargeBack(const std::string& collection_id, Money amount);

  // What completed since the last call, dated `d`, in the order it happened.
  std::vector<recon::FileLine> Take(Date d);

 private:
  payments::ProcessorReply Record(payments::ProcessorReply reply, const std::string& key, recon::LineKind kind,
                                  Money amount);

  payments::PaymentProcessor& processor_;
  payments::PayoutRail& rail_;
  std::mutex mu_;
  std::vector<recon::FileLine> done_;
};

// The file the processor sends for date `d`: `completed` (its movements of `d`) with
// fees, imperfections drawn from (seed, d), and the lines held back from the day before
// (`late`, replaced by today's held-back ones).
std::vector<recon::FileLine> SettlementFile(const SimConfig& c, Date d, const std::vector<recon::FileLine>& completed,
                                            std::vector<recon::FileLine>& late);

}  // namespace tranche::sim
