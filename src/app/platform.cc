#include "app/platform.h"

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <utility>

#include "app/demo_shop.h"
#include "credit/champion_challenger.h"
#include "onboarding/onboarding.h"
#include "origination/origination.h"
#include "servicing/servicing.h"

namespace tranche::app {

namespace {
// The fleet's housekeeping and daily close, run by one node at a time (fleet/leases.h).
// Webhook delivery needs no lease: every node delivers what it claims.
constexpr char kMaintenanceLease[] = "maintenance";
// Told to the other nodes when a node reloaded a model: they look at their model
// directories at once instead of at their next poll, so a fleet on a shared directory
// switches models within moments.
constexpr char kModelsTopic[] = "models";
}  // namespace

std::string DatabasePath(const std::string& data_dir) { return data_dir + "/tranche.db"; }

store::Location StoreLocation(const PlatformOptions& o) {
  return store::Location{DatabasePath(o.data_dir), o.database};
}

Platform::Platform(PlatformOptions options) : options_(std::move(options)) {}

Platform::~Platform() { Stop(); }

Result<std::unique_ptr<Platform>> Platform::Open(PlatformOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    return Status::Unavailable("cannot create data directory " + options.data_dir + ": " +
                               ec.message());
  }
  std::unique_ptr<Platform> p(new Platform(std::move(options)));
  p->wall_clock_ = p->options_.clock ? p->options_.clock : &p->system_clock_;
  p->clock_ = p->options_.adjustable_clock ? p->options_.adjustable_clock : p->wall_clock_;
  if (p->options_.random) {
    p->random_ = p->options_.random;
  } else {
    p->secure_random_ = std::make_unique<SecureRandom>();
    p->random_ = p->secure_random_.get();
  }
  p->ids_ = std::make_unique<IdGenerator>(*p->clock_, *p->random_);
  TRANCHE_ASSIGN_OR_RETURN(p->store_, store::OpenStore(StoreLocation(p->options_), *p->clock_, p->options_.migrate));
  p->authenticator_ = std::make_unique<api::Authenticator>(*p->store_, *p->clock_);
  p->node_listener_ = store::ListenToNodes(
      StoreLocation(p->options_), [auth = p->authenticator_.get(), wake = &p->model_wake_](std::string_view topic,
                                                                                       std::string_view id) {
        if (topic == onboarding::kKeysTopic) auth->Invalidate(id);
        if (topic == "*") auth->InvalidateAll();
        if (topic == kModelsTopic || topic == "*") {
          std::lock_guard lock(wake->mu);
          wake->requested = true;
          wake->cv.notify_all();
        }
      });
  TRANCHE_RETURN_IF_ERROR(p->OpenDecider());
  TRANCHE_RETURN_IF_ERROR(p->OpenFraudScreening());
  TRANCHE_RETURN_IF_ERROR(p->LoadSigningKey());
  net::PostOptions post_options{p->options_.allow_private_webhook_targets, p->options_.webhook_ca_file,
                                p->options_.webhook_timeouts};
  post_options.max_response_bytes = 64 * 1024;  // a receiver's answer is only logged, briefly
  post_options.user_agent = "tranche-webhooks/1";
  p->lease_options_ = fleet::LeaseOptions{p->options_.node_id.empty() ? p->ids_->Next("node") : p->options_.node_id,
                                          p->options_.lease_ttl};
  // Signatures carry real time even when the platform runs on a simulated clock:
  // receivers check them against theirs. A node's webhook claims last as long as its
  // leases: both say how long a dead node holds up its work.
  DispatchLimits dispatch_limits;
  dispatch_limits.claim_ttl = p->options_.lease_ttl;
  p->dispatcher_ = std::make_unique<WebhookDispatcher>(
      *p->store_, *p->clock_, p->system_clock_, p->signing_key_, p->lease_options_.node,
      [post_options](const std::string& url, const std::string& body, const Headers& headers) {
        return DeliveryOutcome(net::PostJson(url, body, headers, post_options));
      },
      dispatch_limits);
  p->processor_ = std::make_unique<payments::SimulatedProcessor>(p->options_.processor_rates);
  p->rail_ = std::make_unique<payments::SimulatedPayoutRail>(p->options_.rail_rates);
  p->settlement_inbox_ = std::make_unique<recon::DirectoryInbox>(
      p->options_.settlement_inbox_dir.empty()
          ? (std::filesystem::path(p->options_.data_dir) / "recon" / "inbox").string()
          : p->options_.settlement_inbox_dir);
  p->fenced_store_ = std::make_unique<fleet::FencedStore>(*p->store_, *p->wall_clock_, p->options_.lease_ttl);
  p->cob_ = std::make_unique<ops::Cob>(ops::OpsContext{*p->fenced_store_, *p->ids_, *p->clock_, *p->processor_, *p->rail_},
                                       ops::CobReconciliation{p->settlement_inbox_.get(), {}});
  p->services_ = std::make_unique<api::Services>(
      api::Services{*p->store_, *p->clock_, *p->ids_, *p->random_, *p->authenticator_, *p->decider_,
                    p->bureau_, p->signing_key_});
  p->services_->cob = p->cob_.get();
  p->services_->processor = p->processor_.get();
  p->services_->rail = p->rail_.get();
  p->services_->adjustable_clock = p->options_.adjustable_clock;
  p->services_->wall_clock = p->wall_clock_;
  p->services_->fraud = p->screening_.get();
  p->services_->models = &p->served_models_;
  if (p->options_.intent_classifier != nullptr && p->options_.language_detector != nullptr) {
    if (!p->options_.assistant_llm.url.empty()) {
      TRANCHE_RETURN_IF_ERROR(assist::ValidateLlmOptions(p->options_.assistant_llm));
      p->assistant_model_ = std::make_unique<assist::ChatCompletionsBackend>(p->options_.assistant_llm);
    }
    p->assistant_ = std::make_unique<assist::Assistant>(p->ops_context(), *p->options_.intent_classifier,
                                                        *p->options_.language_detector, p->assistant_model_.get());
    p->services_->assistant = p->assistant_.get();
  }
  p->app_ = std::make_unique<api::App>(*p->services_, p->options_.access_log);
  std::int64_t entries = 0;
  std::int64_t pending_reviews = 0;
  TRANCHE_RETURN_IF_ERROR(p->store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(entries, tx.ledger().CountEntries());
    TRANCHE_ASSIGN_OR_RETURN(pending_reviews, tx.fraud_reviews().CountPending());
    return Status::Ok();
  }));
  p->app_->metrics().SetLedgerEntries(entries);
  p->app_->metrics().SetFraudReviewsPending(pending_reviews);
  if (!p->options_.web_dir.empty()) {
    TRANCHE_ASSIGN_OR_RETURN(p->static_files_, api::StaticFiles::Load(p->options_.web_dir));
    spdlog::info("serving {} web files from {}", p->static_files_->file_count(), p->options_.web_dir);
  }
  return p;
}

