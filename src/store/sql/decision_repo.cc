// Credit decisions in SQLite.
#include <nlohmann/json.hpp>

#include "store/sql/decision_repo.h"
#include "store/sql/json_text.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using Json = nlohmann::json;
using risk::DecisionRecord;

namespace {

const char* OutcomeName(risk::Outcome o) { return o == risk::Outcome::kApproved ? "approved" : "declined"; }

Json ProfileToJson(const risk::CreditProfile& p) {
  return {{"repayment_status", p.repayment_status}, {"billed_usd", p.billed_usd}, {"paid_usd", p.paid_usd},
          {"credit_limit_usd", p.credit_limit_usd}, {"education", p.education}, {"source", p.source}};
}

risk::CreditProfile ProfileFromJson(const Json& j) {
  risk::CreditProfile p;
  p.repayment_status = j.at("repayment_status").get<std::array<int, risk::kHistoryMonths>>();
  p.billed_usd = j.at("billed_usd").get<std::array<std::int64_t, risk::kHistoryMonths>>();
  p.paid_usd = j.at("paid_usd").get<std::array<std::int64_t, risk::kHistoryMonths>>();
  p.credit_limit_usd = j.at("credit_limit_usd").get<std::int64_t>();
  p.education = j.at("education").get<int>();
  p.source = j.at("source").get<std::string>();
  return p;
}

// The request a decision was made on, kept whole so it can be replayed.
Json RequestToJson(const risk::DecisionRequest& r) {
  const auto money = [](const Money& m) { return m.minor(); };
  Json exposure = {{"outstanding", money(r.exposure.outstanding)},
                   {"open_authorizations", money(r.exposure.open_authorizations)},
                   {"credit_limit", r.exposure.credit_limit ? Json(r.exposure.credit_limit->minor())
                                                            : Json(nullptr)},
                   {"has_overdue", r.exposure.has_overdue},
                   {"months_overdue", r.exposure.months_overdue}};
  return {{"product", lending::ProductName(r.terms.kind)},
          {"terms", {{"min_amount", money(r.terms.min_amount)},
                     {"max_amount", money(r.terms.max_amount)},
                     {"min_apr_bps", r.terms.min_apr_bps},
                     {"max_apr_bps", r.terms.max_apr_bps}}},
          {"currency", CurrencyCode(r.amount.currency())},
          {"amount", money(r.amount)},
          {"today", FormatDate(r.today)},
          {"date_of_birth", FormatDate(r.date_of_birth)},
          {"exposure", std::move(exposure)},
          {"identity_consistent", r.identity_consistent},
          {"profile", r.profile ? ProfileToJson(*r.profile) : Json(nullptr)}};
}

Result<risk::DecisionRequest> RequestFromJson(const std::string& text) {
  const auto bad = Status::Internal("stored decision inputs are malformed");
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return bad;
  try {
    const auto product = lending::ParseProduct(j.at("product").get<std::string>());
    const auto currency = ParseCurrency(j.at("currency").get<std::string>());
    const auto today = ParseDate(j.at("today").get<std::string>());
    const auto dob = ParseDate(j.at("date_of_birth").get<std::string>());
    if (!product || !currency || !today || !dob) return bad;
    const Currency c = *currency;
    const Json& t = j.at("terms");
    const Json& e = j.at("exposure");
    risk::DecisionRequest r{
        {*product, Money(t.at("min_amount").get<std::int64_t>(), c),
         Money(t.at("max_amount").get<std::int64_t>(), c), t.at("min_apr_bps").get<std::int64_t>(),
         t.at("max_apr_bps").get<std::int64_t>()},
        Money(j.at("amount").get<std::int64_t>(), c),
        *today,
        *dob,
        {Money(e.at("outstanding").get<std::int64_t>(), c),
         Money(e.at("open_authorizations").get<std::int64_t>(), c), std::nullopt,
         e.at("has_overdue").get<bool>(), e.value("months_overdue", 0)},
        j.at("identity_consistent").get<bool>(),
        std::nullopt};
    if (j.contains("profile") && !j.at("profile").is_null()) r.profile = ProfileFromJson(j.at("profile"));
    if (!e.at("credit_limit").is_null()) {
      r.exposure.credit_limit = Money(e.at("credit_limit").get<std::int64_t>(), c);
    }
    return r;
  } catch (const Json::exception&) {
    return bad;
  }
}

Json ApplicantToJson(const risk::Applicant& a) {
  return {{"given_name", a.given_name},   {"family_name", a.family_name},
          {"phone", a.phone},             {"address_line1", a.address_line1},
          {"address_city", a.address_city}, {"address_postal_code", a.address_postal_code},
          {"address_country", a.address_country}};
}

Result<risk::Applicant> ApplicantFromJson(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return Status::Internal("stored applicant is malformed");
  try {
    return risk::Applicant{j.at("given_name").get<std::string>(),   j.at("family_name").get<std::string>(),
                           j.at("phone").get<std::string>(),        j.at("address_line1").get<std::string>(),
                           j.at("address_city").get<std::string>(), j.at("address_postal_code").get<std::string>(),
                           j.at("address_country").get<std::string>()};
  } catch (const Json::exception&) {
    return Status::Internal("stored applicant is malformed");
  }
}

Result<std::vector<risk::Reason>> ReasonsFromJson(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return Status::Internal("stored decision reasons are malformed");
  std::vector<risk::Reason> out;
  for (const Json& r : j) {
    if (!r.is_object() || !r.value("code", Json()).is_string() ||
        !r.value("message", Json()).is_string()) {
      return Status::Internal("stored decision reason is malformed");
    }
    out.push_back({r["code"].get<std::string>(), r["message"].get<std::string>()});
  }
  return out;
}

}  // namespace

