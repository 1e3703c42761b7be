// What a credit decision knows about a consumer's history, in the shape of the Taiwan
// credit-card data the default model is trained on: a limit, six months of repayment
// status, billed and paid amounts. It comes from a credit bureau (BureauProvider) and
// from the consumer's own plans on tranche; the model decider maps it to the model's
// columns in one place (credit/profile_features.h).
#pragma once

#include <array>
#include <string>

#include "core/time.h"

namespace tranche::risk {

inline constexpr std::size_t kHistoryMonths = 6;

struct CreditProfile {
  // Repayment status per month, most recent first, coded as in the Taiwan data:
  // -2 no consumption, -1 paid in full, 0 revolving, 1..9 months late.
  std::array<int, kHistoryMonths> repayment_status{};
  std::array<std::int64_t, kHistoryMonths> billed_usd{};  // statement balance, whole USD
  std::array<std::int64_t, kHistoryMonths> paid_usd{};    // paid that month, whole USD
  std::int64_t credit_limit_usd = 0;                      // total revolving credit
  int education = 2;  // 1 graduate school, 2 university, 3 high school, 4 other
  std::string source;  // "bureau", "bureau+tranche"

  friend bool operator==(const CreditProfile&, const CreditProfile&) = default;
};

// Who is being looked up.
struct Identity {
  std::string email;
  std::string family_name;
  Date date_of_birth;
};

// A credit bureau. Implementations may do I/O; the simulated one is deterministic.
class BureauProvider {
 public:
  virtual ~BureauProvider() = default;
  virtual CreditProfile Lookup(const Identity& who) const = 0;
};

// A deterministic stand-in for a bureau: the same identity always gets the same
// profile, drawn from a mix that resembles the Taiwan population (most consumers pay
// on time; about one in five has recent late payments, some of them severe).
class SimulatedBureau final : public BureauProvider {
 public:
  CreditProfile Lookup(const Identity& who) const override;
};

// Overlays the consumer's own record on tranche: `months_late_now` (0 when nothing is
// overdue) becomes the most recent month's status when it is worse than the bureau's.
CreditProfile WithTrancheHistory(CreditProfile bureau, int months_late_now);

}  // namespace tranche::risk