namespace {
// When a model save last wrote `file` in `dir` (spec.json for credit, fraud_model.json
// for fraud: each is written after the booster).
std::filesystem::file_time_type Stamp(const std::string& dir, const std::string& file) {
  std::error_code ec;
  const auto t = std::filesystem::last_write_time(std::filesystem::path(dir) / file, ec);
  return ec ? std::filesystem::file_time_type{} : t;
}
}  // namespace

Result<std::unique_ptr<credit::ModelDecider>> Platform::WatchedModel(const std::string& dir) {
  const auto stamp = Stamp(dir, "spec.json");
  TRANCHE_ASSIGN_OR_RETURN(credit::CreditModel model, credit::CreditModel::Load(dir));
  spdlog::info("credit model {} from {}", model.version(), dir);
  auto decider = std::make_unique<credit::ModelDecider>(std::make_shared<const credit::CreditModel>(std::move(model)));
  credit::ModelDecider* watched = decider.get();
  watched_.push_back({dir, "spec.json", stamp, [dir, watched]() -> Status {
                        TRANCHE_ASSIGN_OR_RETURN(credit::CreditModel next, credit::CreditModel::Load(dir));
                        spdlog::info("credit model reloaded from {}: {} (was {})", dir, next.version(),
                                     watched->model()->version());
                        watched->Swap(std::make_shared<const credit::CreditModel>(std::move(next)));
                        return Status::Ok();
                      }});
  return decider;
}

