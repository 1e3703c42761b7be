// `tranche eval assistant`: plays scenario files (../shared/assistant/SCENARIOS.md) through
// the chat use cases. Each variant gets a fresh simulated world built through the real
// engine on an in-memory store — merchants, checkout decisions, captures on past days,
// daily closes that collect (or fail to, on a failing card), refunds, disputes,
// extensions, a declined checkout and another consumer — then its turns are sent one by
// one and judged: the net account change, no change before the confirmation turn, the
// hand-off, facts that must and must not appear in the replies.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "assist/conversation.h"
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
  AssistantStats stats;                 // the variant's conversation, as the store counts it
};

struct EvalReport {
  std::vector<VariantResult> variants;
  // pass^1 (share of variants passed) and pass^4 (share of scenarios whose four English
  // variants all passed), per category, per language and overall ("all").
  std::map<std::string, double> pass1_by_category, pass4_by_category, pass1_by_language;
  double pass1 = 0, pass4 = 0;
  int passed = 0, failed = 0, violations = 0;
  // Over every variant's conversation: contained (answered, never handed off), handed
  // off, and consumer messages in the contained ones (turns to resolution).
  AssistantStats totals;
};

// Plays every scenario of `scenarios` (the parsed file). Invalid files are refused.
Result<EvalReport> RunScenarios(const nlohmann::json& scenarios, const IntentClassifier& intents,
                                const LanguageDetector& languages);

// The human-readable report, ending with "N passed, M failed".
void PrintReport(const EvalReport& r, std::ostream& out);
// One JSON line per variant with its transcript.
void WriteTranscripts(const EvalReport& r, std::ostream& out);

}  // namespace tranche::assist