Status SqlDecisionRepo::Insert(const DecisionRecord& d) {
  Json reasons = Json::array();
  for (const risk::Reason& r : d.decision.reasons) reasons.push_back({{"code", r.code}, {"message", r.message}});
  auto s = c_.Prepare(
      "INSERT INTO decisions(id, session_id, merchant_id, consumer_id, product, currency,"
      " amount_minor, outcome, reasons, credit_limit_minor, apr_bps, decider_version, inputs,"
      " created_at_us, pd, shadow_version, shadow_outcome, shadow_pd, applicant)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.session_id).Bind(3, d.merchant_id).Bind(4, d.consumer_id)
      .Bind(5, lending::ProductName(d.request.terms.kind))
      .Bind(6, CurrencyCode(d.request.amount.currency())).Bind(7, d.request.amount.minor())
      .Bind(8, OutcomeName(d.decision.outcome))
      .Bind(9, JsonText(reasons)).Bind(10, d.decision.credit_limit.minor()).Bind(11, d.decision.apr_bps)
      .Bind(12, d.decision.decider_version).Bind(13, JsonText(RequestToJson(d.request)))
      .Bind(14, UnixMicros(d.created_at));
  if (d.decision.pd) {
    s.BindDouble(15, *d.decision.pd);
  } else {
    s.BindNull(15);
  }
  if (const auto& shadow = d.decision.shadow) {
    s.Bind(16, shadow->decider_version).Bind(17, OutcomeName(shadow->outcome));
    if (shadow->pd) {
      s.BindDouble(18, *shadow->pd);
    } else {
      s.BindNull(18);
    }
  } else {
    s.BindNull(16).BindNull(17).BindNull(18);
  }
  if (d.applicant) {
    s.Bind(19, JsonText(ApplicantToJson(*d.applicant)));
  } else {
    s.BindNull(19);
  }
  return s.Run();
}

namespace {
Result<DecisionRecord> ReadDecision(const Statement& st) {
  TRANCHE_ASSIGN_OR_RETURN(risk::DecisionRequest request, RequestFromJson(st.Text(9)));
  TRANCHE_ASSIGN_OR_RETURN(auto reasons, ReasonsFromJson(st.Text(5)));
  const Currency c = request.amount.currency();
  risk::Decision decision{st.Text(4) == "approved" ? risk::Outcome::kApproved : risk::Outcome::kDeclined,
                          std::move(reasons), Money(st.Int(6), c), st.Int(7), st.Text(8), std::nullopt};
  if (!st.IsNull(11)) decision.pd = st.Double(11);
  if (!st.IsNull(12)) {
    decision.shadow = risk::ShadowDecision{
        st.Text(12), st.Text(13) == "approved" ? risk::Outcome::kApproved : risk::Outcome::kDeclined, std::nullopt};
    if (!st.IsNull(14)) decision.shadow->pd = st.Double(14);
  }
  DecisionRecord out{st.Text(0), st.Text(1), st.Text(2), st.Text(3), std::move(request),
                     std::move(decision), InstantFromUnixMicros(st.Int(10))};
  if (!st.IsNull(15)) {
    TRANCHE_ASSIGN_OR_RETURN(out.applicant, ApplicantFromJson(st.Text(15)));
  }
  return out;
}
}  // namespace

Result<std::optional<DecisionRecord>> SqlDecisionRepo::Find(std::string_view id) {
  auto s = c_.Prepare(
      "SELECT id, session_id, merchant_id, consumer_id, outcome, reasons, credit_limit_minor,"
      " apr_bps, decider_version, inputs, created_at_us, pd, shadow_version, shadow_outcome, shadow_pd,"
      " applicant FROM decisions WHERE id = ?");
  s.Bind(1, id);
  return FindOne<DecisionRecord>(s, ReadDecision);
}

Result<std::vector<DecisionRecord>> SqlDecisionRepo::ListByConsumer(std::string_view consumer_id,
                                                                      std::string_view after_id,
                                                                      std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, session_id, merchant_id, consumer_id, outcome, reasons, credit_limit_minor,"
      " apr_bps, decider_version, inputs, created_at_us, pd, shadow_version, shadow_outcome, shadow_pd,"
      " applicant FROM decisions WHERE consumer_id = ? AND id > ?"
      " ORDER BY id LIMIT ?");
  s.Bind(1, consumer_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<DecisionRecord>(s, ReadDecision);
}

Result<std::vector<DecisionRecord>> SqlDecisionRepo::ListSince(Instant since, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, session_id, merchant_id, consumer_id, outcome, reasons, credit_limit_minor,"
      " apr_bps, decider_version, inputs, created_at_us, pd, shadow_version, shadow_outcome, shadow_pd,"
      " applicant FROM decisions WHERE created_at_us >= ?"
      " ORDER BY created_at_us, id LIMIT ?");
  s.Bind(1, UnixMicros(since)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<DecisionRecord>(s, ReadDecision);
}

Result<risk::DecisionRepo::Outcomes> SqlDecisionRepo::OutcomesSince(Instant since, Date cutoff) {
  auto s = c_.Prepare(
      "SELECT d.id, MAX(CASE WHEN pi.paid_minor < pi.principal_minor + pi.interest_minor THEN 1 ELSE 0 END)"
      " FROM decisions d JOIN authorizations a ON a.decision_id = d.id"
      " JOIN orders o ON o.authorization_id = a.id JOIN plans p ON p.order_id = o.id"
      " JOIN plan_installments pi ON pi.plan_id = p.id"
      " WHERE d.created_at_us >= ? AND pi.due_date <= ? GROUP BY d.id ORDER BY d.id");
  s.Bind(1, UnixMicros(since)).Bind(2, FormatDate(cutoff));
  Outcomes out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.matured.push_back(s.Text(0));
    if (s.Int(1) != 0) out.defaulted.push_back(s.Text(0));
  }
}

