// The assistant's conversations and messages in SQLite.
#include <nlohmann/json.hpp>

#include "store/sql/conversation_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

namespace {

using Json = nlohmann::json;
using assist::Action;
using assist::Conversation;
using assist::DialogueState;
using assist::Message;

Json ActionToJson(const Action& a) {
  return Json{{"type", assist::ActionTypeName(a.type)}, {"plan_id", a.plan_id}, {"order_id", a.order_id},
              {"merchant", a.merchant}, {"currency", CurrencyCode(a.currency)}, {"amount_minor", a.amount_minor},
              {"installment", a.installment}, {"days", a.days}, {"last4", a.last4}, {"method_type", a.method_type},
              {"reason", a.reason}};
}

std::optional<Action> ActionFromJson(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  const auto type = assist::ParseActionType(j.value("type", ""));
  const auto currency = ParseCurrency(j.value("currency", ""));
  if (!type || !currency) return std::nullopt;
  Action a;
  a.type = *type;
  a.plan_id = j.value("plan_id", "");
  a.order_id = j.value("order_id", "");
  a.merchant = j.value("merchant", "");
  a.currency = *currency;
  a.amount_minor = j.value("amount_minor", std::int64_t{0});
  a.installment = j.value("installment", 0);
  a.days = j.value("days", 0);
  a.last4 = j.value("last4", "");
  a.method_type = j.value("method_type", "card");
  a.reason = j.value("reason", "");
  return a;
}

std::string StateToText(const DialogueState& s) {
  Json j{{"language", assist::LanguageCode(s.language)}, {"language_known", s.language_known},
         {"low_confidence_streak", s.low_confidence_streak}, {"awaiting_intent", s.awaiting_intent},
         {"awaiting_amount_minor", s.awaiting_amount_minor},
         {"focus_plan", s.focus_plan}, {"refused_someone_else", s.refused_someone_else},
         {"refused_by_rule", s.refused_by_rule}, {"refused_others_card", s.refused_others_card},
         {"last_question", s.last_question}, {"focus_is_the_other", s.focus_is_the_other},
         {"problem_told", s.problem_told}};
  j["pending"] = s.pending ? ActionToJson(*s.pending) : Json(nullptr);
  return j.dump();
}

Result<DialogueState> StateFromText(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return Status::Internal("stored dialogue state is not JSON");
  DialogueState s;
  const std::string lang = j.value("language", "en");
  for (assist::Language l : assist::kLanguages) {
    if (assist::LanguageCode(l) == lang) s.language = l;
  }
  s.language_known = j.value("language_known", false);
  s.low_confidence_streak = j.value("low_confidence_streak", 0);
  s.awaiting_intent = j.value("awaiting_intent", "");
  s.awaiting_amount_minor = j.value("awaiting_amount_minor", std::int64_t{0});
  s.focus_plan = j.value("focus_plan", "");
  s.refused_someone_else = j.value("refused_someone_else", false);
  s.refused_by_rule = j.value("refused_by_rule", false);
  s.refused_others_card = j.value("refused_others_card", false);
  s.last_question = j.value("last_question", "");
  s.focus_is_the_other = j.value("focus_is_the_other", false);
  s.problem_told = j.value("problem_told", "");
  if (j.contains("pending")) s.pending = ActionFromJson(j["pending"]);
  return s;
}

std::string ActionsToText(const std::vector<assist::ActionRecord>& actions) {
  Json arr = Json::array();
  for (const auto& a : actions) {
    arr.push_back({{"type", a.type}, {"status", a.status}, {"details", Json::parse(a.details, nullptr, false)}});
  }
  return arr.dump();
}

std::vector<assist::ActionRecord> ActionsFromText(const std::string& text) {
  std::vector<assist::ActionRecord> out;
  const Json arr = Json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const Json& a : arr) {
    out.push_back({a.value("type", ""), a.value("status", ""), a.contains("details") ? a["details"].dump() : "{}"});
  }
  return out;
}

