// Property test: random sequences of authorizations, orders, partial captures, refunds,
// cancellations and expiries through the real store, with a fixed seed. Whatever the
// sequence: the ledger balances and verifies; each consumer's receivable equals the
// outstanding principal of their plans; each order's amounts agree with its captures,
// refunds and plans; refused steps change nothing.
#include <gtest/gtest.h>

#include <map>

#include "checkout/postings.h"
#include "ledger/posting.h"
#include "ops/events.h"
#include "origination/origination.h"
#include "support/test_server.h"

namespace tranche {
namespace {

constexpr std::uint64_t kSeed = 20261126;
constexpr int kSteps = 1500;
constexpr int kConsumers = 40;

Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }

// The sequence moves the clock by days and checks the books of origination alone: no
// daily close may run between its steps.
testing::TestServerOptions WithoutCloses(const Clock* clock) {
  testing::TestServerOptions o;
  o.clock = clock;
  o.close_business_dates = false;
  return o;
}

class Sequence {
 public:
  Sequence() : clock_(*ParseRfc3339("2026-03-10T09:00:00Z")), server_(WithoutCloses(&clock_)), random_(kSeed) {
    for (int i = 0; i < kConsumers; ++i) {
      merchants::Consumer c{"", "c" + std::to_string(i) + "@example.com", "C", "Test" + std::to_string(i),
                            Instant{}, "", ParseDate("1980-01-01"), std::nullopt};
      consumers_.push_back(c);
    }
  }

  std::int64_t Below(std::int64_t n) { return static_cast<std::int64_t>(random_.Uniform(static_cast<std::uint64_t>(n))); }

  // One random step in its own unit of work. Business refusals are expected (and must
  // leave nothing behind); anything else fails the test.
  void Step() {
    const auto ctx = [&] {
      return origination::Context{server_.platform().ids(), decider_, bureau_, clock_.Now(), ops::OrderEventsOutbox()};
    };
    const std::int64_t kind = orders_.empty() ? 0 : Below(10);
    const auto before = testing::CountRows(server_.platform().store());
    const Status st = server_.platform().store().Write([&](store::Tx& tx) -> Status {
      if (kind <= 2) return NewOrder(tx, ctx());
      const std::string& id = orders_[static_cast<std::size_t>(Below(static_cast<std::int64_t>(orders_.size())))];
      TRANCHE_ASSIGN_OR_RETURN(auto o, origination::LoadOrder(tx, server_.merchant_id, id, clock_.Now()));
      if (kind <= 5) {
        const std::int64_t left = checkout::RemainingAuthorized(o.state).minor();
        return origination::Capture(tx, ctx(), server_.merchant_id, id, 1 + Below(std::max<std::int64_t>(left, 1)),
                                    std::nullopt).status();
      }
      if (kind <= 7) {
        const std::int64_t refundable = checkout::Refundable(o.state).minor();
        return origination::Refund(tx, ctx(), server_.merchant_id, id,
                                   1 + Below(std::max<std::int64_t>(refundable, 1)), "").status();
      }
      if (kind == 8) return origination::Cancel(tx, ctx(), server_.merchant_id, id).status();
      return origination::ExpireAuthorizations(tx, clock_.Now()).status();
    });
    if (!st.ok()) {
      ASSERT_EQ(st.category(), StatusCategory::kBusinessRule) << st.ToString();
      ++refusals_;
      EXPECT_EQ(testing::CountRows(server_.platform().store()), before);
    }
    if (Below(20) == 0) clock_.Advance(std::chrono::hours(24 * (1 + Below(6))));
  }

  Status NewOrder(store::Tx& tx, const origination::Context& ctx) {
    const Money amount = Usd(4000 + Below(50000));
    checkout::SessionDraft draft{amount, {{"Item", 1, amount, amount}}, "prop", std::nullopt};
    const checkout::CheckoutSession session{ctx.ids.Next("cs"), server_.merchant_id, std::move(draft),
                                            auth::HashSecret(ctx.ids.Next("ct")), checkout::SessionStatus::kOpen,
                                            ctx.now, ctx.now + checkout::kSessionLifetime};
    TRANCHE_RETURN_IF_ERROR(tx.sessions().Insert(session));
    const auto product = lending::kAllProducts[static_cast<std::size_t>(Below(std::size(lending::kAllProducts)))];
    TRANCHE_ASSIGN_OR_RETURN(auto outcome, origination::Authorize(tx, ctx, {session.id, product,
                                                                            consumers_[static_cast<std::size_t>(Below(kConsumers))]}));
    if (!outcome.authorization) {
      ++declines_;
      return Status::Ok();
    }
    TRANCHE_ASSIGN_OR_RETURN(auto order, origination::CreateOrder(tx, ctx, server_.merchant_id,
                                                                  outcome.authorization->id, "prop"));
    orders_.push_back(order.id);
    return Status::Ok();
  }

