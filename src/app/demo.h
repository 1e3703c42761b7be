// The demo world: a few merchants, an operator and consumers, so a fresh install has
// something to try. Creating it is idempotent; every run issues fresh keys for the
// demo operator and merchants (revoking the previous ones), because secrets are
// stored only as hashes and cannot be shown again.
#pragma once

#include <string>
#include <vector>

#include "api/context.h"

namespace tranche::app {

struct DemoMerchantKey {
  std::string merchant_id;
  std::string name;
  std::string currency;
  std::string secret_key;
};

struct DemoCredentials {
  std::string operator_id;
  std::string operator_key;
  std::vector<DemoMerchantKey> merchants;
  std::vector<std::string> consumer_ids;
  bool created = false;  // false when the world existed already
};

// A new world also gets, through the same use cases as the API (so each operator queue
// has work from the first minute):
// - one captured pay-in-4 purchase per demo consumer, each at a demo merchant in its
//   currency, decided by `services.decider`: orders, plans and ledger entries;
// - the starter fraud rules (fraud::kStarterRules) and, with fraud screening on, a
//   purchase from abroad that they hold for a fraud review;
// - with the assistant on, a consumer's chat about hardship, handed off to a person;
// - a merchant applicant the onboarding check holds for review.
Result<DemoCredentials> EnsureDemoWorld(const api::Services& services);

// The demo's credit model in `dir`: kept when the directory holds one, otherwise trained
// from `training_csv` (the Taiwan credit data: label `default`, sex and marriage
// excluded, repayment status monotone) in well under a minute. Returns the directory,
// or an empty string when there is no training data (the policy rules then decide).
Result<std::string> EnsureDemoCreditModel(const std::string& dir, const std::string& training_csv);

// The demo's fraud model in `dir`: kept when the directory holds one, otherwise trained
// on first run on the screenings of a small simulated BNPL business
// (sim::TrainFraudOnSimulation, fixed seed: the same model every time) in about 20 s.
// A directory from before 2026-12-05 keeps its card-stream model until it is deleted.
// Returns the directory.
Result<std::string> EnsureDemoFraudModel(const std::string& dir);

// What to print after the demo starts: the keys and curl lines that work as printed.
// With `web`, it ends with the links to the console, the portal and the shop.
std::string DemoBanner(const DemoCredentials& creds, const std::string& host, int port, bool web);
// The same credentials as JSON, for scripts (bench/run_http_bench.sh).
std::string DemoCredentialsJson(const DemoCredentials& creds);

}  // namespace tranche::app
