#include "credit/simulated_data.h"

#include <cmath>
#include <sstream>

#include "core/random.h"
#include "credit/profile_features.h"

namespace tranche::credit {

namespace {

constexpr const char* kColumns[] = {"limit_bal", "education", "age",       "pay_0",     "pay_2",     "pay_3",
                                    "pay_4",     "pay_5",     "pay_6",     "bill_amt1", "bill_amt2", "bill_amt3",
                                    "bill_amt4", "bill_amt5", "bill_amt6", "pay_amt1",  "pay_amt2",  "pay_amt3",
                                    "pay_amt4",  "pay_amt5",  "pay_amt6"};

// The stated default process.
double DefaultProbability(const risk::CreditProfile& p) {
  const double logit = -2.4 + 1.3 * std::max(p.repayment_status[0], 0) + 0.4 * std::max(p.repayment_status[1], 0) -
                       static_cast<double>(p.credit_limit_usd) / 20'000;
  return 1 / (1 + std::exp(-logit));
}

}  // namespace

Table SimulatedTrainingData(std::size_t rows, std::uint64_t seed, Date today) {
  risk::SimulatedBureau bureau;
  SeededRandom r(seed);
  FeatureSpec layout{"default", {}, {}};
  Table t;
  t.header.push_back("id");
  for (const char* name : kColumns) {
    layout.columns.push_back({name, ColumnKind::kNumeric, {}});
    t.header.emplace_back(name);
  }
  t.header.emplace_back("default");
  for (std::size_t i = 0; i < rows; ++i) {
    // Birth years 1950-2005, as a bureau file would hold.
    const Date dob{std::chrono::year{1950 + static_cast<int>(r.Uniform(56))}, std::chrono::month{1 + static_cast<unsigned>(r.Uniform(12))},
                   std::chrono::day{1 + static_cast<unsigned>(r.Uniform(28))}};
    const risk::CreditProfile p = bureau.Lookup({"sim" + std::to_string(seed) + "-" + std::to_string(i) + "@example.com",
                                                 "Simulated", dob});
    std::vector<std::string> row{std::to_string(i + 1)};
    for (float v : ProfileFeatures(p, dob, today, layout)) {
      std::ostringstream cell;
      cell << v;
      row.push_back(cell.str());
    }
    const bool defaulted = static_cast<double>(r.Uniform(1'000'000)) / 1e6 < DefaultProbability(p);
    row.emplace_back(defaulted ? "1" : "0");
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace tranche::credit
