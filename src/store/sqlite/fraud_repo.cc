// Fraud rules, lists, decisions, reviews and labels in SQLite.
#include <nlohmann/json.hpp>

#include <limits>

#include "fraud/engine_source.h"
#include "store/sqlite/repos.h"
#include "store/sqlite/rows.h"

namespace tranche::store::sqlite {

using Json = nlohmann::json;
using namespace fraud;  // NOLINT: this file maps fraud's records

namespace {

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Status Malformed(std::string_view what) { return Status::Internal("stored fraud " + std::string(what) + " is malformed"); }

Result<RulesVersion> ReadRules(const Statement& s) {
  return RulesVersion{s.Int(0), s.Text(1), Thresholds{static_cast<int>(s.Int(2)), static_cast<int>(s.Int(3))},
                      static_cast<std::size_t>(s.Int(4)), s.Text(5), InstantFromUnixMicros(s.Int(6))};
}

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
  " review_threshold, block_threshold, created_at_us, facts FROM fraud_decisions"

Result<FraudDecision> ReadDecision(const Statement& s) {
  FraudDecision d;
  const auto currency = ParseCurrency(s.Text(5));
  const auto action = ParseAction(s.Text(7));
  if (!currency || !action) return Malformed("decision");
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
    for (const Json& f : Json::parse(s.Text(11))) {
      d.features.emplace_back(f.at(0).get<std::string>(), ValueFrom(f.at(1)));
    }
    if (!s.IsNull(12)) {
      d.score = Score{static_cast<int>(s.Int(12)), Json::parse(s.Text(13)).get<std::vector<std::string>>(),
                      s.Text(14)};
    }
    for (const Json& m : Json::parse(s.Text(15))) {
      d.members.emplace(m.at(0).get<std::string>(), m.at(1).get<std::string>());
    }
  } catch (const Json::exception&) {
    return Malformed("decision");
  }
  d.rules_version = s.Int(16);
  d.thresholds = {static_cast<int>(s.Int(17)), static_cast<int>(s.Int(18))};
  d.created_at = InstantFromUnixMicros(s.Int(19));
  d.facts = FactsOf(d);
  if (!s.IsNull(20) && !ReadFacts(s.Text(20), d.facts)) return Malformed("decision");
  return d;
}

std::optional<std::string> OptionalText(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<std::string>(s.Text(col));
}
std::optional<Instant> OptionalInstant(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<Instant>(InstantFromUnixMicros(s.Int(col)));
}

Result<Review> ReadReview(const Statement& s) {
  const auto currency = ParseCurrency(s.Text(5));
  const auto status = ParseReviewStatus(s.Text(7));
  if (!currency || !status) return Malformed("review");
  Review r;
  r.id = s.Text(0);
  r.fraud_decision_id = s.Text(1);
  r.authorization_id = s.Text(2);
  r.merchant_id = s.Text(3);
  r.consumer_id = s.Text(4);
  r.amount = Money(s.Int(6), *currency);
  r.status = *status;
  r.claimed_by = OptionalText(s, 8);
  r.claimed_at = OptionalInstant(s, 9);
  r.decided_by = OptionalText(s, 10);
  r.decided_at = OptionalInstant(s, 11);
  r.note = s.Text(12);
  r.created_at = InstantFromUnixMicros(s.Int(13));
  return r;
}

Result<ListVersion> ReadListVersion(const Statement& s) {
  ListVersion v;
  v.name = s.Text(0);
  v.version = s.Int(1);
  try {
    v.change.added = Json::parse(s.Text(2)).get<std::vector<std::string>>();
    v.change.removed = Json::parse(s.Text(3)).get<std::vector<std::string>>();
  } catch (const Json::exception&) {
    return Malformed("list version");
  }
  v.entry_count = static_cast<std::size_t>(s.Int(4));
  v.changed_by = s.Text(5);
  v.changed_at = InstantFromUnixMicros(s.Int(6));
  return v;
}

}  // namespace

Result<std::optional<RulesVersion>> SqliteFraudRepo::CurrentRules() {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions ORDER BY version DESC LIMIT 1");
  return FindOne<RulesVersion>(s, ReadRules);
}

Result<std::optional<RulesVersion>> SqliteFraudRepo::FindRules(std::int64_t version) {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions WHERE version = ?");
  s.Bind(1, version);
  return FindOne<RulesVersion>(s, ReadRules);
}

