// Fraud decisions, with every input they were made from, in SQLite.
#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <limits>

#include "store/sql/fraud_decision_repo.h"
#include "store/sql/json_text.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using Json = nlohmann::json;
using namespace fraud;  // NOLINT: this file maps fraud's records

namespace {

Status Malformed() { return Status::Internal("stored fraud decision is malformed"); }

Json HitJson(const RuleHit& h) { return {{"line", h.line}, {"action", ActionName(h.action)}, {"text", h.text}}; }

RuleHit HitFrom(const Json& j) {
  const auto action = ParseAction(j.at("action").get<std::string>());
  if (!action) throw Json::other_error::create(501, "unknown action", nullptr);
  return {j.at("line").get<int>(), *action, j.at("text").get<std::string>()};
}

Json ValueJson(const FeatureValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

FeatureValue ValueFrom(const Json& j) {
  if (j.is_number()) return j.get<double>();
  if (j.is_string()) return j.get<std::string>();
  return {};
}

// The screened facts beyond the decision's own columns.
Json FactsJson(const AuthorizationFacts& f) {
  const auto optional = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
  return {{"email", f.email},
          {"billing_country", f.billing_country},
          {"ip", optional(f.ip)},
          {"ip_country", optional(f.ip_country)},
          {"device_fingerprint", optional(f.device_fingerprint)},
          {"payment_method", optional(f.payment_method)}};
}

bool ReadFacts(const std::string& text, AuthorizationFacts& f) {
  const auto optional = [](const Json& j, const char* key) {
    return j.at(key).is_null() ? std::nullopt : std::optional<std::string>(j.at(key).get<std::string>());
  };
  try {
    const Json j = Json::parse(text);
    f.email = j.at("email").get<std::string>();
    f.billing_country = j.at("billing_country").get<std::string>();
    f.ip = optional(j, "ip");
    f.ip_country = optional(j, "ip_country");
    f.device_fingerprint = optional(j, "device_fingerprint");
    f.payment_method = optional(j, "payment_method");
  } catch (const Json::exception&) {
    return false;
  }
  return true;
}

// A decision's feature names, kept once for every decision made from the same catalogue
// (fraud_feature_catalogues): the names were three quarters of a decision's row, the
// same 116 strings in every one. The key is a hash of the names' JSON, so a process
// needs no registry and two processes with one catalogue agree on its key.
struct FeatureCatalogue {
  std::string id;     // ffc_ + 32 hex digits
  std::string names;  // JSON array of the names, in the decision's order
};

FeatureCatalogue CatalogueOf(const FraudDecision& d) {
  Json names = Json::array();
  for (const auto& [name, value] : d.features) names.push_back(name);
  FeatureCatalogue out{"ffc_", JsonText(names)};
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(out.names.data()), out.names.size(),
                     nullptr, 0);
  char hex[2 * sizeof hash + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  out.id += hex;
  return out;
}

// The features column: values alone when the names are in a catalogue (`names` the
// catalogue's JSON), [name, value] pairs in rows written before catalogues existed.
void ReadFeatures(const std::string& features, const std::optional<std::string>& names, FraudDecision& d) {
  const Json values = Json::parse(features);
  if (!names) {
    for (const Json& f : values) d.features.emplace_back(f.at(0).get<std::string>(), ValueFrom(f.at(1)));
    return;
  }
  const Json catalogue = Json::parse(*names);
  if (!catalogue.is_array() || !values.is_array() || catalogue.size() != values.size()) {
    throw Json::other_error::create(501, "features do not match their catalogue", nullptr);
  }
  d.features.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    d.features.emplace_back(catalogue[i].get<std::string>(), ValueFrom(values[i]));
  }
}

// What the decision's columns say of its facts (the rest is in the facts column).
AuthorizationFacts FactsOf(const FraudDecision& d) {
  AuthorizationFacts f;
  f.session_id = d.session_id;
  f.merchant_id = d.merchant_id;
  f.consumer_id = d.consumer_id;
  f.amount = d.amount;
  f.now = d.created_at;
  return f;
}

// The columns ReadDecision reads, in its order. A macro: Connection::Prepare keys its
// cache by the address of a string literal, which concatenation keeps.
#define TRANCHE_SELECT_DECISION                                                                 \
  "SELECT id, session_id, merchant_id, consumer_id, credit_decision_id, currency, amount_minor, action," \
  " decided_by, rule, hits, features, score, score_reasons, model_version, members, rules_version,"     \
  " review_threshold, block_threshold, created_at_us, facts,"                                     \
  " (SELECT names FROM fraud_feature_catalogues WHERE id = feature_catalogue) FROM fraud_decisions"

Result<FraudDecision> ReadDecision(const Statement& s) {
  FraudDecision d;
  const auto currency = ParseCurrency(s.Text(5));
  const auto action = ParseAction(s.Text(7));
  if (!currency || !action) return Malformed();
  d.id = s.Text(0);
  d.session_id = s.Text(1);
  d.merchant_id = s.Text(2);
  d.consumer_id = s.Text(3);
  d.credit_decision_id = s.Text(4);
  d.amount = Money(s.Int(6), *currency);
  d.action = *action;
  d.decided_by = s.Text(8);
  try {
    if (!s.IsNull(9)) d.rule = HitFrom(Json::parse(s.Text(9)));
    for (const Json& h : Json::parse(s.Text(10))) d.hits.push_back(HitFrom(h));
    ReadFeatures(s.Text(11), s.IsNull(21) ? std::nullopt : std::optional<std::string>(s.Text(21)), d);
    if (!s.IsNull(12)) {
      d.score = Score{static_cast<int>(s.Int(12)), Json::parse(s.Text(13)).get<std::vector<std::string>>(),
                      s.Text(14)};
    }
    for (const Json& m : Json::parse(s.Text(15))) {
      d.members.emplace(m.at(0).get<std::string>(), m.at(1).get<std::string>());
    }
  } catch (const Json::exception&) {
    return Malformed();
  }
  d.rules_version = s.Int(16);
  d.thresholds = {static_cast<int>(s.Int(17)), static_cast<int>(s.Int(18))};
  d.created_at = InstantFromUnixMicros(s.Int(19));
  d.facts = FactsOf(d);
  if (!s.IsNull(20) && !ReadFacts(s.Text(20), d.facts)) return Malformed();
  return d;
}

}  // namespace

