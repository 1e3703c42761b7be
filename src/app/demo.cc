#include "app/demo.h"

#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include <filesystem>

#include "credit/model.h"
#include "fraud/engine_source.h"
#include "onboarding/onboarding.h"
#include "ops/events.h"
#include "ops/fraud_rules.h"
#include "origination/origination.h"
#include "sim/fraud_training.h"

namespace tranche::app {

namespace {

constexpr char kDemoOperator[] = "demo-operator";

struct DemoMerchant {
  const char* name;
  const char* country;
  Currency currency;
};
constexpr DemoMerchant kDemoMerchants[] = {
    {"Brooklyn Bicycle Works", "US", Currency::kUSD},
    {"Fjallvagn Outdoor AB", "SE", Currency::kSEK},
    {"Camden Books Ltd", "GB", Currency::kGBP},
    {"Maison Lumiere", "FR", Currency::kEUR},
};

struct DemoConsumer {
  const char* email;
  const char* given_name;
  const char* family_name;
  const char* date_of_birth;
  const char* country;
};
constexpr DemoConsumer kDemoConsumers[] = {
    {"ava.larsson@example.com", "Ava", "Larsson", "1990-04-12", "SE"},
    {"noah.bennett@example.com", "Noah", "Bennett", "1985-09-30", "US"},
    {"mia.fischer@example.com", "Mia", "Fischer", "1998-01-05", "DE"},
    {"liam.oconnor@example.com", "Liam", "O'Connor", "1979-11-21", "GB"},
};

static_assert(std::size(kDemoConsumers) <= std::size(kDemoMerchants),
              "each demo consumer buys from its own demo merchant");

Status EnsureOperator(store::Tx& tx, IdGenerator& ids, RandomSource& secrets, Instant now,
                      DemoCredentials& out) {
  TRANCHE_ASSIGN_OR_RETURN(auto op, tx.keys().FindOperatorByName(kDemoOperator));
  onboarding::Issued key;
  if (op) {
    TRANCHE_ASSIGN_OR_RETURN(key, onboarding::RotateKey(tx, {auth::PrincipalKind::kOperator, op->id},
                                                        ids, secrets, now));
  } else {
    TRANCHE_ASSIGN_OR_RETURN(key, onboarding::CreateOperator(tx, kDemoOperator, ids, secrets, now));
    out.created = true;
  }
  out.operator_id = key.principal_id;
  out.operator_key = key.secret;
  return Status::Ok();
}

Status EnsureMerchants(store::Tx& tx, IdGenerator& ids, RandomSource& secrets, Instant now,
                       DemoCredentials& out) {
  TRANCHE_ASSIGN_OR_RETURN(auto existing, tx.merchants().List("", std::nullopt, 1000));
  for (const DemoMerchant& d : kDemoMerchants) {
    const merchants::Merchant* found = nullptr;
    for (const auto& m : existing) {
      if (m.name == d.name) found = &m;
    }
    onboarding::Issued key;
    if (found != nullptr) {
      TRANCHE_ASSIGN_OR_RETURN(key, onboarding::RotateKey(tx, {auth::PrincipalKind::kMerchant, found->id},
                                                          ids, secrets, now));
    } else {
      merchants::MerchantDraft draft{d.name, d.country, d.currency, merchants::Pricing{}, {}};
      TRANCHE_ASSIGN_OR_RETURN(auto created, onboarding::CreateMerchant(tx, draft, ids, secrets, now));
      TRANCHE_ASSERT_MSG(created.merchant.onboarding.status == merchants::OnboardingStatus::kActive,
                         "the demo's shops pass the onboarding check");
      key = *created.key;
    }
    out.merchants.push_back(DemoMerchantKey{key.principal_id, d.name,
                                            std::string(CurrencyCode(d.currency)), key.secret});
  }
  return Status::Ok();
}

Status EnsureConsumers(store::Tx& tx, IdGenerator& ids, Instant now, DemoCredentials& out) {
  for (const DemoConsumer& d : kDemoConsumers) {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.consumers().FindByEmail(d.email));
    if (!c) {
      c = merchants::Consumer{ids.Next("con"), d.email, d.given_name, d.family_name, now,
                              "", ParseDate(d.date_of_birth),
                              merchants::Address{"1 Demo Street", "Demo City", "10001", d.country}};
      TRANCHE_RETURN_IF_ERROR(tx.consumers().Insert(*c));
    }
    out.consumer_ids.push_back(c->id);
  }
  return Status::Ok();
}

// Noah (a US consumer) on holiday in London buys at a London bookshop on a new phone,
// from a British IP. The starter rule on large purchases from another country's IP
// holds it for a fraud review. (Not at the demo shop's merchant: its first checkouts
// see the same merchant history as before.)
constexpr std::size_t kTraveller = 1;
constexpr std::size_t kTravelShop = 2;
const origination::Device kTravellersDevice{"203.0.113.7", "GB", "demo-travel-phone"};
// Mia writes in German that she lost her job: hardship goes to a person.
constexpr std::size_t kHardshipConsumer = 2;
constexpr char kHardshipMessage[] = "Ich habe meinen Job verloren und kann meine Raten nicht mehr zahlen.";

// The consumer buys an accessory set worth `usd_minor` US cents (in `currency` at the
// reference rate) from `merchant` on pay-in-4, on `device`, through the same checkout
// path as the API: session, decision, order, capture. A purchase held for a fraud
// review is ordered but not captured: capture waits for the reviewer.
Status SeedPurchase(store::Tx& tx, const origination::Context& ctx, RandomSource& secrets,
                    const DemoMerchantKey& merchant, Currency currency, const std::string& consumer_id,
                    std::int64_t usd_minor, const origination::Device& device) {
  const Money amount = lending::FromUsdReference(usd_minor, currency);
  checkout::SessionDraft draft{amount, {{"Accessory set", 1, amount, amount}}, "demo-" + consumer_id, std::nullopt};
  TRANCHE_RETURN_IF_ERROR(checkout::ValidateSession(draft));
  const checkout::CheckoutSession session{
      ctx.ids.Next("cs"), merchant.merchant_id, std::move(draft),
      auth::HashSecret(auth::GenerateSecret(auth::PrincipalKind::kCheckoutClient, secrets)),
      checkout::SessionStatus::kOpen, ctx.now, ctx.now + checkout::kSessionLifetime};
  TRANCHE_RETURN_IF_ERROR(tx.sessions().Insert(session));
  TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().Find(consumer_id));
  TRANCHE_ASSERT(consumer.has_value());
  TRANCHE_ASSIGN_OR_RETURN(auto outcome, origination::Authorize(tx, ctx, {session.id, lending::ProductKind::kPayIn4,
                                                                          *consumer, device}));
  if (!outcome.authorization) {
    // The decision stands (and is on record); this consumer simply has no purchase.
    spdlog::info("demo purchase for {} was declined: {}", consumer_id, outcome.decision.decision.reasons.front().code);
    return Status::Ok();
  }
  TRANCHE_ASSIGN_OR_RETURN(auto order, origination::CreateOrder(tx, ctx, merchant.merchant_id,
                                                                outcome.authorization->id, "demo-order"));
  if (outcome.review) return Status::Ok();
  return origination::Capture(tx, ctx, merchant.merchant_id, order.id, amount.minor(), std::nullopt).status();
}

