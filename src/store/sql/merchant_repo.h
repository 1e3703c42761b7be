// Merchants in SQLite: the implementation of the port it includes, on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include "merchants/merchant_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlMerchantRepo final : public merchants::MerchantRepo {
 public:
  explicit SqlMerchantRepo(Connection& c) : c_(c) {}
  Status Insert(const merchants::Merchant& m) override;
  Result<std::optional<merchants::Merchant>> Find(std::string_view id) override;
  Status UpdateProducts(std::string_view id, const merchants::ProductSet& products) override;
  Status UpdateOnboarding(std::string_view id, const merchants::Onboarding& onboarding) override;
  Result<std::vector<merchants::Merchant>> List(std::string_view after_id,
                                                std::optional<merchants::OnboardingStatus> status,
                                                std::size_t limit) override;
  Status OpenReview(std::string_view merchant_id, Instant queued_at) override;
  Result<bool> CloseReview(std::string_view merchant_id, Instant decided_at) override;
  Result<std::vector<merchants::OnboardingWork>> ListOnboardingWork(Instant from, Instant to,
                                                                    std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