Result<ConsumerActivity> SqlFraudDecisionRepo::Activity(std::string_view consumer_id, Currency currency,
                                                          Instant since) {
  auto s = c_.Prepare(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN outcome <> 'approved' THEN 1 ELSE 0 END), 0),"
      " COALESCE(SUM(CASE WHEN outcome = 'approved' AND currency = ?2 THEN amount_minor ELSE 0 END), 0)"
      " FROM decisions WHERE consumer_id = ?1 AND created_at_us >= ?3");
  s.Bind(1, consumer_id).Bind(2, CurrencyCode(currency)).Bind(3, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);  // an aggregate answers one row
  return ConsumerActivity{s.Int(0), s.Int(1), s.Int(2)};
}

Status SqlFraudDecisionRepo::Insert(const FraudDecision& d) {
  Json hits = Json::array();
  for (const RuleHit& h : d.hits) hits.push_back(HitJson(h));
  const bool same_names = std::equal(d.features.begin(), d.features.end(), catalogue_names_.begin(),
                                     catalogue_names_.end(),
                                     [](const auto& feature, const std::string& name) { return feature.first == name; });
  if (catalogue_id_.empty() || !same_names) {
    FeatureCatalogue catalogue = CatalogueOf(d);
    catalogue_id_ = std::move(catalogue.id);
    catalogue_json_ = std::move(catalogue.names);
    catalogue_names_.clear();
    for (const auto& [name, value] : d.features) catalogue_names_.push_back(name);
  }
  auto c = c_.Prepare("INSERT INTO fraud_feature_catalogues(id, names) VALUES (?, ?) ON CONFLICT DO NOTHING");
  c.Bind(1, catalogue_id_).Bind(2, catalogue_json_);
  TRANCHE_RETURN_IF_ERROR(c.Run());
  Json features = Json::array();
  for (const auto& [name, value] : d.features) features.push_back(ValueJson(value));
  Json members = Json::array();
  for (const auto& [list, value] : d.members) members.push_back(Json::array({list, value}));
  auto s = c_.Prepare(
      "INSERT INTO fraud_decisions(id, session_id, merchant_id, consumer_id, credit_decision_id, currency,"
      " amount_minor, action, decided_by, rule, hits, features, score, score_reasons, model_version, members,"
      " rules_version, review_threshold, block_threshold, created_at_us, facts, feature_catalogue)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.session_id).Bind(3, d.merchant_id).Bind(4, d.consumer_id).Bind(5, d.credit_decision_id)
      .Bind(6, CurrencyCode(d.amount.currency())).Bind(7, d.amount.minor()).Bind(8, ActionName(d.action))
      .Bind(9, d.decided_by);
  if (d.rule) {
    s.Bind(10, JsonText(HitJson(*d.rule)));
  } else {
    s.BindNull(10);
  }
  s.Bind(11, JsonText(hits)).Bind(12, JsonText(features));
  if (d.score) {
    s.Bind(13, std::int64_t{d.score->score}).Bind(14, JsonText(Json(d.score->reasons))).Bind(15, d.score->model_version);
  } else {
    s.BindNull(13).BindNull(14).BindNull(15);
  }
  s.Bind(16, JsonText(members)).Bind(17, d.rules_version).Bind(18, std::int64_t{d.thresholds.review_at})
      .Bind(19, std::int64_t{d.thresholds.block_at}).Bind(20, UnixMicros(d.created_at))
      .Bind(21, JsonText(FactsJson(d.facts))).Bind(22, catalogue_id_);
  return s.Run();
}

Result<std::optional<FraudDecision>> SqlFraudDecisionRepo::Find(std::string_view id) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE id = ?");
  s.Bind(1, id);
  return FindOne<FraudDecision>(s, ReadDecision);
}

