// The simulator end to end over the in-memory store: small runs (hundreds of consumers,
// tens of days) through the real use cases and the daily close.
#include "sim/driver.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "assist/nlu_data.h"
#include "assist/nlu_training.h"
#include "assist/nlu_understanding.h"
#include "automation/work.h"
#include "ledger/posting.h"
#include "merchants/merchant.h"
#include "ml/csv.h"
#include "settlement/settlement.h"
#include "sim/population.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::sim {
namespace {

SimConfig Small() {
  SimConfig c = DefaultConfig();
  c.consumers = 150;
  c.days = 35;
  c.consumer.purchases_per_month = 3;      // enough checkouts in a month
  c.consumer.default_rate_yearly = 0.5;    // and enough failing payments
  c.consumer.contacts_per_month = 0.5;
  for (Category& cat : c.categories) cat.dispute_rate = 0.05;
  c.scenarios = {{"recession", 10, 20, 0.9, 2.0}};
  return c;
}

struct Ran {
  RunSummary summary;
  ledger::VerifyReport verify;
  std::vector<assist::ConversationFacts> conversations;
  std::int64_t done_actions = 0;  // changes the assistant made on a consumer's yes
  std::size_t known_frauds = 0;   // fraud labels: rejected reviews, unauthorized disputes, chargebacks
  std::int64_t fraud_loss_minor = 0;  // charged back, all currencies at face value
  std::size_t logged_contacts = 0;    // contacts people handled, as the agents logged them
  std::vector<fraud::Review> reviews;  // the authorizations held for a person
  std::vector<recon::ExceptionRecord> exceptions;
  std::uint64_t commits = 0;  // the store's write transactions
};

Ran RunIt(const SimConfig& c, const SupportDesk* support = nullptr,
          std::size_t units_per_write = RunOptions{}.units_per_write) {
  auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
  EXPECT_TRUE(store.ok());
  RunOptions options;
  options.support = support;
  options.units_per_write = units_per_write;
  auto s = Run(c, **store, options);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  Ran out{*s, {}, {}, 0, 0, 0, 0, {}, {}};
  EXPECT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(out.verify, ledger::Verify(tx.ledger()));
    TRANCHE_ASSIGN_OR_RETURN(auto frauds, tx.fraud_labels().ListKnownFrauds(Instant{}, 100'000));
    out.known_frauds = frauds.size();
    TRANCHE_ASSIGN_OR_RETURN(auto contacts, tx.contacts().List("", 100'000));
    out.logged_contacts = contacts.size();
    TRANCHE_ASSIGN_OR_RETURN(out.reviews, tx.fraud_reviews().List(fraud::ReviewFilter{}, "", 100'000));
    TRANCHE_ASSIGN_OR_RETURN(out.exceptions, tx.recon().ListExceptions(recon::ExceptionFilter{}, "", 100'000));
    for (Currency cur : {Currency::kUSD, Currency::kEUR, Currency::kGBP, Currency::kSEK}) {
      const std::string account = ledger::AccountId({ledger::AccountType::kFraudLossExpense, cur, ""});
      TRANCHE_ASSIGN_OR_RETURN(auto loss, tx.ledger().GetAccount(account));
      out.fraud_loss_minor += loss ? loss->balance_minor() : 0;
    }
    TRANCHE_ASSIGN_OR_RETURN(out.conversations, tx.conversations().ListFacts(Instant{}, Instant::max(), 100'000));
    for (const assist::ConversationFacts& f : out.conversations) {
      TRANCHE_ASSIGN_OR_RETURN(auto messages, tx.conversations().ListMessages(f.id, 200));
      for (const assist::Message& m : messages) {
        for (const assist::ActionRecord& a : m.actions) out.done_actions += a.status == "done" ? 1 : 0;
      }
    }
    return Status::Ok();
  }).ok());
  out.commits = (*store)->Stats().commits;
  return out;
}

// The assistant as the product ships it, small: a fastText model trained briefly on the
// BNPL data's training split; consumers say the held-out split's utterances.
class SupportDeskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("tranche_sim_desk_" + std::to_string(getpid())));
    std::filesystem::remove_all(*dir_);
    auto table = ml::ReadCsvFile(TRANCHE_SOURCE_DIR "/datasets/intents/bnpl/train.csv");
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    auto data = assist::IntentDataFromTable(*table);
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    assist::IntentTrainOptions o;
    assist::FastTextParams p;
    p.epoch = 20;
    p.dim = 32;
    p.bucket = 100'000;
    o.candidates = {p};
    o.ensemble = 1;
    ASSERT_TRUE(assist::TrainIntentModel(*data, o, dir_->string()).ok());
    auto u = assist::LoadUnderstanding(dir_->string());
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    understanding_ = new assist::UnderstandingModels(std::move(*u));
    auto phrases = Phrasebook::Load(TRANCHE_SOURCE_DIR "/datasets/intents/bnpl/test.csv");
    ASSERT_TRUE(phrases.ok()) << phrases.status().ToString();
    phrases_ = new Phrasebook(std::move(*phrases));
    desk_ = new SupportDesk{*understanding_->intents, *understanding_->language, *phrases_};
  }
  static void TearDownTestSuite() {
    delete desk_;
    delete phrases_;
    delete understanding_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static std::filesystem::path* dir_;
  static assist::UnderstandingModels* understanding_;
  static Phrasebook* phrases_;
  static SupportDesk* desk_;
};
std::filesystem::path* SupportDeskTest::dir_ = nullptr;
assist::UnderstandingModels* SupportDeskTest::understanding_ = nullptr;
Phrasebook* SupportDeskTest::phrases_ = nullptr;
SupportDesk* SupportDeskTest::desk_ = nullptr;

TEST(Simulation, TheSameSeedGivesTheSameBusiness) {
  const SimConfig c = Small();
  const Ran a = RunIt(c);
  const Ran b = RunIt(c);
  EXPECT_EQ(a.summary.digest, b.summary.digest);
  EXPECT_EQ(a.summary.purchases, b.summary.purchases);
  // It is a business: checkouts approved and declined, payments collected and failed,
  // returns, disputes, settlements and payouts.
  EXPECT_GT(a.summary.approved, 100);
  EXPECT_GT(a.summary.declined, 0);
  EXPECT_GT(a.summary.collections_succeeded, 50);
  EXPECT_GT(a.summary.collections_failed, 0);
  EXPECT_GT(a.summary.returns, 0);
  EXPECT_GT(a.summary.disputes, 0);
  EXPECT_GT(a.summary.settlements, 0);
  EXPECT_GT(a.summary.payouts, 0);
  EXPECT_GT(a.summary.contacts, 0);
  // Without the assistant every contact is a person's, logged as agents log theirs.
  EXPECT_EQ(a.logged_contacts, static_cast<std::size_t>(a.summary.contacts));

  SimConfig other = c;
  other.seed += 1;
  EXPECT_NE(RunIt(other).summary.digest, a.summary.digest);
}

TEST(Simulation, IdentityThievesAreScreenedHeldForReviewAndDisputed) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0.5;  // a few sprees a week among 150 consumers
  c.fraud.travel_share = 0.05;
  c.fraud.rings_per_1000_yearly = 0;
  c.days = 60;                      // long enough for thefts' disputes to be decided
  c.dispute_merchant_accepts = 0;  // every dispute contested: an operator decides it
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  const RunSummary& s = r.summary;
  EXPECT_GT(s.frauds, 10);
  // Every approval is screened; the rules hold some for a person, who stops thefts
  // (and, wrongly or for travellers, holds consumers' own purchases too).
  EXPECT_GT(s.fraud_screened, s.approved / 2);
  EXPECT_LE(s.fraud_screened, s.approved);
  EXPECT_GT(s.fraud_reviews, 0);
  EXPECT_GT(s.frauds_stopped, 0);
  // Thieves behind a proxy in the victim's country pass the rules: found only when the
  // consumer disputes.
  EXPECT_LT(s.frauds_stopped, s.frauds);
  EXPECT_GT(r.known_frauds, static_cast<std::size_t>(s.frauds_stopped / 2));
  // A theft the merchant contested is the lender's loss: written off, never collected.
  EXPECT_GT(s.dispute_write_offs, 0);
  EXPECT_GT(r.fraud_loss_minor, 0);
  EXPECT_EQ(RunIt(c).summary.digest, s.digest);
}

TEST(Simulation, TheBackOfficeWorksItsQueueInTheHoursItHasAndAShortTeamFallsBehind) {
  SimConfig c = Small();
  c.fraud.rules = "review if amount > 15000\n";  // every checkout over $150 waits for a person
  c.days = 40;
  const auto waited = [](const fraud::Review& r) { return *r.decided_at - r.created_at; };
  // Enough hours: every held checkout is decided at the next morning's opening (those
  // of the last day after the run).
  const Ran ample = RunIt(c);
  ASSERT_GE(ample.reviews.size(), 15u);
  const Instant last_day(std::chrono::sys_days(AddDays(c.start_date, c.days - 1)));
  for (const fraud::Review& r : ample.reviews) {
    if (!r.decided_at) {
      EXPECT_GE(r.created_at, last_day) << r.id;
      continue;
    }
    EXPECT_GT(waited(r), std::chrono::hours(0));
    EXPECT_LT(waited(r), std::chrono::hours(24));
  }
  // Three minutes a day for twelve-minute reviews: one decided every fourth day, first
  // in, first out; the rest wait, longer and longer.
  c.operators.review_hours_per_day = 0.05;
  const Ran short_staffed = RunIt(c);
  EXPECT_TRUE(short_staffed.verify.ok());
  std::vector<const fraud::Review*> decided;
  for (const fraud::Review& r : short_staffed.reviews) {
    if (r.decided_at) decided.push_back(&r);
  }
  EXPECT_GE(decided.size(), 5u);  // from the first hold on
  EXPECT_LE(decided.size(), 10u);
  EXPECT_GT(short_staffed.reviews.size(), decided.size() + 5);
  std::sort(decided.begin(), decided.end(), [](auto* a, auto* b) { return *a->decided_at < *b->decided_at; });
  for (std::size_t i = 1; i < decided.size(); ++i) {
    EXPECT_LE(decided[i - 1]->created_at, decided[i]->created_at) << "first in, first out";
  }
  EXPECT_GT(waited(*decided.back()), std::chrono::days(7));
}

TEST(Simulation, VictimsWhoGoToTheirBankChargeBackAndTheSettlementFileLabelsTheOrders) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0.5;
  c.fraud.theft_chargeback_share = 1;
  c.fraud.theft_home_ip_share = 1;  // behind a proxy: past the rules, found only afterwards
  c.fraud.rings_per_1000_yearly = 0;
  c.files = FileImperfections{0, 0, 0, 0, 0, 25, 10, 100, 1'500};
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  const RunSummary& s = r.summary;
  EXPECT_GT(s.chargebacks, 0);
  EXPECT_GT(r.fraud_loss_minor, 0);
  // Perfect files: every chargeback names a collection the ledger holds, once.
  EXPECT_EQ(s.recon_exceptions, 0);
  EXPECT_EQ(s.recon_auto_resolved, s.recon_lines);
  // What reviewers did not stop, the issuers' chargebacks label.
  EXPECT_GT(r.known_frauds, static_cast<std::size_t>(s.frauds_stopped));
  EXPECT_EQ(RunIt(c).summary.digest, s.digest);
}

TEST(Simulation, SyntheticRingsSharingADeviceAreHeldByTheDeviceRule) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0;
  c.fraud.travel_share = 0;
  c.fraud.rings_per_1000_yearly = 300;  // about four rings among 150 consumers in 35 days
  c.fraud.ring_purchases_per_day = 0.8;
  c.fraud.rules = "review if distinct_consumers_per_device_24h >= 3\n";
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  const RunSummary& s = r.summary;
  EXPECT_GT(s.frauds, 10);
  // Consumers buy on their own devices: every review is a ring's purchase, from the
  // third identity on the ring's device within a day.
  EXPECT_GT(s.fraud_reviews, 0);
  EXPECT_LE(s.fraud_reviews, s.frauds);
  EXPECT_GT(s.frauds_stopped, 0);
  EXPECT_GE(r.known_frauds, static_cast<std::size_t>(s.frauds_stopped));
  EXPECT_EQ(RunIt(c).summary.digest, s.digest);
}

// Checkouts batched into one transaction act as if each committed alone: the screening
// learns each before the next, so a ring's third identity on a device is held whether
// the checkouts commit one by one or hundreds at a time.
TEST(Simulation, BatchingUnitsOfWorkChangesTheCostNotTheOutcome) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0.5;
  c.fraud.rings_per_1000_yearly = 300;
  c.fraud.ring_purchases_per_day = 0.8;
  c.fraud.rules = "review if distinct_consumers_per_device_24h >= 3\n";
  const Ran alone = RunIt(c, nullptr, 1);
  const Ran batched = RunIt(c);
  EXPECT_GT(alone.summary.fraud_reviews, 0);
  EXPECT_EQ(batched.summary.digest, alone.summary.digest);
  EXPECT_EQ(batched.summary.fraud_reviews, alone.summary.fraud_reviews);
  EXPECT_TRUE(batched.verify.ok());
  // Each checkout was a commit of its own; batched, a day's checkouts between two
  // contacts or shifts share one.
  const auto purchases = static_cast<std::uint64_t>(alone.summary.purchases);
  EXPECT_GT(alone.commits, purchases);
  EXPECT_LT(batched.commits + purchases / 4, alone.commits) << purchases;
}

TEST(Simulation, BustOutsBuyInABurstThatTheLimitAndTheVelocityRuleStopInPart) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0;
  c.fraud.travel_share = 0;
  c.fraud.rings_per_1000_yearly = 0;
  c.fraud.bust_out_rate_yearly = 2;  // about fifteen of 150 consumers from day 15 on
  c.fraud.bust_out_after_days = 15;
  c.fraud.bust_out_purchases = 6;
  c.fraud.rules = "review if consumer_count_24h >= 2\n";
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  const RunSummary& s = r.summary;
  EXPECT_GT(s.frauds, 30);
  // Each burst is one consumer: credit declines some, the rule holds the third approved
  // checkout of the day and later ones, and reviewers reject most of those.
  EXPECT_GT(s.fraud_reviews, 0);
  EXPECT_GT(s.frauds_stopped, 0);
  EXPECT_LT(s.frauds_stopped, s.frauds);
  EXPECT_EQ(RunIt(c).summary.digest, s.digest);
}

// Small(), whose only fraud is merchant collusion: two colluding merchants in 35 days,
// their rings buying `ring_purchases_per_day` each.
SimConfig CollusionOnly(double ring_purchases_per_day) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0;
  c.fraud.travel_share = 0;
  c.fraud.rings_per_1000_yearly = 0;
  c.fraud.collusions_per_1000_yearly = 150;
  c.fraud.ring_purchases_per_day = ring_purchases_per_day;
  return c;
}

TEST(Simulation, AColludingMerchantsBuyersPassTheDeviceRulesAndTheMerchantIsPaidOut) {
  const SimConfig c = CollusionOnly(0.8);
  auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
  ASSERT_TRUE(store.ok());
  auto run = sim::Run(c, **store, RunOptions{});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_GT(run->frauds, 10);
  // Each buyer is on a device of their own: the device rules hold none of them.
  EXPECT_EQ(run->frauds_stopped, 0);
  std::int64_t captured_at_colluders_minor = 0;  // in their currencies
  int colluders = 0;
  ASSERT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto merchants, tx.merchants().List("", std::nullopt, 1'000));
    for (const merchants::Merchant& m : merchants) {
      if (m.name.find(" outlet ") == std::string::npos) continue;
      ++colluders;
      TRANCHE_ASSIGN_OR_RETURN(auto settlements, tx.settlements().List(m.id, "", 1'000));
      for (const settlement::Settlement& st : settlements) captured_at_colluders_minor += st.captures.minor();
    }
    return Status::Ok();
  }).ok());
  EXPECT_EQ(colluders, 2);
  EXPECT_GT(run->merchants, 2);
  // The lender settles the colluders' orders, which nobody will ever pay.
  EXPECT_GT(captured_at_colluders_minor, 0);
}

// The platform's merchant monitoring sees a colluding merchant's plans go unpaid at once
// and sends it back to review on a Monday; the person who looks rejects it, and from then
// on it sells nothing on credit.
TEST(Simulation, MerchantMonitoringCatchesAColludingMerchantAndAPersonRejectsIt) {
  SimConfig c = CollusionOnly(2);
  c.days = 63;
  auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
  ASSERT_TRUE(store.ok());
  // A shop the run did not onboard (as a demo's own, under a simulated history) waits
  // for a person: the run's simulated people leave it to real ones.
  const std::string outsider = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
  ASSERT_TRUE((*store)->Write([&](store::Tx& tx) -> Status {
    merchants::Merchant m = merchants::MakeMerchant(outsider, {"Faraway Tours", "US", *ParseCurrency("USD"), {}, {}, "travel"},
                                                    *ParseRfc3339("2025-12-31T10:00:00Z"));
    m.onboarding.status = merchants::OnboardingStatus::kPendingReview;
    TRANCHE_RETURN_IF_ERROR(tx.merchants().Insert(m));
    return tx.merchants().OpenReview(m.id, m.created_at);
  }).ok());
  auto run = sim::Run(c, **store, RunOptions{});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_GT(run->merchants_to_review, 0);
  // Only the colluders: no honest merchant's book came near the line in this run.
  EXPECT_EQ(run->merchants_rejected, run->merchants_to_review);
  int rejected = 0, colluders = 0;
  ASSERT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto merchants, tx.merchants().List("", std::nullopt, 1'000));
    for (const merchants::Merchant& m : merchants) {
      const bool colluder = m.name.find(" outlet ") != std::string::npos;
      colluders += colluder ? 1 : 0;
      if (m.onboarding.status != merchants::OnboardingStatus::kRejected) continue;
      ++rejected;
      EXPECT_TRUE(colluder) << m.name;
      EXPECT_EQ(m.onboarding.findings.back(), "early_delinquency") << m.name;
      // Nothing captured there since the person rejected it.
      TRANCHE_ASSIGN_OR_RETURN(auto since, tx.plans().MerchantDelinquency(m.onboarding.reviewed_at.value(),
                                                                          Instant::max(), 1'000));
      for (const lending::MerchantPlans& book : since) EXPECT_NE(book.merchant_id, m.id) << m.name;
    }
    return Status::Ok();
  }).ok());
  EXPECT_EQ(rejected, run->merchants_rejected);
  EXPECT_LE(rejected, colluders);
  ASSERT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto m, tx.merchants().Find(outsider));
    EXPECT_EQ(m.value().onboarding.status, merchants::OnboardingStatus::kPendingReview);
    return Status::Ok();
  }).ok());
}

