// Scripted understanding for tests: a keyword table standing in for the fastText
// classifier and language detector (assist/nlu*), so the conversation layer is tested
// without a model. Test code only; the product gets the real ones.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "assist/text.h"
#include "assist/understanding.h"
#include "support/test_server.h"

namespace tranche::testing {

class KeywordClassifier final : public assist::IntentClassifier {
 public:
  assist::IntentPrediction Classify(std::string_view text) const override {
    const std::string folded = assist::Fold(text);
    static const std::vector<std::pair<std::string_view, std::string_view>> kRules = {
        {"yes", "affirm"}, {"ja", "affirm"}, {"sure", "affirm"}, {"no", "deny"}, {"nej", "deny"}, {"nein", "deny"},
        {"pay off", "payoff"}, {"payoff", "payoff"}, {"settle", "payoff"}, {"lösa", "payoff"}, {"ablösen", "payoff"},
        {"extend", "extend_due_date"}, {"push", "extend_due_date"}, {"delay", "extend_due_date"},
        {"skjuta upp", "extend_due_date"}, {"verschieben", "extend_due_date"},
        {"card", "change_payment_method"}, {"kort", "change_payment_method"}, {"karte", "change_payment_method"},
        {"pay", "pay_now"}, {"betala", "pay_now"}, {"bezahlen", "pay_now"}, {"zahlen", "pay_now"},
        {"next payment", "next_payment"}, {"nästa betalning", "next_payment"}, {"nächste zahlung", "next_payment"},
        {"balance", "balance"}, {"owe", "balance"}, {"limit", "spending_limit"}, {"raise", "increase_limit"},
        {"never arrived", "dispute_not_received"}, {"not me", "dispute_unauthorized"}, {"refund", "refund_status"}, {"late fee", "late_fee"},
        {"how does", "how_it_works"}, {"complain", "complaint"}, {"hello", "greeting"}, {"capital", "oos"},
    };
    for (const auto& [word, intent] : kRules) {
      if (assist::HasPhrase(folded, word)) return {std::string(intent), 0.9};
    }
    return {"oos", 0.2};
  }
};

class KeywordLanguageDetector final : public assist::LanguageDetector {
 public:
  // Sure of every guess: the tables decide.
  assist::LanguageGuess Guess(std::string_view text) const override {
    const std::string folded = assist::Fold(text);
    if (assist::HasAnyPhrase(folded, {"ich", "nein", "meine", "bitte", "zahlen", "bezahlen", "ist"})) {
      return {assist::Language::kGerman, 1.0};
    }
    if (assist::HasAnyPhrase(folded, {"jag", "nej", "min", "mitt", "betala", "hur", "är"})) {
      return {assist::Language::kSwedish, 1.0};
    }
    return {assist::Language::kEnglish, 1.0};
  }
};

// Server options with the assistant on, understanding by the keyword tables above.
inline TestServerOptions WithKeywordAssistant() {
  static const KeywordClassifier intents;
  static const KeywordLanguageDetector languages;
  TestServerOptions o;
  o.intent_classifier = &intents;
  o.language_detector = &languages;
  return o;
}

// Options for opening an app::Platform directly, for a test that needs the platform's
// objects rather than its HTTP server: files in `data_dir`, the store at `database`
// (empty: SQLite in data_dir), migrated, an ephemeral port, no access log, and the
// keyword assistant.
inline app::PlatformOptions KeywordAssistantPlatform(const std::string& data_dir, const std::string& database) {
  const TestServerOptions keywords = WithKeywordAssistant();
  app::PlatformOptions o;
  o.data_dir = data_dir;
  o.database = database;
  o.migrate = true;
  o.server.port = 0;
  o.access_log = "off";
  o.intent_classifier = keywords.intent_classifier;
  o.language_detector = keywords.language_detector;
  return o;
}

}  // namespace tranche::testing
