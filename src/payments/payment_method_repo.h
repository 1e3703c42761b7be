// Storage port for consumers' payment methods.
#pragma once

#include "core/status.h"
#include "payments/payments.h"

namespace tranche::payments {

class PaymentMethodRepo {
 public:
  virtual ~PaymentMethodRepo() = default;
  // The consumer's autopay method; a default simulated card when none was set.
  virtual Result<PaymentMethod> Find(std::string_view consumer_id) = 0;
  virtual Status Set(std::string_view consumer_id, const PaymentMethod& m) = 0;
};

}  // namespace tranche::payments