Result<std::vector<FraudDecision>> SqlFraudDecisionRepo::ListSince(Instant since, std::size_t limit) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE created_at_us >= ? ORDER BY created_at_us, id LIMIT ?");
  s.Bind(1, UnixMicros(since)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<FraudDecision>(s, ReadDecision);
}

Result<std::vector<FraudDecision>> SqlFraudDecisionRepo::ListPage(Instant from, Instant to, const FraudDecision* after,
                                                                   std::size_t limit) {
  // fraud_decisions_by_time (created_at_us, id) serves the range and the keyset.
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION
                      " WHERE created_at_us >= ?1 AND created_at_us < ?2 AND (created_at_us, id) > (?3, ?4)"
                      " ORDER BY created_at_us, id LIMIT ?5");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to));
  if (after != nullptr) {
    s.Bind(3, UnixMicros(after->created_at)).Bind(4, after->id);
  } else {
    s.Bind(3, std::numeric_limits<std::int64_t>::min()).Bind(4, "");
  }
  s.Bind(5, static_cast<std::int64_t>(limit));
  return CollectAll<FraudDecision>(s, ReadDecision);
}

Result<std::vector<fraud::DecisionOutcome>> SqlFraudDecisionRepo::ListOutcomes(Instant from, Instant to,
                                                                                  std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT d.id, d.created_at_us, d.action,"
      " EXISTS (SELECT 1 FROM fraud_labels l WHERE l.fraud_decision_id = d.id AND l.fraud = 1)"
      " FROM fraud_decisions d WHERE d.created_at_us >= ? AND d.created_at_us < ?"
      " ORDER BY d.created_at_us, d.id LIMIT ?");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<fraud::DecisionOutcome>(s, [](const Statement& row) -> Result<fraud::DecisionOutcome> {
    const auto action = ParseAction(row.Text(2));
    if (!action) return Status::Internal("stored fraud decision is malformed");
    return fraud::DecisionOutcome{row.Text(0), InstantFromUnixMicros(row.Int(1)), *action, row.Int(3) != 0};
  });
}

