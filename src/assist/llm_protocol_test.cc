#include "assist/llm_protocol.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tranche::assist {
namespace {

using Json = nlohmann::json;

AccountFacts Account() {
  AccountFacts a;
  a.today = *ParseDate("2026-12-01");
  a.method_last4 = "4242";
  PlanFacts p;
  p.id = "pln_1";
  p.merchant = "Crisp Tech";
  p.outstanding_minor = 6000;
  p.active = true;
  p.unpaid = {{2, *ParseDate("2026-12-09"), 2000, false}};
  a.plans.push_back(p);
  return a;
}

std::string Answer(const Json& message) { return Json{{"choices", {{{"index", 0}, {"message", message}}}}}.dump(); }

Json ToolCallMessage(const std::string& name, const Json& arguments) {
  return {{"role", "assistant"},
          {"content", nullptr},
          {"tool_calls", {{{"id", "call_1"}, {"type", "function"},
                           {"function", {{"name", name}, {"arguments", arguments.dump()}}}}}}};
}

TEST(LlmProtocolTest, TheRequestCarriesTheConsumersAccountTheRecentHistoryAndTheTools) {
  const AccountFacts account = Account();
  ModelContext c;
  c.language = Language::kSwedish;
  c.account = &account;
  for (int i = 0; i < 20; ++i) c.history.push_back({i % 2 == 0, "message " + std::to_string(i)});
  c.message = "hur mycket är kvar?";
  const Json body = Json::parse(ChatCompletionsRequest("llama-3", c));
  EXPECT_EQ(body["model"], "llama-3");
  EXPECT_EQ(body["temperature"], 0);
  const Json& messages = body["messages"];
  ASSERT_EQ(messages.size(), 1 + kMaxModelHistory + 1);
  EXPECT_EQ(messages[0]["role"], "system");
  const std::string system = messages[0]["content"];
  EXPECT_NE(system.find("Reply in Swedish"), std::string::npos);
  EXPECT_NE(system.find("\"plan_id\":\"pln_1\""), std::string::npos);
  EXPECT_NE(system.find("\"last4\":\"4242\""), std::string::npos);
  EXPECT_EQ(messages[1]["content"], "message 8");  // the last twelve of twenty
  EXPECT_EQ(messages[1]["role"], "user");
  EXPECT_EQ(messages[2]["role"], "assistant");
  EXPECT_EQ(messages.back()["content"], "hur mycket är kvar?");
  ASSERT_EQ(body["tools"].size(), kModelTools.size());
  for (std::size_t i = 0; i < kModelTools.size(); ++i) EXPECT_EQ(body["tools"][i]["function"]["name"], kModelTools[i]);
  EXPECT_FALSE(Json::parse(ChatCompletionsRequest("", c)).contains("model"));
}

TEST(LlmProtocolTest, ReadsAReplyOrTheFirstToolCall) {
  auto p = ParseChatCompletion(Answer({{"role", "assistant"}, {"content", "Hello!"}}));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->reply, "Hello!");
  EXPECT_FALSE(p->call.has_value());

  p = ParseChatCompletion(Answer(ToolCallMessage("pay", {{"plan_id", "pln_1"}, {"amount_minor", 2500}})));
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(p->call.has_value());
  EXPECT_EQ(p->call->name, "pay");
  EXPECT_EQ(p->call->plan_id, "pln_1");
  EXPECT_EQ(p->call->amount_minor, 2500);

  // Arguments as an object (some servers), and a second call that is not read.
  Json m = ToolCallMessage("extend_due_date", {});
  m["tool_calls"][0]["function"]["arguments"] = {{"plan_id", "pln_1"}, {"days", 7}};
  m["tool_calls"].push_back(ToolCallMessage("payoff", {{"plan_id", "pln_1"}})["tool_calls"][0]);
  p = ParseChatCompletion(Answer(m));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->call->name, "extend_due_date");
  EXPECT_EQ(p->call->days, 7);

  p = ParseChatCompletion(Answer(ToolCallMessage("change_payment_method", {{"last4", "1234"}, {"method_type", "card"}})));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->call->last4, "1234");
}

TEST(LlmProtocolTest, RefusesWhatItCannotReadStrictly) {
  const std::vector<std::string> bad = {
      "not json",
      "[]",
      R"({"choices": []})",
      Answer({{"role", "assistant"}, {"content", "   "}}),
      Answer({{"role", "assistant"}, {"content", nullptr}}),
      Answer(ToolCallMessage("mark_paid", {{"plan_id", "pln_1"}})),
      Answer(ToolCallMessage("pay", {{"plan_id", 7}})),
      Answer(ToolCallMessage("pay", {{"plan_id", "pln_1"}, {"amount_minor", -5}})),
      Answer(ToolCallMessage("pay", {{"plan_id", "pln_1"}, {"amount_minor", 12.5}})),
      Answer(ToolCallMessage("pay", {{"plan_id", std::string(500, 'p')}})),
      Answer(ToolCallMessage("extend_due_date", {{"plan_id", "pln_1"}, {"days", 100000}})),
      Answer(ToolCallMessage("answer", {{"topic", "transfer_money"}})),
      Answer(ToolCallMessage("open_dispute", {{"plan_id", "pln_1"}, {"reason", "bored"}})),
      Answer(ToolCallMessage("change_payment_method", {{"last4", "4242424242424242"}})),
      Answer(ToolCallMessage("change_payment_method", {{"last4", "1234"}, {"method_type", "crypto"}})),
  };
  for (const std::string& body : bad) {
    const auto p = ParseChatCompletion(body);
    ASSERT_FALSE(p.ok()) << body;
    EXPECT_EQ(p.status().code(), "llm_bad_answer") << body;
  }
  Json m = ToolCallMessage("pay", {});
  m["tool_calls"][0]["function"]["arguments"] = "{not json";
  EXPECT_FALSE(ParseChatCompletion(Answer(m)).ok());
}

}  // namespace
}  // namespace tranche::assist
