#include "fraud/features.h"

#include <cmath>
#include <string>
#include <tuple>

#include "core/hash.h"

namespace tranche::fraud {

namespace {

constexpr std::int64_t kHourS = 3'600;
constexpr std::int64_t kLongestShiftedWindowS = 30 * kDayS;
// A compromised merchant's frauds come in a run; a legitimate sale or two between them
// (a quiet hour, a label not yet filed) does not end it, more do.
constexpr std::uint32_t kMaxLegitimateInFraudRun = 2;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
// A card's baseline amount comes from before its last two weeks: a compromised card's
// frauds (several times its usual amounts, for days) inflate its recent means, so the
// newest fraud looks less unusual against them than against the card's own past.
constexpr std::int64_t kCardBaselineGapS = 14 * kDayS;
// Age matters while an account is new. Capped, it cannot single out one old entity (an
// uncapped first-seen time is as good as its id, which a model would memorise).
constexpr std::int64_t kMaxAgeS = 90 * kDayS;

constexpr const char* kEntityNames[kEntityCount] = {"consumer", "email", "email_domain", "phone", "device",
                                                    "ip",       "address", "card",       "merchant"};

// Row layout: the event's own features, a block per entity, then the rest.
enum : std::size_t { kAmount, kHourOfDay, kIsWeekend, kIsNight, kEntityBlocks };
enum : std::size_t {
  kCount1h, kCount24h, kCount7d, kCount30d, kAmountSum24h, kAmountMean7d, kAmountMean30d, kAmountToMean30d,
  kSecondsSinceLast, kAgeDays, kBlockWidth
};
constexpr std::size_t kMerchantRates = kEntityBlocks + kEntityCount * kBlockWidth;
enum : std::size_t {
  kRate1d, kRate7d, kRate30d, kFraudCount7d, kSinceKnownFraud, kSinceFraudRunStart, kLegitimateSinceFraud,
  kMerchantRateWidth
};
constexpr std::size_t kDistinct = kMerchantRates + kMerchantRateWidth;
constexpr std::size_t kDistinctCount = 5;
constexpr std::size_t kChanges = kDistinct + kDistinctCount;  // email, phone, card
constexpr std::size_t kCountryMismatch = kChanges + 3;
enum : std::size_t { kAmountToBaseline = kCountryMismatch + 1, kMean7dToBaseline };  // the card's
constexpr std::size_t kText = kMean7dToBaseline + 1;  // email, email_domain, ip_country, billing_country
constexpr std::size_t kWidth = kText + 4;

std::vector<FeatureDef> Definitions() {
  std::vector<FeatureDef> d = {
      {"amount", ValueType::kNumber, "this event's amount in US cents (other currencies at the reference rate)"},
      {"hour_of_day", ValueType::kNumber, "hour of the event, 0-23 UTC"},
      {"is_weekend", ValueType::kNumber, "1 on Saturday and Sunday (UTC)"},
      {"is_night", ValueType::kNumber, "1 from 00:00 to 05:59 UTC"}};
  const std::pair<const char*, const char*> block[kBlockWidth] = {
      {"count_1h", "events in the last hour"},
      {"count_24h", "events in the last 24 hours"},
      {"count_7d", "events in the last 7 days"},
      {"count_30d", "events in the last 30 days"},
      {"amount_sum_24h", "sum of amounts in the last 24 hours (US cents)"},
      {"amount_mean_7d", "mean amount over the last 7 days (US cents)"},
      {"amount_mean_30d", "mean amount over the last 30 days (US cents)"},
      {"amount_to_mean_30d", "this amount divided by the 30-day mean"},
      {"seconds_since_last", "seconds since the previous event"},
      {"age_days", "days since the first event seen, up to 90"}};
  for (const char* entity : kEntityNames) {
    for (const auto& [name, what] : block) {
      d.push_back({std::string(entity) + "_" + name, ValueType::kNumber, std::string("this ") + entity + ": " + what});
    }
  }
  d.push_back({"merchant_fraud_rate_1d", ValueType::kNumber, "merchant's known fraud share, 1 day before the label delay"});
  d.push_back({"merchant_fraud_rate_7d", ValueType::kNumber, "merchant's known fraud share, 7 days before the label delay"});
  d.push_back({"merchant_fraud_rate_30d", ValueType::kNumber, "merchant's known fraud share, 30 days before the label delay"});
  d.push_back({"merchant_fraud_count_7d", ValueType::kNumber, "merchant's known frauds, 7 days before the label delay"});
  d.push_back({"merchant_seconds_since_known_fraud", ValueType::kNumber, "seconds since the merchant's latest known fraud"});
  d.push_back({"merchant_seconds_since_fraud_run_start", ValueType::kNumber,
               "seconds since the merchant's latest run of known frauds began (30 days before the label delay)"});
  d.push_back({"merchant_legitimate_since_known_fraud", ValueType::kNumber,
               "merchant's transactions known to be legitimate after its latest known fraud "
               "(30 days before the label delay)"});
  d.push_back({"distinct_consumers_per_device_24h", ValueType::kNumber, "consumers on this device in 24 h, this one included (up to 8)"});
  d.push_back({"distinct_devices_per_consumer_24h", ValueType::kNumber, "devices of this consumer in 24 h, this one included (up to 8)"});
  d.push_back({"distinct_emails_per_ip_24h", ValueType::kNumber, "emails from this IP in 24 h, this one included (up to 8)"});
  d.push_back({"distinct_cards_per_consumer_30d", ValueType::kNumber, "cards of this consumer in 30 days, this one included (up to 8)"});
  d.push_back({"distinct_merchants_per_card_24h", ValueType::kNumber, "merchants this card paid in 24 h, this one included (up to 8)"});
  d.push_back({"consumer_days_since_email_change", ValueType::kNumber, "days since the consumer's email changed"});
  d.push_back({"consumer_days_since_phone_change", ValueType::kNumber, "days since the consumer's phone changed"});
  d.push_back({"consumer_days_since_card_change", ValueType::kNumber, "days since the consumer's card changed"});
  d.push_back({"ip_country_mismatch", ValueType::kNumber, "1 when the IP's country differs from the billing country"});
  d.push_back({"card_amount_to_mean_before_14d", ValueType::kNumber,
               "this amount divided by the card's mean amount 14 to 29 days before"});
  d.push_back({"card_mean_7d_to_mean_before_14d", ValueType::kNumber,
               "the card's 7-day mean amount divided by its mean 14 to 29 days before"});
  d.push_back({"email", ValueType::kText, "the email address, lower-cased"});
  d.push_back({"email_domain", ValueType::kText, "the email's domain, lower-cased"});
  d.push_back({"ip_country", ValueType::kText, "country of the IP address"});
  d.push_back({"billing_country", ValueType::kText, "billing country"});
  TRANCHE_ASSERT(d.size() == kWidth);
  return d;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view DomainOf(std::string_view email) {
  const std::size_t at = email.rfind('@');
  return at == std::string_view::npos ? std::string_view() : email.substr(at + 1);
}

// The entity's key: emails and domains compare case-insensitively; a missing domain
// key comes from the email.
std::string_view KeyOf(const Event& e, Entity kind) {
  if (kind == Entity::kEmailDomain && e.key(kind).empty()) return DomainOf(e.key(Entity::kEmail));
  return e.key(kind);
}

std::uint64_t HashOf(std::uint8_t tag, Entity kind, std::string_view key) {
  TRANCHE_ASSERT(key.size() <= kMaxKeyBytes);
  std::uint64_t h = Fnv1a(std::string_view(reinterpret_cast<const char*>(&tag), 1));
  const bool fold = kind == Entity::kEmail || kind == Entity::kEmailDomain;
  for (char c : key) {
    const char k = fold ? Lower(c) : c;
    h = Fnv1a(std::string_view(&k, 1), h);
  }
  return h;
}

std::uint64_t EntityHash(Entity kind, std::string_view key) { return HashOf(static_cast<std::uint8_t>(kind), kind, key); }

float Ratio(double a, double b) { return b > 0 ? static_cast<float>(a / b) : kNaN; }
float Mean(const WindowTotals& t) { return t.count > 0 ? static_cast<float>(t.amount / t.count) : kNaN; }
float Days(std::int64_t s) { return static_cast<float>(static_cast<double>(s) / kDayS); }

}  // namespace

FeatureEngine::FeatureEngine(EngineOptions options) : options_(options) {
  TRANCHE_ASSERT(options_.label_delay_s >= kMinLabelDelayS && options_.label_delay_s <= kMaxLabelDelayS);
}

const Catalogue& FeatureEngine::catalogue() {
  static const Catalogue* c = new Catalogue(Definitions());
  return *c;
}

const FeatureEngine::Activity* FeatureEngine::Find(Entity kind, std::string_view key) const {
  const auto it = activity_.find(EntityHash(kind, key));
  return it == activity_.end() ? nullptr : &it->second;
}

const RecentDistinct<8>* FeatureEngine::FindDistinct(Relation r, std::string_view key) const {
  const auto it = distinct_.find(HashOf(static_cast<std::uint8_t>(0x80 | r), Entity::kConsumer, key));
  return it == distinct_.end() ? nullptr : &it->second;
}

// The card's amounts against its baseline: the days of its 30-day window that are at
// least kCardBaselineGapS old. Never older: a restart rebuilds the windows from the last
// 30 days of screenings (engine_source.h), so older days would read differently after one.
// `d7` is the card's 7-day totals at `time_s`, which the caller has already read.
void FeatureEngine::CardBaseline(const Activity& card, std::int64_t time_s, double amount, const WindowTotals& d7,
                                 float* row) {
  const WindowTotals baseline = card.d30.Between(time_s - card.d30.kWindowS + kDayS, time_s - kCardBaselineGapS);
  if (baseline.count == 0) return;
  const double mean = baseline.amount / baseline.count;
  row[kAmountToBaseline] = Ratio(amount, mean);
  if (d7.count > 0) row[kMean7dToBaseline] = Ratio(d7.amount / d7.count, mean);
}

void FeatureEngine::ComputeRow(const Event& e, float* row) const {
  std::fill(row, row + kWidth, kNaN);
  const std::int64_t t = e.time_s;
  const double amount = static_cast<double>(e.amount_minor);
  row[kAmount] = static_cast<float>(amount);
  const std::int64_t day = FloorDiv(t, kDayS);
  const std::int64_t hour = (t - day * kDayS) / kHourS;
  row[kHourOfDay] = static_cast<float>(hour);
  row[kIsWeekend] = (day + 3) % 7 >= 5 ? 1.0F : 0.0F;  // 1970-01-01 was a Thursday (index 3 from Monday)
  row[kIsNight] = hour < 6 ? 1.0F : 0.0F;

  for (std::size_t k = 0; k < kEntityCount; ++k) {
    const auto kind = static_cast<Entity>(k);
    const std::string_view key = KeyOf(e, kind);
    if (key.empty()) continue;
    float* b = row + kEntityBlocks + k * kBlockWidth;
    const Activity* a = Find(kind, key);
    if (a == nullptr) {
      b[kCount1h] = b[kCount24h] = b[kCount7d] = b[kCount30d] = b[kAmountSum24h] = 0;
      continue;
    }
    const WindowTotals h24 = a->h24.At(t), d7 = a->d7.At(t), d30 = a->d30.At(t);
    b[kCount1h] = static_cast<float>(a->h1.At(t).count);
    b[kCount24h] = static_cast<float>(h24.count);
    b[kCount7d] = static_cast<float>(d7.count);
    b[kCount30d] = static_cast<float>(d30.count);
    b[kAmountSum24h] = static_cast<float>(h24.amount);
    b[kAmountMean7d] = Mean(d7);
    b[kAmountMean30d] = Mean(d30);
    b[kAmountToMean30d] = d30.count > 0 ? Ratio(amount, d30.amount / d30.count) : kNaN;
    b[kSecondsSinceLast] = static_cast<float>(t - a->last_s);
    b[kAgeDays] = Days(std::min(t - a->first_s, kMaxAgeS));
    if (kind == Entity::kCard) CardBaseline(*a, t, amount, d7, row);
  }

  const std::string_view merchant = e.key(Entity::kMerchant);
  if (!merchant.empty()) {
    float* m = row + kMerchantRates;
    const auto it = merchant_labels_.find(EntityHash(Entity::kMerchant, merchant));
    if (it == merchant_labels_.end()) {
      m[kFraudCount7d] = 0;
    } else {
      const std::int64_t d = options_.label_delay_s;
      const auto r1 = it->second.rates.Shifted(t, d, kDayS), r7 = it->second.rates.Shifted(t, d, 7 * kDayS),
                 r30 = it->second.rates.Shifted(t, d, 30 * kDayS);
      m[kRate1d] = Ratio(r1.frauds, r1.transactions);
      m[kRate7d] = Ratio(r7.frauds, r7.transactions);
      m[kRate30d] = Ratio(r30.frauds, r30.transactions);
      m[kFraudCount7d] = static_cast<float>(r7.frauds);
      if (it->second.latest_fraud_s != std::numeric_limits<std::int64_t>::min()) {
        m[kSinceKnownFraud] = static_cast<float>(t - it->second.latest_fraud_s);
      }
      if (const auto start_s = it->second.rates.FraudRunStartS(t, d, kLongestShiftedWindowS, kMaxLegitimateInFraudRun)) {
        m[kSinceFraudRunStart] = static_cast<float>(t - *start_s);
      }
      if (const auto legitimate = it->second.rates.LegitimateSinceLatestFraud(t, d, kLongestShiftedWindowS)) {
        m[kLegitimateSinceFraud] = static_cast<float>(*legitimate);
      }
    }
  }

  // Owner, partner: the count is of the owner's partners, this event's included.
  const std::array<std::tuple<Relation, Entity, Entity>, kDistinctCount> distinct = {{
      {kConsumersPerDevice, Entity::kDevice, Entity::kConsumer}, {kDevicesPerConsumer, Entity::kConsumer, Entity::kDevice},
      {kEmailsPerIp, Entity::kIp, Entity::kEmail}, {kCardsPerConsumer, Entity::kConsumer, Entity::kCard},
      {kMerchantsPerCard, Entity::kCard, Entity::kMerchant}}};
  const std::int64_t windows_s[kDistinctCount] = {kDayS, kDayS, kDayS, 30 * kDayS, kDayS};
  for (std::size_t i = 0; i < kDistinctCount; ++i) {
    const auto [relation, owner, partner] = distinct[i];
    const std::string_view key = KeyOf(e, owner);
    if (key.empty()) continue;
    const std::string_view partner_key = KeyOf(e, partner);
    const RecentDistinct<8>* d = FindDistinct(relation, key);
    int n = 0;
    if (d != nullptr && !partner_key.empty()) {
      n = d->CountWithinWith(static_cast<std::uint32_t>(EntityHash(partner, partner_key)), t, windows_s[i]);
    } else if (d != nullptr) {
      n = d->CountWithin(t, windows_s[i]);
    } else {
      n = partner_key.empty() ? 0 : 1;
    }
    row[kDistinct + i] = static_cast<float>(n);
  }

  const std::string_view consumer = e.key(Entity::kConsumer);
  if (!consumer.empty()) {
    const auto it = consumer_changes_.find(EntityHash(Entity::kConsumer, consumer));
    if (it != consumer_changes_.end()) {
      const ConsumerChanges& c = it->second;
      if (c.email != 0) row[kChanges] = Days(t - c.email_s);
      if (c.phone != 0) row[kChanges + 1] = Days(t - c.phone_s);
      if (c.card != 0) row[kChanges + 2] = Days(t - c.card_s);
    }
  }
  if (!e.ip_country.empty() && !e.billing_country.empty()) {
    row[kCountryMismatch] = e.ip_country == e.billing_country ? 0.0F : 1.0F;
  }
}

FeatureValues FeatureEngine::Compute(const Event& e) const {
  std::array<float, kWidth> row;
  ComputeRow(e, row.data());
  FeatureValues v;
  v.values.resize(kWidth);
  for (std::size_t i = 0; i < kText; ++i) {
    if (!std::isnan(row[i])) v.values[i] = static_cast<double>(row[i]);
  }
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = Lower(c);
    return out;
  };
  const std::string_view texts[4] = {e.key(Entity::kEmail), KeyOf(e, Entity::kEmailDomain), e.ip_country,
                                     e.billing_country};
  for (std::size_t i = 0; i < 4; ++i) {
    if (!texts[i].empty()) v.values[kText + i] = i < 2 ? lower(texts[i]) : std::string(texts[i]);
  }
  return v;
}

void FeatureEngine::Record(const Event& e) {
  TRANCHE_ASSERT(e.amount_minor >= 0);
  const std::int64_t t = std::max(e.time_s, latest_s_);  // a late event counts as of the latest one
  latest_s_ = t;
  const double amount = static_cast<double>(e.amount_minor);
  for (std::size_t k = 0; k < kEntityCount; ++k) {
    const auto kind = static_cast<Entity>(k);
    const std::string_view key = KeyOf(e, kind);
    if (key.empty()) continue;
    const auto [it, fresh] = activity_.try_emplace(EntityHash(kind, key));
    Activity& a = it->second;
    if (fresh) a.first_s = t;
    a.h1.Add(t, amount);
    a.h24.Add(t, amount);
    a.d7.Add(t, amount);
    a.d30.Add(t, amount);
    a.last_s = t;
  }
  const std::string_view merchant = e.key(Entity::kMerchant);
  if (!merchant.empty()) {
    auto [it, fresh] = merchant_labels_.try_emplace(EntityHash(Entity::kMerchant, merchant));
    if (fresh) it->second.rates = DelayedRateRing(options_.label_delay_s + kLongestShiftedWindowS);
    it->second.rates.AddTransaction(t);
  }
  const auto partner = [&](Relation r, Entity owner, Entity other) {
    const std::string_view a = KeyOf(e, owner), b = KeyOf(e, other);
    if (a.empty() || b.empty()) return;
    distinct_[HashOf(static_cast<std::uint8_t>(0x80 | r), Entity::kConsumer, a)].Add(
        static_cast<std::uint32_t>(EntityHash(other, b)), t);
  };
  partner(kConsumersPerDevice, Entity::kDevice, Entity::kConsumer);
  partner(kDevicesPerConsumer, Entity::kConsumer, Entity::kDevice);
  partner(kEmailsPerIp, Entity::kIp, Entity::kEmail);
  partner(kCardsPerConsumer, Entity::kConsumer, Entity::kCard);
  partner(kMerchantsPerCard, Entity::kCard, Entity::kMerchant);

  const std::string_view consumer = e.key(Entity::kConsumer);
  if (!consumer.empty()) {
    ConsumerChanges& c = consumer_changes_[EntityHash(Entity::kConsumer, consumer)];
    const auto note = [&](Entity kind, std::uint64_t& value, std::int64_t& since_s) {
      const std::string_view key = KeyOf(e, kind);
      if (key.empty()) return;
      const std::uint64_t h = EntityHash(kind, key) | 1;  // never 0, which means "none yet"
      if (h != value) {
        value = h;
        since_s = t;
      }
    };
    note(Entity::kEmail, c.email, c.email_s);
    note(Entity::kPhone, c.phone, c.phone_s);
    note(Entity::kCard, c.card, c.card_s);
  }
}

void FeatureEngine::RecordLabel(const FraudLabel& label) {
  if (label.merchant.empty()) return;
  auto [it, fresh] = merchant_labels_.try_emplace(EntityHash(Entity::kMerchant, label.merchant));
  if (fresh) it->second.rates = DelayedRateRing(options_.label_delay_s + kLongestShiftedWindowS);
  it->second.rates.AddFraud(label.tx_time_s);
  it->second.latest_fraud_s = std::max(it->second.latest_fraud_s, label.tx_time_s);
}

std::size_t FeatureEngine::entities() const { return activity_.size(); }

// An unordered_map node: the key, the value and the next pointer, plus one bucket slot.
std::size_t FeatureEngine::BytesPerEntity() { return sizeof(Activity) + 3 * sizeof(void*) + sizeof(std::uint64_t); }

std::size_t FeatureEngine::BytesPerMerchantLabels(std::int64_t label_delay_s) {
  return DelayedRateRing(label_delay_s + kLongestShiftedWindowS).bytes() + sizeof(std::int64_t) + 3 * sizeof(void*) +
         sizeof(std::uint64_t);
}

}  // namespace tranche::fraud