Result<std::vector<DecisionDayCounts>> SqlFraudDecisionRepo::CountByDay(Instant from, Instant to,
                                                                           std::size_t max_days) {
  TRANCHE_ASSERT(UnixMicros(from) >= 0);
  // SQL both dialects run alike: the date by integer division, counts as sums of CASE.
  // fraud_decisions_by_time finds the range; each decision's action is read from its
  // row, and a held one's review through fraud_reviews' unique fraud_decision_id.
  auto s = c_.Prepare(
      "SELECT d.created_at_us / 86400000000,"
      " SUM(CASE WHEN d.action = 'allow' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN d.action = 'review' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN d.action = 'block' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN r.status = 'pending' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN r.status = 'accepted' THEN 1 ELSE 0 END),"
      " SUM(CASE WHEN r.status = 'rejected' THEN 1 ELSE 0 END)"
      " FROM fraud_decisions d LEFT JOIN fraud_reviews r ON r.fraud_decision_id = d.id"
      " WHERE d.created_at_us >= ? AND d.created_at_us < ?"
      " GROUP BY d.created_at_us / 86400000000 ORDER BY 1 LIMIT ?");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(max_days));
  return CollectAll<DecisionDayCounts>(s, [](const Statement& row) -> Result<DecisionDayCounts> {
    return DecisionDayCounts{Date(std::chrono::sys_days(std::chrono::days(row.Int(0)))),
                             {row.Int(1), row.Int(2), row.Int(3), row.Int(4), row.Int(5), row.Int(6)}};
  });
}

Result<std::optional<FraudDecision>> SqlFraudDecisionRepo::FindByCredit(std::string_view credit_decision_id) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE credit_decision_id = ?");
  s.Bind(1, credit_decision_id);
  return FindOne<FraudDecision>(s, ReadDecision);
}

Result<std::vector<ScreenedAuthorization>> SqlFraudDecisionRepo::ListScreened(Instant since,
                                                                                 const ScreenedAuthorization* after,
                                                                                 std::size_t limit) {
  // Only the columns the facts need: no features, hits or members to parse.
  auto s = c_.Prepare(
      "SELECT id, session_id, merchant_id, consumer_id, currency, amount_minor, created_at_us, facts"
      " FROM fraud_decisions WHERE created_at_us >= ?1 AND facts IS NOT NULL AND (created_at_us, id) > (?2, ?3)"
      " ORDER BY created_at_us, id LIMIT ?4");
  s.Bind(1, UnixMicros(since));
  if (after != nullptr) {
    s.Bind(2, UnixMicros(after->facts.now)).Bind(3, after->decision_id);
  } else {
    s.Bind(2, std::numeric_limits<std::int64_t>::min()).Bind(3, "");
  }
  s.Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<ScreenedAuthorization>(s, [](const Statement& r) -> Result<ScreenedAuthorization> {
    const auto currency = ParseCurrency(r.Text(4));
    if (!currency) return Malformed();
    ScreenedAuthorization out{r.Text(0), {}};
    AuthorizationFacts& f = out.facts;
    f.session_id = r.Text(1);
    f.merchant_id = r.Text(2);
    f.consumer_id = r.Text(3);
    f.amount = Money(r.Int(5), *currency);
    f.now = InstantFromUnixMicros(r.Int(6));
    if (!ReadFacts(r.Text(7), f)) return Malformed();
    return out;
  });
}

#undef TRANCHE_SELECT_DECISION

}  // namespace tranche::store::sql