constexpr const char* kConversationColumns =
    "id, consumer_id, status, state, turns, handoff_reason, handoff_summary, claimed_by, outcome, created_at_us,"
    " updated_at_us, handed_off_at_us, closed_at_us";

Result<Conversation> ReadConversation(const Statement& st) {
  Conversation c;
  c.id = st.Text(0);
  c.consumer_id = st.Text(1);
  const auto status = assist::ParseConversationStatus(st.Text(2));
  if (!status) return Status::Internal("unknown conversation status");
  c.status = *status;
  TRANCHE_ASSIGN_OR_RETURN(c.state, StateFromText(st.Text(3)));
  c.turns = static_cast<int>(st.Int(4));
  c.handoff_reason = st.Text(5);
  c.handoff_summary = st.Text(6);
  c.claimed_by = st.Text(7);
  c.outcome = st.Text(8);
  c.created_at = InstantFromUnixMicros(st.Int(9));
  c.updated_at = InstantFromUnixMicros(st.Int(10));
  if (!st.IsNull(11)) c.handed_off_at = InstantFromUnixMicros(st.Int(11));
  if (!st.IsNull(12)) c.closed_at = InstantFromUnixMicros(st.Int(12));
  return c;
}

}  // namespace

Status SqlConversationRepo::Insert(const Conversation& c) {
  auto s = c_.Prepare(
      "INSERT INTO assistant_conversations(id, consumer_id, status, state, turns, handoff_reason, handoff_summary,"
      " claimed_by, outcome, created_at_us, updated_at_us, handed_off_at_us, closed_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, c.consumer_id).Bind(3, assist::ConversationStatusName(c.status))
      .Bind(4, StateToText(c.state)).Bind(5, std::int64_t{c.turns}).Bind(6, c.handoff_reason)
      .Bind(7, c.handoff_summary).Bind(8, c.claimed_by).Bind(9, c.outcome).Bind(10, UnixMicros(c.created_at))
      .Bind(11, UnixMicros(c.updated_at));
  BindOptional(s, 12, c.handed_off_at);
  BindOptional(s, 13, c.closed_at);
  return s.Run();
}

Status SqlConversationRepo::Update(const Conversation& c) {
  auto s = c_.Prepare(
      "UPDATE assistant_conversations SET status = ?, state = ?, turns = ?, handoff_reason = ?, handoff_summary = ?,"
      " claimed_by = ?, outcome = ?, updated_at_us = ?, handed_off_at_us = ?, closed_at_us = ? WHERE id = ?");
  s.Bind(1, assist::ConversationStatusName(c.status)).Bind(2, StateToText(c.state)).Bind(3, std::int64_t{c.turns})
      .Bind(4, c.handoff_reason).Bind(5, c.handoff_summary).Bind(6, c.claimed_by).Bind(7, c.outcome)
      .Bind(8, UnixMicros(c.updated_at));
  BindOptional(s, 9, c.handed_off_at);
  BindOptional(s, 10, c.closed_at);
  s.Bind(11, c.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Conversation>> SqlConversationRepo::Find(std::string_view id) {
  static const std::string sql = std::string("SELECT ") + kConversationColumns + " FROM assistant_conversations WHERE id = ?";
  auto s = c_.Prepare(sql.c_str());
  s.Bind(1, id);
  return FindOne<Conversation>(s, ReadConversation);
}

Result<std::int64_t> SqlConversationRepo::CountStartedSince(std::string_view consumer_id, Instant since) {
  auto s = c_.Prepare("SELECT COUNT(*) FROM assistant_conversations WHERE consumer_id = ? AND created_at_us >= ?");
  s.Bind(1, consumer_id).Bind(2, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  return s.Int(0);
}

Status SqlConversationRepo::AppendMessage(const Message& m) {
  auto s = c_.Prepare(
      "INSERT INTO assistant_messages(conversation_id, seq, role, author, text, language, intent, confidence,"
      " actions, handoff, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, m.conversation_id).Bind(2, std::int64_t{m.seq}).Bind(3, m.role).Bind(4, m.author).Bind(5, m.text)
      .Bind(6, m.language).Bind(7, m.intent).BindDouble(8, m.confidence).Bind(9, ActionsToText(m.actions))
      .Bind(10, std::int64_t{m.handoff ? 1 : 0}).Bind(11, UnixMicros(m.created_at));
  return s.Run();
}

Result<std::vector<Message>> SqlConversationRepo::ListMessages(std::string_view conversation_id, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT conversation_id, seq, role, author, text, language, intent, confidence, actions, handoff, created_at_us"
      " FROM assistant_messages WHERE conversation_id = ? ORDER BY seq LIMIT ?");
  s.Bind(1, conversation_id).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<Message>(s, [](const Statement& st) -> Result<Message> {
    Message m;
    m.conversation_id = st.Text(0);
    m.seq = static_cast<int>(st.Int(1));
    m.role = st.Text(2);
    m.author = st.Text(3);
    m.text = st.Text(4);
    m.language = st.Text(5);
    m.intent = st.Text(6);
    m.confidence = st.Double(7);
    m.actions = ActionsFromText(st.Text(8));
    m.handoff = st.Int(9) != 0;
    m.created_at = InstantFromUnixMicros(st.Int(10));
    return m;
  });
}

Result<std::vector<Conversation>> SqlConversationRepo::ListHandoffs(std::string_view after_id, std::size_t limit) {
  static const std::string sql = std::string("SELECT ") + kConversationColumns +
                                 " FROM assistant_conversations WHERE status IN ('handed_off', 'claimed') AND id > ?"
                                 " ORDER BY id LIMIT ?";
  auto s = c_.Prepare(sql.c_str());
  s.Bind(1, after_id).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<Conversation>(s, ReadConversation);
}

// One row per assistant reply (or one without a reply), grouped back into conversations.
// The conversations come in start order from their index (migration 16); bounded by
// `limit` conversations of at most kMaxTurnsPerConversation replies each.
Result<std::vector<assist::ConversationFacts>> SqlConversationRepo::ListFacts(Instant from, Instant to,
                                                                                  std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT c.id, c.consumer_id, c.turns, c.handoff_reason <> '', c.created_at_us, c.updated_at_us,"
      " c.closed_at_us, c.handed_off_at_us, m.language, m.intent, m.confidence"
      " FROM (SELECT id, consumer_id, turns, handoff_reason, created_at_us, updated_at_us, closed_at_us,"
      "              handed_off_at_us"
      "       FROM assistant_conversations WHERE created_at_us >= ? AND created_at_us < ?"
      "       ORDER BY created_at_us, id LIMIT ?) AS c"
      " LEFT JOIN assistant_messages AS m ON m.conversation_id = c.id AND m.role = 'assistant'"
      " ORDER BY c.created_at_us, c.id, m.seq");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  std::vector<assist::ConversationFacts> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (out.empty() || out.back().id != s.Text(0)) {
      assist::ConversationFacts f;
      f.id = s.Text(0);
      f.consumer_id = s.Text(1);
      f.turns = static_cast<int>(s.Int(2));
      f.handed_off = s.Int(3) != 0;
      f.created_at = InstantFromUnixMicros(s.Int(4));
      f.updated_at = InstantFromUnixMicros(s.Int(5));
      if (!s.IsNull(6)) f.closed_at = InstantFromUnixMicros(s.Int(6));
      if (!s.IsNull(7)) f.handed_off_at = InstantFromUnixMicros(s.Int(7));
      out.push_back(std::move(f));
    }
    if (s.IsNull(8)) continue;  // no reply yet
    assist::ConversationFacts& f = out.back();
    if (f.language.empty()) f.language = s.Text(8);
    TRANCHE_ASSERT(f.readings.size() < static_cast<std::size_t>(assist::kMaxTurnsPerConversation));
    f.readings.push_back({s.Text(9), s.Double(10)});
  }
  return out;
}

}  // namespace tranche::store::sql
