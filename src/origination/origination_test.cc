// The origination use cases driven directly over the in-memory store: no server, no
// files, no threads, so each flow runs in milliseconds and failures point at the use
// case rather than the HTTP shell.
#include "origination/origination.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "auth/keys.h"
#include "fraud/decision_repo.h"
#include "fraud/decision_source.h"
#include "fraud/engine_source.h"
#include "ledger/posting.h"
#include "onboarding/onboarding.h"
#include "ops/fraud_backtest.h"
#include "ops/fraud_summary.h"
#include "ops/plan_actions.h"
#include "origination/exposure.h"
#include "origination/sessions.h"
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

// The stored feature source, remembering what the use cases taught it after commits.
class LearningSource final : public fraud::FeatureSource {
 public:
  const fraud::Catalogue& catalogue() const override { return stored_.catalogue(); }
  Result<fraud::FeatureValues> Compute(fraud::DecisionRepo& repo, const fraud::AuthorizationFacts& f) const override {
    return stored_.Compute(repo, f);
  }
  void Record(const fraud::AuthorizationFacts& f) override { recorded.push_back(f); }
  void RecordLabel(const fraud::KnownFraud& k) override { labels.push_back(k); }

  std::vector<fraud::AuthorizationFacts> recorded;
  std::vector<fraud::KnownFraud> labels;

 private:
  fraud::StoredFeatureSource stored_;
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
    const std::string client_token = "ct_" + draft.merchant_reference;  // unique per session
    const checkout::CheckoutSession s{ids_.Next("cs"), merchant_id_, std::move(draft),
                                      auth::HashSecret(client_token), checkout::SessionStatus::kOpen,
                                      clock_.Now(), clock_.Now() + checkout::kSessionLifetime};
    const Status st = store_->Write([&](store::Tx& tx) { return tx.sessions().Insert(s); });
    EXPECT_TRUE(st.ok()) << st.ToString();
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

  // Screening with the stored feature source; rules and lists written as operators would.
  Context FraudCtx() {
    Context c = Ctx();
    c.fraud = &screening_;
    return c;
  }
  void SaveRules(const std::string& source, std::int64_t version) {
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) {
      return tx.fraud_rules().Insert({version, source, {}, 0, "op_test", clock_.Now()});
    }).ok());
  }
  void SaveList(const std::string& name, std::vector<std::string> entries) {
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) {
      const fraud::ListChange change{entries, {}};
      return tx.fraud_lists().Save({name, entries, 1, clock_.Now(), "op_test"}, change);
    }).ok());
  }
  Result<AuthorizeOutcome> Screened(std::int64_t amount_minor, const std::string& email) {
    const std::string session = OpenSession(amount_minor);
    return Do([&](store::Tx& tx) {
      return Authorize(tx, FraudCtx(), {session, lending::ProductKind::kPayIn4, Person(email)});
    });
  }

  SimulatedClock clock_{kStart};
  SeededRandom random_{20261201};
  IdGenerator ids_{clock_, random_};
  risk::PolicyDecider decider_;
  risk::SimulatedBureau bureau_;
  RecordedEvents events_;
  std::unique_ptr<store::sqlite::InMemoryStore> store_;
  std::string merchant_id_;
  LearningSource source_;
  fraud::Screening screening_{source_, nullptr};
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