Result<std::vector<risk::DecisionOutcome>> SqlDecisionRepo::ListOutcomes(Instant from, Instant to, Date cutoff,
                                                                            std::size_t limit) {
  // Only the columns the outcome needs; the authorization is found by its session (unique).
  auto s = c_.Prepare(
      "SELECT d.id, d.created_at_us, d.outcome = 'approved', d.outcome = 'approved' AND EXISTS ("
      "  SELECT 1 FROM authorizations a JOIN plans p ON p.order_id = a.order_id"
      "  JOIN plan_installments pi ON pi.plan_id = p.id"
      "  WHERE a.session_id = d.session_id AND a.decision_id = d.id AND pi.due_date <= ?3"
      "  AND pi.paid_minor < pi.principal_minor + pi.interest_minor)"
      " FROM decisions d WHERE d.created_at_us >= ?1 AND d.created_at_us < ?2"
      " ORDER BY d.created_at_us, d.id LIMIT ?4");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, FormatDate(cutoff)).Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<risk::DecisionOutcome>(s, [](const Statement& row) -> Result<risk::DecisionOutcome> {
    return risk::DecisionOutcome{row.Text(0), InstantFromUnixMicros(row.Int(1)), row.Int(2) != 0, row.Int(3) != 0};
  });
}

}  // namespace tranche::store::sql
