#include "sim/config.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "assist/understanding.h"
#include "fraud/rules.h"
#include "lending/product.h"
#include "merchants/merchant.h"
#include "sim/back_office.h"

namespace tranche::sim {

namespace {

using Json = nlohmann::json;

Status Bad(const std::string& field, const std::string& why) {
  return Status::InvalidArgument("invalid_sim_config", field + ": " + why, field);
}

// Reads the fields of one JSON object into a struct, refusing fields it does not know.
class Fields {
 public:
  Fields(const Json& j, std::string path) : j_(j), path_(std::move(path)) {}

  Status Object() const { return j_.is_object() ? Status::Ok() : Bad(path_, "must be an object"); }

  template <typename T>
  Status Number(const char* key, T& out, double min, double max) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    const Json& v = j_.at(key);
    if (!v.is_number()) return Bad(Path(key), "must be a number");
    const double d = v.get<double>();
    if (!(d >= min && d <= max)) return Bad(Path(key), "out of range");
    if constexpr (std::is_integral_v<T>) {
      if (d != std::floor(d)) return Bad(Path(key), "must be an integer");
    }
    out = static_cast<T>(d);
    return Status::Ok();
  }

  Status String(const char* key, std::string& out) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    const Json& v = j_.at(key);
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 64) {
      return Bad(Path(key), "must be a string of 1..64 characters");
    }
    out = v.get<std::string>();
    return Status::Ok();
  }

  // Text of up to max_bytes; empty allowed.
  Status Text(const char* key, std::string& out, std::size_t max_bytes) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    const Json& v = j_.at(key);
    if (!v.is_string() || v.get<std::string>().size() > max_bytes) {
      return Bad(Path(key), "must be a string of at most " + std::to_string(max_bytes) + " bytes");
    }
    out = v.get<std::string>();
    return Status::Ok();
  }

  Status Bool(const char* key, bool& out) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    if (!j_.at(key).is_boolean()) return Bad(Path(key), "must be true or false");
    out = j_.at(key).get<bool>();
    return Status::Ok();
  }

  // `fn(element, path)` for each element of the array under `key`, when present.
  template <typename Fn>
  Status Array(const char* key, Fn fn) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    const Json& v = j_.at(key);
    if (!v.is_array() || v.empty() || v.size() > kMaxListEntries) {
      return Bad(Path(key), "must be a list of 1.." + std::to_string(kMaxListEntries) + " entries");
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      TRANCHE_RETURN_IF_ERROR(fn(v[i], Path(key) + "[" + std::to_string(i) + "]"));
    }
    return Status::Ok();
  }

  // `fn(Fields&)` over the object under `key`, when present.
  template <typename Fn>
  Status Nested(const char* key, Fn fn) {
    seen_.insert(key);
    if (!j_.contains(key)) return Status::Ok();
    Fields f(j_.at(key), Path(key));
    TRANCHE_RETURN_IF_ERROR(f.Object());
    TRANCHE_RETURN_IF_ERROR(fn(f));
    return f.Done();
  }

  // Refuses any field nobody asked for.
  Status Done() const {
    for (const auto& [k, v] : j_.items()) {
      if (!seen_.contains(k)) return Bad(Path(k.c_str()), "unknown field");
    }
    return Status::Ok();
  }

  const std::string& path() const { return path_; }

 private:
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  const Json& j_;
  std::string path_;
  std::set<std::string> seen_;
};

Status ReadLogNormal(Fields& f, LogNormal& out) {
  TRANCHE_RETURN_IF_ERROR(f.Number("median", out.median, 1e-6, 1e9));
  return f.Number("sigma", out.sigma, 0, 3);
}

Status ReadWeighted(const Json& j, const std::string& path, Weighted& out) {
  Fields f(j, path);
  TRANCHE_RETURN_IF_ERROR(f.Object());
  TRANCHE_RETURN_IF_ERROR(f.String("name", out.name));
  TRANCHE_RETURN_IF_ERROR(f.Number("weight", out.weight, 0, 1e6));
  return f.Done();
}

Result<std::vector<Weighted>> ReadWeights(Fields& f, const char* key, std::vector<Weighted> fallback) {
  std::vector<Weighted> out;
  TRANCHE_RETURN_IF_ERROR(f.Array(key, [&](const Json& j, const std::string& path) -> Status {
    Weighted w;
    TRANCHE_RETURN_IF_ERROR(ReadWeighted(j, path, w));
    out.push_back(std::move(w));
    return Status::Ok();
  }));
  if (out.empty()) return fallback;
  double total = 0;
  for (const Weighted& w : out) total += w.weight;
  if (total <= 0) return Bad(f.path().empty() ? key : f.path() + "." + key, "weights must not all be zero");
  return out;
}

