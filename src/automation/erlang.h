// Staffing arithmetic for the automation scorecard. Pure.
#pragma once

namespace tranche::automation {

// Erlang C: the probability that a contact waits, with `agents` agents and `erlangs`
// of offered traffic (arrival rate × average handling time). 1 when agents <= erlangs
// (the queue grows without bound). Precondition: agents >= 1, erlangs >= 0.
double ErlangCWait(int agents, double erlangs);

// The share of contacts answered within `target_s`: 1 − P(wait)·e^(−(N−A)·t/AHT).
double ServiceLevel(int agents, double erlangs, double aht_s, double target_s);

// The fewest agents that answer `service_level` of contacts within `target_s` when
// `per_hour` contacts arrive each taking `aht_s` (0 when none arrive). At most 10,000.
int AgentsNeeded(double per_hour, double aht_s, double service_level, double target_s);

}  // namespace tranche::automation
