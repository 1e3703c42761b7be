#include "assist/chat.h"

#include <nlohmann/json.hpp>

#include "assist/clauses.h"
#include "assist/tools.h"
#include "core/ids.h"

namespace tranche::assist {

namespace {

using Json = nlohmann::json;

Status NotFound() { return Status::NotFound("conversation_not_found", "no such conversation", "id"); }

Json ActionDetails(const Action& a) {
  Json j{{"type", ActionTypeName(a.type)}};
  if (!a.plan_id.empty()) j["plan_id"] = a.plan_id;
  if (!a.merchant.empty()) j["merchant"] = a.merchant;
  if (a.amount_minor > 0) {
    j["amount"] = a.amount_minor;
    j["currency"] = CurrencyCode(a.currency);
  }
  if (a.type == ActionType::kExtend) {
    j["installment"] = a.installment;
    j["days"] = a.days;
  }
  if (a.type == ActionType::kChangeMethod) {
    j["last4"] = a.last4;
    j["method_type"] = a.method_type;
  }
  if (a.type == ActionType::kDispute) {
    j["order_id"] = a.order_id;
    j["reason"] = a.reason;
  }
  return j;
}

// What people taking over need: why, what the consumer wanted, the facts gathered and
// what was tried (every proposal, change and refusal so far).
std::string Summary(const Decision& d, const AccountFacts& account, const std::vector<Message>& messages) {
  Json facts = Json::array();
  for (const PlanFacts& p : account.plans) {
    if (!p.active && p.id != d.next.focus_plan) continue;
    facts.push_back({{"plan_id", p.id}, {"merchant", p.merchant}, {"outstanding", p.outstanding_minor},
                     {"fees_unpaid", p.fees_unpaid_minor}, {"currency", CurrencyCode(p.currency)},
                     {"focus", p.id == d.next.focus_plan}});
  }
  Json tried = Json::array();
  std::vector<std::string> intents;
  for (const Message& m : messages) {
    if (m.role == "assistant" && !m.intent.empty()) intents.push_back(m.intent);
    for (const ActionRecord& a : m.actions) tried.push_back({{"type", a.type}, {"status", a.status}});
  }
  intents.push_back(d.intent);
  return Json{{"reason", HandoffReasonName(*d.handoff)},
              {"intent", d.intent},
              {"intents", intents},
              {"language", LanguageCode(d.language)},
              {"facts", facts},
              {"tried", tried}}
      .dump();
}

}  // namespace

Result<Conversation> Assistant::Start(std::string_view consumer_id) {
  const Instant now = ctx_.clock.Now();
  Conversation c;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t started,
                             tx.conversations().CountStartedSince(consumer_id, now - std::chrono::hours(24)));
    if (started >= kMaxConversationsPerDay) {
      return Status::BusinessRule("rate_limited", "too many conversations today; please continue an open one");
    }
    c.id = ctx_.ids.Next("cnv");
    c.consumer_id = std::string(consumer_id);
    c.created_at = c.updated_at = now;
    return tx.conversations().Insert(c);
  }));
  return c;
}

Result<Transcript> Assistant::Load(store::Tx& tx, std::string_view conversation_id) {
  TRANCHE_ASSIGN_OR_RETURN(auto c, tx.conversations().Find(conversation_id));
  if (!c) return NotFound();
  TRANCHE_ASSIGN_OR_RETURN(auto messages, tx.conversations().ListMessages(conversation_id, kMaxMessagesShown));
  return Transcript{std::move(*c), std::move(messages)};
}

std::optional<ModelProposal> Assistant::AskModel(const Transcript& t, const AccountFacts& account,
                                                const Understanding& u, std::string_view text) const {
  if (model_ == nullptr || !LeavesRoomForModel(t.conversation.state, u, text, account, knowledge_)) {
    return std::nullopt;
  }
  ModelContext context;
  context.language = ReplyLanguage(t.conversation.state, u, text);
  context.account = &account;
  context.message = RedactCardNumbers(text);
  for (const Message& m : t.messages) context.history.push_back({m.role == "consumer", m.text});
  Result<ModelProposal> p = model_->Propose(context);
  if (!p.ok()) {
    ++model_failed_;
    return std::nullopt;
  }
  ++model_used_;
  return std::move(p).value();
}

std::optional<ModelCalls> Assistant::model_calls() const {
  if (model_ == nullptr) return std::nullopt;
  return ModelCalls{model_used_.load(), model_failed_.load()};
}

Result<Transcript> Assistant::Get(std::string_view consumer_id, std::string_view conversation_id) {
  std::optional<Transcript> t;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(t, Load(tx, conversation_id));
    return Status::Ok();
  }));
  if (t->conversation.consumer_id != consumer_id) return NotFound();
  return std::move(*t);
}

