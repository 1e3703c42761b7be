#include "automation/scorecard.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "automation/erlang.h"
#include "core/assert.h"

namespace tranche::automation {

namespace {

struct TypeInfo {
  const char* team;
  double Staffing::*minutes;  // back office: minutes per item; contacts use contact_aht_s
};

TypeInfo Info(WorkType t) {
  switch (t) {
    case WorkType::kCustomerContact: return {"customer service", nullptr};
    case WorkType::kCollectionsContact: return {"collections", nullptr};
    case WorkType::kDispute: return {"disputes", &Staffing::dispute_minutes};
    case WorkType::kReconException: return {"finance operations", &Staffing::recon_exception_minutes};
    case WorkType::kCreditDecision: return {"credit", &Staffing::credit_decision_minutes};
    case WorkType::kMerchantOnboarding: return {"merchant operations", &Staffing::onboarding_review_minutes};
    case WorkType::kFraudReview: return {"fraud operations", &Staffing::manual_review_minutes};
    case WorkType::kAssistantContact: return {"customer service", nullptr};
  }
  return {"", nullptr};
}

// Erlang C staffing for arrivals averaged per hour of day over the run: agent hours a
// day, as FTE after shrinkage.
double ContactFte(const std::array<std::int64_t, 24>& by_hour, int days, const Staffing& s) {
  double agent_hours_per_day = 0;
  for (std::int64_t n : by_hour) {
    const double per_hour = static_cast<double>(n) / days;
    agent_hours_per_day += AgentsNeeded(per_hour, s.contact_aht_s, s.service_level, s.target_answer_s);
  }
  return agent_hours_per_day * 7 / (s.fte_hours_per_week * (1 - s.shrinkage));
}

double WorkloadFte(std::int64_t items, int days, double minutes, const Staffing& s) {
  const double hours_per_day = static_cast<double>(items) / days * minutes / 60;
  return hours_per_day * 7 / (s.fte_hours_per_week * (1 - s.shrinkage));
}

std::string Fmt(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// Horizontal bars, one per label, scaled to the largest value.
std::string BarChart(const std::vector<std::pair<std::string, std::vector<double>>>& rows,
                     const std::vector<std::string>& series, const char* unit) {
  const std::vector<const char*> colors = {"#8a99a8", "#1f7a5a"};
  double max = 0;
  for (const auto& [label, values] : rows) {
    for (double v : values) max = std::max(max, v);
  }
  if (max <= 0) max = 1;
  const int row_h = 14 * static_cast<int>(series.size()) + 10;
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='720' height='" +
                    std::to_string(row_h * static_cast<int>(rows.size()) + 30) + "'>";
  int y = 0;
  for (const auto& [label, values] : rows) {
    svg += "<text x='0' y='" + std::to_string(y + 12) + "' font-size='12'>" + Escape(label) + "</text>";
    for (std::size_t k = 0; k < values.size(); ++k) {
      const int w = static_cast<int>(values[k] / max * 420);
      const int yy = y + static_cast<int>(k) * 14;
      svg += "<rect x='170' y='" + std::to_string(yy) + "' width='" + std::to_string(w) + "' height='12' fill='" +
             colors[k % colors.size()] + "'/>";
      svg += "<text x='" + std::to_string(175 + w) + "' y='" + std::to_string(yy + 10) + "' font-size='11'>" +
             Fmt("%.1f", values[k]) + " " + unit + "</text>";
    }
    y += row_h;
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    svg += "<rect x='" + std::to_string(170 + 160 * k) + "' y='" + std::to_string(y + 6) + "' width='10' height='10' fill='" +
           colors[k % colors.size()] + "'/><text x='" + std::to_string(185 + 160 * k) + "' y='" + std::to_string(y + 15) +
           "' font-size='11'>" + Escape(series[k]) + "</text>";
  }
  return svg + "</svg>";
}

using WeeklyLine = std::pair<std::string, std::vector<std::optional<double>>>;

// Weeks of a run of `days`, the last one possibly short; at least one.
std::size_t WeeksOf(int days) { return static_cast<std::size_t>(std::max(1, (days + 6) / 7)); }

// part / whole, or no value when there is no whole.
std::optional<double> Share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// What a weekly chart's values are: shares (drawn as percentages) or hours.
enum class Unit : std::uint8_t { kShare, kHours };

std::string AxisLabel(double value, Unit unit) {
  return unit == Unit::kShare ? Fmt("%g%%", 100 * value) : Fmt("%g h", value);
}

// One line per series, week by week, from 0 at the bottom to `top` at the top; a week
// without a value is skipped.
std::string WeeklyChart(const std::vector<WeeklyLine>& lines, double top, Unit unit = Unit::kShare) {
  TRANCHE_ASSERT(top > 0);
  const std::vector<const char*> colors = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                           "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  const int w = 640, h = 200;
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='760' height='" + std::to_string(h + 55) + "'>";
  svg += "<rect x='40' y='0' width='" + std::to_string(w) + "' height='" + std::to_string(h) + "' fill='none' stroke='#ccc'/>";
  svg += "<text x='0' y='10' font-size='11'>" + AxisLabel(top, unit) + "</text><text x='10' y='" +
         std::to_string(h) + "' font-size='11'>" + AxisLabel(0, unit) + "</text>";
  for (std::size_t t = 0; t < lines.size(); ++t) {
    const auto& [label, weekly] = lines[t];
    const int weeks = static_cast<int>(weekly.size());
    std::string points;
    for (int wk = 0; wk < weeks; ++wk) {
      const std::optional<double> v = weekly[static_cast<std::size_t>(wk)];
      if (!v) continue;
      const int x = 40 + (weeks == 1 ? w / 2 : wk * w / (weeks - 1));
      const int y = static_cast<int>(h - std::min(*v, top) / top * h);
      points += std::to_string(x) + "," + std::to_string(y) + " ";
    }
    svg += "<polyline fill='none' stroke-width='2' stroke='" + std::string(colors[t % colors.size()]) + "' points='" +
           points + "'/>";
    // The legend: four lines a row.
    svg += "<text x='" + std::to_string(40 + static_cast<int>(t % 4) * 170) + "' y='" +
           std::to_string(h + 20 + static_cast<int>(t / 4) * 15) + "' font-size='11' fill='" +
           colors[t % colors.size()] + "'>" + Escape(label) + "</text>";
  }
  return svg + "</svg>";
}

// One line per type: the share automated, week by week.
std::string AutomationChart(const Scorecard& s) {
  const int weeks = static_cast<int>(WeeksOf(s.days));
  std::vector<WeeklyLine> lines;
  for (const TypeScore& ts : s.types) {
    if (ts.items == 0) continue;
    std::vector<std::optional<double>> weekly(static_cast<std::size_t>(weeks));
    for (int wk = 0; wk < weeks; ++wk) {
      double items = 0, automated = 0;
      for (int d = wk * 7; d < std::min(s.days, wk * 7 + 7); ++d) {
        items += static_cast<double>(ts.items_by_day[static_cast<std::size_t>(d)]);
        automated += ts.automation_by_day[static_cast<std::size_t>(d)] *
                     static_cast<double>(ts.items_by_day[static_cast<std::size_t>(d)]);
      }
      if (items > 0) weekly[static_cast<std::size_t>(wk)] = automated / items;
    }
    lines.emplace_back(std::string(WorkTypeName(ts.type)), std::move(weekly));
  }
  return WeeklyChart(lines, 1.0);
}

// The smallest of 1 %, 2 %, 5 %, 10 %, ... 100 % at or above every value.
double ScaleTop(const std::vector<std::optional<double>>& values) {
  double max = 0;
  for (const auto& v : values) max = std::max(max, v.value_or(0));
  for (double top : {0.01, 0.02, 0.05, 0.1, 0.2, 0.5}) {
    if (max <= top) return top;
  }
  return 1.0;
}

// The smallest of 12 hours, a day, two, three, a week, two, a month, two and a year at
// or above every value.
double HoursTop(const std::vector<QueueWeeks>& weeks) {
  double max = 0;
  for (const QueueWeeks& q : weeks) {
    for (const auto& v : q.p90_hours) max = std::max(max, v.value_or(0));
  }
  for (double top : {12.0, 24.0, 48.0, 72.0, 168.0, 336.0, 720.0, 1440.0}) {
    if (max <= top) return top;
  }
  return 8760;
}

std::string Hours(std::int64_t seconds) { return Fmt("%.1f h", static_cast<double>(seconds) / 3600); }

// The queue ages at the run's end, one row per type.
std::string QueueAgeTable(const std::vector<QueueAge>& ages) {
  std::string h = "<table><tr><th>work</th><th>taken up</th><th>median wait</th><th>90th percentile</th>"
                  "<th>still waiting</th><th>oldest waiting</th></tr>";
  for (const QueueAge& a : ages) {
    h += "<tr><td>" + Escape(WorkTypeName(a.type)) + "</td><td>" + std::to_string(a.decided) + "</td><td>" +
         Hours(a.median_wait_s) + "</td><td>" + Hours(a.p90_wait_s) + "</td><td>" + std::to_string(a.waiting) +
         "</td><td>" + Hours(a.oldest_waiting_s) + "</td></tr>";
  }
  return h + "</table>";
}

}  // namespace

Scorecard Score(const WorkTally& work, const Staffing& staffing) {
  Scorecard s;
  s.days = std::max(1, work.days);
  for (WorkType type : kAllWorkTypes) {
    const WorkTally::PerType& t = work.types[static_cast<std::size_t>(type)];
    const TypeInfo info = Info(type);
    TypeScore ts{type, info.team, t.total.items, t.total.automated, t.total.flagged, 0, 0, 0, {}, {}, {}};
    if (IsContactWork(type)) {
      ts.handling_minutes = staffing.contact_aht_s / 60;
      ts.fte_without = ContactFte(t.by_hour, s.days, staffing);
      ts.fte_with = ContactFte(t.to_people_by_hour, s.days, staffing);
    } else {
      ts.handling_minutes = staffing.*info.minutes;
      ts.fte_without = WorkloadFte(t.total.items, s.days, ts.handling_minutes, staffing);
      ts.fte_with = WorkloadFte(t.total.items - t.total.automated, s.days, ts.handling_minutes, staffing);
    }
    for (const WorkTally::Counts& c : t.by_day) {
      ts.items_by_day.push_back(c.items);
      ts.automated_by_day.push_back(c.automated);
      ts.automation_by_day.push_back(c.items == 0 ? 0 : static_cast<double>(c.automated) / static_cast<double>(c.items));
    }
    s.fte_without += ts.fte_without;
    s.fte_with += ts.fte_with;
    s.types.push_back(std::move(ts));
  }
  return s;
}

std::string ScorecardJson(const Scorecard& s, const std::vector<QueueAge>* queue_ages) {
  nlohmann::json j;
  j["days"] = s.days;
  j["fte_without_automation"] = s.fte_without;
  j["fte_with_tranche"] = s.fte_with;
  j["fte_reduction"] = s.fte_without > 0 ? 1 - s.fte_with / s.fte_without : 0;
  j["types"] = nlohmann::json::array();
  for (const TypeScore& t : s.types) {
    j["types"].push_back({{"type", WorkTypeName(t.type)}, {"team", t.team}, {"items", t.items},
                          {"automated", t.automated},
                          {"automation_rate", t.items ? static_cast<double>(t.automated) / static_cast<double>(t.items) : 0.0},
                          {"wrong_outcomes", t.flagged}, {"handling_minutes", t.handling_minutes},
                          {"fte_without_automation", t.fte_without}, {"fte_with_tranche", t.fte_with},
                          {"items_by_day", t.items_by_day}, {"automated_by_day", t.automated_by_day}});
  }
  if (queue_ages != nullptr) {
    j["queue_ages"] = nlohmann::json::array();
    for (const QueueAge& a : *queue_ages) {
      j["queue_ages"].push_back({{"type", WorkTypeName(a.type)}, {"decided", a.decided},
                                 {"median_wait_seconds", a.median_wait_s}, {"p90_wait_seconds", a.p90_wait_s},
                                 {"waiting", a.waiting}, {"oldest_waiting_seconds", a.oldest_waiting_s}});
    }
  }
  return j.dump(2);
}

std::string ScorecardHtml(const Scorecard& s, const std::string& run_name, const ReportSeries& series) {
  const CheckoutWeeks* checkouts = series.checkouts;
  const std::vector<LossWeeks>* losses = series.losses;
  std::string h = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>tranche automation scorecard</title>"
                  "<style>body{font-family:sans-serif;max-width:820px;margin:2em auto;color:#222}"
                  "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}"
                  "td:first-child,th:first-child{text-align:left}</style></head><body>";
  h += "<h1>Automation scorecard</h1><p>Run <code>" + Escape(run_name) + "</code>, " + std::to_string(s.days) +
       " simulated days. Staff needed: <b>" + Fmt("%.1f", s.fte_without) + " FTE</b> without automation, <b>" +
       Fmt("%.1f", s.fte_with) + " FTE</b> with tranche (" +
       Fmt("%.0f", s.fte_without > 0 ? 100 * (1 - s.fte_with / s.fte_without) : 0) + "% fewer).</p>";
  h += "<table><tr><th>work</th><th>team</th><th>items</th><th>automated</th><th>wrong outcomes</th>"
       "<th>FTE without</th><th>FTE with</th></tr>";
  std::vector<std::pair<std::string, std::vector<double>>> volumes, fte;
  for (const TypeScore& t : s.types) {
    const double rate = t.items ? 100.0 * static_cast<double>(t.automated) / static_cast<double>(t.items) : 0;
    h += "<tr><td>" + Escape(WorkTypeName(t.type)) + "</td><td>" + Escape(t.team) + "</td><td>" +
         std::to_string(t.items) + "</td><td>" + Fmt("%.1f%%", rate) + "</td><td>" + std::to_string(t.flagged) +
         "</td><td>" + Fmt("%.2f", t.fte_without) + "</td><td>" + Fmt("%.2f", t.fte_with) + "</td></tr>";
    volumes.push_back({std::string(WorkTypeName(t.type)),
                       {static_cast<double>(t.items) / s.days, static_cast<double>(t.items - t.automated) / s.days}});
    fte.push_back({t.team, {t.fte_without, t.fte_with}});
  }
  h += "</table>";
  h += "<h2>Volume per day</h2>" + BarChart(volumes, {"all items", "to people"}, "/day");
  h += "<h2>FTE by team</h2>" + BarChart(fte, {"without automation", "with tranche"}, "FTE");
  h += "<h2>Automation rate over time (weekly)</h2>" + AutomationChart(s);
  if (checkouts != nullptr) {
    h += "<h2>Checkouts approved (weekly)</h2>" +
         WeeklyChart({{"approved by credit", checkouts->approval_rate},
                      {"frauds declined or held", checkouts->frauds_stopped}},
                     1.0);
    h += "<h2>Fraud among checkouts (weekly, ground truth)</h2>" +
         WeeklyChart({{"fraudulent checkouts", checkouts->fraud_share}}, ScaleTop(checkouts->fraud_share));
  }
  if (losses != nullptr && !losses->empty()) {
    std::vector<WeeklyLine> lines;
    std::vector<std::optional<double>> all;
    for (const LossWeeks& l : *losses) {
      const std::string code(CurrencyCode(l.currency));
      lines.emplace_back(code + " credit losses", l.credit_rate);
      lines.emplace_back(code + " fraud losses", l.fraud_rate);
      all.insert(all.end(), l.credit_rate.begin(), l.credit_rate.end());
      all.insert(all.end(), l.fraud_rate.begin(), l.fraud_rate.end());
    }
    h += "<h2>Losses to date, share of the amount lent (weekly, per currency)</h2>" + WeeklyChart(lines, ScaleTop(all));
  }
  if (series.queue_weeks != nullptr && !series.queue_weeks->empty()) {
    std::vector<WeeklyLine> lines;
    for (const QueueWeeks& q : *series.queue_weeks) {
      const std::string type(WorkTypeName(q.type));
      lines.emplace_back(type + " median", q.median_hours);
      lines.emplace_back(type + " 90th percentile", q.p90_hours);
    }
    h += "<h2>Waiting for a person (weekly, by the week a person took the work up)</h2>" +
         WeeklyChart(lines, HoursTop(*series.queue_weeks), Unit::kHours);
  }
  if (series.queue_ages != nullptr && !series.queue_ages->empty()) {
    h += "<h2>Queue ages at the end of the run</h2>" + QueueAgeTable(*series.queue_ages);
  }
  h += "</body></html>\n";
  return h;
}

CheckoutWeeks CheckoutsByWeek(const std::vector<CheckoutOutcome>& checkouts, int days) {
  const std::size_t weeks = WeeksOf(days);
  std::vector<std::int64_t> all(weeks), approved(weeks), frauds(weeks), stopped(weeks);
  for (const CheckoutOutcome& c : checkouts) {
    TRANCHE_ASSERT(c.day >= 0 && c.day < days);
    const auto wk = static_cast<std::size_t>(c.day / 7);
    ++all[wk];
    approved[wk] += c.approved ? 1 : 0;
    frauds[wk] += c.fraud ? 1 : 0;
    stopped[wk] += c.fraud && (!c.approved || c.held) ? 1 : 0;
  }
  CheckoutWeeks out;
  for (std::size_t wk = 0; wk < weeks; ++wk) {
    out.approval_rate.push_back(Share(approved[wk], all[wk]));
    out.fraud_share.push_back(Share(frauds[wk], all[wk]));
    out.frauds_stopped.push_back(Share(stopped[wk], frauds[wk]));
  }
  return out;
}

std::vector<LossWeeks> LossesByWeek(const std::vector<CheckoutOutcome>& checkouts,
                                    const std::vector<DayLosses>& losses, int days) {
  const std::size_t weeks = WeeksOf(days);
  struct Weekly {
    std::vector<std::int64_t> lent_minor, credit_minor, fraud_minor;
  };
  std::map<Currency, Weekly> by_currency;
  const auto weekly = [&](Currency c) -> Weekly& {
    Weekly& w = by_currency[c];
    if (w.lent_minor.empty()) w = {std::vector<std::int64_t>(weeks), std::vector<std::int64_t>(weeks),
                                   std::vector<std::int64_t>(weeks)};
    return w;
  };
  for (const CheckoutOutcome& c : checkouts) {
    TRANCHE_ASSERT(c.day >= 0 && c.day < days);
    TRANCHE_ASSERT(c.amount_minor >= 0 && c.amount_minor <= kMaxInputAmountMinor);
    if (c.approved && !c.held) weekly(c.currency).lent_minor[static_cast<std::size_t>(c.day / 7)] += c.amount_minor;
  }
  for (const DayLosses& l : losses) {
    TRANCHE_ASSERT(l.day >= 0 && l.day < days);
    Weekly& w = weekly(l.currency);
    w.credit_minor[static_cast<std::size_t>(l.day / 7)] += l.credit_minor;
    w.fraud_minor[static_cast<std::size_t>(l.day / 7)] += l.fraud_minor;
  }
  std::vector<LossWeeks> out;
  for (const auto& [currency, w] : by_currency) {
    LossWeeks l{currency, {}, {}};
    std::int64_t lent = 0, credit = 0, fraud = 0;
    for (std::size_t wk = 0; wk < weeks; ++wk) {
      lent += w.lent_minor[wk];
      credit += w.credit_minor[wk];
      fraud += w.fraud_minor[wk];
      l.credit_rate.push_back(Share(credit, lent));
      l.fraud_rate.push_back(Share(fraud, lent));
    }
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<QueueWeeks> QueueWaitsByWeek(const std::vector<QueuedItem>& items, Date start, int days) {
  const std::size_t weeks = WeeksOf(days);
  std::vector<std::vector<QueuedItem>> by_week(weeks);
  for (const QueuedItem& item : items) {
    if (!item.decided_at) continue;
    const int day = DaysBetween(start, DateOf(*item.decided_at));
    TRANCHE_ASSERT(day >= 0 && day < days);
    by_week[static_cast<std::size_t>(day / 7)].push_back(item);
  }
  std::array<std::optional<QueueWeeks>, kWorkTypes> by_type;
  for (std::size_t wk = 0; wk < weeks; ++wk) {
    // Every item of the week is decided, so `now` plays no part.
    for (const QueueAge& a : QueueAges(by_week[wk], Instant{})) {
      std::optional<QueueWeeks>& q = by_type[static_cast<std::size_t>(a.type)];
      if (!q) q = QueueWeeks{a.type, std::vector<std::optional<double>>(weeks), std::vector<std::optional<double>>(weeks)};
      q->median_hours[wk] = static_cast<double>(a.median_wait_s) / 3600;
      q->p90_hours[wk] = static_cast<double>(a.p90_wait_s) / 3600;
    }
  }
  std::vector<QueueWeeks> out;
  for (WorkType type : kAllWorkTypes) {
    std::optional<QueueWeeks>& q = by_type[static_cast<std::size_t>(type)];
    if (q) out.push_back(std::move(*q));
  }
  return out;
}

}  // namespace tranche::automation
