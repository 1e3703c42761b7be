// The simulator end to end over the in-memory store: small runs (hundreds of consumers,
// tens of days) through the real use cases and the daily close.
#include "sim/driver.h"

#include <gtest/gtest.h>

#include "ledger/posting.h"
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
};

Ran RunIt(const SimConfig& c) {
  auto store = store::sqlite::InMemoryStore::Open(*ParseRfc3339("2026-01-01T00:00:00Z"));
  EXPECT_TRUE(store.ok());
  auto s = Run(c, **store, RunOptions{});
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  Ran out{*s, {}};
  EXPECT_TRUE((*store)->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(out.verify, ledger::Verify(tx.ledger()));
    return Status::Ok();
  }).ok());
  return out;
}

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

  SimConfig other = c;
  other.seed += 1;
  EXPECT_NE(RunIt(other).summary.digest, a.summary.digest);
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
  EXPECT_FALSE(r.summary.unreconciled_minor.empty());
}

}  // namespace
}  // namespace tranche::sim