Status SqliteFraudRepo::InsertRules(const RulesVersion& v) {
  auto s = c_.Prepare("INSERT INTO fraud_rule_versions(version, source, review_threshold, block_threshold,"
                      " rule_count, created_by, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, v.version).Bind(2, v.source).Bind(3, std::int64_t{v.thresholds.review_at})
      .Bind(4, std::int64_t{v.thresholds.block_at}).Bind(5, static_cast<std::int64_t>(v.rule_count))
      .Bind(6, v.created_by).Bind(7, UnixMicros(v.created_at));
  return s.Run();
}

Result<std::vector<RulesVersion>> SqliteFraudRepo::ListRules(std::int64_t before, std::size_t limit) {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions WHERE version < ? ORDER BY version DESC LIMIT ?");
  s.Bind(1, before).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<RulesVersion>(s, ReadRules);
}

Result<std::set<std::string, std::less<>>> SqliteFraudRepo::ListNames() {
  auto s = c_.Prepare("SELECT name FROM fraud_lists ORDER BY name");
  std::set<std::string, std::less<>> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.insert(s.Text(0));
  }
}

Result<std::optional<FraudList>> SqliteFraudRepo::FindList(std::string_view name) {
  auto s = c_.Prepare("SELECT name, version, updated_at_us, updated_by FROM fraud_lists WHERE name = ?");
  s.Bind(1, name);
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<FraudList>();
  FraudList l{s.Text(0), {}, s.Int(1), InstantFromUnixMicros(s.Int(2)), s.Text(3)};
  auto e = c_.Prepare("SELECT value FROM fraud_list_entries WHERE name = ? ORDER BY value");
  e.Bind(1, name);
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool more, e.Step());
    if (!more) break;
    l.entries.push_back(e.Text(0));
  }
  return std::optional<FraudList>(std::move(l));
}

Status SqliteFraudRepo::SaveList(const FraudList& list, const ListChange& change) {
  auto upsert = c_.Prepare(
      "INSERT INTO fraud_lists(name, version, entry_count, updated_by, updated_at_us) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT(name) DO UPDATE SET version = ?2, entry_count = ?3, updated_by = ?4, updated_at_us = ?5"
      " WHERE version = ?2 - 1");
  upsert.Bind(1, list.name).Bind(2, list.version).Bind(3, static_cast<std::int64_t>(list.entries.size()))
      .Bind(4, list.updated_by).Bind(5, UnixMicros(list.updated_at));
  TRANCHE_RETURN_IF_ERROR(upsert.Run());
  if (c_.Changes() != 1) return Status::Conflict("list_changed", "the list was changed by another request");
  for (const std::string& v : change.removed) {
    auto del = c_.Prepare("DELETE FROM fraud_list_entries WHERE name = ? AND value = ?");
    del.Bind(1, list.name).Bind(2, v);
    TRANCHE_RETURN_IF_ERROR(del.Run());
  }
  for (const std::string& v : change.added) {
    auto ins = c_.Prepare("INSERT INTO fraud_list_entries(name, value) VALUES (?, ?)");
    ins.Bind(1, list.name).Bind(2, v);
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  auto version = c_.Prepare(
      "INSERT INTO fraud_list_versions(name, version, added, removed, entry_count, changed_by, changed_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  version.Bind(1, list.name).Bind(2, list.version).Bind(3, Dump(Json(change.added)))
      .Bind(4, Dump(Json(change.removed))).Bind(5, static_cast<std::int64_t>(list.entries.size()))
      .Bind(6, list.updated_by).Bind(7, UnixMicros(list.updated_at));
  return version.Run();
}

Result<std::vector<ListVersion>> SqliteFraudRepo::ListVersions(std::string_view name, std::int64_t before,
                                                              std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT name, version, added, removed, entry_count, changed_by, changed_at_us FROM fraud_list_versions"
      " WHERE name = ? AND version < ? ORDER BY version DESC LIMIT ?");
  s.Bind(1, name).Bind(2, before).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<ListVersion>(s, ReadListVersion);
}

Result<ListLookups> SqliteFraudRepo::Members(const ListLookups& asked) {
  ListLookups out;
  for (const auto& [name, value] : asked) {
    auto s = c_.Prepare("SELECT 1 FROM fraud_list_entries WHERE name = ? AND value = ?");
    s.Bind(1, name).Bind(2, value);
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) out.emplace(name, value);
  }
  return out;
}