// With last_day_to_people (the demo's history), the simulated back office leaves the
// last day's queues to real operators: the fraud reviews and reconciliation exceptions
// waiting then are still open at the end, more than a run that works that day leaves.
TEST(Simulation, TheLastDayCanBeLeftToRealOperators) {
  SimConfig c = Small();
  c.fraud.theft_rate_yearly = 0.5;  // as IdentityThievesAreScreenedHeldForReviewAndDisputed
  c.fraud.travel_share = 0.05;
  c.fraud.rings_per_1000_yearly = 0;
  c.days = 60;
  const auto open_at_end = [&](bool last_day_to_people) {
    auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
    EXPECT_TRUE(store.ok());
    RunOptions o;
    o.last_day_to_people = last_day_to_people;
    EXPECT_TRUE(sim::Run(c, **store, o).ok());
    std::int64_t open = 0;
    EXPECT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(open, tx.fraud_reviews().CountPending());
      TRANCHE_ASSIGN_OR_RETURN(auto exceptions, tx.recon().ListExceptions(recon::ExceptionFilter{false}, "", 1'000));
      open += static_cast<std::int64_t>(exceptions.size());
      return Status::Ok();
    }).ok());
    return open;
  };
  EXPECT_GT(open_at_end(true), open_at_end(false));
}

