#include "ops/views.h"

namespace tranche::ops {

using namespace assist;  // the conversation types this file renders

namespace {

Json ActionsJson(const std::vector<ActionRecord>& actions) {
  Json arr = Json::array();
  for (const auto& a : actions) {
    arr.push_back({{"type", a.type}, {"status", a.status}, {"details", Json::parse(a.details, nullptr, false)}});
  }
  return arr;
}

Json HandoffState(const Conversation& c) {
  if (c.handoff_reason.empty()) return nullptr;
  Json j{{"reason", c.handoff_reason}, {"status", ConversationStatusName(c.status)},
         {"summary", Json::parse(c.handoff_summary, nullptr, false)}};
  j["claimed_by"] = c.claimed_by.empty() ? Json(nullptr) : Json(c.claimed_by);
  j["handed_off_at"] = c.handed_off_at ? Json(FormatRfc3339(*c.handed_off_at)) : Json(nullptr);
  return j;
}

// A change stated and waiting for a yes; null when none waits.
Json PendingJson(const std::optional<Action>& a) {
  if (!a) return nullptr;
  Json j{{"type", ActionTypeName(a->type)}, {"plan_id", a->plan_id}};
  if (a->amount_minor > 0) j["amount"] = a->amount_minor;
  if (a->days > 0) j["days"] = a->days;
  return j;
}

}  // namespace

Json MessageJson(const Message& m) {
  Json j{{"seq", m.seq}, {"role", m.role}, {"text", m.text}, {"language", m.language},
         {"created_at", FormatRfc3339(m.created_at)}};
  if (m.role == "assistant") {
    j["intent"] = m.intent;
    j["actions"] = ActionsJson(m.actions);
    j["handoff"] = m.handoff;
  }
  return j;
}

Json ConversationJson(const Conversation& c) {
  Json j{{"id", c.id},
         {"object", "assistant_conversation"},
         {"status", ConversationStatusName(c.status)},
         {"language", LanguageCode(c.state.language)},
         {"turns", c.turns},
         {"created_at", FormatRfc3339(c.created_at)},
         {"handoff", HandoffState(c)},
         {"pending_confirmation", PendingJson(c.state.pending)}};
  j["outcome"] = c.outcome.empty() ? Json(nullptr) : Json(c.outcome);
  return j;
}

Json TranscriptJson(const Transcript& t) {
  Json j = ConversationJson(t.conversation);
  Json messages = Json::array();
  for (const auto& m : t.messages) messages.push_back(MessageJson(m));
  j["messages"] = std::move(messages);
  return j;
}

Json TurnJson(const Turn& t) {
  return Json{{"object", "assistant_reply"},
              {"conversation_id", t.conversation.id},
              {"reply", t.reply.text},
              {"language", t.reply.language},
              {"intent", t.reply.intent},
              {"actions", ActionsJson(t.reply.actions)},
              {"pending_confirmation", PendingJson(t.pending)},
              {"handoff", HandoffState(t.conversation)}};
}

Json HandoffJson(const Transcript& t) {
  Json j = TranscriptJson(t);
  j["object"] = "assistant_handoff";
  j["consumer_id"] = t.conversation.consumer_id;
  return j;
}

namespace {

Json MetricsGroupJson(const MetricsGroup& g) {
  return Json{{"conversations", g.conversations},
              {"contained", g.contained},
              {"handed_off", g.handed_off},
              {"resolved", g.resolved},
              {"containment_rate", g.ContainmentRate()},
              {"handoff_rate", g.HandoffRate()},
              {"turns_to_resolution", {{"p50", g.turns_to_resolution.p50}, {"p90", g.turns_to_resolution.p90}}},
              {"seconds_to_resolution", {{"p50", g.seconds_to_resolution.p50}, {"p90", g.seconds_to_resolution.p90}}},
              {"repeat_contacts", g.repeat_contacts},
              {"repeat_observable", g.repeat_observable},
              {"repeat_contact_rate", g.RepeatContactRate()}};
}

}  // namespace

Json AssistantMetricsJson(const AssistantMetrics& m) {
  Json by_intent = Json::object();
  for (const auto& [intent, g] : m.by_intent) by_intent[intent] = MetricsGroupJson(g);
  Json by_language = Json::object();
  for (const auto& [language, g] : m.by_language) by_language[language] = MetricsGroupJson(g);
  return Json{{"since", FormatRfc3339(m.since)}, {"until", FormatRfc3339(m.until)},
              {"empty_conversations", m.empty},  {"truncated", m.truncated},
              {"overall", MetricsGroupJson(m.overall)}, {"by_intent", by_intent},
              {"by_language", by_language}};
}

}  // namespace tranche::ops
