#include "fraud/backtest.h"

#include <gtest/gtest.h>

namespace tranche::fraud {
namespace {

Catalogue TestCatalogue() {
  return Catalogue({{"amount", ValueType::kNumber, ""},
                    {"email_domain", ValueType::kText, ""},
                    {"ip_country", ValueType::kText, ""},
                    {"billing_country", ValueType::kText, ""}});
}

const std::set<std::string, std::less<>> kLists = {"trusted", "disposable"};

// The candidate: trusted domains pass, large cross-border amounts are blocked,
// disposable domains reviewed.
constexpr std::string_view kCandidate =
    "allow if email_domain in @trusted\n"
    "block if amount > 100000 and ip_country != billing_country\n"
    "review if email_domain in @disposable\n";

// A stored decision as screening would have kept it: the features by name, the score,
// the action taken. Stored members are empty: the backtest must not read them.
FraudDecision Stored(std::string id, Money amount, std::string domain, std::string ip, Action actual,
                     std::optional<int> score = std::nullopt) {
  FraudDecision d;
  d.id = std::move(id);
  d.amount = amount;
  d.action = actual;
  d.features = {{"amount", static_cast<double>(amount.minor())},
                {"email_domain", std::move(domain)},
                {"ip_country", std::move(ip)},
                {"billing_country", std::string("SE")}};
  if (score) d.score = Score{*score, {}, "m1"};
  return d;
}

Money Sek(std::int64_t minor) { return Money(minor, Currency::kSEK); }
Money Eur(std::int64_t minor) { return Money(minor, Currency::kEUR); }

struct Case {
  FraudDecision decision;
  Labelled labelled;
};

std::vector<Case> History() {
  return {
      {Stored("frd_1", Sek(150000), "a.se", "SE", Action::kAllow), Labelled::kFraud},  // missed by both
      {Stored("frd_2", Sek(200000), "b.se", "US", Action::kAllow), Labelled::kFraud},  // newly blocked
      {Stored("frd_3", Sek(120000), "mailinator.com", "DE", Action::kBlock), Labelled::kLegitimate},
      {Stored("frd_4", Sek(5000), "mailinator.com", "SE", Action::kReview), Labelled::kLegitimate},
      {Stored("frd_5", Eur(3000), "c.se", "SE", Action::kBlock, 95), Labelled::kFraud},  // score blocks
      {Stored("frd_6", Sek(300000), "trusted.se", "US", Action::kBlock), Labelled::kLegitimate},  // allow wins
      {Stored("frd_7", Eur(8000), "d.se", "SE", Action::kAllow, 75), Labelled::kFraud},  // score reviews
      {Stored("frd_8", Sek(1000), "e.se", "SE", Action::kAllow), Labelled::kUnknown},
  };
}

// The lists as they are now.
const ListLookups kMembersNow = {{"disposable", "mailinator.com"}, {"trusted", "trusted.se"}};

RuleSet MustParse(std::string_view source, const Catalogue& catalogue) {
  ParseOutcome p = ParseRules(source, catalogue, kLists);
  EXPECT_TRUE(p.errors.empty()) << (p.errors.empty() ? "" : p.errors[0].message);
  return p.rules.value_or(RuleSet{});
}

BacktestSummary Replayed(const RuleSet& rules, const Catalogue& catalogue, const std::vector<Case>& cases) {
  Backtest b(rules, catalogue, {rules.lists.begin(), rules.lists.end()});
  for (const Case& c : cases) b.Add(c.decision, c.labelled, kMembersNow);
  return b.Finish(false);
}

TEST(Backtest, ReplaysInProductionOrderAndSummarizesWithLabels) {
  const Catalogue catalogue = TestCatalogue();
  const RuleSet rules = MustParse(kCandidate, catalogue);
  const BacktestSummary s = Replayed(rules, catalogue, History());

  EXPECT_EQ(s.replayed, 8u);
  EXPECT_FALSE(s.limit_reached);
  EXPECT_EQ(s.lists, (std::vector<std::string>{"disposable", "trusted"}));

  EXPECT_EQ(s.block.count, 3u);
  EXPECT_EQ(s.block.amount_minor, (std::map<Currency, std::int64_t>{{Currency::kEUR, 3000}, {Currency::kSEK, 320000}}));
  EXPECT_EQ(s.block.fraud, 2u);
  EXPECT_EQ(s.block.legitimate, 1u);
  EXPECT_EQ(s.block.unknown, 0u);
  EXPECT_EQ(s.block.examples, (std::vector<std::string>{"frd_2", "frd_3", "frd_5"}));

  EXPECT_EQ(s.review.count, 2u);
  EXPECT_EQ(s.review.amount_minor, (std::map<Currency, std::int64_t>{{Currency::kEUR, 8000}, {Currency::kSEK, 5000}}));
  EXPECT_EQ(s.review.fraud, 1u);
  EXPECT_EQ(s.review.legitimate, 1u);
  EXPECT_EQ(s.review.examples, (std::vector<std::string>{"frd_4", "frd_7"}));

  EXPECT_EQ(s.allow.count, 3u);
  EXPECT_EQ(s.allow.amount_minor, (std::map<Currency, std::int64_t>{{Currency::kSEK, 451000}}));
  EXPECT_EQ(s.allow.fraud, 1u);
  EXPECT_EQ(s.allow.legitimate, 1u);
  EXPECT_EQ(s.allow.unknown, 1u);
  EXPECT_EQ(s.allow.examples, (std::vector<std::string>{"frd_1", "frd_6", "frd_8"}));

  // Against what was decided.
  EXPECT_EQ(s.newly_blocked.count, 1u);
  EXPECT_EQ(s.newly_blocked.examples, (std::vector<std::string>{"frd_2"}));
  EXPECT_EQ(s.newly_blocked.fraud, 1u);
  EXPECT_EQ(s.newly_reviewed.count, 1u);
  EXPECT_EQ(s.newly_reviewed.examples, (std::vector<std::string>{"frd_7"}));
  EXPECT_EQ(s.newly_reviewed.amount_minor, (std::map<Currency, std::int64_t>{{Currency::kEUR, 8000}}));
  EXPECT_EQ(s.newly_allowed.count, 1u);
  EXPECT_EQ(s.newly_allowed.examples, (std::vector<std::string>{"frd_6"}));
  EXPECT_EQ(s.newly_allowed.legitimate, 1u);
  EXPECT_EQ(s.unchanged, 5u);

  // Labels: 4 frauds, 3 of them flagged now (frd_2, frd_5, frd_7), 1 before (frd_5);
  // 5 labelled decisions flagged (frd_2, 3, 4, 5, 7), 3 of them fraud.
  EXPECT_EQ(s.labelled_fraud, 4u);
  EXPECT_EQ(s.labelled_legitimate, 3u);
  EXPECT_EQ(s.caught, 3u);
  EXPECT_EQ(s.caught_before, 1u);
  ASSERT_TRUE(s.recall.has_value());
  EXPECT_DOUBLE_EQ(*s.recall, 0.75);
  ASSERT_TRUE(s.precision.has_value());
  EXPECT_DOUBLE_EQ(*s.precision, 0.6);

  // Per rule, in source order: fired (every rule that matched) and decided (first match).
  ASSERT_EQ(s.rules.size(), 3u);
  EXPECT_EQ(s.rules[0].line, 1);
  EXPECT_EQ(s.rules[0].action, Action::kAllow);
  EXPECT_EQ(s.rules[0].fired, 1u);
  EXPECT_EQ(s.rules[0].decided, 1u);
  EXPECT_EQ(s.rules[0].fired_on_fraud, 0u);
  EXPECT_EQ(s.rules[1].fired, 3u);  // frd_2, frd_3, frd_6
  EXPECT_EQ(s.rules[1].decided, 2u);
  EXPECT_EQ(s.rules[1].fired_on_fraud, 1u);
  EXPECT_EQ(s.rules[2].text, "review if email_domain in @disposable");
  EXPECT_EQ(s.rules[2].fired, 2u);  // frd_3, frd_4
  EXPECT_EQ(s.rules[2].decided, 1u);
}

TEST(Backtest, ListsAreReadAsTheyAreNowNotAsStored) {
  const Catalogue catalogue = TestCatalogue();
  const RuleSet rules = MustParse("review if email_domain in @disposable", catalogue);
  FraudDecision d = Stored("frd_1", Sek(5000), "mailinator.com", "SE", Action::kAllow);
  d.members = {{"disposable", "mailinator.com"}};  // a member when it was screened
  Backtest b(rules, catalogue, {"disposable"});
  b.Add(d, Labelled::kUnknown, {});  // removed from the list since
  const BacktestSummary s = b.Finish(true);
  EXPECT_EQ(s.allow.count, 1u);
  EXPECT_EQ(s.review.count, 0u);
  EXPECT_TRUE(s.limit_reached);
}

TEST(Backtest, WithoutLabelsRecallAndPrecisionAreNone) {
  const Catalogue catalogue = TestCatalogue();
  const RuleSet rules = MustParse("block if amount > 100", catalogue);
  Backtest b(rules, catalogue, {});
  for (int i = 0; i < 7; ++i) {
    b.Add(Stored("frd_" + std::to_string(i), Sek(1000 + i), "a.se", "SE", Action::kAllow), Labelled::kUnknown, {});
  }
  const BacktestSummary s = b.Finish(false);
  EXPECT_EQ(s.block.count, 7u);
  EXPECT_EQ(s.block.amount_minor.at(Currency::kSEK), 7021);
  EXPECT_EQ(s.block.examples.size(), kBacktestExamples);
  EXPECT_EQ(s.block.examples.front(), "frd_0");
  EXPECT_EQ(s.newly_blocked.count, 7u);
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_FALSE(s.recall.has_value());
  EXPECT_FALSE(s.precision.has_value());
}

TEST(Backtest, LookupsCoverEveryListTestOfEveryDecision) {
  const Catalogue catalogue = TestCatalogue();
  const RuleSet rules = MustParse(kCandidate, catalogue);
  std::vector<FraudDecision> decisions;
  for (const Case& c : History()) decisions.push_back(c.decision);
  const ListLookups asked = BacktestLookups(rules, catalogue, decisions);
  EXPECT_EQ(asked.size(), 14u);  // 7 distinct domains, each asked of both lists
  EXPECT_TRUE(asked.contains({"disposable", "mailinator.com"}));
  EXPECT_TRUE(asked.contains({"trusted", "trusted.se"}));
  EXPECT_TRUE(BacktestLookups(MustParse("block if amount > 1", catalogue), catalogue, decisions).empty());
}

TEST(Backtest, LabelsMakeADecisionFraudLegitimateOrUnknownByTheLatestLabel) {
  const Instant t = *ParseRfc3339("2026-03-01T09:00:00Z");
  Label legit;
  legit.id = "flb_1";
  legit.created_at = t;
  Label fraud;
  fraud.id = "flb_2";
  fraud.fraud = true;
  fraud.created_at = t + std::chrono::hours(24);
  EXPECT_EQ(LabelledOf({}), Labelled::kUnknown);
  EXPECT_EQ(LabelledOf({legit}), Labelled::kLegitimate);
  EXPECT_EQ(LabelledOf({fraud, legit}), Labelled::kFraud);  // an accepted review, then a dispute
  // The rule training uses too: a later finding corrects an earlier one.
  legit.created_at = t + std::chrono::hours(48);
  EXPECT_EQ(LabelledOf({fraud, legit}), Labelled::kLegitimate);
  fraud.created_at = legit.created_at;  // the same instant: the later id
  EXPECT_EQ(LabelledOf({legit, fraud}), Labelled::kFraud);
}

TEST(BacktestWindow, DaysIncludedAndBoundsRefused) {
  const Instant now = *ParseRfc3339("2026-03-10T09:00:00Z");
  auto w = ParseBacktestWindow("2026-03-01", "2026-03-05", now);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->from, *ParseRfc3339("2026-03-01T00:00:00Z"));
  EXPECT_EQ(w->to, *ParseRfc3339("2026-03-06T00:00:00Z"));
  w = ParseBacktestWindow("2026-03-10", std::nullopt, now);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->to, *ParseRfc3339("2026-03-11T00:00:00Z"));

  const auto refused = [&](std::string_view since, std::optional<std::string_view> until, std::string_view param) {
    const auto r = ParseBacktestWindow(since, until, now);
    ASSERT_FALSE(r.ok()) << since;
    EXPECT_EQ(r.status().code(), "invalid_date");
    EXPECT_EQ(r.status().param(), param) << since;
  };
  refused("2026-3-1", std::nullopt, "since");
  refused("yesterday", std::nullopt, "since");
  refused("2026-03-01", "2026-02-30", "until");
  refused("2026-03-01", "2026-03-11", "until");  // after today
  refused("2026-03-11", std::nullopt, "since");  // since after today
  refused("2026-03-05", "2026-03-04", "since");
  refused("2025-03-08", std::nullopt, "since");  // 368 days
  EXPECT_TRUE(ParseBacktestWindow("2025-03-10", std::nullopt, now).ok());  // 366 days
}

}  // namespace
}  // namespace tranche::fraud
