// The contract between the assistant's understanding (assist/nlu*: fastText intent
// classification and language identification) and its conversation layer
// (assist/dialogue*, tools, policy). The conversation layer depends only on these
// interfaces, so the engine behind them can change (fastText today, an LLM back end as
// an option) without touching policy.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace tranche::assist {

enum class Language : unsigned char { kEnglish, kSwedish, kGerman };

inline constexpr std::array<Language, 3> kLanguages = {Language::kEnglish, Language::kSwedish,
                                                       Language::kGerman};

// "en", "sv", "de".
constexpr std::string_view LanguageCode(Language l) {
  switch (l) {
    case Language::kEnglish: return "en";
    case Language::kSwedish: return "sv";
    case Language::kGerman: return "de";
  }
  return "en";
}

// tranche's own BNPL intents: the labels of the team's intent data (datasets/intents/bnpl)
// and the intents the conversation layer acts on. "oos" is out of scope.
inline constexpr std::array<std::string_view, 44> kBnplIntents = {
    "next_payment",          // when and how much is my next instalment
    "balance",               // what do I owe in total / on a plan
    "list_plans",            // which purchases / plans do I have
    "payment_schedule",      // the instalment dates of a plan
    "payment_history",       // what have I paid
    "pay_now",               // pay an instalment or an amount now
    "payoff",                // pay a plan off in full
    "extend_due_date",       // push a due date out
    "change_payment_method", // use another card / account
    "payment_failed",        // my payment did not go through
    "autopay",               // automatic collections on or off, how they work
    "refund_status",         // where is my refund
    "return_item",           // I am sending something back
    "cancel_order",          // cancel a purchase
    "late_fee",              // why was I charged a late fee
    "fee_waiver",            // please remove a fee (hand-off)
    "dispute_not_received",  // item never arrived
    "dispute_wrong_item",    // wrong, damaged or not as described
    "dispute_unauthorized",  // I did not make this purchase
    "dispute_status",        // what is happening with my dispute
    "pause_payments",        // pause while a return or dispute is open
    "declined_checkout",     // why was my purchase declined
    "spending_limit",        // what is my limit / available credit
    "increase_limit",        // can I get a higher limit
    "apr_interest",          // interest rate, APR, cost of credit
    "fees_overview",         // what fees are there
    "how_it_works",          // how pay in 4 / financing works
    "credit_check",          // does it affect my credit score, do you check credit
    "update_contact_details",// change email, phone, address
    "login_problem",         // cannot log in, code not arriving
    "close_account",         // close my account (hand-off)
    "delete_data",           // delete my data (hand-off)
    "hardship",              // I cannot pay, lost my job (hand-off)
    "bereavement",           // the account holder has died (hand-off)
    "complaint",             // I want to complain (hand-off)
    "legal_threat",          // lawyer, court, regulator (hand-off)
    "report_fraud",          // account taken over, stolen card used
    "human_agent",           // let me talk to a person
    "greeting",              // hi
    "thanks",                // thank you
    "goodbye",               // bye
    "affirm",                // yes, go ahead
    "deny",                  // no, don't
    "oos",                   // out of scope: anything a BNPL lender's service does not cover
};

// One of kBnplIntents.
constexpr bool IsKnownIntent(std::string_view intent) {
  return std::find(kBnplIntents.begin(), kBnplIntents.end(), intent) != kBnplIntents.end();
}

struct IntentPrediction {
  std::string intent;        // one of the classifier's labels
  double confidence = 0.0;   // calibrated probability in [0, 1]
};

// Bound on what understanding reads of one message; longer text is refused at the edge.
inline constexpr std::size_t kMaxUtteranceBytes = 2'000;

class IntentClassifier {
 public:
  virtual ~IntentClassifier() = default;
  // Precondition: text.size() <= kMaxUtteranceBytes. Thread-safe (const).
  virtual IntentPrediction Classify(std::string_view text) const = 0;
};

struct LanguageGuess {
  Language language = Language::kEnglish;
  double confidence = 0.0;  // the detector's probability, 0..1; 0 when there was nothing to read
};

class LanguageDetector {
 public:
  virtual ~LanguageDetector() = default;
  // Precondition: text.size() <= kMaxUtteranceBytes. Thread-safe (const).
  virtual LanguageGuess Guess(std::string_view text) const = 0;
  Language Detect(std::string_view text) const { return Guess(text).language; }
};

}  // namespace tranche::assist
