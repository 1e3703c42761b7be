// Operational work items: what a BNPL business asks of the platform's automation and
// of people, by type, counted by day and hour. Two sources fill a WorkTally: the
// simulator (sim/driver.cc, written to a run's work.json) and a running server's store
// (ops/automation.h). The automation scorecard (scorecard.h) scores either; every type
// is picked up from this list, and a source that has no such work shows zero items.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tranche::automation {

enum class WorkType : std::uint8_t {
  kCustomerContact,     // a consumer contacts customer service (inbound)
  kCollectionsContact,  // a failed payment: automated retries and reminders, or a collector
  kDispute,             // the merchant accepts (no person) or an operator decides
  kReconException,      // a settlement line: matched by rule, or an exception for a person
  kCreditDecision,      // every checkout decision (the model/policy decides)
  kMerchantOnboarding,  // checks on a new merchant; high-risk categories go to a person
  kFraudReview,         // every screened authorization: decided by the rules and score, or held for a person
  kAssistantContact,    // a conversation with the assistant: contained, or handed off to a person
};

inline constexpr WorkType kAllWorkTypes[] = {WorkType::kCustomerContact, WorkType::kCollectionsContact,
                                             WorkType::kDispute, WorkType::kReconException,
                                             WorkType::kCreditDecision, WorkType::kMerchantOnboarding,
                                             WorkType::kFraudReview,     WorkType::kAssistantContact};

std::string_view WorkTypeName(WorkType t);
std::optional<WorkType> ParseWorkType(std::string_view s);
// Contact work is staffed by Erlang C (arrivals by hour, answered within a target);
// the rest is back-office workload.
bool IsContactWork(WorkType t);

inline constexpr std::size_t kWorkTypes = std::size(kAllWorkTypes);

// Work items counted by type, day and hour of day: what the scorecard needs, in memory
// proportional to days, not to items.
struct WorkTally {
  struct Counts {
    std::int64_t items = 0;
    std::int64_t automated = 0;  // handled end to end with no person
    std::int64_t flagged = 0;    // the outcome was wrong (ground truth)
  };
  struct PerType {
    Counts total;
    std::vector<Counts> by_day;
    std::array<std::int64_t, 24> by_hour{};            // every item, by hour of arrival
    std::array<std::int64_t, 24> to_people_by_hour{};  // the items a person handled
  };
  std::array<PerType, kWorkTypes> types;
  int days = 0;

  explicit WorkTally(int run_days = 0);
  // Precondition: 0 <= day < days, 0 <= hour < 24.
  void Add(int day, int hour, WorkType type, bool automated, bool flagged);
  std::string ToJson() const;
  static Result<WorkTally> FromJson(std::string_view json);
};

}  // namespace tranche::automation
