#include "fraud/cards_sim.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/assert.h"
#include "core/random.h"

namespace tranche::fraud {

namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr double kMeanTimeOfDay_s = 43'200;  // noon
constexpr double kTimeOfDaySd_s = 20'000;
constexpr double kGridSide = 100;
constexpr std::int64_t kLargeAmountMinor = 22'000;  // scenario 1: over 220.00
constexpr int kTerminalsCompromisedPerDay = 2;
constexpr int kTerminalCompromiseDays = 28;
constexpr int kCustomersCompromisedPerDay = 3;
constexpr int kCustomerCompromiseDays = 14;
constexpr std::int64_t kCompromisedAmountFactor = 5;

// Draws from a seeded generator: uniform, normal (Box-Muller) and Poisson (Knuth; the
// means here are at most 4, where multiplying uniforms is exact and fast).
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : random_(seed) {}
  double Unit() { return static_cast<double>(random_.NextU64() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  std::uint64_t Index(std::uint64_t n) { return random_.Uniform(n); }
  double Normal(double mean, double sd) {
    const double u1 = 1 - Unit();  // (0, 1]
    const double u2 = Unit();
    return mean + sd * std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
  }
  int Poisson(double mean) {
    const double limit = std::exp(-mean);
    int k = 0;
    for (double p = Unit(); p > limit; p *= Unit()) ++k;
    return k;
  }

 private:
  SeededRandom random_;
};

struct Customer {
  double x = 0, y = 0;
  double mean_amount = 0, sd_amount = 0;
  double mean_tx_per_day = 0;
  std::vector<std::int32_t> terminals;  // within reach
};

std::vector<Customer> MakeCustomers(const CardSimOptions& o, Draws& d) {
  std::vector<Customer> customers(static_cast<std::size_t>(o.customers));
  for (Customer& c : customers) {
    c.x = d.Uniform(0, kGridSide);
    c.y = d.Uniform(0, kGridSide);
    c.mean_amount = d.Uniform(5, 100);
    c.sd_amount = c.mean_amount / 2;
    c.mean_tx_per_day = d.Uniform(0, 4);
  }
  return customers;
}

// Each customer's reachable terminals, found through a grid of cells `radius` wide so
// that only the 3×3 neighbouring cells are searched.
void ConnectTerminals(const CardSimOptions& o, Draws& d, std::vector<Customer>& customers) {
  const int cells = std::max(1, static_cast<int>(kGridSide / o.radius));
  const auto cell_of = [&](double v) { return std::clamp(static_cast<int>(v / kGridSide * cells), 0, cells - 1); };
  std::vector<std::vector<std::int32_t>> grid(static_cast<std::size_t>(cells * cells));
  std::vector<std::pair<double, double>> where(static_cast<std::size_t>(o.terminals));
  for (std::int32_t t = 0; t < o.terminals; ++t) {
    where[static_cast<std::size_t>(t)] = {d.Uniform(0, kGridSide), d.Uniform(0, kGridSide)};
    const auto [x, y] = where[static_cast<std::size_t>(t)];
    grid[static_cast<std::size_t>(cell_of(x) * cells + cell_of(y))].push_back(t);
  }
  for (Customer& c : customers) {
    const int cx = cell_of(c.x), cy = cell_of(c.y);
    for (int gx = std::max(0, cx - 1); gx <= std::min(cells - 1, cx + 1); ++gx) {
      for (int gy = std::max(0, cy - 1); gy <= std::min(cells - 1, cy + 1); ++gy) {
        for (std::int32_t t : grid[static_cast<std::size_t>(gx * cells + gy)]) {
          const auto [x, y] = where[static_cast<std::size_t>(t)];
          if (std::hypot(x - c.x, y - c.y) < o.radius) c.terminals.push_back(t);
        }
      }
    }
    std::sort(c.terminals.begin(), c.terminals.end());  // the draw must not depend on cell order
  }
}

std::vector<CardTransaction> Transactions(const CardSimOptions& o, Draws& d, const std::vector<Customer>& customers,
                                          std::int64_t start_s) {
  std::vector<CardTransaction> txs;
  for (std::size_t id = 0; id < customers.size(); ++id) {
    const Customer& c = customers[id];
    for (int day = 0; day < o.days; ++day) {
      const int count = d.Poisson(c.mean_tx_per_day);
      for (int k = 0; k < count; ++k) {
        const auto time_of_day = std::llround(d.Normal(kMeanTimeOfDay_s, kTimeOfDaySd_s));
        if (time_of_day <= 0 || time_of_day >= kSecondsPerDay) continue;
        double amount = d.Normal(c.mean_amount, c.sd_amount);
        if (amount < 0) amount = d.Uniform(0, 2 * c.mean_amount);
        if (c.terminals.empty()) continue;
        CardTransaction tx;
        tx.time_s = start_s + day * kSecondsPerDay + time_of_day;
        tx.customer_id = static_cast<std::int32_t>(id);
        tx.terminal_id = c.terminals[d.Index(c.terminals.size())];
        tx.amount_minor = std::llround(amount * 100);
        txs.push_back(tx);
      }
    }
  }
  std::stable_sort(txs.begin(), txs.end(),
                   [](const CardTransaction& a, const CardTransaction& b) { return a.time_s < b.time_s; });
  for (std::size_t i = 0; i < txs.size(); ++i) txs[i].tx_id = static_cast<std::int64_t>(i);
  return txs;
}

void MarkFraud(CardTransaction& tx, FraudScenario scenario) {
  tx.fraud = true;
  tx.scenario = scenario;
}

// Scenarios 2 and 3, day by day. `by_day[d]` holds the indices of day d's transactions.
void InjectCompromises(const CardSimOptions& o, Draws& d, std::vector<CardTransaction>& txs,
                       const std::vector<std::vector<std::size_t>>& by_day) {
  const auto window = [&](int from, int days) {
    std::vector<std::size_t> rows;
    for (int day = from; day < std::min(o.days, from + days); ++day) {
      rows.insert(rows.end(), by_day[static_cast<std::size_t>(day)].begin(), by_day[static_cast<std::size_t>(day)].end());
    }
    return rows;
  };
  for (int day = 0; day < o.days; ++day) {
    const std::vector<std::size_t> terminal_rows = window(day, kTerminalCompromiseDays);
    for (int k = 0; k < kTerminalsCompromisedPerDay; ++k) {
      const auto terminal = static_cast<std::int32_t>(d.Index(static_cast<std::uint64_t>(o.terminals)));
      for (std::size_t r : terminal_rows) {
        if (txs[r].terminal_id == terminal) MarkFraud(txs[r], FraudScenario::kCompromisedTerminal);
      }
    }
    const std::vector<std::size_t> customer_rows = window(day, kCustomerCompromiseDays);
    for (int k = 0; k < kCustomersCompromisedPerDay; ++k) {
      const auto customer = static_cast<std::int32_t>(d.Index(static_cast<std::uint64_t>(o.customers)));
      std::vector<std::size_t> theirs;
      for (std::size_t r : customer_rows) {
        if (txs[r].customer_id == customer) theirs.push_back(r);
      }
      // A third of them, chosen by a partial Fisher-Yates shuffle.
      const std::size_t chosen = theirs.size() / 3;
      for (std::size_t i = 0; i < chosen; ++i) {
        std::swap(theirs[i], theirs[i + d.Index(theirs.size() - i)]);
        CardTransaction& tx = txs[theirs[i]];
        tx.amount_minor *= kCompromisedAmountFactor;
        MarkFraud(tx, FraudScenario::kCompromisedCustomer);
      }
    }
  }
}

}  // namespace

Status CheckCardSimOptions(const CardSimOptions& o) {
  if (o.customers < 1 || o.customers > kMaxSimCustomers) {
    return Status::InvalidArgument("invalid_customers", "customers must be 1-" + std::to_string(kMaxSimCustomers));
  }
  if (o.terminals < 1 || o.terminals > kMaxSimTerminals) {
    return Status::InvalidArgument("invalid_terminals", "terminals must be 1-" + std::to_string(kMaxSimTerminals));
  }
  if (o.days < 1 || o.days > kMaxSimDays) {
    return Status::InvalidArgument("invalid_days", "days must be 1-" + std::to_string(kMaxSimDays));
  }
  if (!(o.radius > 0 && o.radius <= kGridSide)) {
    return Status::InvalidArgument("invalid_radius", "radius must be in (0, 100]");
  }
  if (!o.start.ok()) return Status::InvalidArgument("invalid_start", "start is not a date");
  return Status::Ok();
}

std::vector<CardTransaction> SimulateCards(const CardSimOptions& o) {
  TRANCHE_ASSERT(CheckCardSimOptions(o).ok());
  Draws d(o.seed);
  std::vector<Customer> customers = MakeCustomers(o, d);
  ConnectTerminals(o, d, customers);
  const std::int64_t start_s = std::chrono::sys_days(o.start).time_since_epoch().count() * kSecondsPerDay;
  std::vector<CardTransaction> txs = Transactions(o, d, customers, start_s);
  std::vector<std::vector<std::size_t>> by_day(static_cast<std::size_t>(o.days));
  for (std::size_t i = 0; i < txs.size(); ++i) {
    CardTransaction& tx = txs[i];
    if (tx.amount_minor > kLargeAmountMinor) MarkFraud(tx, FraudScenario::kLargeAmount);
    by_day[static_cast<std::size_t>((tx.time_s - start_s) / kSecondsPerDay)].push_back(i);
  }
  InjectCompromises(o, d, txs, by_day);
  return txs;
}

std::string FormatDateTime(std::int64_t unix_s) {
  const std::int64_t days = unix_s >= 0 ? unix_s / kSecondsPerDay : -((-unix_s + kSecondsPerDay - 1) / kSecondsPerDay);
  const std::int64_t s = unix_s - days * kSecondsPerDay;
  const Date date{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return FormatDate(date) + buf;
}

void AppendCardsCsv(const std::vector<CardTransaction>& txs, bool header, std::string& out) {
  if (header) out += "tx_id,datetime,customer_id,terminal_id,amount,fraud,fraud_scenario\n";
  char buf[160];
  for (const CardTransaction& tx : txs) {
    TRANCHE_ASSERT(tx.amount_minor >= 0);
    const int n = std::snprintf(buf, sizeof buf, "%lld,%s,%d,%d,%lld.%02lld,%d,%d\n", static_cast<long long>(tx.tx_id),
                                FormatDateTime(tx.time_s).c_str(), tx.customer_id, tx.terminal_id,
                                static_cast<long long>(tx.amount_minor / 100), static_cast<long long>(tx.amount_minor % 100),
                                tx.fraud ? 1 : 0, static_cast<int>(tx.scenario));
    TRANCHE_ASSERT(n > 0 && static_cast<std::size_t>(n) < sizeof buf);
    out.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace tranche::fraud