Result<Turn> Assistant::Send(std::string_view consumer_id, std::string_view conversation_id, std::string_view text) {
  TRANCHE_ASSERT(text.size() <= kMaxUtteranceBytes);
  // 1. The conversation and the consumer's own account, as they stand.
  std::optional<Transcript> t;
  std::optional<AccountFacts> account;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(t, Load(tx, conversation_id));
    if (t->conversation.consumer_id != consumer_id) return NotFound();
    TRANCHE_ASSIGN_OR_RETURN(account, LoadAccount(tx, consumer_id, ctx_.clock.Now()));
    return Status::Ok();
  }));
  if (t->conversation.status == ConversationStatus::kClosed) {
    return Status::BusinessRule("conversation_closed", "this conversation is closed; please start a new one");
  }
  if (t->conversation.turns >= kMaxTurnsPerConversation) {
    return Status::BusinessRule("turn_limit", "this conversation is long; please start a new one");
  }
  // 2. Understanding and policy (pure), or, while people have it, nothing automatic. The
  // turn's one time stamps the claim, both messages and the new state.
  const Instant now = ctx_.clock.Now();
  Decision d = DecideTurn(*t, *account, text);
  // 3. A confirmed change runs, once.
  Conversation c = std::move(t->conversation);
  TRANCHE_ASSIGN_OR_RETURN(std::vector<ActionRecord> actions, RunTheChange(consumer_id, now, c, d, *account));
  // 4. Both messages and the conversation's new state, in one unit of work.
  return RecordTurn(consumer_id, now, c, d, *account, std::move(actions), text);
}

Decision Assistant::DecideTurn(const Transcript& t, const AccountFacts& account, std::string_view text) const {
  const Conversation& c = t.conversation;
  if (c.status == ConversationStatus::kHandedOff || c.status == ConversationStatus::kClaimed) {
    return WhileWithPeople(c.state, text, account);
  }
  const LanguageGuess language = languages_.Guess(text);
  const Understanding u{intents_.Classify(text), language.language, language.confidence,
                        ClassifyClauses(intents_, text)};
  const std::optional<ModelProposal> proposal = AskModel(t, account, u, text);
  return Decide(c.state, u, text, account, knowledge_, proposal ? &*proposal : nullptr);
}

Result<std::vector<ActionRecord>> Assistant::RunTheChange(std::string_view consumer_id, Instant now, Conversation& c,
                                                          Decision& d, AccountFacts& account) {
  std::vector<ActionRecord> actions;
  for (const std::string& r : d.refusals) actions.push_back({r, "refused", "{}"});
  if (d.proposed) actions.push_back({std::string(ActionTypeName(d.proposed->type)), "proposed",
                                     ActionDetails(*d.proposed).dump()});
  if (!d.execute) {
    if (c.state.pending && !d.next.pending && !d.proposed) {
      actions.push_back({std::string(ActionTypeName(c.state.pending->type)), "cancelled",
                         ActionDetails(*c.state.pending).dump()});
    }
    return actions;
  }
  // The pending change is claimed in its own unit of work first, so a repeated "yes"
  // finds nothing left to run.
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto fresh, tx.conversations().Find(c.id));
    TRANCHE_ASSERT(fresh.has_value());
    if (fresh->state.pending != c.state.pending || fresh->turns != c.turns) {
      return Status::Conflict("conversation_changed", "another message was handled first; please try again");
    }
    fresh->state.pending.reset();
    fresh->updated_at = now;
    return tx.conversations().Update(*fresh);
  }));
  c.state.pending.reset();
  const Status result = RunAction(ctx_, consumer_id, *d.execute);
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(account, LoadAccount(tx, consumer_id, ctx_.clock.Now()));
    return Status::Ok();
  }));
  d.reply = Outcome(*d.execute, result, account, d.language);
  Json details = ActionDetails(*d.execute);
  if (!result.ok()) details["error"] = result.code();
  actions.push_back({std::string(ActionTypeName(d.execute->type)), result.ok() ? "done" : "failed", details.dump()});
  return actions;
}

