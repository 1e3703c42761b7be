// Storage ports for merchants and consumers.
#pragma once

#include <optional>
#include <vector>

#include "merchants/consumer.h"
#include "merchants/merchant.h"

namespace tranche::merchants {

// One piece of merchant onboarding work: a merchant the automated check decided alone
// (at its creation), or a person's review of one (from when it was queued).
struct OnboardingWork {
  Instant arrived_at;
  bool needed_person = false;
  std::optional<Instant> decided_at = {};  // a person's decision; none while queued or if no person
};

class MerchantRepo {
 public:
  virtual ~MerchantRepo() = default;
  virtual Status Insert(const Merchant& m) = 0;
  virtual Result<std::optional<Merchant>> Find(std::string_view id) = 0;
  virtual Status UpdateProducts(std::string_view id, const ProductSet& products) = 0;
  virtual Status UpdateOnboarding(std::string_view id, const Onboarding& onboarding) = 0;
  // Merchants in id (creation) order after `after_id`, only those in `status` when it is
  // given; at most `limit`.
  virtual Result<std::vector<Merchant>> List(std::string_view after_id, std::optional<OnboardingStatus> status,
                                             std::size_t limit) = 0;
  // A person's review of the merchant begins: at onboarding, or back from trading.
  // Precondition: none of its reviews is open (the store refuses a second).
  virtual Status OpenReview(std::string_view merchant_id, Instant queued_at) = 0;
  // Records the decision of the merchant's open review; false when none is open.
  virtual Result<bool> CloseReview(std::string_view merchant_id, Instant decided_at) = 0;
  // The onboarding work that arrived in [from, to), in time order: each merchant created
  // then that no person had to review, and each review queued then; at most `limit`.
  virtual Result<std::vector<OnboardingWork>> ListOnboardingWork(Instant from, Instant to, std::size_t limit) = 0;
};

class ConsumerRepo {
 public:
  virtual ~ConsumerRepo() = default;
  virtual Status Insert(const Consumer& c) = 0;
  virtual Result<std::optional<Consumer>> Find(std::string_view id) = 0;
  virtual Result<std::optional<Consumer>> FindByEmail(std::string_view normalized_email) = 0;
  // The consumer's credit limit in `currency`; none until a first approval sets it.
  virtual Result<std::optional<Money>> FindLimit(std::string_view consumer_id, Currency currency) = 0;
  virtual Status SetLimit(std::string_view consumer_id, Money limit) = 0;
  // Every limit the consumer has, by currency.
  virtual Result<std::vector<Money>> ListLimits(std::string_view consumer_id) = 0;
};

}  // namespace tranche::merchants
