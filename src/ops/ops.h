// What the servicing shell needs from the outside world: the store, ids, the clock and
// the money-movement adapters.
#pragma once

#include "core/clock.h"
#include "core/ids.h"
#include "payments/payments.h"
#include "store/store.h"

namespace tranche::ops {

struct OpsContext {
  store::Store& store;
  IdGenerator& ids;
  const Clock& clock;
  payments::PaymentProcessor& processor;
  payments::PayoutRail& rail;
};

}  // namespace tranche::ops