Status Platform::OpenDecider() {
  const PlatformOptions& o = options_;
  if (o.credit_model_dir.empty()) {
    if (!o.challenger_model_dir.empty()) {
      return Status::InvalidArgument("challenger_without_champion", "a challenger model needs a champion model");
    }
    decider_ = std::make_unique<risk::PolicyDecider>();
    spdlog::info("credit decisions: policy rules (no credit model configured)");
    return Status::Ok();
  }
  TRANCHE_ASSIGN_OR_RETURN(auto champion, WatchedModel(o.credit_model_dir));
  served_models_.champion = champion.get();
  served_models_.champion_dir = o.credit_model_dir;
  if (o.challenger_model_dir.empty()) {
    spdlog::info("credit decisions: model");
    decider_ = std::move(champion);
    return Status::Ok();
  }
  if (!(o.challenger_share >= 0 && o.challenger_share <= 1)) {
    return Status::InvalidArgument("invalid_share", "the challenger share must be between 0 and 1");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto challenger, WatchedModel(o.challenger_model_dir));
  served_models_.challenger = challenger.get();
  served_models_.challenger_dir = o.challenger_model_dir;
  served_models_.challenger_shadow = o.challenger_shadow;
  served_models_.challenger_share = o.challenger_share;
  spdlog::info("credit decisions: model with a challenger ({})",
               o.challenger_shadow ? "shadow" : std::to_string(o.challenger_share) + " of consumers");
  decider_ = std::make_unique<credit::ChampionChallenger>(
      std::move(champion), std::move(challenger), credit::ChallengerConfig{o.challenger_share, o.challenger_shadow});
  return Status::Ok();
}

Status Platform::OpenFraudScreening() {
  fraud::EngineOptions engine;
  if (!options_.fraud_model_dir.empty()) {
    const std::string& dir = options_.fraud_model_dir;
    const auto stamp = Stamp(dir, "fraud_model.json");
    auto scorer = fraud::ModelScorer::Load(dir, fraud::EngineFeatureSource::ScreeningCatalogue());
    if (!scorer.ok()) {
      return Status::InvalidArgument("fraud_model_invalid",
                                     "no usable fraud model in " + dir + ": " + scorer.status().message());
    }
    // The engine delivers labels as the model was trained to expect them.
    engine.label_delay_s = scorer->model().label_delay_s();
    if (engine.label_delay_s < fraud::kMinLabelDelayS || engine.label_delay_s > fraud::kMaxLabelDelayS) {
      return Status::InvalidArgument("fraud_model_invalid", "the fraud model in " + dir +
                                                                " has a label delay outside 1 hour to 90 days");
    }
    fraud_scorer_ = std::make_unique<fraud::SwappableScorer>(
        std::make_shared<const fraud::ModelScorer>(std::move(scorer).value()));
    served_models_.fraud = fraud_scorer_.get();
    served_models_.fraud_dir = dir;
    spdlog::info("fraud model {} from {}", fraud_scorer_->current()->model().version(), dir);
    watched_.push_back({dir, "fraud_model.json", stamp, [this, dir, delay_s = engine.label_delay_s]() -> Status {
                          TRANCHE_ASSIGN_OR_RETURN(fraud::ModelScorer next,
                                                   fraud::ModelScorer::Load(dir, fraud::EngineFeatureSource::ScreeningCatalogue()));
                          // The feature engine delivers labels with the delay the first
                          // model was trained for; another delay needs a restart.
                          if (next.model().label_delay_s() != delay_s) {
                            return Status::InvalidArgument("fraud_model_invalid",
                                                           "the new model's label delay differs; restart to use it");
                          }
                          spdlog::info("fraud model reloaded from {}: {} (was {})", dir, next.model().version(),
                                       fraud_scorer_->current()->model().version());
                          fraud_scorer_->Swap(std::make_shared<const fraud::ModelScorer>(std::move(next)));
                          return Status::Ok();
                        }});
  }
  fraud_source_ = std::make_unique<fraud::EngineFeatureSource>(engine);
  screening_ = std::make_unique<fraud::Screening>(*fraud_source_, fraud_scorer_.get());
  return Status::Ok();
}

