#include "risk/credit_profile.h"

#include <algorithm>

#include "core/hash.h"
#include "core/random.h"

namespace tranche::risk {

namespace {

// The identity's fields, separated, hashed: the seed of its simulated history.
std::uint64_t Fingerprint(const Identity& who) {
  std::uint64_t h = Fnv1a(who.email);
  h = Fnv1a("\xff", h);
  h = Fnv1a(who.family_name, h);
  h = Fnv1a("\xff", h);
  return Fnv1a(FormatDate(who.date_of_birth), h);
}

}  // namespace

CreditProfile SimulatedBureau::Lookup(const Identity& who) const {
  SeededRandom r(Fingerprint(who));
  const auto pick = [&r](std::uint64_t n) { return static_cast<std::int64_t>(r.Uniform(n)); };
  CreditProfile p;
  p.source = "bureau";
  p.credit_limit_usd = 500 * (1 + pick(40));  // 500 - 20,000 USD
  p.education = 1 + static_cast<int>(pick(3));
  // Behaviour type: 60 % pay in full, 22 % revolve, 12 % slightly late, 6 % seriously late.
  const std::int64_t kind = pick(100);
  for (std::size_t m = 0; m < kHistoryMonths; ++m) {
    int status = -1;
    if (kind >= 60 && kind < 82) status = 0;
    if (kind >= 82 && kind < 94) status = pick(3) == 0 ? 1 : 0;
    if (kind >= 94) status = static_cast<int>(std::max<std::int64_t>(0, 3 - static_cast<std::int64_t>(m)) + pick(2));
    p.repayment_status[m] = status;
    const std::int64_t utilisation_pct = status <= -1 ? pick(30) : 40 + pick(60);
    p.billed_usd[m] = p.credit_limit_usd * utilisation_pct / 100;
    p.paid_usd[m] = status <= -1 ? p.billed_usd[m] : status == 0 ? p.billed_usd[m] / 10 : 0;
  }
  return p;
}

CreditProfile WithTrancheHistory(CreditProfile bureau, int months_late_now) {
  if (months_late_now > bureau.repayment_status[0]) {
    bureau.repayment_status[0] = std::min(months_late_now, 9);
    bureau.paid_usd[0] = 0;
  }
  bureau.source = "bureau+tranche";
  return bureau;
}

}  // namespace tranche::risk
