// Storage port for plans and their instalments.
#pragma once

#include <optional>
#include <vector>

#include "lending/plan.h"
#include "lending/portfolio.h"

namespace tranche::lending {

// One merchant's recent plans: how many were captured in a window, and how many of those
// are past due now or charged off (merchant monitoring, onboarding/merchant_monitoring.h).
struct MerchantPlans {
  std::string merchant_id;
  std::int64_t plans = 0;
  std::int64_t delinquent = 0;
};

class PlanRepo {
 public:
  virtual ~PlanRepo() = default;
  virtual Status Insert(const Plan& p) = 0;
  // Stores the plan's status and every instalment's amounts, due date and payments.
  virtual Status Update(const Plan& p) = 0;
  // Stores the plan's status and servicing state only: for changes that left every
  // instalment as it was (the daily job's usual case), at a fraction of Update's cost.
  virtual Status UpdateState(const Plan& p) = 0;
  virtual Result<std::optional<Plan>> Find(std::string_view id) = 0;
  // An order's plans in capture order.
  virtual Result<std::vector<Plan>> ListByOrder(std::string_view order_id) = 0;
  // The consumer's plans in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<Plan>> ListByConsumer(std::string_view consumer_id,
                                                   std::string_view after_id, std::size_t limit) = 0;
  // The due date of the consumer's oldest instalment unpaid after its due date, if any;
  // instalments held by a pause count by their shifted dates (servicing/servicing.h).
  virtual Result<std::optional<Date>> OldestOverdue(std::string_view consumer_id, Date today) = 0;
  // Ids of the active plans business date `d` has work for and that are not closed
  // through `d` yet: something unpaid due by `d` (collection, late fees, delinquency)
  // or due on `reminder_due` exactly (its reminder), a pause ending, or, when `earning`,
  // financing interest to book. In id order.
  virtual Result<std::vector<std::string>> ListToClose(Date d, Date reminder_due, bool earning) = 0;
  // Every plan summed by currency, status and bucket (an operator report: it reads
  // the whole book).
  virtual Result<std::vector<PortfolioLine>> Portfolio() = 0;
  // Per merchant with plans captured in [from, to): those plans, and how many of them are
  // in a past-due bucket or charged off now. In merchant id order, at most `limit`
  // merchants. Reads every plan (a weekly job's query, like Portfolio).
  virtual Result<std::vector<MerchantPlans>> MerchantDelinquency(Instant from, Instant to, std::size_t limit) = 0;
};

}  // namespace tranche::lending