// The consumer opens a chat and says `kHardshipMessage`; the assistant hands it off.
Status SeedHandoff(assist::Assistant& assistant, const std::string& consumer_id) {
  TRANCHE_ASSIGN_OR_RETURN(const assist::Conversation started, assistant.Start(consumer_id));
  TRANCHE_ASSIGN_OR_RETURN(const assist::Turn turn, assistant.Send(consumer_id, started.id, kHardshipMessage));
  TRANCHE_ASSERT_MSG(turn.reply.handoff, "hardship is handed to a person");
  return Status::Ok();
}

// The business the demo's fraud model learns from: small enough to run and train in
// well under a minute, with fraud eight times as common as the simulator's defaults so
// that its platform learns of some sixty frauds, enough for each fold of the search to
// hold a dozen or more. A fixed seed and start: the same model every time.
sim::SimConfig DemoFraudSimulation() {
  sim::SimConfig c = sim::DefaultConfig();
  c.consumers = 1'500;
  c.days = 120;
  c.start_date = Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{5}};
  c.fraud.theft_rate_yearly *= 8;
  c.fraud.rings_per_1000_yearly *= 8;
  c.fraud.collusions_per_1000_yearly *= 8;
  c.fraud.bust_out_rate_yearly *= 8;
  return c;
}

}  // namespace

