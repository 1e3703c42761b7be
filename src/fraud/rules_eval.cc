#include "fraud/rules_eval.h"

namespace tranche::fraud {

bool ValidThresholds(const Thresholds& t) {
  return t.review_at >= 1 && t.block_at <= kMaxScore + 1 && t.review_at <= t.block_at;
}

std::string_view DecidedByName(DecidedBy d) {
  switch (d) {
    case DecidedBy::kRule: return "rule";
    case DecidedBy::kScore: return "score";
    case DecidedBy::kDefault: return "default";
  }
  TRANCHE_ASSERT_MSG(false, "unknown DecidedBy");
  return "";
}

namespace {

enum class Truth : unsigned char { kFalse, kTrue, kUnknown };

Truth Of(bool b) { return b ? Truth::kTrue : Truth::kFalse; }

class Evaluator {
 public:
  Evaluator(const RuleSet& rules, const FeatureValues& values, std::optional<int> score,
            const ListLookups* members)
      : rules_(rules), values_(values), score_(score), members_(members) {
    TRANCHE_ASSERT(values.values.size() == rules.feature_count);
    TRANCHE_ASSERT(!score || (*score >= 0 && *score <= kMaxScore));
  }

  // Three-valued: unknown when a value it needs is missing.
  Truth Test(int index) {
    const Node& n = node(index);
    switch (n.kind) {
      case NodeKind::kAnd: {
        const Truth a = Test(n.lhs);
        if (a == Truth::kFalse) return a;
        const Truth b = Test(n.rhs);
        if (b == Truth::kFalse) return b;
        return a == Truth::kTrue && b == Truth::kTrue ? Truth::kTrue : Truth::kUnknown;
      }
      case NodeKind::kOr: {
        const Truth a = Test(n.lhs);
        if (a == Truth::kTrue) return a;
        const Truth b = Test(n.rhs);
        if (b == Truth::kTrue) return b;
        return a == Truth::kFalse && b == Truth::kFalse ? Truth::kFalse : Truth::kUnknown;
      }
      case NodeKind::kNot: {
        const Truth a = Test(n.lhs);
        return a == Truth::kUnknown ? a : Of(a == Truth::kFalse);
      }
      case NodeKind::kCompare: return Compare(n);
      case NodeKind::kIn:
      case NodeKind::kNotIn: {
        const FeatureValue v = Value(n.lhs);
        const auto* text = std::get_if<std::string>(&v);
        if (text == nullptr) return Truth::kUnknown;
        if (members_ == nullptr) {
          asked_.emplace(n.text, *text);
          return Truth::kUnknown;
        }
        const bool member = members_->count({n.text, *text}) > 0;
        return Of(member == (n.kind == NodeKind::kIn));
      }
      default: break;
    }
    TRANCHE_ASSERT_MSG(false, "a rule's expression is a test");
    return Truth::kUnknown;
  }

  // With no members given, every lookup a full evaluation would make (both sides of
  // every and/or are visited, since short-circuits differ once answers are known).
  void CollectLookups(int index) {
    const Node& n = node(index);
    if (n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr || n.kind == NodeKind::kNot) {
      CollectLookups(n.lhs);
      if (n.rhs >= 0) CollectLookups(n.rhs);
    } else if (n.kind == NodeKind::kIn || n.kind == NodeKind::kNotIn) {
      (void)Test(index);
    }
  }

  ListLookups TakeAsked() { return std::move(asked_); }

 private:
  const Node& node(int index) const {
    TRANCHE_ASSERT(index >= 0 && static_cast<std::size_t>(index) < rules_.nodes.size());
    return rules_.nodes[static_cast<std::size_t>(index)];
  }

  FeatureValue Value(int index) const {
    const Node& n = node(index);
    switch (n.kind) {
      case NodeKind::kFeature: return values_.at(n.feature);
      case NodeKind::kScore: return score_ ? FeatureValue(static_cast<double>(*score_)) : FeatureValue();
      case NodeKind::kNumber: return n.number;
      case NodeKind::kText: return n.text;
      default: break;
    }
    TRANCHE_ASSERT_MSG(false, "an operand is a value");
    return {};
  }

  template <typename T>
  static bool Apply(CompareOp op, const T& a, const T& b) {
    switch (op) {
      case CompareOp::kEq: return a == b;
      case CompareOp::kNe: return a != b;
      case CompareOp::kLt: return a < b;
      case CompareOp::kLe: return a <= b;
      case CompareOp::kGt: return a > b;
      case CompareOp::kGe: return a >= b;
    }
    return false;
  }

  Truth Compare(const Node& n) const {
    const FeatureValue a = Value(n.lhs);
    const FeatureValue b = Value(n.rhs);
    if (const auto* x = std::get_if<double>(&a)) {
      const auto* y = std::get_if<double>(&b);
      return y == nullptr ? Truth::kUnknown : Of(Apply(n.cmp, *x, *y));
    }
    if (const auto* x = std::get_if<std::string>(&a)) {
      const auto* y = std::get_if<std::string>(&b);
      return y == nullptr ? Truth::kUnknown : Of(Apply(n.cmp, *x, *y));
    }
    return Truth::kUnknown;
  }

  const RuleSet& rules_;
  const FeatureValues& values_;
  std::optional<int> score_;
  const ListLookups* members_;
  ListLookups asked_;
};

}  // namespace

ListLookups NeededLookups(const RuleSet& rules, const FeatureValues& values) {
  Evaluator e(rules, values, std::nullopt, nullptr);
  for (const Rule& r : rules.rules) e.CollectLookups(r.root);
  return e.TakeAsked();
}

Verdict Evaluate(const RuleSet& rules, const FeatureValues& values, std::optional<int> score,
                 const ListLookups& members, const Thresholds& thresholds) {
  TRANCHE_ASSERT(ValidThresholds(thresholds));
  Evaluator e(rules, values, score, &members);
  Verdict v;
  std::optional<std::size_t> first[3];
  for (std::size_t i = 0; i < rules.rules.size(); ++i) {
    if (e.Test(rules.rules[i].root) != Truth::kTrue) continue;
    v.hits.push_back(i);
    auto& slot = first[static_cast<std::size_t>(rules.rules[i].action)];
    if (!slot) slot = i;
  }
  for (Action a : {Action::kAllow, Action::kBlock, Action::kReview}) {
    if (const auto& hit = first[static_cast<std::size_t>(a)]) {
      v.action = a;
      v.by = DecidedBy::kRule;
      v.rule = *hit;
      return v;
    }
  }
  if (score) {
    v.by = DecidedBy::kScore;
    if (*score >= thresholds.block_at) {
      v.action = Action::kBlock;
    } else if (*score >= thresholds.review_at) {
      v.action = Action::kReview;
    }
  }
  return v;
}

}  // namespace tranche::fraud