Result<Turn> Assistant::RecordTurn(std::string_view consumer_id, Instant now, const Conversation& c, const Decision& d,
                                   const AccountFacts& account, std::vector<ActionRecord> actions,
                                   std::string_view text) {
  Turn turn;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto fresh, tx.conversations().Find(c.id));
    TRANCHE_ASSERT(fresh.has_value());
    if (fresh->turns != c.turns) {
      return Status::Conflict("conversation_changed", "another message was handled first; please try again");
    }
    TRANCHE_ASSIGN_OR_RETURN(auto messages, tx.conversations().ListMessages(c.id, kMaxMessagesShown));
    const int seq = messages.empty() ? 0 : messages.back().seq;
    Message in{c.id, seq + 1, "consumer", std::string(consumer_id),
               d.redact ? RedactCardNumbers(text) : std::string(text), std::string(LanguageCode(d.language)),
               d.intent, d.confidence, {}, false, now};
    Message out{c.id, seq + 2, "assistant", "assistant", d.reply,
                std::string(LanguageCode(d.language)), d.intent, d.confidence, std::move(actions),
                d.handoff.has_value(), now};
    TRANCHE_RETURN_IF_ERROR(tx.conversations().AppendMessage(in));
    TRANCHE_RETURN_IF_ERROR(tx.conversations().AppendMessage(out));
    Conversation next = std::move(*fresh);
    next.state = d.next;
    next.turns += 1;
    next.updated_at = now;
    if (d.handoff) {
      messages.push_back(in);
      next.status = ConversationStatus::kHandedOff;
      next.handoff_reason = std::string(HandoffReasonName(*d.handoff));
      next.handoff_summary = Summary(d, account, messages);
      next.handed_off_at = now;
    }
    TRANCHE_RETURN_IF_ERROR(tx.conversations().Update(next));
    turn.conversation = std::move(next);
    turn.reply = std::move(out);
    turn.pending = d.next.pending;
    return Status::Ok();
  }));
  return turn;
}

Result<std::vector<Transcript>> Assistant::ListHandoffs(std::string_view after_id, std::size_t limit) {
  std::vector<Transcript> out;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto conversations, tx.conversations().ListHandoffs(after_id, limit));
    for (Conversation& c : conversations) {
      TRANCHE_ASSIGN_OR_RETURN(auto messages, tx.conversations().ListMessages(c.id, kMaxMessagesShown));
      out.push_back({std::move(c), std::move(messages)});
    }
    return Status::Ok();
  }));
  return out;
}

Result<Transcript> Assistant::GetHandoff(std::string_view conversation_id) {
  std::optional<Transcript> t;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(t, Load(tx, conversation_id));
    return Status::Ok();
  }));
  if (t->conversation.handoff_reason.empty()) return NotFound();
  return std::move(*t);
}

Result<Conversation> Assistant::Claim(std::string_view operator_id, std::string_view conversation_id) {
  Conversation out;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.conversations().Find(conversation_id));
    if (!c) return NotFound();
    if (c->status == ConversationStatus::kClaimed && c->claimed_by == operator_id) {
      out = std::move(*c);  // claiming again is harmless
      return Status::Ok();
    }
    if (c->status != ConversationStatus::kHandedOff) {
      return Status::Conflict("not_claimable", "only a handed-off conversation nobody has claimed can be claimed");
    }
    c->status = ConversationStatus::kClaimed;
    c->claimed_by = std::string(operator_id);
    c->updated_at = ctx_.clock.Now();
    TRANCHE_RETURN_IF_ERROR(tx.conversations().Update(*c));
    out = std::move(*c);
    return Status::Ok();
  }));
  return out;
}

Result<Message> Assistant::ReplyAsPerson(std::string_view operator_id, std::string_view conversation_id,
                                         std::string_view text) {
  Message m;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.conversations().Find(conversation_id));
    if (!c) return NotFound();
    if (c->status != ConversationStatus::kClaimed || c->claimed_by != operator_id) {
      return Status::Conflict("not_claimed", "claim the conversation before replying");
    }
    TRANCHE_ASSIGN_OR_RETURN(auto messages, tx.conversations().ListMessages(c->id, kMaxMessagesShown));
    const Instant now = ctx_.clock.Now();
    m = Message{c->id, messages.empty() ? 1 : messages.back().seq + 1, "agent", std::string(operator_id),
                RedactCardNumbers(text), std::string(LanguageCode(c->state.language)), "", 0, {}, false, now};
    TRANCHE_RETURN_IF_ERROR(tx.conversations().AppendMessage(m));
    c->updated_at = now;
    return tx.conversations().Update(*c);
  }));
  return m;
}

Result<Conversation> Assistant::Close(std::string_view operator_id, std::string_view conversation_id,
                                      std::string outcome) {
  Conversation out;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.conversations().Find(conversation_id));
    if (!c) return NotFound();
    if (c->status != ConversationStatus::kClaimed || c->claimed_by != operator_id) {
      return Status::Conflict("not_claimed", "claim the conversation before closing it");
    }
    const Instant now = ctx_.clock.Now();
    c->status = ConversationStatus::kClosed;
    c->outcome = std::move(outcome);
    c->closed_at = now;
    c->updated_at = now;
    TRANCHE_RETURN_IF_ERROR(tx.conversations().Update(*c));
    out = std::move(*c);
    return Status::Ok();
  }));
  return out;
}

}  // namespace tranche::assist
