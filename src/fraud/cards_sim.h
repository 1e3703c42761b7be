// A card-transaction stream for evaluating fraud detection: tranche's implementation of
// the simulator described in the Fraud Detection Handbook (Le Borgne et al., 2022),
// written from its published description (datasets/README.md):
//   - customers and terminals at uniform random points of a 100×100 grid; a customer
//     pays only at terminals within `radius` of it;
//   - each customer has a mean amount ~ U(5, 100) (standard deviation half of it) and a
//     mean number of transactions per day ~ U(0, 4); each day it makes Poisson(that)
//     transactions at times of day ~ N(12 h, 20000 s) (draws outside the day are
//     dropped), amounts ~ N(mean, sd) (a negative draw is replaced by U(0, 2·mean)),
//     each at a uniformly chosen terminal within reach;
//   - three fraud scenarios: (1) any amount over 220.00 is fraud; (2) each day two random
//     terminals are compromised for 28 days and all their transactions in that time are
//     fraud; (3) each day three random customers are compromised for 14 days and a third
//     of their transactions in that time (chosen at random) have their amount multiplied
//     by 5 and are fraud.
// Deterministic: the same options give the same stream. Amounts are integer cents.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace tranche::fraud {

// Bounds keep one run within memory (the reference run is 1.75 M transactions).
inline constexpr int kMaxSimCustomers = 100'000;
inline constexpr int kMaxSimTerminals = 100'000;
inline constexpr int kMaxSimDays = 3'660;

struct CardSimOptions {
  int customers = 5'000;
  int terminals = 10'000;
  int days = 183;
  Date start = Date{std::chrono::year{2018}, std::chrono::month{4}, std::chrono::day{1}};
  std::uint64_t seed = 0;
  double radius = 5;
};

enum class FraudScenario : std::uint8_t { kNone = 0, kLargeAmount = 1, kCompromisedTerminal = 2, kCompromisedCustomer = 3 };

struct CardTransaction {
  std::int64_t tx_id = 0;       // 0.. in time order
  std::int64_t time_s = 0;      // Unix seconds
  std::int32_t customer_id = 0;
  std::int32_t terminal_id = 0;
  std::int64_t amount_minor = 0;  // cents
  bool fraud = false;
  FraudScenario scenario = FraudScenario::kNone;
};

// Refused (InvalidArgument): counts or days outside 1..their maximum, a radius not in (0, 100].
Status CheckCardSimOptions(const CardSimOptions& o);

// The stream, in time order (ties by customer). Precondition: CheckCardSimOptions is Ok.
std::vector<CardTransaction> SimulateCards(const CardSimOptions& o);

// "YYYY-MM-DD HH:MM:SS" for Unix seconds (UTC).
std::string FormatDateTime(std::int64_t unix_s);

// Appends the CSV header `tx_id,datetime,customer_id,terminal_id,amount,fraud,fraud_scenario`
// (when `header`) and one line per transaction; amounts as decimals ("57.16").
void AppendCardsCsv(const std::vector<CardTransaction>& txs, bool header, std::string& out);

}  // namespace tranche::fraud
