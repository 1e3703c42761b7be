// The simulation driver: runs a synthetic BNPL business through the real engine, in
// process, on a simulated clock. Each day the actors (actions.h) say what their agents
// do; the driver carries it out through the same use cases the API calls (sessions,
// Authorize, CreateOrder, Capture, Refund; returns, disputes and payments; the payment
// method a consumer has), then closes the date with the daily job (ops::Cob: autopay
// with the simulated processor's failing cards, fees, charge-offs, settlement and
// payouts) and reconciles the processor's settlement file (src/recon).
//
// This is the one file that calls the platform's use cases; everything it records is
// in the output directory (docs/SIMULATOR.md lists the files). Same configuration and
// seed: the same outcome, byte for byte (the digest).
#pragma once

#include <map>
#include <string>

#include "assist/understanding.h"
#include "sim/config.h"
#include "sim/phrasebook.h"
#include "store/store.h"

namespace tranche::sim {

// Customer service as the platform runs it: the assistant, with the understanding the
// server would serve with, and what consumers say to it (phrasebook.h). Each must
// outlive the run.
struct SupportDesk {
  const assist::IntentClassifier& intents;
  const assist::LanguageDetector& languages;
  const Phrasebook& phrases;
};

// A transaction's undo journal is held in memory, so its size is bounded.
inline constexpr std::size_t kMaxUnitsPerWrite = 4096;

struct RunOptions {
  std::string out_dir;            // empty: nothing written, only the digest
  bool progress = false;          // a progress bar on stderr (only when it is a terminal)
  bool settlement_files = true;   // keep each day's settlement file under files/
  // Customers' contacts go to the assistant, which answers, acts (a change on the
  // consumer's yes) or hands off to people. Without it, or for someone who is not a
  // customer yet (the chat needs an account), a contact is a person's work.
  const SupportDesk* support = nullptr;
  // The simulated back office does not work the last day: the reviews, disputes,
  // exceptions and hand-offs waiting then are left for real operators (the demo's
  // simulated history, so that its console's queues hold work).
  bool last_day_to_people = false;
  // Units of work (checkouts, follow-ups) per store transaction. Each acts as if it had
  // committed alone (Tx::NestedAsIfCommitted), so this sets a run's cost, not its outcome.
  // A commit writes every page its units dirtied, and most of those are index pages
  // keyed by consumer, which few units share; the larger the transaction, the more units
  // share a page write (100,000 consumers: 4096 cost about a fifth less than 256).
  std::size_t units_per_write = kMaxUnitsPerWrite;
};

struct RunSummary {
  std::int64_t days = 0;
  std::int64_t consumers = 0;
  std::int64_t merchants = 0;
  std::int64_t purchases = 0;   // checkouts tried
  std::int64_t approved = 0;
  std::int64_t declined = 0;
  std::int64_t contacts = 0;
  std::int64_t assistant_contacts = 0;  // of contacts: the conversations with the assistant
  std::int64_t assistant_handoffs = 0;  // of those: handed off to people
  std::int64_t assistant_handoffs_closed = 0;  // of those: a person took up and closed
  std::int64_t assistant_misread = 0;   // kept, but read as another intent than the true reason
  std::int64_t fraud_screened = 0;  // authorizations the fraud screening decided
  std::int64_t fraud_reviews = 0;   // of those: held for a person
  std::int64_t fraud_blocked = 0;
  std::int64_t frauds = 0;          // checkouts by fraudsters: stolen or synthetic identities (ground truth)
  std::int64_t frauds_stopped = 0;  // of those: blocked, or rejected in review
  std::int64_t returns = 0;
  std::int64_t refunds = 0;
  std::int64_t disputes = 0;
  std::int64_t dispute_write_offs = 0;  // unauthorized purchases the lender bore as fraud losses
  std::int64_t chargebacks = 0;  // collections victims' card issuers took back
  std::int64_t payoffs = 0;
  std::int64_t method_changes = 0;
  std::int64_t collections_succeeded = 0;
  std::int64_t collections_failed = 0;
  std::int64_t late_fees = 0;
  std::int64_t charge_offs = 0;        // at 120 days past due (the daily close)
  std::int64_t fraud_charge_offs = 0;  // after a chargeback (reconciliation)
  std::int64_t settlements = 0;
  std::int64_t payouts = 0;
  std::int64_t recon_lines = 0;
  std::int64_t recon_auto_resolved = 0;
  std::int64_t recon_exceptions = 0;
  std::int64_t recon_exceptions_resolved = 0;  // by the back office's finance team
  std::int64_t merchants_to_review = 0;  // sent back by the platform's merchant monitoring
  std::int64_t merchants_rejected = 0;   // of those: rejected by a person (the colluding ones)
  std::map<std::string, std::int64_t> unreconciled_minor;  // by currency, exceptions still open
  std::map<std::string, std::int64_t> refusals;  // use-case refusals by error code
  double seconds = 0;
  std::string digest;
};
std::string SummaryJson(const RunSummary& s);

// Runs `c` against `store` (empty or holding other data: the simulation adds its own
// merchants and consumers). Precondition: nothing else writes to `store` meanwhile.
Result<RunSummary> Run(const SimConfig& c, store::Store& store, const RunOptions& options);

}  // namespace tranche::sim
