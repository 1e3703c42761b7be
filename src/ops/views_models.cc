// The models report (GET /v1/admin/models) on the wire. Curves keep the shape the model
// directories record them in (ml::CurvesToJson): ROC as [fpr, tpr] pairs, calibration as
// bins of mean predicted probability against the observed rate.
#include <cmath>

#include "ml/model_files.h"
#include "ops/views.h"

namespace tranche::ops {

namespace {

Json Rate(std::size_t part, std::size_t whole) {
  if (whole == 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json PsiJson(const std::vector<ml::PsiPoint>& points) {
  Json out = Json::array();
  for (const ml::PsiPoint& p : points) {
    out.push_back({{"week_start", FormatDate(DateOf(p.week_start))},
                   {"count", p.count},
                   {"psi", Optional(p.psi)},
                   {"verdict", p.psi ? Json(ml::PsiVerdict(*p.psi)) : Json(nullptr)}});
  }
  return out;
}

Json ModelCardJson(const ModelCard& m) {
  Json held_out = nullptr;
  if (m.held_out) {
    held_out = ml::CurvesToJson(*m.held_out);
    held_out["method"] = m.held_out_method;
  }
  return {{"kind", m.kind},
          {"role", m.role},
          {"version", m.version},
          {"written_at", m.written_at ? Json(FormatRfc3339(*m.written_at)) : Json(nullptr)},
          {"features", m.features},
          {"training_rows", m.training_rows},
          {"held_out", std::move(held_out)},
          {"live",
           {{"scored", m.live.scored}, {"psi", PsiJson(m.live.psi)}, {"outcomes", ml::CurvesToJson(m.live.outcomes)}}}};
}

Json VersionJson(const credit::VersionReport& r) {
  return {{"decider_version", r.decider_version},
          {"shadow", r.shadow},
          {"decisions", r.decisions},
          {"approved", r.approved},
          {"approval_rate", Rate(r.approved, r.decisions)},
          {"mean_pd", std::isnan(r.mean_pd) ? Json(nullptr) : Json(r.mean_pd)},
          {"matured", r.matured},
          {"defaulted", r.defaulted},
          {"default_rate", Rate(r.defaulted, r.matured)}};
}

}  // namespace

Json ModelsJson(const ModelsReport& r) {
  Json models = Json::array();
  for (const ModelCard& m : r.models) models.push_back(ModelCardJson(m));
  Json versions = Json::array();
  for (const credit::VersionReport& v : r.versions) versions.push_back(VersionJson(v));
  Json head_to_head = nullptr;
  if (r.head_to_head) {
    head_to_head = {{"matured", r.head_to_head->matured},
                    {"defaulted", r.head_to_head->defaulted},
                    {"champion_auc", Optional(r.head_to_head->champion_auc)},
                    {"challenger_auc", Optional(r.head_to_head->challenger_auc)}};
  }
  return {{"object", "models"},
          {"since", FormatDate(DateOf(r.window.from))},
          {"until", FormatDate(AddDays(DateOf(r.window.to), -1))},
          {"matured_by", FormatDate(r.matured_by)},
          {"decisions",
           {{"credit", r.credit_decisions},
            {"credit_capped", r.credit_capped},
            {"credit_cap", kMaxModelCreditDecisions},
            {"fraud", r.fraud_decisions},
            {"fraud_capped", r.fraud_capped},
            {"fraud_cap", kMaxModelFraudDecisions}}},
          {"psi_bands", {{"investigate", ml::kPsiInvestigate}, {"significant", ml::kPsiSignificant}}},
          {"models", std::move(models)},
          {"champion_challenger",
           {{"mode", r.challenger_mode.empty() ? Json(nullptr) : Json(r.challenger_mode)},
            {"share", r.challenger_mode == "share" ? Json(r.challenger_share) : Json(nullptr)},
            {"versions", std::move(versions)},
            {"head_to_head", std::move(head_to_head)}}}};
}

}  // namespace tranche::ops
