// Random servicing sequences (fixed seed) through the real server: purchases of every
// product, the clock moving, consumers paying any amount, payment methods that fail or
// time out, refunds, disputes, returns and extensions. After every step the books must
// agree: the ledger verifies (every entry balanced, trial balance zero), each
// consumer's receivable equals what their active plans owe in principal and fees,
// accrued interest equals what plans accrued and were not paid, collections cash
// equals what was collected less what was paid back, and settlements account for every merchant payable
// movement they cover.
#include <random>

#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

constexpr std::uint64_t kSeed = 20261126;
constexpr int kSteps = 300;

class Sequence {
 public:
  explicit Sequence(Scenario& s) : s_(s), rng_(kSeed) {}

  void Run() {
    for (int step = 0; step < kSteps && !::testing::Test::HasFailure(); ++step) {
      const int pick = Uniform(0, 99);
      if (pick < 22 || plans_.empty()) {
        Buy();
      } else if (pick < 45) {
        s_.Advance(Uniform(1, 15));
      } else if (pick < 63) {
        Pay();
      } else if (pick < 71) {
        Refund();
      } else if (pick < 79) {
        s_.SetProfile(AnyOf(emails_), AnyOf(std::vector<std::string>{"standard", "always_succeeds",
                                                                     "insufficient_funds", "expired_card",
                                                                     "timeout"}));
      } else if (pick < 87) {
        Dispute();
      } else if (pick < 92) {
        s_.client().Post("/v1/orders/" + AnyOf(orders_) + "/returns", Json::object(), s_.mkey());
      } else {
        Extend();
      }
      ExpectInvariants(step);
    }
    // The sequence must have exercised servicing, not just buying.
    std::map<lending::PlanStatus, int> statuses;
    for (const std::string& id : plans_) statuses[s_.Plan(id).status]++;
    std::fprintf(stderr, "plans %zu: active %d, paid off %d, closed %d, charged off %d; days %d\n", plans_.size(),
                 statuses[lending::PlanStatus::kActive], statuses[lending::PlanStatus::kPaidOff],
                 statuses[lending::PlanStatus::kClosed], statuses[lending::PlanStatus::kChargedOff],
                 DaysBetween(*ParseDate("2026-01-05"), s_.today()));
    EXPECT_GE(plans_.size(), 15u);
    EXPECT_GE(statuses[lending::PlanStatus::kPaidOff], 3);
    EXPECT_GE(statuses[lending::PlanStatus::kClosed], 1);
    EXPECT_GE(statuses[lending::PlanStatus::kChargedOff], 1);
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  const T& AnyOf(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(Uniform(0, static_cast<int>(v.size()) - 1))];
  }

  void Buy() {
    static const std::vector<std::pair<std::string, std::pair<int, int>>> kProducts = {
        {"pay_in_4", {3500, 60000}}, {"pay_in_30", {100, 50000}}, {"financing_6", {20000, 90000}}};
    const auto& [product, range] = AnyOf(kProducts);
    const std::string email = AnyOf(emails_);
    auto bought = s_.TryBuy(email, Uniform(range.first, range.second), product);
    if (!bought) return;  // declined: over the limit or something overdue
    plans_.push_back(bought->plan_id);
    orders_.push_back(bought->order_id);
    plan_owner_[bought->plan_id] = email;
  }

  void Pay() {
    const std::string plan = AnyOf(plans_);
    const lending::Plan p = s_.Plan(plan);
    const std::int64_t balance = servicing::Balance(p).minor();
    if (balance <= 0) return;
    const std::int64_t amount = Uniform(0, 3) == 0 ? balance : Uniform(1, static_cast<int>(balance));
    auto r = s_.client().Post("/v1/me/plans/" + plan + "/payments", {{"amount", amount}}, s_.Login(plan_owner_[plan]));
    // Refusals are fine (a payment in flight, more than the payoff); nothing else is.
    EXPECT_TRUE(r.status == 201 || r.status == 409 || r.status == 422) << r.body;
  }

  void Refund() {
    auto r = s_.client().Post("/v1/orders/" + AnyOf(orders_) + "/refunds", {{"amount", Uniform(1, 30000)}}, s_.mkey());
    EXPECT_TRUE(r.status == 201 || r.status == 422) << r.body;
  }

