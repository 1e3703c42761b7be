#include "assist/metrics.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

const Instant kT0 = *ParseRfc3339("2026-12-01T00:00:00Z");

Instant At(double days, int seconds = 0) {
  return kT0 + std::chrono::seconds(static_cast<std::int64_t>(days * 86'400) + seconds);
}

ConversationFacts Conv(std::string id, std::string consumer, Instant created, int turns, bool handed_off,
                       std::string language, std::vector<IntentReading> readings) {
  ConversationFacts c;
  c.id = std::move(id);
  c.consumer_id = std::move(consumer);
  c.created_at = c.updated_at = created;
  c.turns = turns;
  c.handed_off = handed_off;
  c.language = std::move(language);
  c.readings = std::move(readings);
  return c;
}

// Six conversations in the window [T0, T0 + 10 days), one empty, and some before and
// after it; measured at T0 + 15 days.
std::vector<ConversationFacts> Facts() {
  std::vector<ConversationFacts> f;
  f.push_back(Conv("a", "c1", At(0), 2, false, "en", {{"greeting", 0.9}, {"next_payment", 0.8}}));
  f.back().updated_at = At(0, 120);
  f.push_back(Conv("b", "c1", At(3), 4, true, "sv", {{"oos", 0.2}, {"complaint", 0.9}}));
  f.back().closed_at = At(3, 600);
  f.push_back(Conv("c", "c2", At(1), 1, false, "de", {{"balance", 0.2}}));  // below kMinConfidence
  f.back().updated_at = At(1, 30);
  f.push_back(Conv("d", "c2", At(9), 3, true, "en", {{"human_agent", 0.95}}));  // with people, not closed
  f.push_back(Conv("e", "c3", At(2), 0, false, "", {}));                        // never written in
  f.push_back(Conv("i", "c5", At(8), 1, false, "en", {{"payoff", 0.9}}));
  f.back().updated_at = At(8, 60);
  f.push_back(Conv("j", "c6", At(9.5), 1, false, "en", {{"thanks", 0.99}}));
  f.back().updated_at = At(9.5, 45);
  // Outside the window: before it (ignored), and the follow-ups after it.
  f.push_back(Conv("h", "c4", At(-1), 1, false, "en", {{"balance", 0.9}}));
  f.push_back(Conv("f", "c1", At(11), 1, false, "en", {{"balance", 0.9}}));  // 8 days after b: not a repeat
  f.push_back(Conv("g", "c2", At(12), 1, false, "en", {{"balance", 0.9}}));  // 3 days after d: a repeat
  return f;
}

TEST(AssistantMetricsTest, CountsRatesAndQuantilesOverall) {
  const AssistantMetrics m = MeasureConversations(Facts(), At(0), At(10), At(15));
  EXPECT_EQ(m.empty, 1);
  const MetricsGroup& g = m.overall;
  EXPECT_EQ(g.conversations, 6);
  EXPECT_EQ(g.contained, 4);
  EXPECT_EQ(g.handed_off, 2);
  EXPECT_EQ(g.resolved, 5);  // d waits for a person
  EXPECT_DOUBLE_EQ(g.ContainmentRate(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(g.HandoffRate(), 2.0 / 6.0);
  // Turns 1, 1, 1, 2, 4 and seconds 30, 45, 60, 120, 600 (b to its close).
  EXPECT_EQ(g.turns_to_resolution, (Quantiles{1, 4}));
  EXPECT_EQ(g.seconds_to_resolution, (Quantiles{60, 600}));
  // a (followed by b after 3 days) and d (by g) came back; b, c, i did not within 7
  // days; j's 7 days are not over.
  EXPECT_EQ(g.repeat_observable, 5);
  EXPECT_EQ(g.repeat_contacts, 2);
  EXPECT_DOUBLE_EQ(g.RepeatContactRate(), 0.4);
}

TEST(AssistantMetricsTest, PerIntentIsTheFirstUnderstoodTopic) {
  const AssistantMetrics m = MeasureConversations(Facts(), At(0), At(10), At(15));
  std::vector<std::string> intents;
  for (const auto& [intent, g] : m.by_intent) intents.push_back(intent);
  EXPECT_EQ(intents, (std::vector<std::string>{"complaint", "human_agent", "next_payment", "none", "payoff"}));
  const MetricsGroup& none = m.by_intent.at("none");  // c (unsure) and j (thanks)
  EXPECT_EQ(none.conversations, 2);
  EXPECT_EQ(none.contained, 2);
  EXPECT_EQ(none.turns_to_resolution, (Quantiles{1, 1}));
  EXPECT_EQ(none.seconds_to_resolution, (Quantiles{30, 45}));
  EXPECT_EQ(none.repeat_observable, 1);
  EXPECT_EQ(none.repeat_contacts, 0);
  const MetricsGroup& human = m.by_intent.at("human_agent");
  EXPECT_EQ(human.handed_off, 1);
  EXPECT_EQ(human.resolved, 0);
  EXPECT_EQ(human.turns_to_resolution, (Quantiles{0, 0}));
  EXPECT_EQ(human.repeat_contacts, 1);
  EXPECT_EQ(m.by_intent.at("complaint").seconds_to_resolution, (Quantiles{600, 600}));
}

TEST(AssistantMetricsTest, PerLanguage) {
  const AssistantMetrics m = MeasureConversations(Facts(), At(0), At(10), At(15));
  ASSERT_EQ(m.by_language.size(), 3u);
  const MetricsGroup& en = m.by_language.at("en");  // a, d, i, j
  EXPECT_EQ(en.conversations, 4);
  EXPECT_EQ(en.contained, 3);
  EXPECT_EQ(en.handed_off, 1);
  EXPECT_EQ(en.turns_to_resolution, (Quantiles{1, 2}));
  EXPECT_EQ(en.seconds_to_resolution, (Quantiles{60, 120}));
  EXPECT_EQ(en.repeat_observable, 3);
  EXPECT_EQ(en.repeat_contacts, 2);
  EXPECT_EQ(m.by_language.at("sv").handed_off, 1);
  EXPECT_EQ(m.by_language.at("de").contained, 1);
}

TEST(AssistantMetricsTest, LaterNowClosesMoreRepeatWindows) {
  const AssistantMetrics m = MeasureConversations(Facts(), At(0), At(10), At(30));
  EXPECT_EQ(m.overall.repeat_observable, 6);
  EXPECT_EQ(m.overall.repeat_contacts, 2);
}

TEST(AssistantMetricsTest, NothingToMeasureIsAllZero) {
  const AssistantMetrics m = MeasureConversations({}, At(0), At(10), At(15));
  EXPECT_EQ(m.overall.conversations, 0);
  EXPECT_EQ(m.overall.ContainmentRate(), 0.0);
  EXPECT_EQ(m.overall.RepeatContactRate(), 0.0);
  EXPECT_TRUE(m.by_intent.empty());
  EXPECT_TRUE(m.by_language.empty());
}

TEST(AssistantMetricsTest, UnderstoodTopics) {
  EXPECT_TRUE(IsUnderstoodTopic({"pay_now", kMinConfidence}));
  EXPECT_FALSE(IsUnderstoodTopic({"pay_now", kMinConfidence - 0.01}));
  EXPECT_FALSE(IsUnderstoodTopic({"affirm", 0.99}));
  EXPECT_FALSE(IsUnderstoodTopic({"oos", 0.99}));
  EXPECT_FALSE(IsUnderstoodTopic({"not_an_intent", 0.99}));  // labels outside the catalogue stay out
  EXPECT_EQ(FirstUnderstoodIntent({{"greeting", 0.9}, {"deny", 0.9}, {"refund_status", 0.7}, {"late_fee", 0.9}}),
            "refund_status");
  EXPECT_EQ(FirstUnderstoodIntent({}), "none");
}

}  // namespace
}  // namespace tranche::assist
