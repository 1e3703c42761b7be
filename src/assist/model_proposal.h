// What a language model proposed for one consumer message (assist/llm_backend.h): a
// reply of its own, or one tool call. Nothing here acts. The policy (policy.h) checks
// every call against the consumer's own account and the servicing rules, states a
// change in its own words, and runs it only on an explicit yes in the next message.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tranche::assist {

// The tools a model may call. `answer` reads the account (its topic is one of
// kModelTopics); the others propose a change or hand the conversation to people.
inline constexpr std::array<std::string_view, 7> kModelTools = {
    "answer", "pay", "payoff", "extend_due_date", "change_payment_method", "open_dispute", "handoff"};

// What `answer` may be asked about: the intents the assistant answers from the account
// or its policy documents, without changing anything.
inline constexpr std::array<std::string_view, 22> kModelTopics = {
    "next_payment",  "balance",        "list_plans",       "payment_schedule", "payment_history",
    "payment_failed", "autopay",       "refund_status",    "return_item",      "cancel_order",
    "late_fee",      "dispute_status", "pause_payments",   "declined_checkout", "spending_limit",
    "increase_limit", "apr_interest",  "update_contact_details", "fees_overview", "how_it_works",
    "credit_check",  "login_problem"};

inline constexpr std::array<std::string_view, 3> kModelDisputeReasons = {"not_received", "wrong_item",
                                                                         "unauthorized"};

// Whether `name` is one of `names` (kModelTools, kModelTopics, kModelDisputeReasons).
template <std::size_t N>
constexpr bool IsOneOf(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Bounds on what a model's answer may carry.
inline constexpr std::size_t kMaxModelReplyBytes = 1'500;  // longer replies are cut
inline constexpr std::size_t kMaxToolArgumentBytes = 64;    // each string argument
inline constexpr std::int64_t kMaxModelAmountMinor = 1'000'000'000;
inline constexpr int kMaxModelDays = 366;

struct ToolCall {
  std::string name = {};                     // one of kModelTools
  std::string topic = {};                    // answer
  std::string plan_id = {};                  // optional for every tool but handoff
  std::optional<std::int64_t> amount_minor = {};  // pay: in (0, kMaxModelAmountMinor]
  std::optional<int> days = {};              // extend_due_date: in (0, kMaxModelDays]
  std::string last4 = {};                    // change_payment_method: four digits
  std::string method_type = {};              // change_payment_method: card or bank_account
  std::string reason = {};                   // open_dispute: kModelDisputeReasons; handoff: why
};

struct ModelProposal {
  std::string reply;             // what the model would say; used when it calls no tool
  std::optional<ToolCall> call;  // at most one per message
};

// How a language model fared: proposals it made, and messages the built-in
// understanding answered because it failed.
struct ModelCalls {
  std::uint64_t used = 0;
  std::uint64_t failed = 0;
};

}  // namespace tranche::assist