Status ReadCountry(const Json& j, const std::string& path, Country& c) {
  Fields f(j, path);
  TRANCHE_RETURN_IF_ERROR(f.Object());
  std::string currency;
  TRANCHE_RETURN_IF_ERROR(f.String("code", c.code));
  TRANCHE_RETURN_IF_ERROR(f.String("currency", currency));
  TRANCHE_RETURN_IF_ERROR(f.Number("weight", c.weight, 0, 1e6));
  TRANCHE_ASSIGN_OR_RETURN(c.languages, ReadWeights(f, "languages", {{"en", 1}}));
  if (!merchants::IsSupportedCountry(c.code)) return Bad(path + ".code", "not a country tranche lends in");
  const auto cur = ParseCurrency(currency);
  if (!cur) return Bad(path + ".currency", "must be USD, EUR, GBP or SEK");
  c.currency = *cur;
  for (const Weighted& l : c.languages) {
    bool known = false;
    for (assist::Language lang : assist::kLanguages) known = known || assist::LanguageCode(lang) == l.name;
    if (!known) return Bad(path + ".languages", "languages are en, sv and de");
  }
  return f.Done();
}

Status ReadCategory(const Json& j, const std::string& path, Category& c) {
  Fields f(j, path);
  TRANCHE_RETURN_IF_ERROR(f.Object());
  TRANCHE_RETURN_IF_ERROR(f.String("name", c.name));
  // The onboarding check decides on the merchant's category (merchants/merchant.h).
  const std::optional<merchants::CategoryRisk> risk = merchants::RiskOfCategory(c.name);
  if (!risk) return Bad(path + ".name", "not a merchant category tranche knows");
  if (*risk == merchants::CategoryRisk::kProhibited) {
    return Bad(path + ".name", "a prohibited category: the onboarding check rejects its merchants");
  }
  TRANCHE_RETURN_IF_ERROR(f.Number("weight", c.weight, 0, 1e6));
  TRANCHE_RETURN_IF_ERROR(f.Nested("basket_usd_minor", [&](Fields& b) { return ReadLogNormal(b, c.basket_usd_minor); }));
  TRANCHE_RETURN_IF_ERROR(f.Number("return_rate", c.return_rate, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("dispute_rate", c.dispute_rate, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("mdr_bps", c.mdr_bps, 0, 1500));
  TRANCHE_RETURN_IF_ERROR(f.Number("fixed_fee_minor", c.fixed_fee_minor, 0, 10'000));
  if (c.return_rate + c.dispute_rate > 1) return Bad(path, "return_rate + dispute_rate exceeds 1");
  return f.Done();
}

Status ReadConsumer(Fields& f, ConsumerBehaviour& c) {
  TRANCHE_RETURN_IF_ERROR(f.Nested("income_usd_monthly", [&](Fields& b) { return ReadLogNormal(b, c.income_usd_monthly); }));
  TRANCHE_RETURN_IF_ERROR(f.Number("purchases_per_month", c.purchases_per_month, 0, 60));
  TRANCHE_RETURN_IF_ERROR(f.Number("propensity_sigma", c.propensity_sigma, 0, 3));
  TRANCHE_ASSIGN_OR_RETURN(c.products, ReadWeights(f, "products", c.products));
  TRANCHE_RETURN_IF_ERROR(f.Number("default_rate_yearly", c.default_rate_yearly, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("income_elasticity", c.income_elasticity, 0, 5));
  TRANCHE_RETURN_IF_ERROR(f.Number("hardship_rate_yearly", c.hardship_rate_yearly, 0, 10));
  TRANCHE_RETURN_IF_ERROR(f.Number("hardship_days", c.hardship_days, 1, 365));
  TRANCHE_RETURN_IF_ERROR(f.Number("card_share", c.card_share, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("card_expiry_rate_yearly", c.card_expiry_rate_yearly, 0, 10));
  TRANCHE_RETURN_IF_ERROR(f.Number("early_payoff_rate", c.early_payoff_rate, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("contacts_per_month", c.contacts_per_month, 0, 30));
  TRANCHE_ASSIGN_OR_RETURN(c.contact_reasons, ReadWeights(f, "contact_reasons", c.contact_reasons));
  std::vector<double> hours;
  TRANCHE_RETURN_IF_ERROR(f.Array("contact_hours", [&](const Json& j, const std::string& path) -> Status {
    if (!j.is_number() || j.get<double>() < 0) return Bad(path, "must be a weight >= 0");
    hours.push_back(j.get<double>());
    return Status::Ok();
  }));
  if (!hours.empty()) c.contact_hours = std::move(hours);
  double hour_total = 0;
  for (double h : c.contact_hours) hour_total += h;
  if (c.contact_hours.size() != 24 || hour_total <= 0) {
    return Bad(f.path() + ".contact_hours", "must have 24 weights, not all zero");
  }
  for (const Weighted& r : c.contact_reasons) {
    bool known = false;
    for (std::string_view intent : assist::kBnplIntents) known = known || intent == r.name;
    if (!known) return Bad(f.path() + ".contact_reasons", "'" + r.name + "' is not an assistant intent");
  }
  for (const Weighted& p : c.products) {
    if (!lending::ParseProduct(p.name)) return Bad(f.path() + ".products", "'" + p.name + "' is not a product");
  }
  return Status::Ok();
}

Status ReadScenario(const Json& j, const std::string& path, Scenario& s) {
  Fields f(j, path);
  TRANCHE_RETURN_IF_ERROR(f.Object());
  TRANCHE_RETURN_IF_ERROR(f.String("kind", s.kind));
  TRANCHE_RETURN_IF_ERROR(f.Number("start_day", s.start_day, 0, kMaxDays));
  TRANCHE_RETURN_IF_ERROR(f.Number("end_day", s.end_day, 0, kMaxDays));
  TRANCHE_RETURN_IF_ERROR(f.Number("purchase_multiplier", s.purchase_multiplier, 0, 20));
  TRANCHE_RETURN_IF_ERROR(f.Number("default_multiplier", s.default_multiplier, 0, 20));
  TRANCHE_RETURN_IF_ERROR(f.Number("fraud_multiplier", s.fraud_multiplier, 0, 100));
  if (s.kind != "recession" && s.kind != "holiday_peak" && s.kind != "fraud_wave") {
    return Bad(path + ".kind", "recession, holiday_peak or fraud_wave");
  }
  if (s.end_day <= s.start_day) return Bad(path, "end_day must be after start_day");
  return f.Done();
}

Status ReadFiles(Fields& f, FileImperfections& r) {
  TRANCHE_RETURN_IF_ERROR(f.Number("late_bps", r.late_bps, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("duplicate_bps", r.duplicate_bps, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("amount_diff_bps", r.amount_diff_bps, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("unknown_bps", r.unknown_bps, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("missing_bps", r.missing_bps, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("fee_bps", r.fee_bps, 0, 1'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("fee_fixed_minor", r.fee_fixed_minor, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("chargeback_fee_minor", r.chargeback_fee_minor, 0, 100'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("tolerance_minor", r.tolerance_minor, 0, 100'000));
  if (r.late_bps + r.duplicate_bps + r.amount_diff_bps + r.missing_bps > 10'000) {
    return Bad(f.path(), "late, duplicate, amount_diff and missing add up to more than 10000 bps");
  }
  return Status::Ok();
}

Status ReadFraud(Fields& f, FraudBehaviour& r) {
  TRANCHE_RETURN_IF_ERROR(f.Text("rules", r.rules, fraud::kMaxRulesSourceBytes));
  TRANCHE_RETURN_IF_ERROR(f.Number("travel_share", r.travel_share, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("theft_rate_yearly", r.theft_rate_yearly, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("theft_purchases", r.theft_purchases, 1, 20));
  TRANCHE_RETURN_IF_ERROR(f.Number("theft_home_ip_share", r.theft_home_ip_share, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("theft_chargeback_share", r.theft_chargeback_share, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("rings_per_1000_yearly", r.rings_per_1000_yearly, 0, 1000));
  TRANCHE_RETURN_IF_ERROR(f.Number("ring_size", r.ring_size, 1, 50));
  TRANCHE_RETURN_IF_ERROR(f.Number("ring_active_days", r.ring_active_days, 1, 365));
  TRANCHE_RETURN_IF_ERROR(f.Number("ring_purchases_per_day", r.ring_purchases_per_day, 0, 5));
  TRANCHE_RETURN_IF_ERROR(f.Number("collusions_per_1000_yearly", r.collusions_per_1000_yearly, 0, 100));
  TRANCHE_RETURN_IF_ERROR(f.Number("bust_out_rate_yearly", r.bust_out_rate_yearly, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("bust_out_after_days", r.bust_out_after_days, 0, 3650));
  TRANCHE_RETURN_IF_ERROR(f.Number("bust_out_purchases", r.bust_out_purchases, 1, 20));
  return f.Number("reviewer_error", r.reviewer_error, 0, 0.5);
}

Status ReadOperators(Fields& f, Operators& o) {
  constexpr double kMaxHours = kMaxTeamMinutesPerDay / 60;
  TRANCHE_RETURN_IF_ERROR(f.Number("review_hours_per_day", o.review_hours_per_day, 0.01, kMaxHours));
  TRANCHE_RETURN_IF_ERROR(f.Number("dispute_hours_per_day", o.dispute_hours_per_day, 0.01, kMaxHours));
  TRANCHE_RETURN_IF_ERROR(f.Number("recon_hours_per_day", o.recon_hours_per_day, 0.01, kMaxHours));
  return f.Number("support_hours_per_day", o.support_hours_per_day, 0.01, kMaxHours);
}

Status ReadStaffing(Fields& f, automation::Staffing& s) {
  TRANCHE_RETURN_IF_ERROR(f.Number("contact_aht_s", s.contact_aht_s, 1, 36'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("service_level", s.service_level, 0.01, 0.999));
  TRANCHE_RETURN_IF_ERROR(f.Number("target_answer_s", s.target_answer_s, 1, 3'600));
  TRANCHE_RETURN_IF_ERROR(f.Number("shrinkage", s.shrinkage, 0, 0.9));
  TRANCHE_RETURN_IF_ERROR(f.Number("fte_hours_per_week", s.fte_hours_per_week, 1, 80));
  TRANCHE_RETURN_IF_ERROR(f.Number("dispute_minutes", s.dispute_minutes, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("manual_review_minutes", s.manual_review_minutes, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("recon_exception_minutes", s.recon_exception_minutes, 0, 10'000));
  TRANCHE_RETURN_IF_ERROR(f.Number("onboarding_review_minutes", s.onboarding_review_minutes, 0, 10'000));
  return f.Number("credit_decision_minutes", s.credit_decision_minutes, 0, 10'000);
}

Json WeightsJson(const std::vector<Weighted>& ws) {
  Json a = Json::array();
  for (const Weighted& w : ws) a.push_back({{"name", w.name}, {"weight", w.weight}});
  return a;
}

Json LogNormalJson(const LogNormal& l) { return {{"median", l.median}, {"sigma", l.sigma}}; }

}  // namespace

SimConfig DefaultConfig() {
  SimConfig c;
  c.start_date = *ParseDate("2026-01-05");
  c.countries = {
      {"SE", Currency::kSEK, 3, {{"sv", 0.85}, {"en", 0.15}}},
      {"DE", Currency::kEUR, 3, {{"de", 0.9}, {"en", 0.1}}},
      {"GB", Currency::kGBP, 2, {{"en", 1}}},
      {"US", Currency::kUSD, 2, {{"en", 1}}},
  };
  c.categories = {
      {"fashion", 4, {6'000, 0.6}, 0.20, 0.010, 299, 30},
      {"electronics", 2, {30'000, 0.7}, 0.06, 0.015, 349, 30},
      {"home", 2, {15'000, 0.7}, 0.05, 0.008, 329, 30},
      {"beauty", 2, {4'500, 0.5}, 0.04, 0.006, 299, 30},
      {"travel", 1, {60'000, 0.6}, 0.02, 0.025, 399, 50},
  };
  c.consumer.products = {{"pay_in_4", 0.7}, {"pay_in_30", 0.1}, {"financing_12", 0.2}};
  c.consumer.contact_reasons = {
      {"next_payment", 14}, {"balance", 8}, {"payment_failed", 8}, {"change_payment_method", 6},
      {"refund_status", 12}, {"return_item", 8}, {"dispute_status", 5}, {"extend_due_date", 5},
      {"payoff", 4}, {"declined_checkout", 6}, {"spending_limit", 5}, {"late_fee", 4},
      {"login_problem", 5}, {"how_it_works", 4}, {"hardship", 2}, {"complaint", 2},
      {"report_fraud", 1}, {"human_agent", 1},
  };
  c.consumer.contact_hours = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 4.5, 5, 5,
                              5, 5, 5, 4.5, 4.5, 4.5, 5, 5.5, 5, 3.5, 2, 0.8};
  return c;
}

Result<SimConfig> ParseConfig(std::string_view text) {
  if (text.size() > kMaxConfigBytes) return Bad("config", "larger than 1 MiB");
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return Bad("config", "not valid JSON");
  SimConfig c = DefaultConfig();
  Fields f(j, "");
  TRANCHE_RETURN_IF_ERROR(f.Object());
  double seed = static_cast<double>(c.seed);
  TRANCHE_RETURN_IF_ERROR(f.Number("seed", seed, 0, 9.0e15));
  c.seed = static_cast<std::uint64_t>(seed);
  std::string start;
  TRANCHE_RETURN_IF_ERROR(f.String("start_date", start));
  if (!start.empty()) {
    const auto d = ParseDate(start);
    if (!d) return Bad("start_date", "must be YYYY-MM-DD");
    c.start_date = *d;
  }
  TRANCHE_RETURN_IF_ERROR(f.Number("days", c.days, 1, kMaxDays));
  TRANCHE_RETURN_IF_ERROR(f.Number("consumers", c.consumers, 1, static_cast<double>(kMaxConsumers)));
  TRANCHE_RETURN_IF_ERROR(f.Number("merchants_per_country_category", c.merchants_per_country_category, 1, 100));
  TRANCHE_RETURN_IF_ERROR(f.Number("merchants_joining_yearly", c.merchants_joining_yearly, 0, 10));
  std::vector<Country> countries;
  TRANCHE_RETURN_IF_ERROR(f.Array("countries", [&](const Json& e, const std::string& path) -> Status {
    Country country;
    TRANCHE_RETURN_IF_ERROR(ReadCountry(e, path, country));
    countries.push_back(std::move(country));
    return Status::Ok();
  }));
  if (!countries.empty()) c.countries = std::move(countries);
  std::vector<Category> categories;
  TRANCHE_RETURN_IF_ERROR(f.Array("categories", [&](const Json& e, const std::string& path) -> Status {
    Category category;
    TRANCHE_RETURN_IF_ERROR(ReadCategory(e, path, category));
    categories.push_back(std::move(category));
    return Status::Ok();
  }));
  if (!categories.empty()) c.categories = std::move(categories);
  TRANCHE_RETURN_IF_ERROR(f.Nested("consumer", [&](Fields& n) { return ReadConsumer(n, c.consumer); }));
  TRANCHE_RETURN_IF_ERROR(f.Number("dispute_merchant_accepts", c.dispute_merchant_accepts, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Number("dispute_claim_valid", c.dispute_claim_valid, 0, 1));
  TRANCHE_RETURN_IF_ERROR(f.Array("scenarios", [&](const Json& e, const std::string& path) -> Status {
    Scenario s;
    TRANCHE_RETURN_IF_ERROR(ReadScenario(e, path, s));
    c.scenarios.push_back(std::move(s));
    return Status::Ok();
  }));
  TRANCHE_RETURN_IF_ERROR(f.Nested("files", [&](Fields& n) { return ReadFiles(n, c.files); }));
  TRANCHE_RETURN_IF_ERROR(f.Nested("fraud", [&](Fields& n) { return ReadFraud(n, c.fraud); }));
  TRANCHE_RETURN_IF_ERROR(f.Nested("operators", [&](Fields& n) { return ReadOperators(n, c.operators); }));
  TRANCHE_RETURN_IF_ERROR(f.Nested("staffing", [&](Fields& n) { return ReadStaffing(n, c.staffing); }));
  TRANCHE_RETURN_IF_ERROR(f.Done());
  return c;
}

Result<SimConfig> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("config_unreadable", "cannot read " + path, "config");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str());
}

std::vector<double> CategoryWeights(const SimConfig& c) {
  std::vector<double> weights;
  for (const Category& k : c.categories) weights.push_back(k.weight);
  return weights;
}

std::vector<double> CountryWeights(const SimConfig& c) {
  std::vector<double> weights;
  for (const Country& k : c.countries) weights.push_back(k.weight);
  return weights;
}

std::string ConfigJson(const SimConfig& c) {
  Json j;
  j["seed"] = c.seed;
  j["start_date"] = FormatDate(c.start_date);
  j["days"] = c.days;
  j["consumers"] = c.consumers;
  j["merchants_per_country_category"] = c.merchants_per_country_category;
  j["merchants_joining_yearly"] = c.merchants_joining_yearly;
  for (const Country& k : c.countries) {
    j["countries"].push_back({{"code", k.code}, {"currency", CurrencyCode(k.currency)}, {"weight", k.weight},
                              {"languages", WeightsJson(k.languages)}});
  }
  for (const Category& k : c.categories) {
    j["categories"].push_back({{"name", k.name}, {"weight", k.weight}, {"basket_usd_minor", LogNormalJson(k.basket_usd_minor)},
                               {"return_rate", k.return_rate}, {"dispute_rate", k.dispute_rate},
                               {"mdr_bps", k.mdr_bps}, {"fixed_fee_minor", k.fixed_fee_minor}});
  }
  const ConsumerBehaviour& b = c.consumer;
  j["consumer"] = {{"income_usd_monthly", LogNormalJson(b.income_usd_monthly)},
                   {"purchases_per_month", b.purchases_per_month}, {"propensity_sigma", b.propensity_sigma},
                   {"products", WeightsJson(b.products)}, {"default_rate_yearly", b.default_rate_yearly},
                   {"income_elasticity", b.income_elasticity}, {"hardship_rate_yearly", b.hardship_rate_yearly},
                   {"hardship_days", b.hardship_days}, {"card_share", b.card_share},
                   {"card_expiry_rate_yearly", b.card_expiry_rate_yearly}, {"early_payoff_rate", b.early_payoff_rate},
                   {"contacts_per_month", b.contacts_per_month}, {"contact_reasons", WeightsJson(b.contact_reasons)},
                   {"contact_hours", b.contact_hours}};
  j["dispute_merchant_accepts"] = c.dispute_merchant_accepts;
  j["dispute_claim_valid"] = c.dispute_claim_valid;
  for (const Scenario& s : c.scenarios) {  // none: the field is left out (lists are never empty)
    j["scenarios"].push_back({{"kind", s.kind}, {"start_day", s.start_day}, {"end_day", s.end_day},
                              {"purchase_multiplier", s.purchase_multiplier},
                              {"default_multiplier", s.default_multiplier},
                              {"fraud_multiplier", s.fraud_multiplier}});
  }
  const FileImperfections& r = c.files;
  j["files"] = {{"late_bps", r.late_bps}, {"duplicate_bps", r.duplicate_bps}, {"amount_diff_bps", r.amount_diff_bps},
                {"unknown_bps", r.unknown_bps}, {"missing_bps", r.missing_bps}, {"fee_bps", r.fee_bps},
                {"fee_fixed_minor", r.fee_fixed_minor}, {"chargeback_fee_minor", r.chargeback_fee_minor},
                {"tolerance_minor", r.tolerance_minor}};
  const FraudBehaviour& fr = c.fraud;
  j["fraud"] = {{"rules", fr.rules}, {"travel_share", fr.travel_share}, {"theft_rate_yearly", fr.theft_rate_yearly},
                {"theft_purchases", fr.theft_purchases}, {"theft_home_ip_share", fr.theft_home_ip_share},
                {"theft_chargeback_share", fr.theft_chargeback_share},
                {"rings_per_1000_yearly", fr.rings_per_1000_yearly}, {"ring_size", fr.ring_size},
                {"ring_active_days", fr.ring_active_days}, {"ring_purchases_per_day", fr.ring_purchases_per_day},
                {"collusions_per_1000_yearly", fr.collusions_per_1000_yearly},
                {"bust_out_rate_yearly", fr.bust_out_rate_yearly}, {"bust_out_after_days", fr.bust_out_after_days},
                {"bust_out_purchases", fr.bust_out_purchases},
                {"reviewer_error", fr.reviewer_error}};
  j["operators"] = {{"review_hours_per_day", c.operators.review_hours_per_day},
                    {"dispute_hours_per_day", c.operators.dispute_hours_per_day},
                    {"recon_hours_per_day", c.operators.recon_hours_per_day},
                    {"support_hours_per_day", c.operators.support_hours_per_day}};
  const automation::Staffing& s = c.staffing;
  j["staffing"] = {{"contact_aht_s", s.contact_aht_s}, {"service_level", s.service_level},
                   {"target_answer_s", s.target_answer_s}, {"shrinkage", s.shrinkage},
                   {"fte_hours_per_week", s.fte_hours_per_week}, {"dispute_minutes", s.dispute_minutes},
                   {"manual_review_minutes", s.manual_review_minutes},
                   {"recon_exception_minutes", s.recon_exception_minutes},
                   {"onboarding_review_minutes", s.onboarding_review_minutes},
                   {"credit_decision_minutes", s.credit_decision_minutes}};
  return j.dump(2);
}

}  // namespace tranche::sim
