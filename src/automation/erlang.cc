#include "automation/erlang.h"

#include <cmath>

#include "core/assert.h"

namespace tranche::automation {

double ErlangCWait(int agents, double erlangs) {
  TRANCHE_ASSERT(agents >= 1 && erlangs >= 0);
  if (agents <= erlangs) return 1;
  // Erlang B by its stable recurrence, then C from B.
  double b = 1;
  for (int k = 1; k <= agents; ++k) b = erlangs * b / (k + erlangs * b);
  const double rho = erlangs / agents;
  return b / (1 - rho + rho * b);
}

double ServiceLevel(int agents, double erlangs, double aht_s, double target_s) {
  if (agents <= erlangs) return 0;
  return 1 - ErlangCWait(agents, erlangs) * std::exp(-(agents - erlangs) * target_s / aht_s);
}

int AgentsNeeded(double per_hour, double aht_s, double service_level, double target_s) {
  if (per_hour <= 0) return 0;
  const double erlangs = per_hour * aht_s / 3600.0;
  constexpr int kMaxAgents = 10'000;
  for (int n = std::max(1, static_cast<int>(std::floor(erlangs)) + 1); n <= kMaxAgents; ++n) {
    if (ServiceLevel(n, erlangs, aht_s, target_s) >= service_level) return n;
  }
  return kMaxAgents;
}

}  // namespace tranche::automation