  void Dispute() {
    const std::string plan = AnyOf(plans_);
    const lending::Plan p = s_.Plan(plan);
    const bool unauthorized = Uniform(0, 1) == 0;
    auto opened = s_.client().Post("/v1/me/disputes",
                                   {{"order_id", p.order_id}, {"reason", unauthorized ? "unauthorized" : "wrong_item"}},
                                   s_.Login(plan_owner_[plan]));
    EXPECT_TRUE(opened.status == 201 || opened.status == 409 || opened.status == 422) << opened.body;
    if (opened.status != 201) return;
    const std::string id = opened.json()["id"];
    if (Uniform(0, 2) == 0) return;  // left for the pause to run out
    if (Uniform(0, 1) == 0) {
      EXPECT_EQ(s_.client().Post("/v1/disputes/" + id + "/respond", {{"accept", true}}, s_.mkey()).status, 200);
      return;
    }
    EXPECT_EQ(s_.client().Post("/v1/disputes/" + id + "/respond", {{"accept", false}}, s_.mkey()).status, 200);
    // Only a purchase the consumer did not make can be the lender's loss to write off.
    const char* kResolutions[] = {"refunded", "merchant_upheld", "written_off"};
    const std::string resolution = kResolutions[Uniform(0, unauthorized ? 2 : 1)];
    auto decided = s_.client().Post("/v1/admin/disputes/" + id + "/decide", {{"resolution", resolution}}, s_.okey());
    // A write-off waits for a payment still in flight.
    EXPECT_TRUE(decided.status == 200 || (resolution == "written_off" && decided.status == 409)) << decided.body;
  }

  void Extend() {
    const std::string plan = AnyOf(plans_);
    auto r = s_.client().Post("/v1/me/plans/" + plan + "/extend", {{"installment", Uniform(1, 4)}, {"days", Uniform(1, 14)}},
                              s_.Login(plan_owner_[plan]));
    EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 422) << r.body;
  }

  void ExpectInvariants(int step) {
    SCOPED_TRACE("step " + std::to_string(step));
    s_.ExpectBooksAgree(plans_);
    std::int64_t collected = 0;
    ASSERT_TRUE(s_.server().platform().store().Read([&](store::Tx& tx) -> Status {
      for (const std::string& id : plans_) {
        TRANCHE_ASSIGN_OR_RETURN(auto cs, tx.collections().ListOfPlan(id));
        for (const auto& c : cs) {
          if (c.status == servicing::CollectionStatus::kSucceeded) collected += c.amount.minor();
        }
      }
      // Refunds paid back to consumers' methods come out of the same cash.
      for (std::string after;;) {
        TRANCHE_ASSIGN_OR_RETURN(auto refunds, tx.consumer_refunds().ListInStatus(
                                                   servicing::CollectionStatus::kSucceeded, after, 100));
        for (const auto& r : refunds) collected -= r.amount.minor();
        if (refunds.size() < 100) break;
        after = refunds.back().id;
      }
      // Each settlement covers the payable movements up to its last entry exactly.
      const std::string account = "merchant_payable:USD:" + s_.server().merchant_id;
      std::int64_t settled = 0;
      std::int64_t last_seq = 0;
      TRANCHE_ASSIGN_OR_RETURN(auto settlements, tx.settlements().List(s_.server().merchant_id, "", 10'000));
      for (const auto& st : settlements) {
        settled += st.net.minor() - st.carried_in.minor();
        last_seq = std::max(last_seq, st.last_seq);
      }
      std::int64_t moved = 0;
      for (std::int64_t after = 0;;) {
        TRANCHE_ASSIGN_OR_RETURN(auto lines, tx.ledger().ListAccountLines(account, after, ledger::kMaxPageSize));
        for (const auto& l : lines) {
          if (l.seq <= last_seq && l.reason != ledger::Reason::kPayout) moved -= l.amount_minor;
        }
        if (lines.size() < ledger::kMaxPageSize) break;
        after = lines.back().seq;
      }
      EXPECT_EQ(settled, moved);
      return Status::Ok();
    }).ok());
    EXPECT_EQ(s_.Balance("collections_cash:USD"), collected);
  }

  Scenario& s_;
  std::mt19937_64 rng_;
  const std::vector<std::string> emails_ = {"p1@example.com", "p2@example.com", "p3@example.com",
                                            "p4@example.com", "p5@example.com"};
  std::vector<std::string> plans_;
  std::vector<std::string> orders_;
  std::map<std::string, std::string> plan_owner_;
};

TEST(ServicingPropertyTest, BooksAgreeAcrossRandomServicing) {
  Scenario s;
  Sequence(s).Run();
}

}  // namespace
}  // namespace tranche