Result<ConsumerActivity> SqliteFraudRepo::Activity(std::string_view consumer_id, Currency currency, Instant since) {
  auto s = c_.Prepare(
      "SELECT COUNT(*), COALESCE(SUM(outcome <> 'approved'), 0),"
      " COALESCE(SUM(CASE WHEN outcome = 'approved' AND currency = ?2 THEN amount_minor ELSE 0 END), 0)"
      " FROM decisions WHERE consumer_id = ?1 AND created_at_us >= ?3");
  s.Bind(1, consumer_id).Bind(2, CurrencyCode(currency)).Bind(3, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);  // an aggregate answers one row
  return ConsumerActivity{s.Int(0), s.Int(1), s.Int(2)};
}

Result<std::optional<std::string>> SqliteFraudRepo::PaymentMethodOf(std::string_view consumer_id) {
  auto s = c_.Prepare("SELECT type, last4 FROM payment_methods WHERE consumer_id = ?");
  s.Bind(1, consumer_id);
  return FindOne<std::string>(s, [&](const Statement& r) -> Result<std::string> {
    return PaymentMethodKey(consumer_id, r.Text(0), r.Text(1));
  });
}

Status SqliteFraudRepo::InsertDecision(const FraudDecision& d) {
  Json hits = Json::array();
  for (const RuleHit& h : d.hits) hits.push_back(HitJson(h));
  Json features = Json::array();
  for (const auto& [name, value] : d.features) features.push_back(Json::array({name, ValueJson(value)}));
  Json members = Json::array();
  for (const auto& [list, value] : d.members) members.push_back(Json::array({list, value}));
  auto s = c_.Prepare(
      "INSERT INTO fraud_decisions(id, session_id, merchant_id, consumer_id, credit_decision_id, currency,"
      " amount_minor, action, decided_by, rule, hits, features, score, score_reasons, model_version, members,"
      " rules_version, review_threshold, block_threshold, created_at_us, facts)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.session_id).Bind(3, d.merchant_id).Bind(4, d.consumer_id).Bind(5, d.credit_decision_id)
      .Bind(6, CurrencyCode(d.amount.currency())).Bind(7, d.amount.minor()).Bind(8, ActionName(d.action))
      .Bind(9, d.decided_by);
  if (d.rule) {
    s.Bind(10, Dump(HitJson(*d.rule)));
  } else {
    s.BindNull(10);
  }
  s.Bind(11, Dump(hits)).Bind(12, Dump(features));
  if (d.score) {
    s.Bind(13, std::int64_t{d.score->score}).Bind(14, Dump(Json(d.score->reasons))).Bind(15, d.score->model_version);
  } else {
    s.BindNull(13).BindNull(14).BindNull(15);
  }
  s.Bind(16, Dump(members)).Bind(17, d.rules_version).Bind(18, std::int64_t{d.thresholds.review_at})
      .Bind(19, std::int64_t{d.thresholds.block_at}).Bind(20, UnixMicros(d.created_at))
      .Bind(21, Dump(FactsJson(d.facts)));
  return s.Run();
}

Result<std::optional<FraudDecision>> SqliteFraudRepo::FindDecision(std::string_view id) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE id = ?");
  s.Bind(1, id);
  return FindOne<FraudDecision>(s, ReadDecision);
}

Result<std::vector<FraudDecision>> SqliteFraudRepo::ListDecisionsSince(Instant since, std::size_t limit) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE created_at_us >= ? ORDER BY created_at_us, id LIMIT ?");
  s.Bind(1, UnixMicros(since)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<FraudDecision>(s, ReadDecision);
}

Result<std::optional<FraudDecision>> SqliteFraudRepo::FindDecisionByCredit(std::string_view credit_decision_id) {
  auto s = c_.Prepare(TRANCHE_SELECT_DECISION " WHERE credit_decision_id = ?");
  s.Bind(1, credit_decision_id);
  return FindOne<FraudDecision>(s, ReadDecision);
}

Result<std::vector<ScreenedAuthorization>> SqliteFraudRepo::ListScreened(Instant since,
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
    if (!currency) return Malformed("decision");
    ScreenedAuthorization out{r.Text(0), {}};
    AuthorizationFacts& f = out.facts;
    f.session_id = r.Text(1);
    f.merchant_id = r.Text(2);
    f.consumer_id = r.Text(3);
    f.amount = Money(r.Int(5), *currency);
    f.now = InstantFromUnixMicros(r.Int(6));
    if (!ReadFacts(r.Text(7), f)) return Malformed("decision");
    return out;
  });
}

