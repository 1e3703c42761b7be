#include "automation/work.h"

#include <nlohmann/json.hpp>

#include "core/assert.h"
#include "core/enum_names.h"

namespace tranche::automation {

std::string_view WorkTypeName(WorkType t) {
  switch (t) {
    case WorkType::kCustomerContact: return "customer_contact";
    case WorkType::kCollectionsContact: return "collections_contact";
    case WorkType::kDispute: return "dispute";
    case WorkType::kReconException: return "reconciliation";
    case WorkType::kCreditDecision: return "credit_decision";
    case WorkType::kMerchantOnboarding: return "merchant_onboarding";
    case WorkType::kFraudReview: return "fraud_review";
    case WorkType::kAssistantContact: return "assistant_contact";
  }
  return "customer_contact";
}

std::optional<WorkType> ParseWorkType(std::string_view s) {
  return ParseByName<WorkType>(kAllWorkTypes, WorkTypeName, s);
}

bool IsContactWork(WorkType t) {
  return t == WorkType::kCustomerContact || t == WorkType::kCollectionsContact || t == WorkType::kAssistantContact;
}

WorkTally::WorkTally(int run_days) : days(run_days) {
  for (PerType& t : types) t.by_day.resize(static_cast<std::size_t>(run_days));
}

void WorkTally::Add(int day, int hour, WorkType type, bool automated, bool flagged) {
  TRANCHE_ASSERT(day >= 0 && day < days && hour >= 0 && hour < 24);
  PerType& t = types[static_cast<std::size_t>(type)];
  for (Counts* c : {&t.total, &t.by_day[static_cast<std::size_t>(day)]}) {
    ++c->items;
    c->automated += automated ? 1 : 0;
    c->flagged += flagged ? 1 : 0;
  }
  ++t.by_hour[static_cast<std::size_t>(hour)];
  if (!automated) ++t.to_people_by_hour[static_cast<std::size_t>(hour)];
}

std::string WorkTally::ToJson() const {
  nlohmann::json j;
  j["days"] = days;
  for (WorkType type : kAllWorkTypes) {
    const PerType& t = types[static_cast<std::size_t>(type)];
    nlohmann::json days_json = nlohmann::json::array();
    for (const Counts& c : t.by_day) days_json.push_back({c.items, c.automated, c.flagged});
    j["types"][std::string(WorkTypeName(type))] = {
        {"items", t.total.items}, {"automated", t.total.automated}, {"flagged", t.total.flagged},
        {"by_day", days_json}, {"by_hour", t.by_hour}, {"to_people_by_hour", t.to_people_by_hour}};
  }
  return j.dump();
}

Result<WorkTally> WorkTally::FromJson(std::string_view text) {
  const auto bad = [](const std::string& why) { return Status::InvalidArgument("bad_work_file", "work.json: " + why); };
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("days") || !j["days"].is_number_integer() ||
      !j.contains("types") || !j["types"].is_object()) {
    return bad("not a work tally");
  }
  const int days = j["days"].get<int>();
  if (days < 0 || days > 3'650) return bad("days out of range");
  WorkTally tally(days);
  try {
    for (WorkType type : kAllWorkTypes) {
      const std::string name(WorkTypeName(type));
      if (!j["types"].contains(name)) continue;  // a run from before the type existed
      const nlohmann::json& t = j["types"][name];
      PerType& out = tally.types[static_cast<std::size_t>(type)];
      out.total = {t.at("items").get<std::int64_t>(), t.at("automated").get<std::int64_t>(),
                   t.at("flagged").get<std::int64_t>()};
      const nlohmann::json& by_day = t.at("by_day");
      if (!by_day.is_array() || by_day.size() != static_cast<std::size_t>(days)) return bad(name + ".by_day");
      for (std::size_t d = 0; d < by_day.size(); ++d) {
        out.by_day[d] = {by_day[d].at(0).get<std::int64_t>(), by_day[d].at(1).get<std::int64_t>(),
                         by_day[d].at(2).get<std::int64_t>()};
      }
      out.by_hour = t.at("by_hour").get<std::array<std::int64_t, 24>>();
      out.to_people_by_hour = t.at("to_people_by_hour").get<std::array<std::int64_t, 24>>();
    }
  } catch (const nlohmann::json::exception& e) {
    return bad(e.what());
  }
  return tally;
}

}  // namespace tranche::automation