Status Platform::RebuildFraudFeatures() {
  const Instant now = clock_->Now();
  std::size_t replayed = 0;
  TRANCHE_RETURN_IF_ERROR(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(replayed, fraud_source_->Rebuild(tx.fraud_decisions(), tx.fraud_labels(), now));
    return Status::Ok();
  }));
  spdlog::info("fraud feature engine rebuilt from {} stored screenings", replayed);
  return Status::Ok();
}

bool Platform::ReloadModelIfChanged() {
  bool reloaded = false;
  for (WatchedModelDir& w : watched_) {
    const auto stamp = Stamp(w.dir, w.stamp_file);
    if (stamp == w.stamp) continue;
    if (Status st = w.reload(); !st.ok()) {
      // A directory being rewritten is incomplete for a moment; keep the model in use.
      spdlog::warn("model in {} not reloaded: {}", w.dir, st.ToString());
      continue;
    }
    w.stamp = stamp;
    reloaded = true;
  }
  if (reloaded) {
    const Status told = store_->Write([](store::Tx& tx) { return tx.NotifyNodes(kModelsTopic, ""); });
    if (!told.ok()) spdlog::warn("other nodes not told of the model reload: {}", told.ToString());
  }
  return reloaded;
}

Status Platform::LoadSigningKey() {
  const std::string path = options_.data_dir + "/webhook_signing.key";
  if (std::ifstream in(path, std::ios::binary); in) {
    in.read(reinterpret_cast<char*>(signing_key_.data()), signing_key_.size());
    if (in.gcount() != static_cast<std::streamsize>(signing_key_.size())) {
      return Status::Internal(path + " is damaged; restore it from backup (endpoint secrets derive from it)");
    }
    return Status::Ok();
  }
  random_->Fill(signing_key_);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Status::Internal("cannot create " + path);
  const auto written = ::write(fd, signing_key_.data(), signing_key_.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(signing_key_.size()) || !synced) return Status::Internal("cannot write " + path);
  return Status::Ok();
}

void Platform::EnableDemoShop(DemoMerchantKey merchant) {
  TRANCHE_ASSERT_MSG(server_ == nullptr, "the demo shop is enabled before the server starts");
  demo_shop_ = std::make_unique<DemoShop>(*app_, std::move(merchant));
}

Status Platform::Start() {
  // The feature engine learns the stored screenings now rather than at Open, before
  // anything is served: what was written in between (the demo's world and simulated
  // history) is in its windows too.
  TRANCHE_RETURN_IF_ERROR(RebuildFraudFeatures());
  front_ = std::make_unique<api::Front>(*app_, static_files_ ? &*static_files_ : nullptr, demo_shop_.get());
  server_ = std::make_unique<api::HttpServer>(options_.server, *front_);
  std::string error;
  if (!server_->Start(&error)) {
    server_.reset();
    return Status::Unavailable(error);
  }
  maintenance_ = std::jthread([this](std::stop_token stop) { MaintenanceLoop(stop); });
  webhook_sender_ = std::jthread([this](std::stop_token stop) {
    while (!stop.stop_requested()) {
      auto sent = DeliverWebhooks();
      if (!sent.ok()) spdlog::warn("webhook delivery round failed: {}", sent.status().ToString());
      std::unique_lock lock(maintenance_mu_);
      maintenance_cv_.wait_for(lock, stop, options_.webhook_interval, [] { return false; });
    }
  });
  if (!watched_.empty()) {
    model_watch_ = std::jthread([this](std::stop_token stop) {
      while (!stop.stop_requested()) {
        ReloadModelIfChanged();
        std::unique_lock lock(model_wake_.mu);
        model_wake_.cv.wait_for(lock, stop, options_.model_watch_interval,
                                [this] { return std::exchange(model_wake_.requested, false); });
      }
    });
  }
  return Status::Ok();
}

