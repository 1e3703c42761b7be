#include "recon/carried_state.h"

#include <nlohmann/json.hpp>

namespace tranche::recon {

std::string StateJson(const CarriedState& s) {
  nlohmann::json j;
  j["cursor"] = s.cursor;
  j["awaiting"] = nlohmann::json::array();
  for (const auto& [ref, e] : s.match.awaiting) {
    j["awaiting"].push_back({{"reference", ref}, {"type", LineKindName(e.kind)},
                             {"currency", CurrencyCode(e.amount.currency())}, {"amount_minor", e.amount.minor()},
                             {"date", FormatDate(e.date)}});
  }
  j["matched"] = nlohmann::json::object();
  for (const auto& [ref, d] : s.match.matched) j["matched"][ref] = FormatDate(d);
  return j.dump();
}

Result<CarriedState> ParseState(std::string_view text) {
  const auto bad = [](const std::string& why) {
    return Status::InvalidArgument("bad_recon_state", "reconciliation state: " + why);
  };
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  CarriedState s;
  try {
    s.cursor = j.at("cursor").get<LedgerCursor>();
    for (const nlohmann::json& a : j.at("awaiting")) {
      const auto kind = ParseLineKind(a.at("type").get<std::string>());
      const auto currency = ParseCurrency(a.at("currency").get<std::string>());
      const auto date = ParseDate(a.at("date").get<std::string>());
      if (!kind || !currency || !date) return bad("an awaited movement is malformed");
      const std::string ref = a.at("reference").get<std::string>();
      s.match.awaiting.emplace(ref, Expected{ref, *kind, Money(a.at("amount_minor").get<std::int64_t>(), *currency), *date});
    }
    for (const auto& [ref, d] : j.at("matched").items()) {
      const auto date = ParseDate(d.get<std::string>());
      if (!date) return bad("a matched reference has a malformed date");
      s.match.matched.emplace(ref, *date);
    }
  } catch (const nlohmann::json::exception& e) {
    return bad(e.what());
  }
  return s;
}

}  // namespace tranche::recon