Result<std::vector<KnownFraud>> SqliteFraudRepo::ListKnownFrauds(Instant since, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT d.merchant_id, d.created_at_us, l.created_at_us FROM fraud_labels l"
      " JOIN fraud_decisions d ON d.id = l.fraud_decision_id"
      " WHERE l.fraud = 1 AND l.created_at_us >= ? ORDER BY l.created_at_us, l.id LIMIT ?");
  s.Bind(1, UnixMicros(since)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<KnownFraud>(s, [](const Statement& r) -> Result<KnownFraud> {
    return KnownFraud{r.Text(0), InstantFromUnixMicros(r.Int(1)), InstantFromUnixMicros(r.Int(2))};
  });
}

Status SqliteFraudRepo::InsertReview(const Review& r) {
  auto s = c_.Prepare(
      "INSERT INTO fraud_reviews(id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency,"
      " amount_minor, status, claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, r.id).Bind(2, r.fraud_decision_id).Bind(3, r.authorization_id).Bind(4, r.merchant_id)
      .Bind(5, r.consumer_id).Bind(6, CurrencyCode(r.amount.currency())).Bind(7, r.amount.minor())
      .Bind(8, ReviewStatusName(r.status));
  BindOptional(s, 9, r.claimed_by);
  BindOptional(s, 10, r.claimed_at);
  BindOptional(s, 11, r.decided_by);
  BindOptional(s, 12, r.decided_at);
  s.Bind(13, r.note).Bind(14, UnixMicros(r.created_at));
  return s.Run();
}

Status SqliteFraudRepo::UpdateReview(const Review& r) {
  auto s = c_.Prepare(
      "UPDATE fraud_reviews SET status = ?, claimed_by = ?, claimed_at_us = ?, decided_by = ?, decided_at_us = ?,"
      " note = ? WHERE id = ?");
  s.Bind(1, ReviewStatusName(r.status));
  BindOptional(s, 2, r.claimed_by);
  BindOptional(s, 3, r.claimed_at);
  BindOptional(s, 4, r.decided_by);
  BindOptional(s, 5, r.decided_at);
  s.Bind(6, r.note).Bind(7, r.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Review>> SqliteFraudRepo::FindReview(std::string_view id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews WHERE id = ?");
  s.Bind(1, id);
  return FindOne<Review>(s, ReadReview);
}

Result<std::optional<Review>> SqliteFraudRepo::FindReviewByAuthorization(std::string_view authorization_id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews"
      " WHERE authorization_id = ?");
  s.Bind(1, authorization_id);
  return FindOne<Review>(s, ReadReview);
}

Result<std::vector<Review>> SqliteFraudRepo::ListReviews(const ReviewFilter& filter, std::string_view after_id,
                                                         std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews"
      " WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR merchant_id = ?2) AND id > ?3 ORDER BY id LIMIT ?4");
  if (filter.status) {
    s.Bind(1, ReviewStatusName(*filter.status));
  } else {
    s.BindNull(1);
  }
  BindOptional(s, 2, filter.merchant_id);
  s.Bind(3, after_id).Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<Review>(s, ReadReview);
}

Result<std::int64_t> SqliteFraudRepo::CountPendingReviews() {
  auto s = c_.Prepare("SELECT COUNT(*) FROM fraud_reviews WHERE status = 'pending'");
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);  // an aggregate answers one row
  return s.Int(0);
}

Status SqliteFraudRepo::InsertLabel(const Label& l) {
  auto s = c_.Prepare(
      "INSERT INTO fraud_labels(id, fraud_decision_id, authorization_id, fraud, source, created_by, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, l.id).Bind(2, l.fraud_decision_id).Bind(3, l.authorization_id).Bind(4, std::int64_t{l.fraud ? 1 : 0})
      .Bind(5, l.source).Bind(6, l.created_by).Bind(7, UnixMicros(l.created_at));
  return s.Run();
}

Result<std::vector<Label>> SqliteFraudRepo::ListLabels(std::string_view fraud_decision_id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, fraud, source, created_by, created_at_us FROM fraud_labels"
      " WHERE fraud_decision_id = ? ORDER BY id");
  s.Bind(1, fraud_decision_id);
  return CollectAll<Label>(s, [](const Statement& r) -> Result<Label> {
    return Label{r.Text(0), r.Text(1), r.Text(2), r.Int(3) != 0, r.Text(4), r.Text(5), InstantFromUnixMicros(r.Int(6))};
  });
}

#undef TRANCHE_SELECT_DECISION

}  // namespace tranche::store::sqlite
