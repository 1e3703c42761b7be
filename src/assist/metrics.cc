#include "assist/metrics.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "assist/policy.h"

namespace tranche::assist {

namespace {

// A group's counts and the samples its quantiles come from.
struct Accumulator {
  MetricsGroup group;
  std::vector<std::int64_t> turns;
  std::vector<std::int64_t> seconds;
};

// Nearest rank: the smallest sample with at least p % of the sample at or below it.
std::int64_t NearestRank(const std::vector<std::int64_t>& sorted, std::int64_t percent) {
  const auto n = static_cast<std::int64_t>(sorted.size());
  const std::int64_t rank = (n * percent + 99) / 100;  // ceil(n * p / 100), at least 1 for n >= 1
  return sorted[static_cast<std::size_t>(rank - 1)];
}

Quantiles QuantilesOf(std::vector<std::int64_t>& sample) {
  if (sample.empty()) return {};
  std::sort(sample.begin(), sample.end());
  return {NearestRank(sample, 50), NearestRank(sample, 90)};
}

MetricsGroup Finish(Accumulator& a) {
  a.group.turns_to_resolution = QuantilesOf(a.turns);
  a.group.seconds_to_resolution = QuantilesOf(a.seconds);
  return a.group;
}

// What one conversation adds to each group it belongs to.
void Add(Accumulator& a, const CountedConversation& o) {
  const ConversationFacts& c = *o.facts;
  MetricsGroup& g = a.group;
  ++g.conversations;
  ++(c.handed_off ? g.handed_off : g.contained);
  const std::optional<Instant> resolved_at = !c.handed_off ? std::optional(c.updated_at) : c.closed_at;
  if (resolved_at) {
    ++g.resolved;
    a.turns.push_back(c.turns);
    a.seconds.push_back(std::chrono::duration_cast<std::chrono::seconds>(*resolved_at - c.created_at).count());
  }
  if (o.observable) ++g.repeat_observable;
  if (o.followed) ++g.repeat_contacts;
}

bool IsLanguageCode(std::string_view code) {
  return std::any_of(kLanguages.begin(), kLanguages.end(), [&](Language l) { return LanguageCode(l) == code; });
}

}  // namespace

bool IsUnderstoodTopic(const IntentReading& r) {
  static constexpr std::array<std::string_view, 6> kNotTopics = {"greeting", "thanks", "goodbye",
                                                                 "affirm",   "deny",   "oos"};
  return IsKnownIntent(r.intent) && std::find(kNotTopics.begin(), kNotTopics.end(), r.intent) == kNotTopics.end() &&
         r.confidence >= kMinConfidence;
}

std::string FirstUnderstoodIntent(const std::vector<IntentReading>& readings) {
  const auto it = std::find_if(readings.begin(), readings.end(), IsUnderstoodTopic);
  return it == readings.end() ? std::string(kNoIntent) : it->intent;
}

std::vector<CountedConversation> CountedConversations(const std::vector<ConversationFacts>& facts, Instant since,
                                                      Instant until, Instant now, std::int64_t& empty) {
  // Each consumer's conversations with a message, in the order they started: a
  // conversation's follow-up is the next one of the same consumer.
  std::vector<const ConversationFacts*> engaged;
  empty = 0;
  for (const ConversationFacts& c : facts) {
    const bool in_window = c.created_at >= since && c.created_at < until;
    if (c.turns > 0) {
      engaged.push_back(&c);
    } else if (in_window) {
      ++empty;
    }
  }
  std::sort(engaged.begin(), engaged.end(), [](const ConversationFacts* a, const ConversationFacts* b) {
    return std::tie(a->consumer_id, a->created_at, a->id) < std::tie(b->consumer_id, b->created_at, b->id);
  });
  std::vector<CountedConversation> out;
  for (std::size_t i = 0; i < engaged.size(); ++i) {
    const ConversationFacts& c = *engaged[i];
    if (c.created_at < since || c.created_at >= until) continue;
    const ConversationFacts* next =
        i + 1 < engaged.size() && engaged[i + 1]->consumer_id == c.consumer_id ? engaged[i + 1] : nullptr;
    CountedConversation o{&c, false, false};
    o.followed = next != nullptr && next->created_at - c.created_at <= kRepeatContactWindow;
    o.observable = o.followed || now - c.created_at >= kRepeatContactWindow;
    out.push_back(o);
  }
  return out;
}

AssistantMetrics MeasureConversations(const std::vector<ConversationFacts>& facts, Instant since, Instant until,
                                      Instant now) {
  AssistantMetrics m;
  m.since = since;
  m.until = until;
  Accumulator overall;
  std::map<std::string, Accumulator> by_intent, by_language;
  for (const CountedConversation& o : CountedConversations(facts, since, until, now, m.empty)) {
    const ConversationFacts& c = *o.facts;
    Add(overall, o);
    Add(by_intent[FirstUnderstoodIntent(c.readings)], o);
    if (IsLanguageCode(c.language)) Add(by_language[c.language], o);
  }
  m.overall = Finish(overall);
  for (auto& [intent, a] : by_intent) m.by_intent[intent] = Finish(a);
  for (auto& [language, a] : by_language) m.by_language[language] = Finish(a);
  return m;
}

}  // namespace tranche::assist
