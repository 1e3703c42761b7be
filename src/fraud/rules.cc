#include "fraud/rules.h"

#include <algorithm>

#include "fraud/rules_lexer.h"

namespace tranche::fraud {

std::string_view ActionName(Action a) {
  switch (a) {
    case Action::kAllow: return "allow";
    case Action::kBlock: return "block";
    case Action::kReview: return "review";
  }
  TRANCHE_ASSERT_MSG(false, "unknown action");
  return "";
}

std::optional<Action> ParseAction(std::string_view name) {
  if (name == "allow") return Action::kAllow;
  if (name == "block") return Action::kBlock;
  if (name == "review") return Action::kReview;
  return std::nullopt;
}

namespace {

bool IsKeyword(std::string_view s) {
  return s == "allow" || s == "block" || s == "review" || s == "if" || s == "and" || s == "or" ||
         s == "not" || s == "in";
}

std::optional<CompareOp> ParseCompare(std::string_view s) {
  if (s == "=") return CompareOp::kEq;
  if (s == "!=") return CompareOp::kNe;
  if (s == "<") return CompareOp::kLt;
  if (s == "<=") return CompareOp::kLe;
  if (s == ">") return CompareOp::kGt;
  if (s == ">=") return CompareOp::kGe;
  return std::nullopt;
}

std::string_view TypeName(ValueType t) { return t == ValueType::kNumber ? "a number" : "text"; }

// What a token looks like in an error message.
std::string Shown(const Token& t) {
  switch (t.kind) {
    case TokenKind::kEnd: return "the end of the rule";
    case TokenKind::kListRef: return "'@" + t.text + "'";
    case TokenKind::kText: return "quoted text";
    default: return "'" + t.text + "'";
  }
}

// Parses one line's tokens into nodes appended to `nodes`. The first error stops it.
class LineParser {
 public:
  LineParser(std::vector<Token> tokens, int line, const Catalogue& catalogue,
             const std::set<std::string, std::less<>>& lists, RuleSet& out)
      : tokens_(std::move(tokens)), line_(line), catalogue_(catalogue), lists_(lists), out_(out) {}

  // A rule, or nullopt with error() set.
  std::optional<Rule> ParseRule() {
    const Token& first = Next();
    const auto action = first.kind == TokenKind::kIdent ? ParseAction(first.text) : std::nullopt;
    if (!action) return Fail(first, "expected 'allow', 'block' or 'review', found " + Shown(first));
    const Token& kw = Next();
    if (kw.kind != TokenKind::kIdent || kw.text != "if") return Fail(kw, "expected 'if', found " + Shown(kw));
    const int root = ParseOr(0);
    if (root < 0) return std::nullopt;
    const Token& end = Next();
    if (end.kind != TokenKind::kEnd) {
      return Fail(end, "expected 'and', 'or' or the end of the rule, found " + Shown(end));
    }
    return Rule{*action, root, line_, ""};
  }

  const RuleError& error() const { return error_; }

 private:
  struct Operand {
    int node = -1;
    ValueType type = ValueType::kNumber;
  };

