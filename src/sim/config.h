// The simulator's configuration: who the consumers and merchants of a synthetic BNPL
// business are, how they behave, which scenarios strike, how imperfect the processor's
// settlement files are, and the staffing assumptions the automation scorecard uses.
// One JSON file (datasets/sim/default.json, documented in docs/SIMULATOR.md); every
// field has a default, so a file states only what it changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "automation/staffing.h"
#include "core/money.h"
#include "core/status.h"
#include "core/time.h"
#include "fraud/rules.h"

namespace tranche::sim {

// Limits, so a configuration cannot ask for more than the machine or the store can do.
inline constexpr std::int64_t kMaxConsumers = 2'000'000;
inline constexpr int kMaxDays = 3'650;
inline constexpr std::size_t kMaxListEntries = 64;  // countries, categories, scenarios, weights
inline constexpr std::size_t kMaxConfigBytes = 1 << 20;
inline constexpr std::int64_t kMaxRings = 100'000;
inline constexpr std::int64_t kMaxJoiningMerchants = 10'000;

// A positive quantity spread log-normally around `median` (sigma: of its logarithm).
struct LogNormal {
  double median = 1;
  double sigma = 0;
};

struct Weighted {
  std::string name;
  double weight = 0;
};

struct Country {
  std::string code;  // ISO 3166-1 alpha-2, one tranche lends in
  Currency currency = Currency::kUSD;
  double weight = 1;                // share of consumers
  std::vector<Weighted> languages;  // en / sv / de
};

struct Category {
  std::string name;                  // a merchant category (merchants::Categories)
  double weight = 1;                 // share of purchases
  LogNormal basket_usd_minor;        // basket size (USD reference minor units)
  double return_rate = 0;            // share of orders returned
  double dispute_rate = 0;           // share of orders disputed
  std::int64_t mdr_bps = 329;        // merchant pricing in this category
  std::int64_t fixed_fee_minor = 30;
};

struct ConsumerBehaviour {
  LogNormal income_usd_monthly{3'500, 0.5};
  double purchases_per_month = 1.0;  // mean over consumers
  double propensity_sigma = 0.8;     // spread of the propensity to buy
  // Product preference; a product is used only when the basket is within its limits.
  std::vector<Weighted> products;
  // Permanent default: yearly hazard for a consumer at the median income, scaled by
  // (median / income)^income_elasticity. Their payment method then always fails.
  double default_rate_yearly = 0.04;
  double income_elasticity = 1.0;
  // Hardship shocks: yearly rate; payments fail for hardship_days, then recover.
  double hardship_rate_yearly = 0.08;
  int hardship_days = 25;
  double card_share = 0.7;            // the rest pay by bank account
  double card_expiry_rate_yearly = 0.1;  // a card expires; fixed after a contact
  double early_payoff_rate = 0.05;    // share of plans paid off early
  // Contacts with customer service: the rate per month, reasons (the assistant's
  // intent labels) and the hour of day they arrive (24 weights, UTC).
  double contacts_per_month = 0.08;
  std::vector<Weighted> contact_reasons;
  std::vector<double> contact_hours;
};

struct Scenario {
  std::string kind;  // "recession", "holiday_peak", "fraud_wave"
  int start_day = 0;
  int end_day = 0;   // exclusive
  double purchase_multiplier = 1;
  double default_multiplier = 1;  // default and hardship hazards
  // A fraud attack wave: the day's identity thefts, and synthetic-identity rings starting
  // in the window (extra rings, fraud.rings_per_1000_yearly × (multiplier − 1) over it).
  double fraud_multiplier = 1;
};

// Imperfections the processor's and payout rail's daily settlement files have, per
// 10,000 lines, and what the processor charges.
struct FileImperfections {
  int late_bps = 150;        // the line arrives in the next day's file
  int duplicate_bps = 80;
  int amount_diff_bps = 40;  // the amount differs
  int unknown_bps = 20;      // a line for a reference tranche never sent
  int missing_bps = 20;      // the line never arrives
  std::int64_t fee_bps = 25;           // processor fee on each collection
  std::int64_t fee_fixed_minor = 10;
  std::int64_t tolerance_minor = 100;  // differences up to this are written off automatically
  std::int64_t chargeback_fee_minor = 1'500;  // the processor's fee on each chargeback
};

// Fraud against the lender and how it is fought: the rule set the run's operators start
// with, the legitimate purchases made from abroad (which rules on the IP's country also
// catch), identity theft — a fraudster buys as a real consumer, on their account when
// they have one (account takeover), on a new device, usually from abroad — and the
// simulated reviewers who decide the authorizations held for review.
struct FraudBehaviour {
  std::string rules = std::string(fraud::kStarterRules);
  double travel_share = 0.02;           // of consumers' own purchases, from another country's IP
  double theft_rate_yearly = 0.01;      // per consumer: a fraudster gets their identity
  int theft_purchases = 3;              // the fraudster's purchases that day, on one device
  double theft_home_ip_share = 0.3;     // the fraudster's IP is in the victim's country (a proxy)
  // The victims who go to their card issuer instead of disputing with the lender: the
  // issuer takes back what was collected (a chargeback in the processor's file).
  double theft_chargeback_share = 0.25;
  // Synthetic-identity rings (population.h Ring): per 1,000 consumers a year, members
  // each, days active, and each member's purchases a day while active.
  double rings_per_1000_yearly = 0.2;
  int ring_size = 5;
  int ring_active_days = 10;
  double ring_purchases_per_day = 0.4;
  // Merchant collusion: per 1,000 consumers a year, a merchant in on it and a ring of
  // made-up buyers (ring_size, ring_active_days, ring_purchases_per_day) who buy only
  // there, each on a device of their own.
  double collusions_per_1000_yearly = 0.1;
  // First-party bust-out (population.h ConsumerAgent::bust_out_day): per consumer a
  // year, a real customer who has repaid for at least `bust_out_after_days` days of the
  // run buys `bust_out_purchases` times in one day and never pays again.
  double bust_out_rate_yearly = 0.002;
  int bust_out_after_days = 60;
  int bust_out_purchases = 6;
  double reviewer_error = 0.05;         // a reviewer's decision is wrong
};

// The run's back office (back_office.h): the working hours a day its people give to
// each queue a person decides, first in, first out, an item taking the staffing's
// minutes (manual_review_minutes, dispute_minutes). Sized for the default 100,000
// consumers at about three quarters busy, so a peak builds a backlog.
struct Operators {
  double review_hours_per_day = 3;   // authorizations held for a fraud review
  double dispute_hours_per_day = 6;  // disputes the merchant contested
  double recon_hours_per_day = 18;   // reconciliation exceptions (recon_exception_minutes)
  double support_hours_per_day = 3;  // conversations the assistant handed off (contact_aht_s)
};

struct SimConfig {
  std::uint64_t seed = 20261201;
  Date start_date{};  // the first simulated business date
  int days = 30;
  std::int64_t consumers = 1'000;
  int merchants_per_country_category = 2;  // at the start
  // Merchants joining during the run, a year, as a share of the starting ones: each in a
  // country and category of its own on a day of its own, onboarded that day.
  double merchants_joining_yearly = 0.5;
  std::vector<Country> countries;
  std::vector<Category> categories;
  ConsumerBehaviour consumer;
  double dispute_merchant_accepts = 0.6;  // the merchant accepts a dispute
  double dispute_claim_valid = 0.7;       // a contested claim is right
  std::vector<Scenario> scenarios;
  FileImperfections files;
  FraudBehaviour fraud;
  Operators operators;
  automation::Staffing staffing;  // the scorecard's handling times
};

// Parses and validates a configuration (JSON text). Fields not given keep their
// defaults; unknown fields are refused (a misspelt field would otherwise do nothing).
Result<SimConfig> ParseConfig(std::string_view json);
Result<SimConfig> LoadConfig(const std::string& path);
// The built-in defaults: four countries, five categories, no scenario.
SimConfig DefaultConfig();
// The configuration as JSON (recorded in a run's output, so a run states what it was).
// The weights of the run's categories and of its countries, in their order (for
// Draws::Pick).
std::vector<double> CategoryWeights(const SimConfig& c);
std::vector<double> CountryWeights(const SimConfig& c);

std::string ConfigJson(const SimConfig& c);

}  // namespace tranche::sim
