// The assistant's operating metrics, computed from its stored conversations (pure):
// containment, hand-off rate, turns and time to resolution, and repeat contacts within
// 7 days; overall, per intent (the first intent the assistant understood in the
// conversation) and per language. `/metrics` and `tranche report assistant` show them;
// `tranche eval assistant` sums its scenarios' conversations with them.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "assist/conversation.h"

namespace tranche::assist {

// A consumer who starts another conversation within this long of the previous one came
// back: the first one did not settle what they wanted.
inline constexpr auto kRepeatContactWindow = std::chrono::hours(24 * 7);

// The label of conversations in which no topic was understood (only greetings, yes/no,
// out of scope, or readings below kMinConfidence).
inline constexpr std::string_view kNoIntent = "none";

// Nearest-rank quantiles of a sample; zero when it is empty.
struct Quantiles {
  std::int64_t p50 = 0;
  std::int64_t p90 = 0;
  friend bool operator==(const Quantiles&, const Quantiles&) = default;
};

struct MetricsGroup {
  // Conversations started in the window with at least one consumer message.
  std::int64_t conversations = 0;
  std::int64_t contained = 0;   // never handed off: resolved with no person
  std::int64_t handed_off = 0;  // ever handed off
  // Contained, or handed off and closed by a person; the quantiles are over these.
  std::int64_t resolved = 0;
  Quantiles turns_to_resolution;    // consumer messages
  Quantiles seconds_to_resolution;  // from the start to the last message (contained) or the close
  // Conversations whose 7 days are over at `now`, or that were followed sooner; and those
  // among them the same consumer followed with another conversation within 7 days.
  std::int64_t repeat_observable = 0;
  std::int64_t repeat_contacts = 0;

  double ContainmentRate() const { return Share(contained, conversations); }
  double HandoffRate() const { return Share(handed_off, conversations); }
  double RepeatContactRate() const { return Share(repeat_contacts, repeat_observable); }

 private:
  static double Share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
  }
};

struct AssistantMetrics {
  Instant since;  // conversations started in [since, until)
  Instant until;
  std::int64_t empty = 0;  // started in the window without a consumer message; not counted above
  // The read stopped at kMaxMeasuredConversations: the numbers cover the oldest ones only.
  bool truncated = false;
  MetricsGroup overall;
  std::map<std::string, MetricsGroup> by_intent;    // kBnplIntents topics and kNoIntent
  std::map<std::string, MetricsGroup> by_language;  // en, sv, de
};

// A topic: a known intent other than small talk (greeting, thanks, goodbye), yes/no and
// out of scope, read with at least kMinConfidence.
bool IsUnderstoodTopic(const IntentReading& r);
// The first understood topic of the assistant's readings, or kNoIntent.
std::string FirstUnderstoodIntent(const std::vector<IntentReading>& readings);

// One conversation the metrics count: started in the window, with a consumer message.
struct CountedConversation {
  const ConversationFacts* facts;  // into the vector given to CountedConversations
  bool followed = false;    // the same consumer came back within kRepeatContactWindow
  bool observable = false;  // followed, or its window is over at `now`
};

// The conversations started in [since, until) with at least one consumer message, each
// with whether it was followed by a repeat contact; `empty` gets how many started in the
// window without one. The metrics below and the automation scorecard's assistant
// contacts (ops/automation.h) both count these. Same precondition as below; the result
// points into `facts`.
std::vector<CountedConversation> CountedConversations(const std::vector<ConversationFacts>& facts, Instant since,
                                                      Instant until, Instant now, std::int64_t& empty);

// Precondition: `facts` holds every conversation started in [since, until +
// kRepeatContactWindow) (later ones only tell whether one in the window was followed),
// each once. `now` decides which 7-day windows are over.
AssistantMetrics MeasureConversations(const std::vector<ConversationFacts>& facts, Instant since, Instant until,
                                      Instant now);

}  // namespace tranche::assist
