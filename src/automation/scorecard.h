// The automation scorecard: for each kind of operational work (work.h), of a simulated
// run or stored by a running server, its volume, the share handled end to end with no
// person, the share whose outcome was wrong, and the staff it needs — Erlang C for
// contact work (arrivals by hour, a service level, shrinkage), workload for back-office
// queues — "without automation" (a person handles every item) beside "with tranche".
// Pure; `tranche report automation` writes the JSON summary and the HTML page of a run,
// GET /v1/admin/automation the same JSON of the store (ops/automation.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "automation/queue_age.h"
#include "automation/staffing.h"
#include "automation/work.h"
#include "core/money.h"
#include "core/time.h"

namespace tranche::automation {

struct TypeScore {
  WorkType type;
  std::string team;
  std::int64_t items = 0;
  std::int64_t automated = 0;
  std::int64_t flagged = 0;
  double handling_minutes = 0;  // per item a person handles
  double fte_without = 0;       // every item handled by a person
  double fte_with = 0;          // only what the automation left
  std::vector<double> automation_by_day;  // share automated, per day (0 on days with none)
  std::vector<std::int64_t> items_by_day;
  std::vector<std::int64_t> automated_by_day;
};

struct Scorecard {
  int days = 0;
  std::vector<TypeScore> types;
  double fte_without = 0;
  double fte_with = 0;
};

Scorecard Score(const WorkTally& work, const Staffing& staffing);
// Per type: volume, automated share, wrong outcomes, handling time, FTE without and
// with, and items and automated items per day (day 0 the first); with `queue_ages`,
// also how long the work handed to people waited (queue_age.h).
std::string ScorecardJson(const Scorecard& s, const std::vector<QueueAge>* queue_ages = nullptr);
// One checkout of a simulated run (its purchases.csv): the day (0 the first), whether
// credit approved it, whether the fraud screening held it for review, and whether it
// was truly a fraud (ground truth the platform never saw), and its amount.
struct CheckoutOutcome {
  int day = 0;
  bool approved = false;
  bool held = false;
  bool fraud = false;
  Currency currency = Currency::kUSD;
  std::int64_t amount_minor = 0;
};

// A run's checkouts week by week; a week with none (with no fraud, for frauds_stopped)
// has no value.
struct CheckoutWeeks {
  std::vector<std::optional<double>> approval_rate;   // approved (held ones included) / all
  std::vector<std::optional<double>> fraud_share;     // frauds / all
  std::vector<std::optional<double>> frauds_stopped;  // frauds declined or held / frauds
};
// Precondition: every checkout's day is in [0, days).
CheckoutWeeks CheckoutsByWeek(const std::vector<CheckoutOutcome>& checkouts, int days);

// One day's losses in one currency (a run's losses.csv): what the credit and the fraud
// loss accounts moved that day, charge-offs less recoveries.
struct DayLosses {
  int day = 0;
  Currency currency = Currency::kUSD;
  std::int64_t credit_minor = 0;
  std::int64_t fraud_minor = 0;
};

// One currency's losses to date as a share of what was lent to date (checkouts approved
// and captured at once), at the end of each week; a week before anything was lent has
// no value. A share of money in one currency, so currencies are never added together.
struct LossWeeks {
  Currency currency = Currency::kUSD;
  std::vector<std::optional<double>> credit_rate;
  std::vector<std::optional<double>> fraud_rate;
};
// Currencies in the order of kAllCurrencies, those with a checkout or a loss only.
// Precondition: every checkout's and loss's day is in [0, days).
std::vector<LossWeeks> LossesByWeek(const std::vector<CheckoutOutcome>& checkouts,
                                    const std::vector<DayLosses>& losses, int days);

// How long a run's work waited for a person, week by week by the week a person took it
// up: per type with any, the median and the 90th-percentile wait in hours (nearest
// rank); a week in which a person took up none of it has no value.
struct QueueWeeks {
  WorkType type = WorkType::kFraudReview;
  std::vector<std::optional<double>> median_hours;
  std::vector<std::optional<double>> p90_hours;
};
// Types in kAllWorkTypes order. Precondition: every decided item was decided on a day of
// the run that starts on `start` and lasts `days`.
std::vector<QueueWeeks> QueueWaitsByWeek(const std::vector<QueuedItem>& items, Date start, int days);

// What a run's report shows beside the scorecard, each part when given: the approval and
// fraud rates week by week, the loss rates to date, the waits for a person week by week,
// and the queue ages at the run's end.
struct ReportSeries {
  const CheckoutWeeks* checkouts = nullptr;
  const std::vector<LossWeeks>* losses = nullptr;
  const std::vector<QueueWeeks>* queue_weeks = nullptr;
  const std::vector<QueueAge>* queue_ages = nullptr;
};

// A self-contained page (inline CSS and SVG charts, no scripts or downloads).
std::string ScorecardHtml(const Scorecard& s, const std::string& run_name, const ReportSeries& series = {});

}  // namespace tranche::automation
