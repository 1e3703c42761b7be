// The origination use cases driven directly over the in-memory store: no server, no
// files, no threads, so each flow runs in milliseconds and failures point at the use
// case rather than the HTTP shell.
#include "origination/origination.h"

#include <gtest/gtest.h>

#include "auth/keys.h"
#include "ledger/posting.h"
#include "onboarding/onboarding.h"
#include "risk/credit_profile.h"
#include "risk/policy_decider.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::origination {
namespace {

const Instant kStart = *ParseRfc3339("2026-03-02T10:00:00Z");

// Records what the use cases publish, in order.
class RecordedEvents final : public OrderEvents {
 public:
  Status Authorized(store::Tx&, const Context&, const checkout::Order& o) const override {
    return Add("order.authorized " + o.id);
  }
  Status Captured(store::Tx&, const Context&, const origination::Captured& c) const override {
    return Add("order.captured " + c.capture.id);
  }
  Status Refunded(store::Tx&, const Context&, const origination::Refunded& r) const override {
    return Add("order.refunded " + r.refund.id);
  }
  Status Cancelled(store::Tx&, const Context&, const checkout::Order& o) const override {
    return Add("order.cancelled " + o.id);
  }
  Status FraudStatusChanged(store::Tx&, const Context&, const fraud::Review& r,
                            const std::optional<checkout::Order>&) const override {
    return Add("order.fraud_status_changed " + r.authorization_id);
  }
  mutable std::vector<std::string> published;

 private:
  Status Add(std::string e) const {
    published.push_back(std::move(e));
    return Status::Ok();
  }
};

class OriginationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::sqlite::InMemoryStore::Open(kStart);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    merchants::MerchantDraft draft{"Camden Books", "US", Currency::kUSD, {}, {}};
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto m, onboarding::CreateMerchant(tx, draft, ids_, random_, clock_.Now()));
      merchant_id_ = m.merchant.id;
      return Status::Ok();
    }).ok());
  }

  Context Ctx() { return Context{ids_, decider_, bureau_, clock_.Now(), events_}; }

  std::string OpenSession(std::int64_t amount_minor) {
    const Money amount(amount_minor, Currency::kUSD);
    checkout::SessionDraft draft{amount, {{"Atlas", 1, amount, amount}}, "ref-" + ids_.Next("ref"), {}};
    const checkout::CheckoutSession s{ids_.Next("cs"), merchant_id_, std::move(draft),
                                      auth::HashSecret("ct_test"), checkout::SessionStatus::kOpen,
                                      clock_.Now(), clock_.Now() + checkout::kSessionLifetime};
    EXPECT_TRUE(store_->Write([&](store::Tx& tx) { return tx.sessions().Insert(s); }).ok());
    return s.id;
  }

  static merchants::Consumer Person(std::string email) {
    merchants::Consumer c;
    c.email = std::move(email);
    c.given_name = "Ava";
    c.family_name = "Larsson";
    c.phone = "+1 555 0100";
    c.date_of_birth = *ParseDate("1990-04-12");
    c.address = merchants::Address{"1 Main St", "Springfield", "12345", "US"};
    return c;
  }

  // Runs one use case in a write unit of work and returns its result.
  template <typename Fn>
  auto Do(Fn fn) -> decltype(fn(std::declval<store::Tx&>())) {
    std::optional<decltype(fn(std::declval<store::Tx&>()))> out;
    const Status st = store_->Write([&](store::Tx& tx) -> Status {
      out.emplace(fn(tx));
      return out->status();
    });
    if (!st.ok() && out->ok()) return st;  // the commit itself failed
    return std::move(*out);
  }

  ledger::VerifyReport Verify() {
    std::optional<ledger::VerifyReport> report;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(report, ledger::Verify(tx.ledger()));
      return Status::Ok();
    }).ok());
    return *report;
  }

  std::int64_t Balance(const std::string& account_id) {
    std::int64_t balance = 0;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto a, tx.ledger().GetAccount(account_id));
      if (a) balance = a->balance_minor();
      return Status::Ok();
    }).ok());
    return balance;
  }

  SimulatedClock clock_{kStart};
  SeededRandom random_{20261201};
  IdGenerator ids_{clock_, random_};
  risk::PolicyDecider decider_;
  risk::SimulatedBureau bureau_;
  RecordedEvents events_;
  std::unique_ptr<store::sqlite::InMemoryStore> store_;
  std::string merchant_id_;
};

