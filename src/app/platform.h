// Platform: the composition root. Opens the store, builds the services and the HTTP
// application, and serves. The CLI and the integration tests start the platform the
// same way.
#pragma once

#include <condition_variable>
#include <optional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <string>

#include "api/app.h"
#include "api/front.h"
#include "api/http_server.h"
#include "api/static_files.h"
#include "app/demo.h"
#include "app/webhook_dispatcher.h"
#include "assist/llm_backend.h"
#include <filesystem>
#include <functional>

#include "ops/cob.h"
#include "ops/models.h"
#include "payments/simulated.h"
#include "fraud/engine_source.h"
#include "fraud/model_scorer.h"
#include "risk/policy_decider.h"
#include "fleet/leases.h"
#include "store/open.h"

namespace tranche::credit {
class ModelDecider;
}

namespace tranche::app {

struct PlatformOptions {
  // Files (models, keys, the settlement inbox) and, unless `database` is set, the
  // SQLite database.
  std::string data_dir = "./data";
  // A postgres:// URL: the store is that PostgreSQL database (store/open.h).
  std::string database;
  api::ServerOptions server;
  std::string access_log = "-";
  // The web front end's built files (web/dist), served beside the API (api/static_files.h).
  // Empty: no web pages.
  std::string web_dir;
  bool migrate = false;            // apply pending migrations on open
  // Real time (default: the system clock; tests may simulate it). Idempotency records
  // live 24 h of it, even when an adjustable clock runs the business.
  const Clock* clock = nullptr;
  // Demo and simulation: a clock operators may advance (POST /v1/admin/clock/advance);
  // when set it is the platform's clock for everything but idempotency records. Null
  // in production.
  AdjustableClock* adjustable_clock = nullptr;
  RandomSource* random = nullptr;  // default: the OS CSPRNG
  std::chrono::seconds maintenance_interval{600};
  // A credit model directory: decisions by the ModelDecider, reloaded when the
  // directory's spec.json changes. Empty: the PolicyDecider.
  std::string credit_model_dir;
  // A challenger model: decides `challenger_share` of consumers, or with
  // challenger_shadow scores every application beside the champion and decides none.
  std::string challenger_model_dir;
  double challenger_share = 0;
  bool challenger_shadow = false;
  std::chrono::milliseconds model_watch_interval{2000};
  // A fraud model directory (tranche train fraud): every screened authorization gets
  // its score, and the rules version's review and block thresholds apply. Empty: no
  // score. A directory without a complete model fails start-up.
  std::string fraud_model_dir;
  // Webhook delivery: how often the dispatcher looks for due deliveries, and whether
  // endpoints may resolve to loopback or private addresses (demo and tests only).
  std::chrono::milliseconds webhook_interval{250};
  bool allow_private_webhook_targets = false;
  // Extra CA certificates (PEM) trusted for https:// endpoints besides the system's.
  std::string webhook_ca_file;
  DeliveryTimeouts webhook_timeouts = {};  // tests shorten them
  // Servicing: the simulated processor's and payout rail's outcome rates, and whether
  // the maintenance thread closes business dates as they end.
  // Where the processor's and payout rail's settlement files arrive
  // (settlement_YYYY-MM-DD.csv) for the daily close to reconcile. Empty:
  // <data_dir>/recon/inbox.
  std::string settlement_inbox_dir;
  payments::SimulatorRates processor_rates = {};
  payments::RailRates rail_rates = {};
  bool close_business_dates = true;
  // This node's name in a fleet (leases and webhook claims name it); empty: a new random
  // one per process.
  std::string node_id;
  // How long a node that stopped renewing keeps a lease (fleet/leases.h), and a webhook
  // delivery it claimed, before another node may take over that work.
  std::chrono::seconds lease_ttl{60};
  // The assistant's understanding (assist/understanding.h): when both are set, the chat
  // API runs on them; they must outlive the platform. Unset: the assistant's routes
  // answer 503.
  const assist::IntentClassifier* intent_classifier = nullptr;
  const assist::LanguageDetector* language_detector = nullptr;
  // The assistant's optional language model (assist/llm_backend.h); an empty URL: none.
  // A URL or time-out that cannot work fails start-up.
  assist::LlmOptions assistant_llm = {};
};

struct MaintenanceReport {
  std::int64_t purged_idempotency_records = 0;
  std::int64_t expired_authorizations = 0;
  std::int64_t business_dates_closed = 0;
  // False when another node held the maintenance lease and did the work instead.
  bool ran = true;
};

std::string DatabasePath(const std::string& data_dir);
// The store the options name: `database` when set, else the SQLite file in data_dir.
store::Location StoreLocation(const PlatformOptions& o);

class Platform {
 public:
  // Opens the database in `options.data_dir` (created if missing).
  static Result<std::unique_ptr<Platform>> Open(PlatformOptions options);
  ~Platform();