Result<DemoCredentials> EnsureDemoWorld(const api::Services& services) {
  DemoCredentials out;
  const Instant now = services.clock.Now();
  IdGenerator& ids = services.ids;
  RandomSource& secrets = services.secrets;
  TRANCHE_RETURN_IF_ERROR(services.store.Write([&](store::Tx& tx) -> Status {
    out = DemoCredentials{};
    TRANCHE_RETURN_IF_ERROR(EnsureOperator(tx, ids, secrets, now, out));
    TRANCHE_RETURN_IF_ERROR(EnsureMerchants(tx, ids, secrets, now, out));
    TRANCHE_RETURN_IF_ERROR(EnsureConsumers(tx, ids, now, out));
    if (!out.created) return Status::Ok();
    // A travel agency the onboarding check held: the console's merchant queue is not empty.
    const merchants::MerchantDraft applicant{"Aurora Tours AB", "SE", Currency::kSEK, merchants::Pricing{}, {}, "travel"};
    TRANCHE_ASSIGN_OR_RETURN(auto held, onboarding::CreateMerchant(tx, applicant, ids, secrets, now));
    TRANCHE_ASSERT(held.merchant.onboarding.status == merchants::OnboardingStatus::kPendingReview);
    if (services.fraud != nullptr) {
      TRANCHE_RETURN_IF_ERROR(ops::SaveRulesSource(tx, services.fraud->source.catalogue(),
                                                   std::string(fraud::kStarterRules), out.operator_id, now)
                                  .status());
    }
    const origination::Context ctx{ids, services.decider, services.bureau, now, ops::OrderEventsOutbox(),
                                   services.fraud};
    for (std::size_t i = 0; i < std::size(kDemoConsumers); ++i) {
      TRANCHE_RETURN_IF_ERROR(SeedPurchase(tx, ctx, secrets, out.merchants[i], kDemoMerchants[i].currency,
                                           out.consumer_ids[i], 25'000, {}));
    }
    if (services.fraud != nullptr) {
      TRANCHE_RETURN_IF_ERROR(SeedPurchase(tx, ctx, secrets, out.merchants[kTravelShop],
                                           kDemoMerchants[kTravelShop].currency, out.consumer_ids[kTraveller],
                                           32'000, kTravellersDevice));
    }
    return Status::Ok();
  }));
  if (out.created && services.assistant != nullptr) {
    TRANCHE_RETURN_IF_ERROR(SeedHandoff(*services.assistant, out.consumer_ids[kHardshipConsumer]));
  }
  return out;
}

Result<std::string> EnsureDemoCreditModel(const std::string& dir, const std::string& training_csv) {
  if (credit::CreditModel::Load(dir).ok()) return dir;
  if (!std::filesystem::exists(training_csv)) {
    spdlog::warn("no credit model in {} and no training data at {}: the policy rules will decide", dir, training_csv);
    return std::string();
  }
  spdlog::info("training the demo credit model from {} (once; kept in {})", training_csv, dir);
  TRANCHE_ASSIGN_OR_RETURN(ml::Table data, ml::ReadCsvFile(training_csv));
  credit::TrainOptions o;
  o.label = "default";
  o.exclude = {"sex", "marriage"};  // protected attributes are never model inputs (ECOA)
  o.monotone = {{"pay_0", 1}};      // more months late never lowers the PD
  TRANCHE_ASSIGN_OR_RETURN(credit::TrainedModel trained, credit::Train(data, o));
  TRANCHE_ASSIGN_OR_RETURN(std::string sha, credit::FileSha256(training_csv));
  const credit::CreditModel model(std::move(trained), sha);
  TRANCHE_RETURN_IF_ERROR(model.Save(dir));
  spdlog::info("demo credit model {} ready", model.version());
  return dir;
}

Result<std::string> EnsureDemoFraudModel(const std::string& dir) {
  if (fraud::FraudModel::Load(dir, fraud::EngineFeatureSource::ScreeningCatalogue()).ok()) return dir;
  spdlog::info("training the demo fraud model on a simulated BNPL business (once; kept in {})", dir);
  TRANCHE_ASSIGN_OR_RETURN(sim::SimulatedFraudModel m, sim::TrainFraudOnSimulation(DemoFraudSimulation(), {}));
  TRANCHE_RETURN_IF_ERROR(m.trained.model.Save(dir));
  spdlog::info("demo fraud model {} ready ({} screenings, {} frauds the platform learned of; cross-validated AUC "
               "{:.3f}, optimistic)", m.trained.model.version(), m.counts.rows(), m.counts.frauds, m.trained.cv_auc);
  return dir;
}

std::string DemoBanner(const DemoCredentials& c, const std::string& host, int port, bool web) {
  const std::string base = "http://" + host + ":" + std::to_string(port);
  const std::string& mkey = c.merchants.front().secret_key;
  std::string s;
  s += "\n=== tranche demo is serving on " + base + " ===\n";
  s += c.created ? "A new demo world was created.\n"
                 : "The demo world existed; its keys were re-issued (old ones revoked).\n";
  s += "Keys are shown once; only their hashes are stored.\n\n";
  s += "  operator " + c.operator_id + "  key " + c.operator_key + "\n";
  for (const auto& m : c.merchants) {
    s += "  merchant " + m.merchant_id + "  " + m.currency + "  " + m.name + "\n";
    s += "           key " + m.secret_key + "\n";
  }
  s += "  consumers:";
  for (const auto& id : c.consumer_ids) s += " " + id;
  s += "\n\nTry it:\n";
  s += "  curl -s " + base + "/healthz\n";
  s += "  curl -s " + base + "/v1/merchant -H 'Authorization: Bearer " + mkey + "'\n";
  s += "  curl -s " + base + "/v1/admin/merchants -H 'Authorization: Bearer " + c.operator_key + "'\n";
  s += "  curl -s -X POST " + base + "/v1/admin/ledger/entries -H 'Authorization: Bearer " +
       c.operator_key + "' -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' "
       "-d '{\"memo\":\"move suspense to cash\",\"lines\":[{\"account\":\"settlement_cash:USD\","
       "\"direction\":\"debit\",\"amount\":2500},{\"account\":\"suspense:USD\",\"direction\":"
       "\"credit\",\"amount\":2500}]}'\n";
  s += "  curl -s " + base + "/v1/admin/ledger/trial-balance -H 'Authorization: Bearer " +
       c.operator_key + "'\n";
  s += "\nA checkout (replace <...> with what the previous step returned):\n";
  s += "  curl -s -X POST " + base + "/v1/checkout/sessions -H 'Authorization: Bearer " + mkey +
       "' -H 'Content-Type: application/json' -d '{\"currency\":\"USD\",\"amount\":25000,"
       "\"merchant_reference\":\"demo-1\",\"order_lines\":[{\"name\":\"Helmet\",\"quantity\":1,"
       "\"unit_price\":25000,\"total_amount\":25000}]}'\n";
  s += "  curl -s -X POST " + base + "/v1/checkout/sessions/<cs_id>/authorize -H 'Authorization: Bearer "
       "<client_token>' -H 'Content-Type: application/json' -d '{\"product\":\"pay_in_4\",\"consumer\":"
       "{\"email\":\"sam@example.com\",\"phone\":\"+1 555 0100\",\"given_name\":\"Sam\","
       "\"family_name\":\"Lee\",\"date_of_birth\":\"1991-05-17\",\"address\":{\"line1\":\"1 Main St\","
       "\"city\":\"Brooklyn\",\"postal_code\":\"11201\",\"country\":\"US\"}}}'\n";
  s += "  curl -s -X POST " + base + "/v1/orders -H 'Authorization: Bearer " + mkey +
       "' -H 'Content-Type: application/json' -d '{\"authorization_id\":\"<auth_id>\","
       "\"merchant_reference\":\"demo-1\"}'\n";
  s += "  curl -s -X POST " + base + "/v1/orders/<ord_id>/captures -H 'Authorization: Bearer " + mkey +
       "' -H 'Content-Type: application/json' -d '{\"amount\":25000}'\n";
  s += "\nA consumer login (the code arrives in the notification outbox):\n";
  s += "  curl -s -X POST " + base + "/v1/consumer/login -H 'Content-Type: application/json' "
       "-d '{\"email\":\"ava.larsson@example.com\"}'\n";
  s += "  curl -s " + base + "/v1/admin/notifications -H 'Authorization: Bearer " + c.operator_key + "'\n";
  s += "  curl -s -X POST " + base + "/v1/consumer/login/verify -H 'Content-Type: application/json' "
       "-d '{\"email\":\"ava.larsson@example.com\",\"code\":\"<code>\"}'\n";
  s += "  curl -s " + base + "/v1/me/plans -H 'Authorization: Bearer <token>'\n";
  s += "  curl -s -X POST " + base + "/v1/me/plans/<pln_id>/payments -H 'Authorization: Bearer <token>' "
       "-H 'Content-Type: application/json' -d '{\"amount\":1000}'\n";
  s += "\nServicing: jump 30 days ahead; every business date passed is closed (autopay, late fees,\n"
       "delinquency, interest, settlement and payouts):\n";
  s += "  curl -s -X POST " + base + "/v1/admin/clock/advance -H 'Authorization: Bearer " + c.operator_key +
       "' -H 'Content-Type: application/json' -d '{\"days\":30}'\n";
  s += "  curl -s " + base + "/v1/settlements -H 'Authorization: Bearer " + mkey + "'\n";
  s += "  curl -s " + base + "/v1/events -H 'Authorization: Bearer " + mkey + "'\n\n";
  s += "  curl -s " + base + "/metrics | head\n";
  s += "  curl -s " + base + "/v1/openapi.json | head -c 300\n\n";
  if (web) {
    s += "In a browser:\n";
    s += "  operator console  " + base + "/console/   (log in with the operator key above)\n";
    s += "  consumer portal   " + base + "/portal/    (e.g. ava.larsson@example.com; the code is in the\n"
         "                    console's Notifications)\n";
    s += "  demo shop         " + base + "/shop/      (" + c.merchants.front().name + ")\n\n";
  }
  s += "Stop with Ctrl-C.\n";
  return s;
}

std::string DemoCredentialsJson(const DemoCredentials& c) {
  nlohmann::json j = {{"operator_id", c.operator_id}, {"operator_key", c.operator_key},
                      {"consumer_ids", c.consumer_ids}};
  j["merchant_keys"] = nlohmann::json::array();
  for (const auto& m : c.merchants) {
    j["merchant_keys"].push_back({{"merchant_id", m.merchant_id}, {"name", m.name},
                                  {"currency", m.currency}, {"secret_key", m.secret_key}});
  }
  return j.dump(2);
}

}  // namespace tranche::app
