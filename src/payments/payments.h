// Money movement adapters: collecting from a consumer's payment method and paying a
// merchant. tranche talks to processors and payout rails only through these
// interfaces; the defaults are simulators (simulated.h).
//
// Every call carries an idempotency key (the collection or payout id), so asking again
// after a timeout can never move money twice. A call whose outcome is unknown (a
// timeout) is never guessed: the caller records it as unknown and later asks Resolve,
// which returns the final outcome.
#pragma once

#include <optional>
#include <string>

#include "core/money.h"

namespace tranche::payments {

// A consumer's autopay method. `profile` chooses the simulator's behaviour (see
// simulated.h); a real processor would hold a token instead.
enum class MethodType : std::uint8_t { kCard, kBankAccount };
std::string_view MethodTypeName(MethodType t);
std::optional<MethodType> ParseMethodType(std::string_view s);

struct PaymentMethod {
  MethodType type = MethodType::kCard;
  std::string last4 = "4242";
  std::string profile = "standard";
};

// The simulator's outcome profiles.
inline constexpr const char* kProfiles[] = {"standard", "always_succeeds", "insufficient_funds",
                                            "expired_card", "processor_error", "timeout"};
bool IsProfile(std::string_view profile);

enum class Outcome : std::uint8_t { kSucceeded, kFailed, kUnknown };
std::string_view OutcomeName(Outcome o);

struct ProcessorReply {
  Outcome outcome = Outcome::kUnknown;
  std::string failure_code;   // insufficient_funds, expired_card, processor_error (failures only)
  std::string reference;      // the processor's reference, stored for reconciliation
};

struct CollectRequest {
  std::string key;  // the collection id: the idempotency key
  std::string consumer_id;
  PaymentMethod method;
  Money amount;
};

class PaymentProcessor {
 public:
  virtual ~PaymentProcessor() = default;
  virtual ProcessorReply Collect(const CollectRequest& r) = 0;
  // The final outcome of a collection (never kUnknown): what happened to `r`.
  virtual ProcessorReply Resolve(const CollectRequest& r) = 0;
  // Pays `r.amount` back to the method (money owed to the consumer), and its final outcome.
  virtual ProcessorReply Refund(const CollectRequest& r) = 0;
  virtual ProcessorReply ResolveRefund(const CollectRequest& r) = 0;
};

struct PayoutRequest {
  std::string key;  // the payout id
  std::string merchant_id;
  Money amount;
};

class PayoutRail {
 public:
  virtual ~PayoutRail() = default;
  virtual ProcessorReply Pay(const PayoutRequest& r) = 0;
  // The outcome of payout `r`: final, unless the rail cannot tell yet (an outage) —
  // then kUnknown, and the daily job asks again at the next close.
  virtual ProcessorReply Resolve(const PayoutRequest& r) = 0;
};

}  // namespace tranche::payments