  void CheckInvariants() {
    ASSERT_TRUE(server_.platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
      EXPECT_TRUE(report.ok());
      std::map<std::string, std::int64_t> principal_by_consumer;
      std::int64_t captured_total = 0, refunded_total = 0, fees = 0;
      TRANCHE_ASSIGN_OR_RETURN(auto merchant, tx.merchants().Find(server_.merchant_id));
      for (const std::string& id : orders_) {
        TRANCHE_ASSIGN_OR_RETURN(auto o, tx.orders().FindOrder(id));
        const checkout::OrderAmounts& a = o->state.amounts;
        EXPECT_LE(a.captured.minor() + a.released.minor(), a.authorized.minor());
        EXPECT_LE(a.refunded.minor(), a.captured.minor());
        TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByOrder(id));
        TRANCHE_ASSIGN_OR_RETURN(auto captures, tx.orders().ListCaptures(id));
        TRANCHE_ASSIGN_OR_RETURN(auto refunds, tx.orders().ListRefunds(id));
        EXPECT_EQ(plans.size(), captures.size());
        std::int64_t plan_amounts = 0, reduced = 0, to_consumer = 0, refunds_sum = 0;
        for (const auto& p : plans) {
          plan_amounts += p.amount.minor();
          reduced += p.amount.minor() - lending::OutstandingPrincipal(p).minor();
          principal_by_consumer[p.consumer_id] += lending::OutstandingPrincipal(p).minor();
          EXPECT_EQ(p.status == lending::PlanStatus::kClosed, lending::Outstanding(p).is_zero());
        }
        for (const auto& c : captures) fees += checkout::MerchantDiscount(c.amount, merchant->pricing).minor();
        for (const auto& r : refunds) {
          refunds_sum += r.amount.minor();
          to_consumer += r.to_consumer.minor();
        }
        EXPECT_EQ(plan_amounts, a.captured.minor()) << id;
        EXPECT_EQ(refunds_sum, a.refunded.minor()) << id;
        EXPECT_EQ(reduced + to_consumer, a.refunded.minor()) << id;
        captured_total += a.captured.minor();
        refunded_total += a.refunded.minor();
      }
      for (const auto& [consumer, principal] : principal_by_consumer) {
        TRANCHE_ASSIGN_OR_RETURN(auto acc, tx.ledger().GetAccount("consumer_receivable:USD:" + consumer));
        EXPECT_EQ(acc ? acc->balance_minor() : 0, principal) << consumer;
      }
      TRANCHE_ASSIGN_OR_RETURN(auto payable, tx.ledger().GetAccount("merchant_payable:USD:" + server_.merchant_id));
      EXPECT_EQ(payable ? payable->balance_minor() : 0, -(captured_total - fees) + refunded_total);
      return Status::Ok();
    }).ok());
  }

  int orders() const { return static_cast<int>(orders_.size()); }
  int refusals() const { return refusals_; }
  int declines() const { return declines_; }

 private:
  SimulatedClock clock_;
  testing::TestServer server_;
  SeededRandom random_;
  risk::PolicyDecider decider_;
  risk::SimulatedBureau bureau_;
  std::vector<merchants::Consumer> consumers_;
  std::vector<std::string> orders_;
  int refusals_ = 0;
  int declines_ = 0;
};

TEST(OriginationPropertyTest, RandomSequencesKeepTheBooksAndPlansInAgreement) {
  Sequence seq;
  for (int i = 0; i < kSteps; ++i) {
    seq.Step();
    if (::testing::Test::HasFatalFailure()) return;
  }
  seq.CheckInvariants();
  // The sequence exercised every path: approvals, declines and refusals.
  EXPECT_GT(seq.orders(), 40) << seq.declines() << " declines";
  EXPECT_GT(seq.declines(), 0);
  EXPECT_GT(seq.refusals(), 0);
}

}  // namespace
}  // namespace tranche
