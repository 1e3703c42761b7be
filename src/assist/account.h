// What the assistant knows of the logged-in consumer's account on one day (pure
// values). The tools (tools.h) read it through the same ports and rules the API uses;
// policy and replies only ever see this consumer's facts, so nothing else can leak.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "lending/product.h"

namespace tranche::assist {

struct InstalmentFacts {
  int number = 0;
  Date due;
  std::int64_t unpaid_minor = 0;
  bool overdue = false;
};

struct PaymentFacts {
  Date on;
  std::int64_t amount_minor = 0;
  bool autopay = false;
  std::string failure = {};            // empty for a success: insufficient_funds, expired_card, ...
  std::optional<Date> next_retry = {};  // failures of autopay with a retry still to come
};

struct PlanFacts {
  std::string id;
  std::string order_id;
  std::string merchant;
  lending::ProductKind product = lending::ProductKind::kPayIn4;
  Currency currency = Currency::kUSD;
  std::int64_t amount_minor = 0;       // the purchase
  Instant purchased_at = {};           // when the plan began ("the one I bought last")
  std::int64_t outstanding_minor = 0;  // unpaid instalments and fees
  std::int64_t fees_unpaid_minor = 0;
  std::int64_t payoff_minor = 0;       // today's payoff quote (active plans)
  std::int64_t refunded_minor = 0;     // merchant refunds taken off the plan
  std::int64_t apr_bps = 0;
  bool active = false;
  bool extended = false;
  std::optional<Date> paused_until = {};
  std::vector<InstalmentFacts> unpaid;  // in due order
  std::optional<PaymentFacts> last_payment = {};
  std::optional<PaymentFacts> last_failure = {};
  std::string dispute_status;  // empty when none: open, under_review, resolved
  std::string dispute_reason;
  bool payment_in_flight = false;
};

struct DeclineFacts {
  std::string merchant;
  std::int64_t amount_minor = 0;
  Currency currency = Currency::kUSD;
  Date on;
  std::vector<std::string> reasons;       // the consumer-facing messages (English)
  std::vector<std::string> reason_codes;  // their stable codes, in the same order
};

struct AccountFacts {
  Date today;
  Currency currency = Currency::kUSD;
  std::vector<PlanFacts> plans;  // every plan, active first
  std::string method_type = "card";
  std::string method_last4;
  std::optional<std::int64_t> limit_minor = {};
  std::int64_t outstanding_minor = 0;  // over active plans
  std::int64_t available_minor = 0;
  std::vector<DeclineFacts> declines;  // newest first
};

}  // namespace tranche::assist