TEST_F(OriginationTest, AuthorizeOrderCaptureRefundKeepsTheBooks) {
  const std::string session = OpenSession(40'000);
  auto auth = Do([&](store::Tx& tx) {
    return Authorize(tx, Ctx(), {session, lending::ProductKind::kPayIn4, Person("ava@example.com")});
  });
  ASSERT_TRUE(auth.ok()) << auth.status().ToString();
  ASSERT_TRUE(auth->authorization.has_value()) << "declined";

  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, Ctx(), merchant_id_, auth->authorization->id, "ord-ref");
  });
  ASSERT_TRUE(order.ok()) << order.status().ToString();

  auto first = Do([&](store::Tx& tx) { return Capture(tx, Ctx(), merchant_id_, order->id, 30'000, {}); });
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->plan.amount.minor(), 30'000);
  auto second = Do([&](store::Tx& tx) { return Capture(tx, Ctx(), merchant_id_, order->id, 10'000, {}); });
  ASSERT_TRUE(second.ok());
  // Nothing is left to capture: a third capture is refused and changes nothing.
  auto third = Do([&](store::Tx& tx) { return Capture(tx, Ctx(), merchant_id_, order->id, 1, {}); });
  EXPECT_FALSE(third.ok());

  const std::string receivable = "consumer_receivable:USD:" + first->plan.consumer_id;
  EXPECT_EQ(Balance(receivable), 40'000);

  // A refund larger than the newest plan reaches into the older one.
  auto refund = Do([&](store::Tx& tx) { return Refund(tx, Ctx(), merchant_id_, order->id, 15'000, "damaged"); });
  ASSERT_TRUE(refund.ok()) << refund.status().ToString();
  EXPECT_EQ(Balance(receivable), 25'000);
  EXPECT_TRUE(Verify().ok());
  // Each change published its event once; the refused capture published nothing.
  EXPECT_EQ(events_.published,
            (std::vector<std::string>{"order.authorized " + order->id, "order.captured " + first->capture.id,
                                      "order.captured " + second->capture.id,
                                      "order.refunded " + refund->refund.id}));
}

TEST_F(OriginationTest, AnotherMerchantCannotTouchTheOrder) {
  const std::string session = OpenSession(10'000);
  auto auth = Do([&](store::Tx& tx) {
    return Authorize(tx, Ctx(), {session, lending::ProductKind::kPayIn4, Person("ben@example.com")});
  });
  ASSERT_TRUE(auth.ok() && auth->authorization);
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, Ctx(), merchant_id_, auth->authorization->id, "ord-ref");
  });
  ASSERT_TRUE(order.ok());
  auto foreign = Do([&](store::Tx& tx) { return Capture(tx, Ctx(), "mer_other", order->id, 10'000, {}); });
  EXPECT_EQ(foreign.status().code(), "order_not_found");
  auto mine = Do([&](store::Tx& tx) { return LoadOrder(tx, merchant_id_, order->id, clock_.Now()); });
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->state.amounts.captured.minor(), 0);
}

TEST_F(OriginationTest, AnExpiredAuthorizationIsReleasedBySweep) {
  const std::string session = OpenSession(10'000);
  auto auth = Do([&](store::Tx& tx) {
    return Authorize(tx, Ctx(), {session, lending::ProductKind::kPayIn4, Person("cy@example.com")});
  });
  ASSERT_TRUE(auth.ok() && auth->authorization);
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, Ctx(), merchant_id_, auth->authorization->id, "ord-ref");
  });
  ASSERT_TRUE(order.ok());
  clock_.Set(auth->authorization->expires_at + std::chrono::seconds(1));
  auto released = Do([&](store::Tx& tx) { return ExpireAuthorizations(tx, clock_.Now()); });
  ASSERT_TRUE(released.ok());
  EXPECT_EQ(*released, 1u);
  auto late = Do([&](store::Tx& tx) { return Capture(tx, Ctx(), merchant_id_, order->id, 5'000, {}); });
  EXPECT_FALSE(late.ok());
  EXPECT_TRUE(Verify().ok());
}

}  // namespace
}  // namespace tranche::origination
