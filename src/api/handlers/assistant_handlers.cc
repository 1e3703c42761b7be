// The assistant: a consumer's conversations (session auth, as /v1/me) and the operators'
// hand-off queue. Each handler parses, calls one use case of assist::Assistant and
// renders with ops/views (views_assistant.cc).
#include "api/handlers/handlers.h"

namespace tranche::api {

namespace {

constexpr std::size_t kMaxHandoffPage = 50;

Result<assist::Assistant*> Assistant(RequestContext& ctx) {
  if (ctx.svc.assistant == nullptr) {
    return Status::Unavailable("the assistant is not configured on this server");
  }
  return ctx.svc.assistant;
}

// The message text: present, at most kMaxUtteranceBytes bytes (not characters).
Result<std::string> MessageText(const Json& body, std::string_view field) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(body, {field}));
  TRANCHE_ASSIGN_OR_RETURN(std::string text, RequireText(body, field, assist::kMaxUtteranceBytes));
  if (text.size() > assist::kMaxUtteranceBytes) {
    return Status::InvalidArgument("message_too_long", "text must be at most 2000 bytes", std::string(field));
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("empty_message", "text must not be empty", std::string(field));
  }
  return text;
}

Result<Reply> StartConversation(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Conversation c, a->Start(ctx.Caller().id));
  return Reply(201, ops::ConversationJson(c));
}

Result<Reply> SendMessage(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string text, MessageText(ctx.body, "text"));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Turn t, a->Send(ctx.Caller().id, ctx.Param("id"), text));
  return Reply(200, ops::TurnJson(t));
}

Result<Reply> GetConversation(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Transcript t, a->Get(ctx.Caller().id, ctx.Param("id")));
  return Reply(200, ops::TranscriptJson(t));
}

Result<Reply> ListHandoffs(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxHandoffPage));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(auto rows, a->ListHandoffs(page.starting_after, page.limit + 1));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::HandoffJson,
                            [](const assist::Transcript& t) -> const std::string& { return t.conversation.id; }));
}

Result<Reply> GetHandoff(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Transcript t, a->GetHandoff(ctx.Param("id")));
  return Reply(200, ops::HandoffJson(t));
}

Result<Reply> ClaimHandoff(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Conversation c, a->Claim(ctx.Caller().id, ctx.Param("id")));
  return Reply(200, ops::ConversationJson(c));
}

Result<Reply> ReplyToHandoff(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string text, MessageText(ctx.body, "text"));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Message m, a->ReplyAsPerson(ctx.Caller().id, ctx.Param("id"), text));
  return Reply(201, ops::MessageJson(m));
}

Result<Reply> CloseHandoff(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"outcome"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string outcome, RequireText(ctx.body, "outcome", assist::kMaxOutcomeChars));
  TRANCHE_ASSIGN_OR_RETURN(assist::Assistant * a, Assistant(ctx));
  TRANCHE_ASSIGN_OR_RETURN(assist::Conversation c, a->Close(ctx.Caller().id, ctx.Param("id"), std::move(outcome)));
  return Reply(200, ops::ConversationJson(c));
}

}  // namespace

void RegisterAssistantRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/assistant/conversations", Caller::kConsumer, StartConversation);
  router.Add("POST", "/v1/assistant/conversations/{id}/messages", Caller::kConsumer, SendMessage);
  router.Add("GET", "/v1/assistant/conversations/{id}", Caller::kConsumer, GetConversation);
  router.Add("GET", "/v1/admin/handoffs", Caller::kOperator, ListHandoffs);
  router.Add("GET", "/v1/admin/handoffs/{id}", Caller::kOperator, GetHandoff);
  router.Add("POST", "/v1/admin/handoffs/{id}/claim", Caller::kOperator, ClaimHandoff);
  router.Add("POST", "/v1/admin/handoffs/{id}/messages", Caller::kOperator, ReplyToHandoff);
  router.Add("POST", "/v1/admin/handoffs/{id}/close", Caller::kOperator, CloseHandoff);
}

}  // namespace tranche::api