ops::OpsContext Platform::ops_context() {
  return ops::OpsContext{*store_, *ids_, *clock_, *processor_, *rail_, screening_.get()};
}

Result<MaintenanceReport> Platform::RunMaintenance() {
  MaintenanceReport report;
  TRANCHE_ASSIGN_OR_RETURN(report.ran, fleet::RunUnderLease(*fenced_store_, *store_, kMaintenanceLease, lease_options_,
                                                           *wall_clock_, [&] { return Maintain(report); }));
  return report;
}

Result<std::vector<ops::CobReport>> Platform::CloseThrough(Date target) {
  std::vector<ops::CobReport> reports;
  TRANCHE_ASSIGN_OR_RETURN(const bool ran,
                           fleet::RunUnderLease(*fenced_store_, *store_, kMaintenanceLease, lease_options_, *wall_clock_,
                                                [&]() -> Status {
                                                  TRANCHE_ASSIGN_OR_RETURN(reports, cob_->CloseThrough(target));
                                                  return Status::Ok();
                                                }));
  if (!ran) return Status::Conflict("lease_held", "another node is running the daily close; try again later");
  return reports;
}

Status Platform::Maintain(MaintenanceReport& report) {
  // Small chunks, each its own unit of work, so a large backlog never holds the single
  // writer for long: requests interleave with the housekeeping.
  constexpr std::int64_t kPurgeChunk = 1000;
  const Instant now = clock_->Now();
  const Instant cutoff = wall_clock_->Now() - api::kIdempotencyLifetime;
  for (std::int64_t purged = kPurgeChunk; purged == kPurgeChunk;) {
    TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(purged, tx.idempotency().DeleteOlderThan(cutoff, kPurgeChunk));
      return Status::Ok();
    }));
    report.purged_idempotency_records += purged;
  }
  TRANCHE_ASSIGN_OR_RETURN(report.expired_authorizations, ops::ExpireAllAuthorizations(*store_, now));
  if (options_.close_business_dates) {
    TRANCHE_ASSIGN_OR_RETURN(auto closed, cob_->CloseThrough(AddDays(DateOf(now), -1)));
    for (const ops::CobReport& r : closed) report.business_dates_closed += r.already_closed ? 0 : 1;
  }
  return Status::Ok();
}

void Platform::MaintenanceLoop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto report = RunMaintenance();
    if (!report.ok() && report.status().code() == "lease_lost") {
      spdlog::warn("maintenance stopped: another node took over its lease");
    } else if (!report.ok()) {
      spdlog::warn("maintenance failed: {}", report.status().ToString());
    } else if (report->purged_idempotency_records > 0 || report->expired_authorizations > 0 ||
               report->business_dates_closed > 0) {
      spdlog::info("maintenance purged {} expired idempotency records, released {} expired authorizations,"
                   " closed {} business dates",
                   report->purged_idempotency_records, report->expired_authorizations,
                   report->business_dates_closed);
    }
    std::unique_lock lock(maintenance_mu_);
    maintenance_cv_.wait_for(lock, stop, options_.maintenance_interval, [] { return false; });
  }
}

void Platform::Stop() {
  for (std::jthread* t : {&webhook_sender_, &model_watch_, &maintenance_}) {
    if (t->joinable()) {
      t->request_stop();
      t->join();
    }
  }
  if (server_) server_->Stop();
}

}  // namespace tranche::app
