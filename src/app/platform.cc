#include "app/platform.h"

#include "origination/origination.h"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace tranche::app {

std::string DatabasePath(const std::string& data_dir) { return data_dir + "/tranche.db"; }

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
  p->clock_ = p->options_.clock ? p->options_.clock : &p->system_clock_;
  if (p->options_.random) {
    p->random_ = p->options_.random;
  } else {
    p->secure_random_ = std::make_unique<SecureRandom>();
    p->random_ = p->secure_random_.get();
  }
  p->ids_ = std::make_unique<IdGenerator>(*p->clock_, *p->random_);
  store::sqlite::SqliteOptions so;
  so.path = DatabasePath(p->options_.data_dir);
  TRANCHE_ASSIGN_OR_RETURN(p->store_,
                           store::sqlite::SqliteStore::Open(so, *p->clock_, p->options_.migrate));
  p->authenticator_ = std::make_unique<api::Authenticator>(*p->store_, *p->clock_);
  p->services_ = std::make_unique<api::Services>(
      api::Services{*p->store_, *p->clock_, *p->ids_, *p->random_, *p->authenticator_, p->decider_});
  p->app_ = std::make_unique<api::App>(*p->services_, p->options_.access_log);
  std::int64_t entries = 0;
  TRANCHE_RETURN_IF_ERROR(p->store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(entries, tx.ledger().CountEntries());
    return Status::Ok();
  }));
  p->app_->metrics().SetLedgerEntries(entries);
  return p;
}

Status Platform::Start() {
  server_ = std::make_unique<api::HttpServer>(options_.server, *app_);
  std::string error;
  if (!server_->Start(&error)) {
    server_.reset();
    return Status::Unavailable(error);
  }
  maintenance_ = std::jthread([this](std::stop_token stop) { MaintenanceLoop(stop); });
  return Status::Ok();
}

Result<MaintenanceReport> Platform::RunMaintenance() {
  // Small chunks, each its own unit of work, so a large backlog never holds the single
  // writer for long: requests interleave with the housekeeping.
  constexpr std::int64_t kPurgeChunk = 1000;
  const Instant now = clock_->Now();
  const Instant cutoff = now - api::kIdempotencyLifetime;
  MaintenanceReport report;
  for (std::int64_t purged = kPurgeChunk; purged == kPurgeChunk;) {
    TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(purged, tx.idempotency().DeleteOlderThan(cutoff, kPurgeChunk));
      return Status::Ok();
    }));
    report.purged_idempotency_records += purged;
  }
  for (std::size_t expired = origination::kMaxExpiriesPerSweep;
       expired == origination::kMaxExpiriesPerSweep;) {
    TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(expired, origination::ExpireAuthorizations(tx, now));
      return Status::Ok();
    }));
    report.expired_authorizations += static_cast<std::int64_t>(expired);
  }
  return report;
}

void Platform::MaintenanceLoop(std::stop_token stop) {
  while (!stop.stop_requested()) {
    auto report = RunMaintenance();
    if (!report.ok()) {
      spdlog::warn("maintenance failed: {}", report.status().ToString());
    } else if (report->purged_idempotency_records > 0 || report->expired_authorizations > 0) {
      spdlog::info("maintenance purged {} expired idempotency records, released {} expired authorizations",
                   report->purged_idempotency_records, report->expired_authorizations);
    }
    std::unique_lock lock(maintenance_mu_);
    maintenance_cv_.wait_for(lock, stop, options_.maintenance_interval, [] { return false; });
  }
}

void Platform::Stop() {
  if (maintenance_.joinable()) {
    maintenance_.request_stop();
    maintenance_.join();
  }
  if (server_) server_->Stop();
}

}  // namespace tranche::app
