#include "fraud/rules.h"

#include <gtest/gtest.h>

#include <random>

#include "fraud/rules_eval.h"

namespace tranche::fraud {
namespace {

Catalogue TestCatalogue() {
  return Catalogue({{"amount", ValueType::kNumber, ""},
                    {"email", ValueType::kText, ""},
                    {"email_domain", ValueType::kText, ""},
                    {"ip_country", ValueType::kText, ""},
                    {"billing_country", ValueType::kText, ""},
                    {"distinct_consumers_per_device_24h", ValueType::kNumber, ""}});
}

const std::set<std::string, std::less<>> kLists = {"trusted_customers", "disposable_domains"};

RuleSet MustParse(std::string_view source) {
  ParseOutcome p = ParseRules(source, TestCatalogue(), kLists);
  EXPECT_TRUE(p.errors.empty()) << (p.errors.empty() ? "" : p.errors[0].message);
  return p.rules.value_or(RuleSet{});
}

RuleError FirstError(std::string_view source) {
  ParseOutcome p = ParseRules(source, TestCatalogue(), kLists);
  EXPECT_FALSE(p.rules.has_value());
  return p.errors.empty() ? RuleError{} : p.errors[0];
}

FeatureValues Values(FeatureValue amount, FeatureValue email, FeatureValue domain, FeatureValue ip_country,
                     FeatureValue billing, FeatureValue devices) {
  return {{amount, email, domain, ip_country, billing, devices}};
}

FeatureValues Typical() { return Values(5000.0, "a@b.se", "b.se", "SE", "SE", 1.0); }

TEST(RulesParse, ReadsTheIssuesExamples) {
  const RuleSet rs = MustParse(
      "# the team's rules\n"
      "block if amount > 100000 and ip_country != billing_country\n"
      "\n"
      "review if distinct_consumers_per_device_24h >= 3   # shared devices\n"
      "allow if email in @trusted_customers\n"
      "block if email_domain in @disposable_domains\n"
      "review if fraud_score >= 70\n"
      "review if not (amount < 10 or amount <= -2.5) and email_domain not in @trusted_customers\n");
  ASSERT_EQ(rs.rules.size(), 6u);
  EXPECT_EQ(rs.rules[0].action, Action::kBlock);
  EXPECT_EQ(rs.rules[0].line, 2);
  EXPECT_EQ(rs.rules[1].text, "review if distinct_consumers_per_device_24h >= 3");
  EXPECT_EQ(rs.rules[2].action, Action::kAllow);
  EXPECT_EQ(rs.lists, (std::set<std::string>{"trusted_customers", "disposable_domains"}));
  EXPECT_EQ(rs.feature_count, 6u);
}

TEST(RulesParse, EmptySourceHasNoRules) {
  EXPECT_TRUE(MustParse("").rules.empty());
  EXPECT_TRUE(MustParse("\n  # nothing\n\n").rules.empty());
}

TEST(RulesParse, ErrorsSayWhereAndWhatWasExpected) {
  struct Case {
    const char* source;
    int line, column;
    const char* message;
  } cases[] = {
      {"deny if amount > 1", 1, 1, "expected 'allow', 'block' or 'review', found 'deny'"},
      {"block when amount > 1", 1, 7, "expected 'if', found 'when'"},
      {"block if amount >", 1, 18, "expected a feature, a number or quoted text, found the end of the rule"},
      {"block if amonut > 1", 1, 10, "unknown feature 'amonut'"},
      {"block if amount > \"x\"", 1, 19, "cannot compare a number with text"},
      {"block if email in @nope", 1, 19, "unknown list @nope"},
      {"block if amount in @trusted_customers", 1, 10, "'in' tests text, and this is a number"},
      {"block if (amount > 1", 1, 21, "expected ')', found the end of the rule"},
      {"block if amount > 1 amount", 1, 21, "expected 'and', 'or' or the end of the rule, found 'amount'"},
      {"block if amount", 1, 16, "expected a comparison (= != < <= > >=) or 'in', found the end of the rule"},
      {"block if email not @x", 1, 20, "expected 'in' after 'not', found '@x'"},
      {"block if email = \"open", 1, 18, "quoted text is not closed"},
      {"block if amount ! 3", 1, 17, "expected '!='"},
      {"block if amount > 1 $", 1, 21, "unexpected character"},
      {"block if email in trusted", 1, 19, "expected a list like @name, found 'trusted'"},
      {"allow if email = \"a\"\n\nreview if and", 3, 11, "expected a feature, a number or quoted text, found 'and'"},
  };
  for (const Case& c : cases) {
    const RuleError e = FirstError(c.source);
    EXPECT_EQ(e.line, c.line) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
    EXPECT_EQ(e.message, c.message) << c.source;
  }
}

TEST(RulesParse, ReportsEveryBadLineUpToTheBound) {
  std::string source;
  for (int i = 0; i < 30; ++i) source += "block if nope > 1\n";
  ParseOutcome p = ParseRules(source, TestCatalogue(), kLists);
  EXPECT_FALSE(p.rules);
  ASSERT_EQ(p.errors.size(), kMaxRuleErrors);
  EXPECT_EQ(p.errors[19].line, 20);
  EXPECT_EQ(p.more_errors, 10u);
}

TEST(RulesParse, Limits) {
  EXPECT_EQ(FirstError(std::string(kMaxRulesSourceBytes + 1, ' ')).message, "the rules are longer than 65536 bytes");
  EXPECT_EQ(FirstError("allow if email = \"" + std::string(kMaxRuleLineBytes, 'a') + "\"").message,
            "the line is longer than 2048 bytes");
  std::string many;
  for (std::size_t i = 0; i <= kMaxRules; ++i) many += "review if amount > " + std::to_string(i) + "\n";
  const RuleError e = FirstError(many);
  EXPECT_EQ(e.line, static_cast<int>(kMaxRules) + 1);
  EXPECT_EQ(e.message, "more than 256 rules");
  std::string deep = "block if " + std::string(40, '(') + "amount > 1" + std::string(40, ')');
  EXPECT_EQ(FirstError(deep).message, "the expression is nested deeper than 32");
  std::string chain = "block if amount > 0";
  for (int i = 0; i < 40; ++i) chain += " and amount > 0";
  EXPECT_EQ(FirstError(chain).message, "the expression is nested deeper than 32");
  EXPECT_EQ(FirstError("block if email = \"" + std::string(300, 'x') + "\"").message,
            "quoted text is longer than 256 bytes");
}

TEST(RulesEval, FirstMatchInAllowBlockReviewOrder) {
  const RuleSet rs = MustParse(
      "review if amount > 1000\n"
      "block if amount > 2000\n"
      "allow if email in @trusted_customers\n");
  const ListLookups trusted = {{"trusted_customers", "a@b.se"}};
  Verdict v = Evaluate(rs, Typical(), std::nullopt, trusted, {});
  EXPECT_EQ(v.action, Action::kAllow);
  EXPECT_EQ(v.by, DecidedBy::kRule);
  EXPECT_EQ(v.rule, 2u);
  EXPECT_EQ(v.hits, (std::vector<std::size_t>{0, 1, 2}));
  v = Evaluate(rs, Typical(), std::nullopt, {}, {});
  EXPECT_EQ(v.action, Action::kBlock);
  EXPECT_EQ(v.rule, 1u);
  v = Evaluate(rs, Values(1500.0, "a@b.se", "b.se", "SE", "SE", 1.0), std::nullopt, {}, {});
  EXPECT_EQ(v.action, Action::kReview);
  EXPECT_EQ(v.rule, 0u);
}

TEST(RulesEval, ScoreThresholdsDecideWhenNoRuleFires) {
  const RuleSet rs = MustParse("block if amount > 1000000\n");
  const Thresholds t{70, 90};
  EXPECT_EQ(Evaluate(rs, Typical(), 95, {}, t).action, Action::kBlock);
  EXPECT_EQ(Evaluate(rs, Typical(), 90, {}, t).action, Action::kBlock);
  EXPECT_EQ(Evaluate(rs, Typical(), 89, {}, t).action, Action::kReview);
  EXPECT_EQ(Evaluate(rs, Typical(), 70, {}, t).action, Action::kReview);
  const Verdict low = Evaluate(rs, Typical(), 69, {}, t);
  EXPECT_EQ(low.action, Action::kAllow);
  EXPECT_EQ(low.by, DecidedBy::kScore);
  // No model: the thresholds are not applied.
  const Verdict none = Evaluate(rs, Typical(), std::nullopt, {}, t);
  EXPECT_EQ(none.action, Action::kAllow);
  EXPECT_EQ(none.by, DecidedBy::kDefault);
  EXPECT_EQ(Evaluate(rs, Typical(), 99, {}, {70, 100}).action, Action::kReview);
}

TEST(RulesEval, ScoreRulesNeverFireWithoutAScore) {
  const RuleSet rs = MustParse("review if fraud_score >= 70\nblock if not fraud_score < 50\n");
  EXPECT_EQ(Evaluate(rs, Typical(), std::nullopt, {}, {}).hits.size(), 0u);
  EXPECT_EQ(Evaluate(rs, Typical(), 80, {}, {}).action, Action::kBlock);
  EXPECT_EQ(Evaluate(rs, Typical(), 75, {}, {100, 100}).hits, (std::vector<std::size_t>{0, 1}));
}

TEST(RulesEval, MissingValuesNeverMakeARuleFire) {
  const RuleSet rs = MustParse(
      "block if ip_country != billing_country\n"
      "block if not ip_country = \"SE\"\n"
      "block if ip_country not in @trusted_customers\n"
      "review if ip_country = \"SE\" or amount > 1\n"
      "review if ip_country = \"SE\" and amount > 1\n");
  const FeatureValues no_ip = Values(5000.0, "a@b.se", "b.se", std::monostate{}, "SE", 1.0);
  const Verdict v = Evaluate(rs, no_ip, std::nullopt, {}, {});
  EXPECT_EQ(v.hits, (std::vector<std::size_t>{3}));  // unknown or true is true
  EXPECT_EQ(v.action, Action::kReview);
  const FeatureValues abroad = Values(5000.0, "a@b.se", "b.se", "US", "SE", 1.0);
  EXPECT_EQ(Evaluate(rs, abroad, std::nullopt, {}, {}).hits, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(RulesEval, TextComparesBytewise) {
  const RuleSet rs = MustParse("review if email_domain >= \"m\" and email_domain < \"n\"\n");
  EXPECT_EQ(Evaluate(rs, Values(1.0, "x", "mail.se", "SE", "SE", 1.0), std::nullopt, {}, {}).action,
            Action::kReview);
  EXPECT_EQ(Evaluate(rs, Values(1.0, "x", "b.se", "SE", "SE", 1.0), std::nullopt, {}, {}).action, Action::kAllow);
}

TEST(RulesEval, NeededLookupsAreEveryListTestWithAValue) {
  const RuleSet rs = MustParse(
      "allow if amount > 1 or email in @trusted_customers\n"
      "block if email_domain not in @disposable_domains and ip_country in @disposable_domains\n");
  const ListLookups asked =
      NeededLookups(rs, Values(5000.0, "a@b.se", "b.se", std::monostate{}, "SE", 1.0));
  EXPECT_EQ(asked, (ListLookups{{"trusted_customers", "a@b.se"}, {"disposable_domains", "b.se"}}));
}

// Property: for random valid rule sets and values, evaluating with exactly the
// members looked up gives the same verdict as evaluating with a superset of pairs the
// rules never ask about (lookups are complete), and a replay is identical.
TEST(RulesEval, LookupsAreCompleteProperty) {
  std::mt19937_64 rng(20261201);
  const char* tests[] = {"amount > 3000", "amount <= 100", "email in @trusted_customers",
                         "email_domain not in @disposable_domains", "ip_country != billing_country",
                         "fraud_score >= 50", "distinct_consumers_per_device_24h >= 2", "email = \"a@b.se\""};
  const char* actions[] = {"allow", "block", "review"};
  for (int round = 0; round < 300; ++round) {
    std::string src;
    const int n = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      src += std::string(actions[rng() % 3]) + " if " + tests[rng() % 8];
      if (rng() % 2) src += std::string(rng() % 2 ? " and " : " or not ") + tests[rng() % 8];
      src += "\n";
    }
    const RuleSet rs = MustParse(src);
    const FeatureValues v = Values(static_cast<double>(rng() % 6000), rng() % 2 ? "a@b.se" : "c@d.se",
                                   rng() % 2 ? "b.se" : "d.se", rng() % 3 ? FeatureValue("SE") : FeatureValue(),
                                   "SE", static_cast<double>(rng() % 4));
    const std::optional<int> score = rng() % 2 ? std::optional<int>(static_cast<int>(rng() % 100)) : std::nullopt;
    ListLookups members;
    for (const auto& pair : NeededLookups(rs, v)) {
      if (rng() % 2) members.insert(pair);
    }
    ListLookups superset = members;
    superset.insert({"trusted_customers", "zz"});
    superset.insert({"other", "a@b.se"});
    const Verdict a = Evaluate(rs, v, score, members, {});
    const Verdict b = Evaluate(rs, v, score, superset, {});
    EXPECT_EQ(a.action, b.action) << src;
    EXPECT_EQ(a.hits, b.hits) << src;
    EXPECT_EQ(a.rule, b.rule) << src;
  }
}

}  // namespace
}  // namespace tranche::fraud