  // Demo only: serves the demo shop's backend (app/demo_shop.h) as `merchant`, whose
  // secret key stays in this process. Call before Start().
  void EnableDemoShop(DemoMerchantKey merchant);
  // Rebuilds the fraud feature engine from the store, binds the HTTP server and serves
  // on background threads; starts housekeeping.
  Status Start();
  // Housekeeping, run by Start() and then every maintenance_interval: purges
  // idempotency records past their 24 h lifetime, releases expired authorizations and
  // closes every business date that has ended (close_business_dates). Runs on one node
  // of a fleet at a time, under the maintenance lease.
  Result<MaintenanceReport> RunMaintenance();
  // Closes the business dates through `target` under the maintenance lease, every
  // write fenced by it; lease_held (Conflict) when another node holds it.
  Result<std::vector<ops::CobReport>> CloseThrough(Date target);
  const std::string& node_id() const { return lease_options_.node; }
  // The daily job (ops/cob.h).
  ops::Cob& cob() { return *cob_; }
  ops::OpsContext ops_context();
  // Loads each model again (credit champion and challenger, fraud) whose directory was
  // rewritten, and tells the other nodes of a fleet to look at once; true when one was.
  // The model watcher thread calls it every model_watch_interval, and when another node
  // told it to.
  bool ReloadModelIfChanged();
  // One round of webhook delivery (the dispatcher thread runs it every webhook_interval):
  // starts the attempts due; each is recorded when it ends.
  Result<std::size_t> DeliverWebhooks() { return dispatcher_->RunOnce(); }
  std::uint16_t port() const { return server_->port(); }
  void Stop();

  store::Store& store() { return *store_; }
  api::Services& services() { return *services_; }
  IdGenerator& ids() { return *ids_; }
  const Clock& clock() const { return *clock_; }
  RandomSource& random() { return *random_; }
  const risk::Decider& decider() const { return *decider_; }
  const risk::BureauProvider& bureau() const { return bureau_; }

 private:
  explicit Platform(PlatformOptions options);
  void MaintenanceLoop(std::stop_token stop);
  // RunMaintenance's work, under the lease.
  Status Maintain(MaintenanceReport& report);
  Status OpenDecider();
  // The fraud model (if any), the feature source and the screening over them.
  Status OpenFraudScreening();
  // Replays the stored screenings and labels into the feature source (Start, before
  // serving).
  Status RebuildFraudFeatures();
  // The key webhook signing secrets derive from: <data_dir>/webhook_signing.key (0600),
  // made on first open.
  Status LoadSigningKey();
  // A model decider for the model in `dir`, watched for changes from now on.
  Result<std::unique_ptr<credit::ModelDecider>> WatchedModel(const std::string& dir);

  PlatformOptions options_;
  SystemClock system_clock_;
  std::unique_ptr<SecureRandom> secure_random_;
  const Clock* clock_ = nullptr;
  const Clock* wall_clock_ = nullptr;  // options_.clock or the system clock
  RandomSource* random_ = nullptr;
  std::unique_ptr<IdGenerator> ids_;
  std::unique_ptr<store::Store> store_;
  // The store the daily close writes through: fenced by the maintenance lease while a
  // close runs under it.
  std::unique_ptr<fleet::FencedStore> fenced_store_;
  fleet::LeaseOptions lease_options_;
  std::unique_ptr<api::Authenticator> authenticator_;
  // Wakes the model watcher before its next look: another node of the fleet reloaded a
  // model (kModelsTopic). Declared before node_listener_, which signals it.
  struct ModelWake {
    std::mutex mu;
    std::condition_variable_any cv;
    bool requested = false;
  };
  ModelWake model_wake_;
  // Hears the other nodes' cache invalidations (a fleet on PostgreSQL); declared after
  // what it invalidates, so it stops first.
  std::unique_ptr<store::NodeListener> node_listener_;
  std::unique_ptr<risk::Decider> decider_;
  // The model directories reloaded when they change: `stamp_file` is the file a save
  // writes last; `reload` loads the directory and swaps the model in (an error keeps
  // the model in use, and the next look tries again).
  struct WatchedModelDir {
    std::string dir;
    std::string stamp_file;
    std::filesystem::file_time_type stamp;
    std::function<Status()> reload;
  };
  std::vector<WatchedModelDir> watched_;
  risk::SimulatedBureau bureau_;
  // Fraud screening at authorization: the feature engine (rebuilt from the store on
  // open) and, with fraud_model_dir, the model's score.
  std::unique_ptr<fraud::EngineFeatureSource> fraud_source_;
  std::unique_ptr<fraud::SwappableScorer> fraud_scorer_;
  // The models above as the operators' Models page reports them.
  ops::ServedModels served_models_;
  std::unique_ptr<fraud::Screening> screening_;
  webhooks::SigningKey signing_key_{};
  std::unique_ptr<WebhookDispatcher> dispatcher_;
  std::unique_ptr<payments::SimulatedProcessor> processor_;
  std::unique_ptr<payments::SimulatedPayoutRail> rail_;
  std::unique_ptr<recon::DirectoryInbox> settlement_inbox_;
  std::unique_ptr<ops::Cob> cob_;
  std::unique_ptr<assist::ChatCompletionsBackend> assistant_model_;
  std::unique_ptr<assist::Assistant> assistant_;
  std::unique_ptr<api::Services> services_;
  std::unique_ptr<api::App> app_;
  std::optional<api::StaticFiles> static_files_;
  std::unique_ptr<api::HttpHandler> demo_shop_;
  std::unique_ptr<api::Front> front_;
  std::unique_ptr<api::HttpServer> server_;
  std::mutex maintenance_mu_;
  std::condition_variable_any maintenance_cv_;
  std::jthread maintenance_;  // last two: stopped and joined first on destruction
  std::jthread model_watch_;
  std::jthread webhook_sender_;
};

}  // namespace tranche::app