TEST_F(OriginationTest, ASessionIsItsMerchantsAloneAndOffersOnlyWhileOpen) {
  const Money amount(20'000, Currency::kUSD);
  checkout::SessionDraft draft{amount, {{"Atlas", 1, amount, amount}}, "ref-s", {}};
  const auth::PlatformKey key{};
  auto created = Do([&](store::Tx& tx) {
    return CreateSession(tx, ids_, key, merchant_id_, draft, clock_.Now());
  });
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  // The token is derived, so a replay can give it again, and only its hash is stored.
  EXPECT_EQ(created->client_token, auth::DeriveClientToken(key, created->view.session.id));
  EXPECT_EQ(created->view.session.client_token_hash, auth::HashSecret(created->client_token));
  EXPECT_FALSE(created->view.offers.empty());

  const std::string id = created->view.session.id;
  auto foreign = Do([&](store::Tx& tx) { return LoadSession(tx, "mer_other", id, clock_.Now()); });
  EXPECT_EQ(foreign.status().code(), "session_not_found");

  auto expired = Do([&](store::Tx& tx) {
    return LoadSession(tx, merchant_id_, id, clock_.Now() + checkout::kSessionLifetime);
  });
  ASSERT_TRUE(expired.ok());
  EXPECT_EQ(expired->status, checkout::SessionStatus::kExpired);
  EXPECT_TRUE(expired->offers.empty());
}

TEST_F(OriginationTest, CreditLinesShowTheRoomTheNextDecisionStartsFrom) {
  const std::string session = OpenSession(30'000);
  auto auth = Do([&](store::Tx& tx) {
    return Authorize(tx, Ctx(), {session, lending::ProductKind::kPayIn4, Person("dee@example.com")});
  });
  ASSERT_TRUE(auth.ok() && auth->authorization) << auth.status().ToString();
  const std::string consumer = auth->decision.consumer_id;
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, Ctx(), merchant_id_, auth->authorization->id, "ord-credit");
  });
  ASSERT_TRUE(order.ok());
  ASSERT_TRUE(Do([&](store::Tx& tx) { return Capture(tx, Ctx(), merchant_id_, order->id, 10'000, {}); }).ok());

  auto lines = Do([&](store::Tx& tx) { return LoadCreditLines(tx, consumer, clock_.Now()); });
  auto exposure = Do([&](store::Tx& tx) { return LoadExposure(tx, consumer, Currency::kUSD, clock_.Now()); });
  ASSERT_TRUE(lines.ok() && exposure.ok());
  ASSERT_EQ(lines->size(), 1u);
  const CreditLine& line = lines->front();
  EXPECT_EQ(line.outstanding, exposure->outstanding);
  EXPECT_EQ(line.outstanding.minor(), 10'000);
  EXPECT_EQ(line.open_authorizations.minor(), 20'000);
  ASSERT_TRUE(exposure->credit_limit.has_value());
  EXPECT_EQ(line.limit, *exposure->credit_limit);
  EXPECT_EQ(line.available.minor(), std::max<std::int64_t>(0, line.limit.minor() - 30'000));
}

TEST_F(OriginationTest, FraudBlockDeclinesAndTheStoredDecisionReplays) {
  SaveList("disposable_domains", {"mailinator.com"});
  SaveRules("review if amount > 50000\nblock if email_domain in @disposable_domains\n", 1);
  auto out = Screened(20'000, "eve@mailinator.com");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->decision.decision.outcome, risk::Outcome::kApproved);  // credit said yes
  EXPECT_FALSE(out->authorization.has_value());
  ASSERT_TRUE(out->fraud.has_value());
  EXPECT_EQ(out->fraud->action, fraud::Action::kBlock);
  ASSERT_TRUE(out->fraud->rule.has_value());
  EXPECT_EQ(out->fraud->rule->line, 2);

  // Stored with its inputs: replaying the stored rule version on them gives the same.
  std::optional<fraud::FraudDecision> stored;
  std::optional<fraud::RulesVersion> rules;
  std::set<std::string, std::less<>> lists;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(stored, tx.fraud_decisions().Find(out->fraud->id));
    TRANCHE_ASSIGN_OR_RETURN(rules, tx.fraud_rules().Find(out->fraud->rules_version));
    TRANCHE_ASSIGN_OR_RETURN(lists, tx.fraud_lists().Names());
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(stored && rules);
  EXPECT_EQ(stored->members, (fraud::ListLookups{{"disposable_domains", "mailinator.com"}}));
  const auto parsed = fraud::ParseRules(rules->source, source_.catalogue(), lists);
  ASSERT_TRUE(parsed.rules.has_value());
  const fraud::Verdict replayed = fraud::Replay(*stored, *parsed.rules, source_.catalogue(), stored->members);
  EXPECT_EQ(replayed.action, fraud::Action::kBlock);
  EXPECT_EQ(replayed.hits.size(), stored->hits.size());
  EXPECT_EQ(stored->features.size(), source_.catalogue().size());

  // Not on the list: allowed, with the consumer's earlier decision counted.
  auto ok = Screened(20'000, "eve@example.com");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->authorization.has_value());
  EXPECT_EQ(ok->fraud->action, fraud::Action::kAllow);
  EXPECT_EQ(ok->fraud->decided_by, "default");
}

// The backtest use case over stored screenings: decisions read a page at a time in
// (time, id) order, several at one instant across page boundaries, up to its bound.
TEST_F(OriginationTest, ABacktestPagesThroughTheWindowUpToItsBound) {
  std::vector<std::pair<std::string, bool>> decisions;  // (id, above 15000) in (time, id) order
  for (int i = 0; i < 9; ++i) {
    if (i == 7) clock_.Advance(std::chrono::hours(1));  // seven at one instant, two later
    const std::int64_t amount = i % 2 == 0 ? 10'000 : 20'000;
    auto out = Screened(amount, "p" + std::to_string(i) + "@example.com");
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    ASSERT_TRUE(out->fraud.has_value());
    decisions.emplace_back(out->fraud->id, amount > 15'000);
  }
  std::sort(decisions.begin(), decisions.begin() + 7);  // one instant: id order
  // The ids of the first `n` decisions that are (not) above 15000, in replay order.
  const auto ids = [&](bool above, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
      if (decisions[i].second == above) out.push_back(decisions[i].first);
    }
    return out;
  };
  const auto window = fraud::ParseBacktestWindow("2026-03-02", std::nullopt, clock_.Now());
  ASSERT_TRUE(window.ok());
  const auto run = [&](std::size_t max_decisions, std::size_t page) {
    ops::FraudBacktestRequest request{"block if amount > 15000", *window, max_decisions, page};
    auto out = ops::RunFraudBacktest(*store_, source_.catalogue(), request);
    EXPECT_TRUE(out.ok() && out->summary.has_value());
    return out.ok() && out->summary ? *out->summary : fraud::BacktestSummary{};
  };
  for (std::size_t page : {1u, 2u, 3u, 500u}) {
    const fraud::BacktestSummary all = run(100, page);
    EXPECT_EQ(all.replayed, 9u) << page;
    EXPECT_FALSE(all.limit_reached);
    EXPECT_EQ(all.block.count, 4u) << page;
    EXPECT_EQ(all.allow.count, 5u) << page;
    EXPECT_EQ(all.newly_blocked.count, 4u);
    EXPECT_EQ(all.block.amount_minor.at(Currency::kUSD), 80'000);
    EXPECT_EQ(all.allow.examples, ids(false, 9)) << page;
    EXPECT_EQ(all.block.examples, ids(true, 9)) << page;
  }
  const fraud::BacktestSummary bounded = run(5, 2);
  EXPECT_EQ(bounded.replayed, 5u);
  EXPECT_EQ(bounded.max_decisions, 5u);
  EXPECT_TRUE(bounded.limit_reached);
  EXPECT_EQ(bounded.block.examples, ids(true, 5));
  EXPECT_EQ(bounded.block.count + bounded.allow.count, 5u);
  const fraud::BacktestSummary exact = run(9, 4);
  EXPECT_EQ(exact.replayed, 9u);
  EXPECT_FALSE(exact.limit_reached);

  // A window before them all, and candidate rules that do not check.
  const auto earlier = fraud::ParseBacktestWindow("2026-03-01", "2026-03-01", clock_.Now());
  ASSERT_TRUE(earlier.ok());
  auto none = ops::RunFraudBacktest(*store_, source_.catalogue(), {"block if amount > 1", *earlier});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->summary->replayed, 0u);
  auto invalid = ops::RunFraudBacktest(*store_, source_.catalogue(), {"block if nope > 1", *window});
  ASSERT_TRUE(invalid.ok());
  EXPECT_FALSE(invalid->summary.has_value());
  ASSERT_EQ(invalid->parsed.errors.size(), 1u);
  EXPECT_EQ(invalid->parsed.errors[0].column, 10);
}

// The dashboard's count of stored screenings per UTC date (fraud::DecisionRepo::CountByDay
// and the use case over it): a decision a microsecond before midnight counts on its
// date, one at midnight on the next; held decisions by where their review stands.
TEST_F(OriginationTest, FraudDecisionsAreCountedPerUtcDateWithTheirReviews) {
  SaveRules("block if amount > 12000\nreview if amount > 11000\n", 1);
  int n = 0;
  const auto screen = [&](std::int64_t amount) -> std::optional<AuthorizeOutcome> {
    auto out = Screened(amount, "d" + std::to_string(++n) + "@example.com");
    EXPECT_TRUE(out.ok() && out->fraud.has_value()) << out.status().ToString();
    return out.ok() ? std::optional<AuthorizeOutcome>(std::move(out).value()) : std::nullopt;
  };
  const auto decide = [&](const std::optional<AuthorizeOutcome>& held, bool accept) {
    ASSERT_TRUE(held && held->review);
    auto decided =
        Do([&](store::Tx& tx) { return DecideReview(tx, FraudCtx(), held->review->id, "op_a", accept, ""); });
    ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  };
  // 2026-03-02 (10:00): allowed, held (accepted), blocked at 23:59:59.999999.
  screen(10'000);
  decide(screen(11'500), true);
  clock_.Set(*ParseRfc3339("2026-03-03T00:00:00Z") - std::chrono::microseconds(1));
  screen(12'500);
  // 2026-03-03 at midnight: held (rejected), held (pending). 2026-03-05: allowed.
  clock_.Advance(std::chrono::microseconds(1));
  decide(screen(11'500), false);
  screen(11'500);
  clock_.Set(*ParseRfc3339("2026-03-05T08:00:00Z"));
  screen(10'000);

  const auto count = [&](const char* from, const char* to, std::size_t max_days) {
    std::vector<fraud::DecisionDayCounts> out;
    const Status st = store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(out, tx.fraud_decisions().CountByDay(*ParseRfc3339(from), *ParseRfc3339(to), max_days));
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  };
  using Counts = fraud::DecisionCounts;
  const Counts first{1, 1, 1, 0, 1, 0};
  const Counts second{0, 2, 0, 1, 0, 1};
  const Counts fifth{1, 0, 0, 0, 0, 0};
  const auto all = count("2026-03-01T00:00:00Z", "2026-03-06T00:00:00Z", 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].date, *ParseDate("2026-03-02"));
  EXPECT_EQ(all[0].counts, first);
  EXPECT_EQ(all[1].date, *ParseDate("2026-03-03"));
  EXPECT_EQ(all[1].counts, second);
  EXPECT_EQ(all[2].date, *ParseDate("2026-03-05"));
  EXPECT_EQ(all[2].counts, fifth);
  // At most max_days dates, the oldest; the range excludes its end.
  const auto two = count("2026-03-01T00:00:00Z", "2026-03-06T00:00:00Z", 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].date, *ParseDate("2026-03-03"));
  const auto before_midnight = count("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", 10);
  ASSERT_EQ(before_midnight.size(), 1u);
  EXPECT_EQ(before_midnight[0].counts, first);
  EXPECT_TRUE(count("2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z", 10).empty());

  // The use case: every date of the range, zeros included, and the totals.
  auto summary = ops::SummarizeFraudDecisions(*store_, {*ParseDate("2026-03-01"), *ParseDate("2026-03-04")});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->days.size(), 4u);
  EXPECT_EQ(summary->days[0].counts, Counts{});
  EXPECT_EQ(summary->days[1].counts, first);
  EXPECT_EQ(summary->days[2].counts, second);
  EXPECT_EQ(summary->days[3].date, *ParseDate("2026-03-04"));
  EXPECT_EQ(summary->days[3].counts, Counts{});
  EXPECT_EQ(summary->total, (Counts{1, 3, 1, 1, 1, 1}));
  EXPECT_EQ(summary->total.decisions(), 5);
}

TEST_F(OriginationTest, FraudReviewHoldsCaptureUntilAccepted) {
  SaveRules("review if amount > 50000\n", 1);
  auto out = Screened(60'000, "rita@example.com");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_TRUE(out->authorization && out->review);
  EXPECT_EQ(out->review->status, fraud::ReviewStatus::kPending);
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, FraudCtx(), merchant_id_, out->authorization->id, "ord-ref");
  });
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  auto held = Do([&](store::Tx& tx) { return Capture(tx, FraudCtx(), merchant_id_, order->id, 60'000, {}); });
  EXPECT_EQ(held.status().code(), "fraud_review_pending");

  auto claimed = Do([&](store::Tx& tx) { return ClaimReview(tx, FraudCtx(), out->review->id, "op_a"); });
  ASSERT_TRUE(claimed.ok());
  auto other = Do([&](store::Tx& tx) { return DecideReview(tx, FraudCtx(), out->review->id, "op_b", true, ""); });
  EXPECT_EQ(other.status().code(), "review_claimed");
  auto accepted = Do([&](store::Tx& tx) {
    return DecideReview(tx, FraudCtx(), out->review->id, "op_a", true, "called the customer");
  });
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->review.status, fraud::ReviewStatus::kAccepted);
  auto captured = Do([&](store::Tx& tx) { return Capture(tx, FraudCtx(), merchant_id_, order->id, 60'000, {}); });
  ASSERT_TRUE(captured.ok()) << captured.status().ToString();

  std::vector<fraud::Label> labels;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(labels, tx.fraud_labels().ListOfDecision(out->fraud->id));
    return Status::Ok();
  }).ok());
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_FALSE(labels[0].fraud);
  EXPECT_EQ(events_.published[1], "order.fraud_status_changed " + out->authorization->id);
}

TEST_F(OriginationTest, FraudRejectReleasesTheAuthorizationWithOrWithoutAnOrder) {
  SaveRules("review if amount > 50000\n", 1);
  // No order yet: the authorization ends; no order can be made from it; it no longer
  // counts against the consumer's limit.
  auto lone = Screened(60'000, "sam@example.com");
  ASSERT_TRUE(lone.ok() && lone->review);
  auto rejected = Do([&](store::Tx& tx) {
    return DecideReview(tx, FraudCtx(), lone->review->id, "op_a", false, "stolen identity");
  });
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_FALSE(rejected->order.has_value());
  auto refused = Do([&](store::Tx& tx) {
    return CreateOrder(tx, FraudCtx(), merchant_id_, lone->authorization->id, "ord-ref");
  });
  EXPECT_EQ(refused.status().code(), "authorization_rejected");
  auto open = Do([&](store::Tx& tx) {
    return tx.orders().OpenAuthorizations(lone->authorization->consumer_id, Currency::kUSD, clock_.Now());
  });
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->minor(), 0);

  // With an order: what is left of it is released.
  auto held = Screened(60'000, "tom@example.com");
  ASSERT_TRUE(held.ok() && held->review);
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, FraudCtx(), merchant_id_, held->authorization->id, "ord-ref-2");
  });
  ASSERT_TRUE(order.ok());
  auto released = Do([&](store::Tx& tx) {
    return DecideReview(tx, FraudCtx(), held->review->id, "op_a", false, "");
  });
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  ASSERT_TRUE(released->order.has_value());
  EXPECT_EQ(released->order->state.amounts.released.minor(), 60'000);
  auto again = Do([&](store::Tx& tx) { return DecideReview(tx, FraudCtx(), held->review->id, "op_a", true, ""); });
  EXPECT_EQ(again.status().code(), "review_decided");
}

TEST_F(OriginationTest, TheFeatureSourceLearnsAScreeningOnlyOnceItsTransactionCommits) {
  // Screened, then the unit of work fails: undone, and the source never hears of it.
  const std::string undone = OpenSession(10'000);
  const Status failed = store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(Authorize(tx, FraudCtx(), {undone, lending::ProductKind::kPayIn4, Person("a@b.se")}).status());
    return Status::Internal("the caller failed after screening");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_TRUE(source_.recorded.empty());

  // Committed: learned once, after the commit (not while the transaction is open).
  const std::string session = OpenSession(10'000);
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(Authorize(tx, FraudCtx(), {session, lending::ProductKind::kPayIn4, Person("a@b.se")}).status());
    EXPECT_TRUE(source_.recorded.empty());
    return Status::Ok();
  }).ok());
  ASSERT_EQ(source_.recorded.size(), 1u);
  const fraud::AuthorizationFacts first = source_.recorded[0];
  EXPECT_EQ(first.session_id, session);
  EXPECT_EQ(first.email, "a@b.se");
  EXPECT_FALSE(first.payment_method.has_value());  // none set yet

  // Once the consumer has a payment method, the next screening carries it.
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) {
    return tx.payment_methods().Set(first.consumer_id, {payments::MethodType::kCard, "1881", "standard"});
  }).ok());
  ASSERT_TRUE(Screened(10'000, "a@b.se").ok());
  ASSERT_EQ(source_.recorded.size(), 2u);
  EXPECT_EQ(source_.recorded[1].payment_method, fraud::PaymentMethodKey(first.consumer_id, "card", "1881"));
  EXPECT_TRUE(source_.labels.empty());
}

TEST_F(OriginationTest, ARejectedReviewTeachesTheFeatureSourceAFraudAfterItCommits) {
  SaveRules("review if amount > 50000\n", 1);
  auto accepted = Screened(60'000, "ann@example.com");
  auto rejected = Screened(60'000, "eve@example.com");
  ASSERT_TRUE(accepted.ok() && accepted->review && rejected.ok() && rejected->review);
  ASSERT_TRUE(Do([&](store::Tx& tx) { return DecideReview(tx, FraudCtx(), accepted->review->id, "op_a", true, ""); }).ok());
  EXPECT_TRUE(source_.labels.empty());  // not fraud: nothing for the merchant's fraud rates
  clock_.Advance(std::chrono::hours(2));
  ASSERT_TRUE(Do([&](store::Tx& tx) { return DecideReview(tx, FraudCtx(), rejected->review->id, "op_a", false, ""); }).ok());
  ASSERT_EQ(source_.labels.size(), 1u);
  EXPECT_EQ(source_.labels[0].merchant_id, merchant_id_);
  EXPECT_EQ(source_.labels[0].authorized_at, rejected->fraud->created_at);
  EXPECT_EQ(source_.labels[0].known_at, clock_.Now());
}

// The dispute use case (ops) labels what origination screened: "I did not make this
// purchase" is a fraud label on the authorization, learned after the commit, once.
TEST_F(OriginationTest, AnUnauthorizedDisputeLabelsTheScreenedAuthorizationFraud) {
  auto screened = Screened(40'000, "kim@example.com");
  ASSERT_TRUE(screened.ok() && screened->authorization);
  auto order = Do([&](store::Tx& tx) {
    return CreateOrder(tx, FraudCtx(), merchant_id_, screened->authorization->id, "ord-kim");
  });
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  ASSERT_TRUE(Do([&](store::Tx& tx) { return Capture(tx, FraudCtx(), merchant_id_, order->id, 40'000, {}); }).ok());
  clock_.Advance(std::chrono::hours(24));
  auto dispute = Do([&](store::Tx& tx) {
    return ops::OpenDispute(tx, ids_, clock_.Now(), order->consumer_id, order->id, "unauthorized", &screening_);
  });
  ASSERT_TRUE(dispute.ok()) << dispute.status().ToString();
  ASSERT_EQ(source_.labels.size(), 1u);
  EXPECT_EQ(source_.labels[0].merchant_id, merchant_id_);
  EXPECT_EQ(source_.labels[0].authorized_at, screened->fraud->created_at);
  EXPECT_EQ(source_.labels[0].known_at, clock_.Now());
  std::vector<fraud::Label> labels;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(labels, tx.fraud_labels().ListOfDecision(screened->fraud->id));
    return Status::Ok();
  }).ok());
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_TRUE(labels[0].fraud);
  EXPECT_EQ(labels[0].source, "dispute");
  EXPECT_EQ(labels[0].authorization_id, screened->authorization->id);
}

}  // namespace
}  // namespace tranche::origination
