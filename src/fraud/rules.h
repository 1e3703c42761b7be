// Fraud rules: a small language operators write, checked against the feature catalogue
// and the lists that exist, and evaluated over one authorization's feature values.
//
//   # one rule per line; '#' starts a comment
//   allow if email in @trusted_customers
//   block if amount > 100000 and ip_country != billing_country
//   block if email_domain in @disposable_domains
//   review if consumer_decisions_24h >= 3 or (amount >= 50000 and not ip_country = "SE")
//   review if fraud_score >= 70
//
// A rule is `allow|block|review if <expression>`. Expressions combine comparisons with
// `and`, `or`, `not` and parentheses; a comparison is `<operand> <op> <operand>` with
// op one of = != < <= > >= over two numbers or two texts (texts compare bytewise), or
// `<text operand> in @list` / `<text operand> not in @list`. Operands are feature names,
// numbers and "quoted text". `fraud_score` names the model's score (0-99); it is missing
// when no model scored the authorization.
//
// Missing values: a comparison or list test with a missing operand is unknown, `not`
// of unknown is unknown, `and`/`or` follow three-valued logic, and a rule fires only when
// its expression is true — a value that is missing never makes a rule fire.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "fraud/feature_values.h"

namespace tranche::fraud {

enum class Action : unsigned char { kAllow, kBlock, kReview };
std::string_view ActionName(Action a);
std::optional<Action> ParseAction(std::string_view name);

// Bounds, so a rule set is cheap to store, check and evaluate on every authorization.
inline constexpr std::size_t kMaxRulesSourceBytes = 64 * 1024;
inline constexpr std::size_t kMaxRuleLineBytes = 2048;
inline constexpr std::size_t kMaxRules = 256;
inline constexpr std::size_t kMaxExpressionDepth = 32;
inline constexpr std::size_t kMaxRuleErrors = 20;  // reported per source; the rest are counted
inline constexpr std::string_view kScoreName = "fraud_score";

// The rule set a new book starts with (the demo world, the simulator's default): hold
// for a person a large purchase from another country's IP, a consumer on many devices,
// a device used by many consumers, and a burst of purchases. Operators replace it.
inline constexpr std::string_view kStarterRules =
    "review if ip_country_mismatch = 1 and amount > 20000\n"
    "review if distinct_devices_per_consumer_24h >= 3\n"
    "review if distinct_consumers_per_device_24h >= 3\n"
    "review if consumer_count_24h >= 3\n";

// What is wrong at a 1-based line and byte column.
struct RuleError {
  int line = 0;
  int column = 0;
  std::string message;
};

enum class NodeKind : unsigned char {
  kAnd, kOr, kNot,    // lhs (and rhs) are nodes
  kCompare,           // cmp over lhs and rhs operands
  kIn, kNotIn,        // lhs operand, list
  kFeature,           // a feature: its catalogue index
  kScore,             // fraud_score
  kNumber, kText,     // literals
};
enum class CompareOp : unsigned char { kEq, kNe, kLt, kLe, kGt, kGe };

struct Node {
  NodeKind kind = NodeKind::kNumber;
  CompareOp cmp = CompareOp::kEq;
  int lhs = -1;
  int rhs = -1;
  std::size_t feature = 0;
  double number = 0;
  std::string text;  // a text literal, or the list name of kIn/kNotIn
};

struct Rule {
  Action action = Action::kAllow;
  int root = -1;     // index into RuleSet::nodes
  int line = 0;      // where it was written
  std::string text;  // the line as written, without its comment
};

// A checked rule set: every feature exists in the catalogue it was checked against,
// every comparison has operands of one type, every list is known.
struct RuleSet {
  std::vector<Rule> rules;
  std::vector<Node> nodes;
  std::set<std::string> lists;  // the lists the rules read
  std::size_t feature_count = 0;  // the size of the catalogue they were checked against
};

struct ParseOutcome {
  std::optional<RuleSet> rules;     // set when there are no errors
  std::vector<RuleError> errors;    // at most kMaxRuleErrors, in line order
  std::size_t more_errors = 0;      // errors beyond those
};

// Parses and type-checks `source` against `catalogue` (plus fraud_score) and the names
// of the lists that exist. Every line is checked, so one answer lists the errors of
// every rule (up to kMaxRuleErrors).
ParseOutcome ParseRules(std::string_view source, const Catalogue& catalogue,
                        const std::set<std::string, std::less<>>& known_lists);

}  // namespace tranche::fraud
