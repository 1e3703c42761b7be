// Fraud's feature engine: per-entity windowed state fed by events in time order, and the
// features of each event computed from the history before it (pure and deterministic:
// time comes from the events, never from a clock).
//
// The same code serves both sides: at authorization the decider calls Compute and then
// Record for one event; a replay of a stored or simulated stream does the same for every
// event, delivering each fraud label no earlier than the label delay after its
// transaction (features_replay.h). So training and serving see the same features.
//
// Entities: consumer, email, email domain, phone, device, IP, shipping address,
// card / payment method and merchant. A card stream (the simulator's) fills only card
// (its customer) and merchant (its terminal); the other entities' features are missing.
// Entities are kept by a 64-bit hash of their kind and key: no raw email, phone or
// address is held in memory.
//
// Catalogue (fraud::Catalogue, names stable; rules and the model read them by name):
//   amount, hour_of_day, is_weekend, is_night               the event itself
//   ENTITY_count_{1h,24h,7d,30d}                            events before this one
//   ENTITY_amount_sum_24h, ENTITY_amount_mean_{7d,30d}      amounts in minor units
//   ENTITY_amount_to_mean_30d                               this amount / 30-day mean
//   ENTITY_seconds_since_last, ENTITY_age_days              since its last / first event
//                                                           (age capped at 90 days)
//   merchant_fraud_rate_{1d,7d,30d}, merchant_fraud_count_7d  over windows shifted back
//                                                           by the label delay
//   merchant_seconds_since_known_fraud                     since the latest known fraud
//   merchant_seconds_since_fraud_run_start                 since its latest run of known
//                                                           frauds began (in the shifted
//                                                           30 days; see FraudRunStartS)
//   merchant_legitimate_since_known_fraud                  its transactions known to be
//                                                           legitimate since then (the
//                                                           same window, 6-hour buckets)
//   distinct_consumers_per_device_24h, distinct_devices_per_consumer_24h,
//   distinct_emails_per_ip_24h, distinct_cards_per_consumer_30d,
//   distinct_merchants_per_card_24h                         this event's partner included;
//                                                           exact up to 8, then 8
//   consumer_days_since_{email,phone,card}_change           since the consumer's last change
//   ip_country_mismatch                                     1 when both known and different
//   card_amount_to_mean_before_14d,                         this amount and the card's 7-day
//   card_mean_7d_to_mean_before_14d                         mean over its mean 14 to 29 days
//                                                           before (day buckets)
//   email, email_domain, ip_country, billing_country        text, for rules and lists
// ENTITY is consumer, email, email_domain, phone, device, ip, address, card, merchant. An
// event without that entity's key has its features missing; a key seen for the first
// time has counts 0 and means, ratios and times missing.
//
// Memory is bounded per entity (features_windows.h): see BytesPerEntity.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "fraud/feature_values.h"
#include "fraud/features_windows.h"

namespace tranche::fraud {

enum class Entity : std::uint8_t { kConsumer, kEmail, kEmailDomain, kPhone, kDevice, kIp, kAddress, kCard, kMerchant };
inline constexpr std::size_t kEntityCount = 9;

// One authorization or replayed transaction. Views are read during the call only.
// Keys longer than kMaxKeyBytes are refused by the callers' validation; the engine
// asserts the bound.
inline constexpr std::size_t kMaxKeyBytes = 256;
struct Event {
  std::int64_t time_s = 0;        // Unix seconds
  // US cents, >= 0: an authorization's amount at the reference rate (core/money.h), so
  // windows that mix currencies (a device, an IP) add like with like.
  std::int64_t amount_minor = 0;
  std::array<std::string_view, kEntityCount> keys{};  // by Entity; empty: not known
  std::string_view ip_country;       // ISO 3166 alpha-2 or empty
  std::string_view billing_country;  // same

  std::string_view key(Entity e) const { return keys[static_cast<std::size_t>(e)]; }
  void set(Entity e, std::string_view key) { keys[static_cast<std::size_t>(e)] = key; }
};

// A confirmed fraud (a review rejection, an unauthorized dispute, a chargeback or a
// stream's label), for the transaction at `tx_time_s` at `merchant`.
struct FraudLabel {
  std::int64_t tx_time_s = 0;
  std::string_view merchant;
};

inline constexpr std::int64_t kDayS = 86'400;
inline constexpr std::int64_t kMinLabelDelayS = 3'600;
inline constexpr std::int64_t kMaxLabelDelayS = 90 * kDayS;

struct EngineOptions {
  // How long after a transaction its label is taken to be known; merchant fraud rates
  // read only transactions older than this. Bounded: 1 hour to 90 days.
  std::int64_t label_delay_s = 7 * kDayS;
};

class FeatureEngine {
 public:
  explicit FeatureEngine(EngineOptions options = {});

  // The catalogue every FeatureValues this engine produces follows.
  static const Catalogue& catalogue();
  // Index of each catalogue entry in a numeric row (all of them; text ones are NaN there).
  static std::size_t width() { return catalogue().size(); }

  // The features of `e` from the history before it (not changed by the call).
  // `row` holds width() floats: numbers, NaN when missing or text.
  void ComputeRow(const Event& e, float* row) const;
  FeatureValues Compute(const Event& e) const;
  // Adds `e` to the history. Precondition: events in non-decreasing time (asserted per
  // engine with a tolerance: see features_windows.h for late events).
  void Record(const Event& e);
  void RecordLabel(const FraudLabel& label);

  std::size_t entities() const;
  // Approximate bytes of state per entity kind (for docs/MODELS.md and tests).
  static std::size_t BytesPerEntity();
  static std::size_t BytesPerMerchantLabels(std::int64_t label_delay_s);

 private:
  struct Activity {
    WindowRing<12, 300> h1;       // 1 h in 5-minute buckets
    WindowRing<24, 3'600> h24;    // 24 h in hours
    WindowRing<28, 21'600> d7;    // 7 d in 6-hour buckets
    WindowRing<30, 86'400> d30;   // 30 d in days
    std::int64_t first_s = 0;
    std::int64_t last_s = 0;
  };
  struct MerchantLabels {
    DelayedRateRing rates;
    std::int64_t latest_fraud_s = std::numeric_limits<std::int64_t>::min();
  };
  struct ConsumerChanges {
    std::uint64_t email = 0, phone = 0, card = 0;
    std::int64_t email_s = 0, phone_s = 0, card_s = 0;
  };
  enum Relation : std::uint8_t { kConsumersPerDevice, kDevicesPerConsumer, kEmailsPerIp, kCardsPerConsumer, kMerchantsPerCard };

  const Activity* Find(Entity kind, std::string_view key) const;
  const RecentDistinct<8>* FindDistinct(Relation r, std::string_view key) const;
  static void CardBaseline(const Activity& card, std::int64_t time_s, double amount, const WindowTotals& d7,
                           float* row);

  EngineOptions options_;
  std::unordered_map<std::uint64_t, Activity> activity_;
  std::unordered_map<std::uint64_t, MerchantLabels> merchant_labels_;
  std::unordered_map<std::uint64_t, ConsumerChanges> consumer_changes_;
  std::unordered_map<std::uint64_t, RecentDistinct<8>> distinct_;
  std::int64_t latest_s_ = std::numeric_limits<std::int64_t>::min();
};

}  // namespace tranche::fraud