// Merchants joining during the run go through onboarding on their day, and consumers
// buy from them from then on.
TEST(Simulation, MerchantsJoiningDuringTheRunAreOnboardedOnTheirDayAndSellFromThen) {
  SimConfig c = Small();
  c.fraud.collusions_per_1000_yearly = 0;
  c.merchants_joining_yearly = 5;  // about 19 joining the 40 in 35 days
  const Population population = MakePopulation(c);
  auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
  ASSERT_TRUE(store.ok());
  auto run = sim::Run(c, **store, RunOptions{});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->merchants, static_cast<std::int64_t>(population.merchants.size()));
  const Instant start{std::chrono::sys_days(c.start_date)};
  int joined = 0, joined_selling = 0;
  ASSERT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto merchants, tx.merchants().List("", std::nullopt, 1'000));
    for (const merchants::Merchant& m : merchants) {
      const bool joiner = m.name.find(" new ") != std::string::npos;
      // Onboarded on the day it joined, not with the merchants there from the start.
      EXPECT_EQ(joiner, m.created_at >= start + std::chrono::hours(24)) << m.name;
      if (!joiner) continue;
      ++joined;
      TRANCHE_ASSIGN_OR_RETURN(auto settlements, tx.settlements().List(m.id, "", 1'000));
      joined_selling += settlements.empty() ? 0 : 1;
    }
    return Status::Ok();
  }).ok());
  EXPECT_EQ(joined, static_cast<int>(population.merchants.size()) - 40);
  EXPECT_GT(joined, 10);
  EXPECT_GT(joined_selling, 0);
}

