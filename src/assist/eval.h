// `tranche eval assistant`: plays scenario files (../shared/assistant/SCENARIOS.md) through
// the chat use cases. Each variant gets a fresh simulated world built through the real
// engine on an in-memory store — merchants, checkout decisions, captures on past days,
// daily closes that collect (or fail to, on a failing card), refunds, disputes,
// extensions, a declined checkout and another consumer — then its turns are sent one by
// one and judged: the net account change, no change before the confirmation turn, the
// hand-off, facts that must and must not appear in the replies.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "assist/chat.h"
#include "assist/llm_backend.h"
#include "assist/metrics.h"
#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::assist {

struct VariantResult {
  std::string scenario_id;
  std::string category;
  std::string language;   // en, sv, de
  int index = 0;          // 0..3 for the English paraphrases
  bool passed = false;
  std::vector<std::string> failures;    // why it failed
  std::vector<std::string> violations;  // policy violations among them
  nlohmann::json transcript;            // every turn: text, reply, language, intent, actions, state
  std::vector<ConversationFacts> conversations;  // the variant's, as the store keeps them
};

struct EvalReport {
  std::vector<VariantResult> variants;
  // pass^1 (share of variants passed) and pass^4 (share of scenarios whose four English
  // variants all passed), per category, per language and overall ("all").
  std::map<std::string, double> pass1_by_category, pass4_by_category, pass1_by_language;
  double pass1 = 0, pass4 = 0;
  int passed = 0, failed = 0, violations = 0;
  // The operating metrics (metrics.h) over every variant's conversation, each variant's
  // world kept apart: containment, hand-offs, turns to resolution.
  AssistantMetrics totals;
};

// Plays every scenario of `scenarios` (the parsed file), with `model` proposing when
// given (llm_backend.h). Invalid files are refused.
Result<EvalReport> RunScenarios(const nlohmann::json& scenarios, const IntentClassifier& intents,
                                const LanguageDetector& languages, const ModelBackend* model = nullptr);

// One scenario's account built as the harness builds it (a fresh simulated world on an
// in-memory store, at the scenario's conversation time) and the assistant over it: what
// the whole-turn benchmark (bench/assist_bench.cc) sends its messages to.
class ScenarioAccount {
 public:
  // `intents` and `languages` must outlive the account.
  static Result<std::unique_ptr<ScenarioAccount>> Build(const nlohmann::json& setup, const IntentClassifier& intents,
                                                        const LanguageDetector& languages);
  ~ScenarioAccount();
  Assistant& assistant();
  store::Store& store();
  const std::string& consumer() const;
  Instant now() const;

 private:
  struct Parts;
  explicit ScenarioAccount(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

// The human-readable report, ending with "N passed, M failed".
void PrintReport(const EvalReport& r, std::ostream& out);
// One JSON line per variant with its transcript.
void WriteTranscripts(const EvalReport& r, std::ostream& out);

}  // namespace tranche::assist
