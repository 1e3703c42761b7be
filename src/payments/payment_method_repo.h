// Storage port for consumers' payment methods.
#pragma once

#include <optional>

#include "core/status.h"
#include "payments/payments.h"

namespace tranche::payments {

class PaymentMethodRepo {
 public:
  virtual ~PaymentMethodRepo() = default;
  // The method the consumer set; none when they never set one (what fraud screening
  // keys the feature engine's payment method by).
  virtual Result<std::optional<PaymentMethod>> FindSet(std::string_view consumer_id) = 0;
  virtual Status Set(std::string_view consumer_id, const PaymentMethod& m) = 0;

  // The consumer's autopay method; a default simulated card when none was set.
  Result<PaymentMethod> Find(std::string_view consumer_id) {
    TRANCHE_ASSIGN_OR_RETURN(std::optional<PaymentMethod> m, FindSet(consumer_id));
    return m.value_or(PaymentMethod{});
  }
};

}  // namespace tranche::payments