TEST(Simulation, PerfectFilesReconcileEveryMovementExactlyOnceAndTheLedgerVerifies) {
  SimConfig c = Small();
  c.files = FileImperfections{0, 0, 0, 0, 0, 25, 10, 100};
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  // Every collection, consumer refund and payout the ledger holds was in exactly one
  // settlement line, and every line was one of them.
  EXPECT_GT(r.summary.recon_lines, 0);
  EXPECT_EQ(r.summary.recon_exceptions, 0);
  EXPECT_EQ(r.summary.recon_auto_resolved, r.summary.recon_lines);
  EXPECT_TRUE(r.summary.unreconciled_minor.empty());
}

TEST(Simulation, ImperfectFilesLeaveExceptionsForPeopleAndTheLedgerStillVerifies) {
  SimConfig c = Small();
  c.files = FileImperfections{400, 400, 400, 200, 200, 25, 10, 100};
  const Ran r = RunIt(c);
  EXPECT_TRUE(r.verify.ok());
  EXPECT_GT(r.summary.recon_exceptions, 0);
  EXPECT_GT(r.summary.recon_auto_resolved, r.summary.recon_exceptions);
  // The finance team resolved each the next morning (written off or explained), so only
  // those of the last night's file are open, and they are what stays unreconciled.
  EXPECT_GT(r.summary.recon_exceptions_resolved, r.summary.recon_exceptions / 2);
  std::map<std::string, std::int64_t> open_minor;
  std::int64_t open = 0, written_off = 0;
  const Instant last_night(std::chrono::sys_days(AddDays(c.start_date, c.days)));
  for (const recon::ExceptionRecord& x : r.exceptions) {
    if (x.resolved()) {
      written_off += x.resolution == recon::Resolution::kWriteOff ? 1 : 0;
      EXPECT_EQ(x.resolution == recon::Resolution::kWriteOff, !x.journal_entry_id.empty()) << x.id;
      continue;
    }
    ++open;
    EXPECT_EQ(x.created_at, last_night) << x.id;
    open_minor[std::string(CurrencyCode(x.exception.currency))] += x.exception.open_minor();
  }
  EXPECT_GT(written_off, 0);
  EXPECT_EQ(open + r.summary.recon_exceptions_resolved, r.summary.recon_exceptions);
  std::erase_if(open_minor, [](const auto& kv) { return kv.second == 0; });
  EXPECT_EQ(open_minor, r.summary.unreconciled_minor);
}

