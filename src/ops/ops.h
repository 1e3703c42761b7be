// What the servicing shell needs from the outside world: the store, ids, the clock, the
// money-movement adapters and the fraud screening.
#pragma once

#include "core/clock.h"
#include "core/ids.h"
#include "payments/payments.h"
#include "store/store.h"

namespace tranche::fraud {
struct Screening;
}

namespace tranche::ops {

struct OpsContext {
  store::Store& store;
  IdGenerator& ids;
  const Clock& clock;
  payments::PaymentProcessor& processor;
  payments::PayoutRail& rail;
  // The fraud screening whose feature source learns the labels the use cases store (an
  // unauthorized dispute); none: it learns them at the next start.
  const fraud::Screening* fraud = nullptr;
};

}  // namespace tranche::ops