  const Token& Peek() const { return tokens_[std::min(pos_, tokens_.size() - 1)]; }
  const Token& Next() {
    const Token& t = Peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool PeekWord(std::string_view w) const { return Peek().kind == TokenKind::kIdent && Peek().text == w; }

  std::nullopt_t Fail(const Token& at, std::string message) {
    if (error_.line == 0) error_ = {line_, at.column, std::move(message)};
    return std::nullopt;
  }
  int FailNode(const Token& at, std::string message) {
    Fail(at, std::move(message));
    return -1;
  }

  // Appends a node whose children are already appended; fails past the depth bound.
  int Add(Node n, const Token& at) {
    std::size_t depth = 1;
    if (n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr || n.kind == NodeKind::kNot) {
      depth += depth_[static_cast<std::size_t>(n.lhs)];
      if (n.rhs >= 0) depth = std::max(depth, 1 + depth_[static_cast<std::size_t>(n.rhs)]);
    }
    if (depth > kMaxExpressionDepth) {
      return FailNode(at, "the expression is nested deeper than " + std::to_string(kMaxExpressionDepth));
    }
    out_.nodes.push_back(std::move(n));
    depth_.resize(out_.nodes.size(), 1);
    depth_.back() = depth;
    return static_cast<int>(out_.nodes.size() - 1);
  }

  int ParseOr(std::size_t nesting) {
    int lhs = ParseAnd(nesting);
    while (lhs >= 0 && PeekWord("or")) {
      const Token& op = Next();
      const int rhs = ParseAnd(nesting);
      if (rhs < 0) return -1;
      lhs = Add(Node{NodeKind::kOr, CompareOp::kEq, lhs, rhs, 0, 0, ""}, op);
    }
    return lhs;
  }

  int ParseAnd(std::size_t nesting) {
    int lhs = ParseNot(nesting);
    while (lhs >= 0 && PeekWord("and")) {
      const Token& op = Next();
      const int rhs = ParseNot(nesting);
      if (rhs < 0) return -1;
      lhs = Add(Node{NodeKind::kAnd, CompareOp::kEq, lhs, rhs, 0, 0, ""}, op);
    }
    return lhs;
  }

  int ParseNot(std::size_t nesting) {
    if (nesting >= kMaxExpressionDepth) {
      return FailNode(Peek(), "the expression is nested deeper than " + std::to_string(kMaxExpressionDepth));
    }
    if (PeekWord("not")) {
      const Token& op = Next();
      const int inner = ParseNot(nesting + 1);
      if (inner < 0) return -1;
      return Add(Node{NodeKind::kNot, CompareOp::kEq, inner, -1, 0, 0, ""}, op);
    }
    if (Peek().kind == TokenKind::kLParen) {
      Next();
      const int inner = ParseOr(nesting + 1);
      if (inner < 0) return -1;
      const Token& close = Next();
      if (close.kind != TokenKind::kRParen) return FailNode(close, "expected ')', found " + Shown(close));
      return inner;
    }
    return ParseTest();
  }

  std::optional<Operand> ParseOperand() {
    const Token& t = Next();
    Node n;
    ValueType type = ValueType::kNumber;
    if (t.kind == TokenKind::kNumber) {
      n.kind = NodeKind::kNumber;
      n.number = t.number;
    } else if (t.kind == TokenKind::kText) {
      n.kind = NodeKind::kText;
      n.text = t.text;
      type = ValueType::kText;
    } else if (t.kind == TokenKind::kIdent && !IsKeyword(t.text)) {
      if (t.text == kScoreName) {
        n.kind = NodeKind::kScore;
      } else {
        const auto index = catalogue_.Find(t.text);
        if (!index) return Fail(t, "unknown feature '" + t.text + "'");
        n.kind = NodeKind::kFeature;
        n.feature = *index;
        type = catalogue_.at(*index).type;
      }
    } else {
      return Fail(t, "expected a feature, a number or quoted text, found " + Shown(t));
    }
    const int node = Add(std::move(n), t);
    if (node < 0) return std::nullopt;
    return Operand{node, type};
  }

  // <operand> <op> <operand> | <operand> [not] in @list
  int ParseTest() {
    const Token& start = Peek();
    const auto lhs = ParseOperand();
    if (!lhs) return -1;
    const Token& op = Next();
    if (op.kind == TokenKind::kCompare) {
      const Token& right_at = Peek();
      const auto rhs = ParseOperand();
      if (!rhs) return -1;
      if (rhs->type != lhs->type) {
        return FailNode(right_at, "cannot compare " + std::string(TypeName(lhs->type)) + " with " +
                                      std::string(TypeName(rhs->type)));
      }
      return Add(Node{NodeKind::kCompare, *ParseCompare(op.text), lhs->node, rhs->node, 0, 0, ""}, op);
    }
    bool negated = false;
    const Token* in = &op;
    if (op.kind == TokenKind::kIdent && op.text == "not") {
      negated = true;
      in = &Next();
      if (in->kind != TokenKind::kIdent || in->text != "in") {
        return FailNode(*in, "expected 'in' after 'not', found " + Shown(*in));
      }
    }
    if (in->kind != TokenKind::kIdent || in->text != "in") {
      return FailNode(op, "expected a comparison (= != < <= > >=) or 'in', found " + Shown(op));
    }
    if (lhs->type != ValueType::kText) return FailNode(start, "'in' tests text, and this is a number");
    const Token& list = Next();
    if (list.kind != TokenKind::kListRef) return FailNode(list, "expected a list like @name, found " + Shown(list));
    if (lists_.find(list.text) == lists_.end()) return FailNode(list, "unknown list @" + list.text);
    out_.lists.insert(list.text);
    return Add(Node{negated ? NodeKind::kNotIn : NodeKind::kIn, CompareOp::kEq, lhs->node, -1, 0, 0, list.text},
               op);
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int line_;
  const Catalogue& catalogue_;
  const std::set<std::string, std::less<>>& lists_;
  RuleSet& out_;
  std::vector<std::size_t> depth_ = std::vector<std::size_t>(out_.nodes.size(), 1);
  RuleError error_;
};

std::string_view WithoutComment(std::string_view line) {
  // A '#' inside quoted text is text; outside, it starts the comment.
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (quoted && line[i] == '\\') {
      ++i;
    } else if (line[i] == '"') {
      quoted = !quoted;
    } else if (!quoted && line[i] == '#') {
      line = line.substr(0, i);
      break;
    }
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

}  // namespace

ParseOutcome ParseRules(std::string_view source, const Catalogue& catalogue,
                        const std::set<std::string, std::less<>>& known_lists) {
  ParseOutcome out;
  const auto report = [&out](RuleError e) {
    if (out.errors.size() < kMaxRuleErrors) {
      out.errors.push_back(std::move(e));
    } else {
      ++out.more_errors;
    }
  };
  if (source.size() > kMaxRulesSourceBytes) {
    report({1, 1, "the rules are longer than " + std::to_string(kMaxRulesSourceBytes) + " bytes"});
    return out;
  }
  RuleSet set;
  set.feature_count = catalogue.size();
  int line_no = 0;
  std::size_t start = 0;
  while (start <= source.size()) {
    const std::size_t nl = std::min(source.find('\n', start), source.size());
    const std::string_view line = source.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    if (line.size() > kMaxRuleLineBytes) {
      report({line_no, 1, "the line is longer than " + std::to_string(kMaxRuleLineBytes) + " bytes"});
      continue;
    }
    std::vector<Token> tokens = LexLine(line);
    if (tokens.front().kind == TokenKind::kEnd) continue;  // blank or a comment
    if (tokens.back().kind == TokenKind::kError) {
      report({line_no, tokens.back().column, tokens.back().text});
      continue;
    }
    if (set.rules.size() == kMaxRules) {
      report({line_no, 1, "more than " + std::to_string(kMaxRules) + " rules"});
      continue;
    }
    const std::size_t nodes_before = set.nodes.size();
    LineParser parser(std::move(tokens), line_no, catalogue, known_lists, set);
    std::optional<Rule> rule = parser.ParseRule();
    if (!rule) {
      set.nodes.resize(nodes_before);
      report(parser.error());
      continue;
    }
    rule->text = std::string(WithoutComment(line));
    set.rules.push_back(std::move(*rule));
  }
  if (out.errors.empty()) out.rules = std::move(set);
  return out;
}

}  // namespace tranche::fraud
