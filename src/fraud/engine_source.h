// The feature source the platform screens authorizations with: the streaming feature
// engine (features.h) over every screened authorization, plus the few features only
// the store answers (StoredFeatureSource: the consumer's recent credit decisions, the
// currency, merchant, IP and device as text for rules and lists). One catalogue: the
// engine's features in its order, then the stored source's that the engine lacks — a
// name both have (amount, email, email_domain, ip_country, billing_country) is the
// engine's, so rules written against the stored source keep checking.
//
// State, and when it changes:
//   - Compute reads the engine under the mutex and changes nothing.
//   - Record and RecordLabel are called by the use cases through Tx::OnCommit, after
//     the transaction that screened the authorization (or stored the label) committed:
//     a rolled-back authorization teaches the engine nothing, an idempotent replay
//     (answered from the stored reply, no transaction) nothing new, and each committed
//     one exactly once. Authorizations committed in one group commit do not see each
//     other (they were screened before any of them committed).
//   - Rebuild, at start-up, replays the stored screenings and fraud labels of the last
//     kRebuildDays days plus the label delay in the order they happened, so a restarted
//     server computes what one that never stopped would. Every count, sum, mean and
//     distinct count looks back at most 30 days, and the merchant fraud rates 30 days
//     before the label delay, so those come out exactly as if the server had never
//     stopped. Bounded: the rebuild reads that window only (one page of screenings and
//     the window's labels in memory at a time; the engine's own memory is bounded per
//     entity, docs/MODELS.md). The price: an entity last seen before the window comes
//     back as new (its age, time since last seen and time since a change start again).
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "fraud/decision.h"
#include "fraud/decision_source.h"
#include "fraud/features.h"

namespace tranche::fraud {

inline constexpr std::int64_t kRebuildDays = 30;
// Rows read per query while rebuilding (one page in memory at a time).
inline constexpr std::size_t kRebuildPage = 5'000;
// Labels in the rebuild window kept in memory at once; more is refused (the platform
// does not start) rather than silently skewing the merchants' fraud rates.
inline constexpr std::size_t kMaxRebuildLabels = 1'000'000;

// The payment method as the engine keys it: per consumer (the simulated processor's
// methods are a type and last four digits, which many consumers share; a real one's
// token would be the key).
std::string PaymentMethodKey(std::string_view consumer_id, std::string_view type, std::string_view last4);

// The engine event an authorization is: consumer, email (its domain follows), device
// fingerprint, IP, payment method and merchant; its IP and billing countries; its
// amount in US cents at the reference rate (ToUsdReferenceMinor), so features and rules
// on amounts mean the same in every currency;
// time from facts.now, in whole seconds. Views into `facts`.
Event EventOf(const AuthorizationFacts& facts);

class EngineFeatureSource final : public FeatureSource {
 public:
  explicit EngineFeatureSource(EngineOptions options = {});

  // The one catalogue every EngineFeatureSource computes (a model is loaded against it
  // before the source that will feed it exists: the label delay comes from the model).
  static const Catalogue& ScreeningCatalogue();

  const Catalogue& catalogue() const override { return ScreeningCatalogue(); }
  Result<FeatureValues> Compute(DecisionRepo& repo, const AuthorizationFacts& facts) const override;
  void Record(const AuthorizationFacts& facts) override;
  void RecordLabel(const KnownFraud& fraud) override;

  // Replaces what the engine holds with what the store holds from `now` −
  // (kRebuildDays + the label delay): screenings (from `decisions`) by time and the
  // fraud labels (from `labels`) when they became known, a label before a screening at
  // the same instant. Precondition: nothing is screened meanwhile (an authorization
  // computed during a rebuild would see part of its windows), so the platform rebuilds
  // at start, before it serves (after anything written before, such as a demo history).
  // Returns how many screenings were replayed.
  Result<std::size_t> Rebuild(DecisionRepo& decisions, LabelRepo& labels, Instant now);

  std::int64_t label_delay_s() const { return options_.label_delay_s; }

 private:
  EngineOptions options_;
  StoredFeatureSource stored_;
  mutable std::mutex mu_;
  FeatureEngine engine_;  // guarded by mu_
};

}  // namespace tranche::fraud
