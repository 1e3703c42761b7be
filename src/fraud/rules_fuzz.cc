// libFuzzer target for the rules parser and evaluator (built with TRANCHE_FUZZ): any
// bytes parse to rules or to bounded, well-placed errors, never to a crash, and rules
// that check evaluate over values of every kind without tripping an assertion.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fraud/rules.h"
#include "fraud/rules_eval.h"

namespace {

using namespace tranche::fraud;  // NOLINT: a fuzz target

const Catalogue& FuzzCatalogue() {
  static const Catalogue c({{"amount", ValueType::kNumber, ""},
                            {"email", ValueType::kText, ""},
                            {"domain", ValueType::kText, ""},
                            {"ip_country", ValueType::kText, ""},
                            {"billing_country", ValueType::kText, ""},
                            {"text", ValueType::kText, ""}});
  return c;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  static const std::set<std::string, std::less<>> lists = {"trusted", "disposable"};
  const ParseOutcome p = ParseRules(source, FuzzCatalogue(), lists);
  Check(p.rules.has_value() == p.errors.empty());
  Check(p.errors.size() <= kMaxRuleErrors);
  for (const RuleError& e : p.errors) {
    Check(e.line >= 1 && e.column >= 1 && !e.message.empty());
    Check(static_cast<std::size_t>(e.column) <= std::max<std::size_t>(size, kMaxRuleLineBytes) + 1);
  }
  if (!p.rules) return 0;
  Check(p.rules->rules.size() <= kMaxRules);
  // Every value missing, then every value present, with and without a score.
  FeatureValues missing;
  missing.values.resize(FuzzCatalogue().size());
  FeatureValues present{{12345.0, "a@b.se", "b.se", "SE", "US", "a\"b"}};
  for (const FeatureValues* v : {&missing, &present}) {
    const ListLookups asked = NeededLookups(*p.rules, *v);
    for (const std::optional<int> score : {std::optional<int>(), std::optional<int>(75)}) {
      const Verdict verdict = Evaluate(*p.rules, *v, score, asked, {70, 90});
      Check(verdict.hits.size() <= p.rules->rules.size());
      Check(verdict.rule.has_value() == (verdict.by == DecidedBy::kRule));
    }
  }
  return 0;
}
