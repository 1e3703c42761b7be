#include "fraud/engine_source.h"

#include <algorithm>
#include <memory>

#include "fraud/decision_repo.h"
#include "fraud/label_repo.h"

namespace tranche::fraud {

namespace {

std::int64_t Seconds(Instant t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

std::string_view ViewOf(const std::optional<std::string>& s) { return s ? std::string_view(*s) : std::string_view(); }

}  // namespace

std::string PaymentMethodKey(std::string_view consumer_id, std::string_view type, std::string_view last4) {
  std::string key(consumer_id);
  key += '/';
  key += type;
  key += '/';
  key += last4;
  return key;
}

Event EventOf(const AuthorizationFacts& facts) {
  Event e;
  e.time_s = Seconds(facts.now);
  e.amount_minor = ToUsdReferenceMinor(facts.amount);
  e.set(Entity::kConsumer, facts.consumer_id);
  e.set(Entity::kEmail, facts.email);
  e.set(Entity::kDevice, ViewOf(facts.device_fingerprint));
  e.set(Entity::kIp, ViewOf(facts.ip));
  e.set(Entity::kCard, ViewOf(facts.payment_method));
  e.set(Entity::kMerchant, facts.merchant_id);
  e.ip_country = ViewOf(facts.ip_country);
  e.billing_country = facts.billing_country;
  return e;
}

namespace {

// The engine's catalogue, then the stored source's features it lacks (their indices in
// the stored source's values).
struct Combined {
  Combined() {
    const StoredFeatureSource stored;
    const Catalogue& engine = FeatureEngine::catalogue();
    std::vector<FeatureDef> defs = engine.defs();
    for (std::size_t i = 0; i < stored.catalogue().size(); ++i) {
      if (engine.Find(stored.catalogue().at(i).name)) continue;
      defs.push_back(stored.catalogue().at(i));
      stored_extra.push_back(i);
    }
    catalogue = std::make_unique<Catalogue>(std::move(defs));
  }
  std::vector<std::size_t> stored_extra;
  std::unique_ptr<Catalogue> catalogue;
};

const Combined& TheCombined() {
  static const Combined* c = new Combined();
  return *c;
}

}  // namespace

EngineFeatureSource::EngineFeatureSource(EngineOptions options) : options_(options), engine_(options) {}

const Catalogue& EngineFeatureSource::ScreeningCatalogue() { return *TheCombined().catalogue; }

Result<FeatureValues> EngineFeatureSource::Compute(DecisionRepo& repo, const AuthorizationFacts& facts) const {
  TRANCHE_ASSIGN_OR_RETURN(FeatureValues stored, stored_.Compute(repo, facts));
  FeatureValues v;
  {
    std::lock_guard lock(mu_);
    v = engine_.Compute(EventOf(facts));
  }
  const Combined& combined = TheCombined();
  v.values.reserve(combined.catalogue->size());
  for (std::size_t i : combined.stored_extra) v.values.push_back(std::move(stored.values[i]));
  TRANCHE_ASSERT(v.values.size() == combined.catalogue->size());
  return v;
}

void EngineFeatureSource::Record(const AuthorizationFacts& facts) {
  const Event e = EventOf(facts);
  std::lock_guard lock(mu_);
  engine_.Record(e);
}

void EngineFeatureSource::RecordLabel(const KnownFraud& fraud) {
  std::lock_guard lock(mu_);
  engine_.RecordLabel({Seconds(fraud.authorized_at), fraud.merchant_id});
}

Result<std::size_t> EngineFeatureSource::Rebuild(DecisionRepo& decisions, LabelRepo& labels, Instant now) {
  {
    std::lock_guard lock(mu_);
    engine_ = FeatureEngine(options_);
  }
  const Instant since = now - std::chrono::seconds(kRebuildDays * kDayS + options_.label_delay_s);
  TRANCHE_ASSIGN_OR_RETURN(std::vector<KnownFraud> frauds, labels.ListKnownFrauds(since, kMaxRebuildLabels + 1));
  if (frauds.size() > kMaxRebuildLabels) {
    return Status::ResourceExhausted("more than " + std::to_string(kMaxRebuildLabels) +
                                     " fraud labels in the feature engine's window");
  }
  std::size_t next_label = 0;
  std::size_t replayed = 0;
  std::optional<ScreenedAuthorization> after;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(std::vector<ScreenedAuthorization> page,
                             decisions.ListScreened(since, after ? &*after : nullptr, kRebuildPage));
    for (const ScreenedAuthorization& s : page) {
      for (; next_label < frauds.size() && frauds[next_label].known_at <= s.facts.now; ++next_label) {
        RecordLabel(frauds[next_label]);
      }
      Record(s.facts);
      ++replayed;
    }
    if (page.size() < kRebuildPage) break;
    after = std::move(page.back());
  }
  for (; next_label < frauds.size(); ++next_label) RecordLabel(frauds[next_label]);
  return replayed;
}

}  // namespace tranche::fraud
