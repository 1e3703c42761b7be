// Plans and their instalments in SQLite: the implementation of the port it includes, on
// one connection, inside whatever transaction the store has open on it.
#pragma once

#include "lending/plan_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlPlanRepo final : public lending::PlanRepo {
 public:
  explicit SqlPlanRepo(Connection& c) : c_(c) {}
  Status Insert(const lending::Plan& p) override;
  Status Update(const lending::Plan& p) override;
  Status UpdateState(const lending::Plan& p) override;
  Result<std::optional<lending::Plan>> Find(std::string_view id) override;
  Result<std::vector<lending::Plan>> ListByOrder(std::string_view order_id) override;
  Result<std::vector<lending::Plan>> ListByConsumer(std::string_view consumer_id,
                                                    std::string_view after_id,
                                                    std::size_t limit) override;
  Result<std::optional<Date>> OldestOverdue(std::string_view consumer_id, Date today) override;
  Result<std::vector<std::string>> ListToClose(Date d, Date reminder_due, bool earning) override;
  Result<std::vector<lending::PortfolioLine>> Portfolio() override;
  Result<std::vector<lending::MerchantPlans>> MerchantDelinquency(Instant from, Instant to,
                                                                  std::size_t limit) override;

 private:
  Result<std::vector<lending::PlanInstallment>> ReadInstallments(std::string_view plan_id, Currency c);
  Status LoadInstallments(lending::Plan& p);
  Result<std::vector<lending::Plan>> LoadAll(Statement& s);
  Connection& c_;
};

}  // namespace tranche::store::sql