TEST_F(SupportDeskTest, CustomersTalkToTheAssistantWhichAnswersActsOrHandsOff) {
  ASSERT_NE(desk_, nullptr);
  SimConfig c = Small();
  c.consumer.contacts_per_month = 2;
  const Ran a = RunIt(c, desk_);
  EXPECT_TRUE(a.verify.ok());
  const RunSummary& s = a.summary;
  // Customers' contacts are conversations with the assistant; the rest (people who
  // have not checked out yet have no account to chat from) go to people.
  EXPECT_GT(s.assistant_contacts, s.contacts / 2);
  EXPECT_LE(s.assistant_contacts, s.contacts);
  EXPECT_EQ(static_cast<std::int64_t>(a.conversations.size()), s.assistant_contacts);
  // The rest reached a person, who logged each.
  EXPECT_EQ(static_cast<std::int64_t>(a.logged_contacts), s.contacts - s.assistant_contacts);
  // Hand-offs where the reason calls for people (hardship, complaints, a person asked
  // for), not most of them; the kept ones mostly read right.
  EXPECT_GT(s.assistant_handoffs, 0);
  EXPECT_LT(s.assistant_handoffs, s.assistant_contacts / 2);
  EXPECT_LT(s.assistant_misread, (s.assistant_contacts - s.assistant_handoffs) / 3);
  std::int64_t handed_off = 0;
  for (const assist::ConversationFacts& f : a.conversations) handed_off += f.handed_off ? 1 : 0;
  EXPECT_EQ(handed_off, s.assistant_handoffs);
  // The support team took each hand-off up within a day and closed it, except those of
  // the last day, still waiting when the run ended; one made in its working hours, the
  // same day.
  const Instant last_opening(std::chrono::sys_days(AddDays(c.start_date, c.days - 1)) + std::chrono::hours(8));
  const auto hour_of = [](Instant t) {
    return std::chrono::floor<std::chrono::hours>(t - std::chrono::floor<std::chrono::days>(t)).count();
  };
  std::int64_t closed = 0;
  std::int64_t closed_in_working_hours = 0;
  for (const assist::ConversationFacts& f : a.conversations) {
    if (!f.handed_off) continue;
    ASSERT_TRUE(f.handed_off_at.has_value()) << f.id;
    if (f.closed_at) {
      ++closed;
      EXPECT_GT(*f.closed_at, *f.handed_off_at) << f.id;
      EXPECT_LT(*f.closed_at - *f.handed_off_at, std::chrono::hours(24)) << f.id;
      const bool in_working_hours = hour_of(*f.handed_off_at) >= 8 && hour_of(*f.handed_off_at) < 19;
      if (in_working_hours) {
        ++closed_in_working_hours;
        EXPECT_EQ(std::chrono::floor<std::chrono::days>(*f.closed_at),
                  std::chrono::floor<std::chrono::days>(*f.handed_off_at)) << f.id;
      }
    } else {
      EXPECT_GE(*f.handed_off_at, last_opening) << f.id;
    }
  }
  EXPECT_GT(closed_in_working_hours, 0);
  EXPECT_EQ(closed, s.assistant_handoffs_closed);
  // Conversations start at their contacts' hours, night and evening included, not in
  // one batch after the day's shopping.
  std::array<int, 24> by_hour{};
  for (const assist::ConversationFacts& f : a.conversations) ++by_hour[static_cast<std::size_t>(hour_of(f.created_at))];
  EXPECT_GT(by_hour[9] + by_hour[10] + by_hour[11], 0);
  EXPECT_GT(by_hour[0] + by_hour[1] + by_hour[2] + by_hour[3] + by_hour[4] + by_hour[5] + by_hour[6] + by_hour[7], 0);
  EXPECT_GT(by_hour[21] + by_hour[22] + by_hour[23], 0);
  EXPECT_LT(*std::max_element(by_hour.begin(), by_hour.end()), static_cast<int>(a.conversations.size()) / 8);
  // Changes asked for (extensions, payoffs, a new card) ran on the consumer's yes.
  EXPECT_GT(a.done_actions, 0);
  // The same seed, the same conversations.
  EXPECT_EQ(RunIt(c, desk_).summary.digest, s.digest);
  EXPECT_NE(RunIt(c).summary.digest, s.digest);  // without the assistant, another business
}

}  // namespace
}  // namespace tranche::sim
