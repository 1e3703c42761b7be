#include "sim/driver.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <deque>
#include <span>
#include <tuple>
#include <nlohmann/json.hpp>

#include "assist/chat.h"
#include "automation/staffing.h"
#include "automation/work.h"
#include "core/csv_writer.h"
#include "fraud/engine_source.h"
#include "ledger/account.h"
#include "lending/plan.h"
#include "onboarding/onboarding.h"
#include "ops/cob.h"
#include "ops/contacts.h"
#include "ops/events.h"
#include "ops/fraud_rules.h"
#include "ops/merchant_actions.h"
#include "ops/plan_actions.h"
#include "ops/reconciliation.h"
#include "origination/origination.h"
#include "origination/sessions.h"
#include "payments/simulated.h"
#include "recon/reconcile.h"
#include "risk/policy_decider.h"
#include "servicing/servicing.h"
#include "sim/actions.h"
#include "sim/back_office.h"
#include "sim/draws.h"
#include "sim/processor_files.h"
#include "sim/record.h"

namespace tranche::sim {

using automation::WorkTally;
using automation::WorkType;

namespace {

constexpr std::chrono::hours kOpeningHour{8};
constexpr std::chrono::hours kShoppingHours{12};  // the day's checkouts spread over 08:00-20:00
// The support team chats 08:00-20:00: at the top of each hour it works the hand-offs
// waiting, with the hour's share of its day.
constexpr int kSupportShifts = 12;
constexpr std::string_view kOperator = "sim-operator";  // who saves the rules and decides reviews
// A credit decision was wrong when an approved consumer defaults within this many days.
constexpr int kDefaultHorizonDays = 180;

std::string Csv(std::initializer_list<std::variant<std::string_view, std::int64_t>> fields) {
  std::string out;
  CsvRecordWriter w(out);
  for (const auto& f : fields) {
    if (const auto* s = std::get_if<std::string_view>(&f)) {
      w.Text(*s);
    } else {
      w.Integer(std::get<std::int64_t>(f));
    }
  }
  w.End();
  return out;
}

// How the operator decides a contested dispute: a valid claim that the purchase was not
// the consumer's is the lender's fraud loss (the merchant followed the rules and keeps
// its money); any other valid claim is refunded by the merchant; the rest is upheld.
servicing::DisputeResolution OperatorDecision(const Fate& fate) {
  if (!fate.claim_valid) return servicing::DisputeResolution::kMerchantUpheld;
  return fate.dispute_reason == "unauthorized" ? servicing::DisputeResolution::kWrittenOff
                                               : servicing::DisputeResolution::kRefunded;
}

// How the finance team resolves a reconciliation exception, knowing what the simulated
// processor did: a chargeback the rules could not accept is contested with the issuer,
// and a line the ledger has no record of was the processor's mistake (it reverses it),
// neither moving money; a different amount or a line that never came is accepted as a
// processing cost (the cash account brought to what the processor settled).
std::pair<recon::Resolution, std::string_view> FinanceResolution(const recon::ReconException& e) {
  if (e.line_kind == recon::LineKind::kChargeback) return {recon::Resolution::kNoAdjustment, "contested with the issuer"};
  if (e.kind == recon::ExceptionKind::kUnknownReference) {
    return {recon::Resolution::kNoAdjustment, "not ours: the processor reversed it"};
  }
  return {recon::Resolution::kWriteOff, "the processor settled it so: a processing cost"};
}

// Days an operator looks again at a write-off a payment in flight held up.
constexpr int kMaxDecideAttempts = 5;

// Something scheduled for a later day by a purchase's fate.
struct FollowUp {
  // kContested: the consumer's reply to the merchant's answer is in, and the dispute
  // joins the back office's queue, where it becomes a kDecide.
  enum class Kind : std::uint8_t {
    kReturn, kRefund, kDispute, kChargeback, kRespond, kContested, kDecide, kPayoff, kReview
  } kind;
  std::int64_t consumer = 0;
  std::size_t merchant = 0;
  std::string order_id;
  std::string plan_id;
  std::string dispute_id;
  Money amount;
  Fate fate;
  std::string review_id;  // kReview: the authorization held for a fraud review
  bool fraud = false;     // ground truth
  int attempts = 0;       // kDecide: days the operator already looked
  Instant queued_at{};    // kReview, kDecide: when it joined a person's queue
};

// How a contact went: through the assistant (what it took the consumer's message for,
// and whether it handed off), or, when it could not be, to a person.
struct ContactOutcome {
  bool via_assistant = false;
  std::string read_as;
  std::string conversation_id;
  std::optional<Instant> handed_off_at;  // set when it handed off
  bool handed_off() const { return handed_off_at.has_value(); }
};

// A contact at its moment of the day.
struct TimedContact {
  Instant at;
  const sim::Contact* contact;
};

// The day's contacts in time order: each in its hour, and the hour's contacts at evenly
// spaced minutes within it (people write in at different times, not all on the hour).
std::vector<TimedContact> ContactsInTimeOrder(const std::vector<Action>& actions, Date date) {
  std::array<std::vector<const sim::Contact*>, 24> by_hour;
  for (const Action& a : actions) {
    if (const auto* k = std::get_if<sim::Contact>(&a)) {
      TRANCHE_ASSERT(k->hour >= 0 && k->hour < 24);
      by_hour[static_cast<std::size_t>(k->hour)].push_back(k);
    }
  }
  std::vector<TimedContact> out;
  for (std::size_t hour = 0; hour < by_hour.size(); ++hour) {
    const std::vector<const sim::Contact*>& in_hour = by_hour[hour];
    const auto gap = std::chrono::milliseconds(std::chrono::hours(1)) / static_cast<std::int64_t>(in_hour.size() + 1);
    const Instant start = StartOf(date) + std::chrono::hours(hour);
    for (std::size_t j = 0; j < in_hour.size(); ++j) {
      out.push_back({start + gap * static_cast<std::int64_t>(j + 1), in_hour[j]});
    }
  }
  return out;
}

// A conversation the assistant handed off, waiting for the support team.
struct Handoff {
  std::string conversation_id;
  std::string reason;  // ground truth: what the consumer came for
  std::string language;
  Instant queued_at;
};

// What the person who takes up a hand-off writes first, in the consumer's language.
std::string_view PersonsGreeting(std::string_view language) {
  if (language == "sv") return "Hej, det här är tranches kundtjänst. Jag har läst vårt samtal och tar hand om det nu.";
  if (language == "de") {
    return "Hallo, hier ist der Kundenservice von tranche. Ich habe unser Gespräch gelesen und kümmere mich jetzt darum.";
  }
  return "Hello, this is tranche customer service. I have read our conversation and am taking care of it now.";
}

struct CreditDecision {
  int day = 0;
  std::int64_t consumer = 0;
  bool approved = false;
};

class Simulation {
 public:
  Simulation(const SimConfig& c, store::Store& store, const RunOptions& o, Recorder& rec)
      : c_(c), o_(o), store_(store), rec_(rec), population_(MakePopulation(c)), world_{c_, population_},
        actors_(MarketActors()), clock_(StartOf(c.start_date) + kOpeningHour), ids_random_(c.seed),
        secrets_(c.seed ^ 0x5ec7e75ULL), ids_(clock_, ids_random_), processor_(payments::SimulatorRates{c.seed}),
        rail_(payments::RailRates{c.seed}), tap_(processor_, rail_),
        cob_(ops::OpsContext{store_, ids_, clock_, tap_, tap_}) {
    if (o.support != nullptr) {
      assistant_.emplace(ops::OpsContext{store_, ids_, clock_, tap_, tap_, &screening_}, o.support->intents,
                         o.support->languages);
    }
    Draws key(c.seed, Purpose::kIdentity, 0xffffffffULL);
    for (auto& b : platform_key_) b = static_cast<std::uint8_t>(key.Below(256));
    consumer_ids_.resize(population_.agents());
    merchant_ids_.resize(population_.merchants.size());
  }

  Result<RunSummary> Run();

 private:
  origination::Context Ctx() { return {ids_, decider_, bureau_, clock_.Now(), ops::OrderEventsOutbox(), &screening_}; }
  // Saves the configured fraud rules and onboards the merchants there from the start.
  Status Start();
  // Onboards merchant `index` on `day`: the onboarding check, and a person's approval
  // when the check sent it to review.
  Status Onboard(store::Tx& tx, std::size_t index, int day);
  // A person decides on each merchant the platform's monitoring sent back to review
  // (the run's only merchants pending review: Onboard decides the others at once),
  // knowing the truth: one in on a fraud is rejected, any other approved again.
  Status DecideMerchantReviews(store::Tx& tx, int day);
  Status RunDay(int day);
  // The back office's day: each team takes from its queue, in order, what its hours
  // allow (back_office.h), a unit each.
  void WorkQueues(std::vector<std::function<Status(store::Tx&)>>& units, int day);
  // Whether the simulated back office works `day` (RunOptions::last_day_to_people).
  bool BackOfficeWorks(int day) const { return !o_.last_day_to_people || day < c_.days - 1; }
  // The support team's shift (an hour) on the hand-off queue. Outside Execute: the
  // conversation use cases own their transactions.
  void WorkHandoffs();
  // A person takes up a hand-off through the use cases an operator calls: claims it,
  // greets the consumer in their language, and closes it with what it was about.
  Status TakeUp(const Handoff& h);
  // A refusal is counted by its code, and undid only its own unit.
  void CountRefusal(const Status& st) { ++s_.refusals[st.code().empty() ? st.ToString() : st.code()]; }
  // queues.csv: an item a person took up (`decided_at`), or one still waiting at the end.
  void RecordWait(WorkType type, Instant queued_at, std::optional<Instant> decided_at);
  // The finance team resolves one exception (FinanceResolution) through the use case
  // operators call.
  Status ResolveException(store::Tx& tx, const recon::ExceptionRecord& x);
  // Runs each unit in its own savepoint and as if it had committed alone,
  // RunOptions::units_per_write to a transaction; a refusal is counted and undoes only
  // that unit. Unit i runs at first_at + i * step, or 1 ms after the clock when that is
  // past it (the clock never stands still between units).
  Status Execute(std::span<const std::function<Status(store::Tx&)>> units, Instant first_at,
                 std::chrono::milliseconds step);
  // The day's trading from the opening: the agents' checkouts and payment-method
  // changes at their scheduled times, `contacts` (in time order) at theirs, and the
  // support team's hourly shifts, in time order.
  Status Trade(int day, Instant opening, const std::vector<Action>& actions, std::span<const TimedContact> contacts);
  Status Purchase(store::Tx& tx, const sim::Purchase& p, int day);
  Status FollowUpOn(store::Tx& tx, const FollowUp& f, int day);
  // What happens to a captured order later (returns, refunds, disputes, payoffs).
  void ScheduleFate(int day, const FollowUp& captured);
  // A simulated reviewer decides a held authorization: right, except at the configured
  // error rate; an accepted one is captured.
  Status DecideReview(store::Tx& tx, const FollowUp& f, int day);
  // A contact at its moment (the clock moves there unless it is past it), between
  // units: the assistant's use cases own their transactions.
  void HandleContact(const TimedContact& timed, int day);
  // A person answers the phone at `start` and logs the contact as it ends
  // (ops::LogContact), as an agent does on a running server, after the scorecard's
  // handling time.
  Status LogPersonsContact(const sim::Contact& k, const std::string& consumer_id, Instant start);
  Result<ContactOutcome> Converse(const sim::Contact& k, const std::string& consumer_id, int day);
  void Schedule(int day, FollowUp f) {
    if (day < c_.days) followups_[day].push_back(std::move(f));
  }
  void Work(int day, int hour, WorkType type, bool automated, bool flagged) {
    work_.Add(day, hour, type, automated, flagged);
  }
  Status Reconcile(int day, Date date);
  // The victim's card issuer takes back every collection of the order's plan so far: a
  // chargeback line each in the processor's next file. Last in its unit (the tap is
  // outside the transaction).
  Status ChargeBack(store::Tx& tx, const FollowUp& f);
  void Progress(int day, std::chrono::steady_clock::time_point started) const;
  void WriteGroundTruth();
  // Appends the day's losses per currency to losses.csv: what the credit and fraud loss
  // accounts moved that day (charge-offs less recoveries), read from the ledger itself.
  Status RecordLosses(int day, Date date);

  const SimConfig& c_;
  const RunOptions& o_;
  store::Store& store_;
  Recorder& rec_;
  Population population_;
  World world_;
  std::vector<std::unique_ptr<Actor>> actors_;
  SimulatedClock clock_;
  SeededRandom ids_random_;
  SeededRandom secrets_;
  IdGenerator ids_;
  risk::PolicyDecider decider_;
  risk::SimulatedBureau bureau_;
  // Fraud screening as the platform runs it (no model: the run's rules decide).
  fraud::EngineFeatureSource fraud_source_{fraud::EngineOptions{}};
  fraud::Screening screening_{fraud_source_, nullptr};
  payments::SimulatedProcessor processor_;
  payments::SimulatedPayoutRail rail_;
  TappedMoney tap_;
  ops::Cob cob_;
  std::optional<assist::Assistant> assistant_;  // when the run has a support desk
  auth::PlatformKey platform_key_{};
  std::vector<std::string> merchant_ids_;
  std::vector<std::string> consumer_ids_;  // empty until the consumer first checks out
  std::map<int, std::vector<FollowUp>> followups_;
  // Work waiting for a person, first in, first out, and the teams working it.
  std::deque<FollowUp> review_queue_;
  std::deque<FollowUp> dispute_queue_;
  std::deque<recon::ExceptionRecord> exception_queue_;
  std::deque<Handoff> support_queue_;
  Team reviewers_{c_.operators.review_hours_per_day * 60, c_.staffing.manual_review_minutes};
  Team dispute_team_{c_.operators.dispute_hours_per_day * 60, c_.staffing.dispute_minutes};
  Team finance_team_{c_.operators.recon_hours_per_day * 60, c_.staffing.recon_exception_minutes};
  // Worked once a shift (WorkDay per shift), with each shift's share of the day.
  Team support_team_{c_.operators.support_hours_per_day * 60 / kSupportShifts, c_.staffing.contact_aht_s / 60};
  std::vector<CreditDecision> decisions_;
  std::vector<recon::FileLine> late_lines_;
  std::map<std::string, std::int64_t> open_exceptions_minor_;
  // The loss accounts' balances at the end of the previous day, per currency: credit, fraud.
  std::map<Currency, std::pair<std::int64_t, std::int64_t>> losses_seen_minor_;
  WorkTally work_{c_.days};
  RunSummary s_;
};

Status Simulation::Start() {
  return store_.Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(
        ops::SaveRulesSource(tx, fraud_source_.catalogue(), c_.fraud.rules, std::string(kOperator), clock_.Now()).status());
    for (std::size_t i = 0; i < population_.merchants.size(); ++i) {
      if (population_.merchants[i].joins_on_day == 0) TRANCHE_RETURN_IF_ERROR(Onboard(tx, i, 0));
    }
    return Status::Ok();
  });
}

Status Simulation::Onboard(store::Tx& tx, std::size_t index, int day) {
  const MerchantAgent& m = population_.merchants[index];
  TRANCHE_ASSERT(m.joins_on_day == day && merchant_ids_[index].empty());
  TRANCHE_RETURN_IF_ERROR(merchants::ValidateMerchant(m.draft));
  TRANCHE_ASSIGN_OR_RETURN(auto created, onboarding::CreateMerchant(tx, m.draft, ids_, secrets_, clock_.Now()));
  merchant_ids_[index] = created.merchant.id;
  // The check sent it to a person, who approves it (the run's merchants are all real
  // businesses; a colluding one is what no check or person saw).
  const bool review = created.merchant.onboarding.status == merchants::OnboardingStatus::kPendingReview;
  if (review) {
    TRANCHE_RETURN_IF_ERROR(ops::DecideOnboarding(tx, ids_, created.merchant.id,
                                                  {true, std::string(kOperator), "simulated review"}, clock_.Now())
                                .status());
  }
  // Wrong when a merchant in on a fraud got through, whoever let it.
  Work(day, 9, WorkType::kMerchantOnboarding, !review, m.colluding);
  rec_.Append("merchants.csv", Csv({created.merchant.id, m.draft.name, m.draft.country,
                                    CurrencyCode(m.draft.default_currency), c_.categories[m.category].name,
                                    FormatDate(AddDays(c_.start_date, day)), m.colluding ? "1" : "0"}));
  return Status::Ok();
}

Status Simulation::DecideMerchantReviews(store::Tx& tx, int day) {
  // A page at a time: the store may hold merchants the run did not onboard (the demo's
  // own shops under a simulated history), whose reviews are left to real operators.
  constexpr std::size_t kPage = 500;
  std::string after;
  for (;;) {
    TRANCHE_ASSIGN_OR_RETURN(auto pending, tx.merchants().List(after, merchants::OnboardingStatus::kPendingReview, kPage));
    for (const merchants::Merchant& m : pending) {
      const auto at = std::find(merchant_ids_.begin(), merchant_ids_.end(), m.id);
      if (at == merchant_ids_.end()) continue;
      const bool colluding = population_.merchants[static_cast<std::size_t>(at - merchant_ids_.begin())].colluding;
      TRANCHE_RETURN_IF_ERROR(ops::DecideOnboarding(tx, ids_, m.id,
                                                    {!colluding, std::string(kOperator),
                                                     colluding ? "its customers are a fraud ring's" : "a bad patch"},
                                                    clock_.Now())
                                  .status());
      // A person's work, decided right either way (the person knows the truth).
      Work(day, 9, WorkType::kMerchantOnboarding, false, false);
      s_.merchants_rejected += colluding ? 1 : 0;
    }
    if (pending.size() < kPage) return Status::Ok();
    after = pending.back().id;
  }
}

Status Simulation::Execute(std::span<const std::function<Status(store::Tx&)>> units, Instant first_at,
                           std::chrono::milliseconds step) {
  const std::size_t per_write = o_.units_per_write;
  TRANCHE_ASSERT(per_write >= 1 && per_write <= kMaxUnitsPerWrite);
  for (std::size_t from = 0; from < units.size(); from += per_write) {
    const std::size_t to = std::min(units.size(), from + per_write);
    std::vector<Status> outcomes(to - from);
    TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
      for (std::size_t i = from; i < to; ++i) {
        clock_.Set(std::max(clock_.Now() + std::chrono::milliseconds(1), first_at + step * static_cast<std::int64_t>(i)));
        outcomes[i - from] = tx.NestedAsIfCommitted([&] { return units[i](tx); });
      }
      return Status::Ok();
    }));
    for (const Status& st : outcomes) {
      if (!st.ok()) CountRefusal(st);
    }
  }
  return Status::Ok();
}

Status Simulation::Purchase(store::Tx& tx, const sim::Purchase& p, int day) {
  const MerchantAgent& m = population_.merchants[p.merchant];
  const std::string& merchant_id = merchant_ids_[p.merchant];
  const Money amount = lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency);
  const origination::Context ctx = Ctx();
  checkout::SessionDraft draft{amount, {{"Basket", 1, amount, amount}},
                               "sim-" + std::to_string(day) + "-" + std::to_string(p.consumer), std::nullopt};
  TRANCHE_RETURN_IF_ERROR(checkout::ValidateSession(draft));
  TRANCHE_ASSIGN_OR_RETURN(auto session,
                           origination::CreateSession(tx, ids_, platform_key_, merchant_id, std::move(draft), ctx.now));
  const ConsumerAgent& agent = population_.Agent(p.consumer);
  TRANCHE_ASSIGN_OR_RETURN(auto outcome,
                           origination::Authorize(tx, ctx, {session.view.session.id, p.product,
                                                            PresentedIdentity(c_, agent, p.consumer),
                                                            origination::Device{p.ip, p.ip_country, p.device}}));
  const std::string consumer_id = outcome.decision.consumer_id;
  const bool first = consumer_ids_[static_cast<std::size_t>(p.consumer)].empty();
  if (first && !consumer_id.empty()) {
    payments::PaymentMethod method{agent.card ? payments::MethodType::kCard : payments::MethodType::kBankAccount,
                                   "4242", std::string(MethodProfile(agent, day))};
    TRANCHE_RETURN_IF_ERROR(tx.payment_methods().Set(consumer_id, method));
  }
  std::optional<origination::Captured> captured;
  std::optional<checkout::Order> held;  // ordered, its capture held for a fraud review
  if (outcome.authorization) {
    TRANCHE_ASSIGN_OR_RETURN(auto order, origination::CreateOrder(tx, ctx, merchant_id, outcome.authorization->id,
                                                                  "sim-order"));
    if (outcome.review) {
      held = std::move(order);
    } else {
      TRANCHE_ASSIGN_OR_RETURN(captured,
                               origination::Capture(tx, ctx, merchant_id, order.id, amount.minor(), std::nullopt));
    }
  }
  // Committed from here on (the unit cannot fail any more): remember what happened.
  if (first && !consumer_id.empty()) consumer_ids_[static_cast<std::size_t>(p.consumer)] = consumer_id;
  // Credit decisions are judged on the consumer's own repayment; a fraudster's are not.
  const bool fraud = !p.fraud.empty();
  if (!fraud) decisions_.push_back({day, p.consumer, captured.has_value() || held.has_value()});
  ++s_.purchases;
  ++(captured || held ? s_.approved : s_.declined);
  s_.frauds += fraud ? 1 : 0;
  std::string_view screened;
  if (outcome.fraud) {
    screened = fraud::ActionName(outcome.fraud->action);
    ++s_.fraud_screened;
    // Decided with no person unless held; wrong when it let a fraud through or blocked
    // the consumer's own purchase.
    const bool allowed = outcome.fraud->action == fraud::Action::kAllow;
    const bool blocked = outcome.fraud->action == fraud::Action::kBlock;
    if (!held) Work(day, 12, WorkType::kFraudReview, true, (allowed && fraud) || (blocked && !fraud));
    s_.fraud_blocked += blocked ? 1 : 0;
    s_.frauds_stopped += blocked && fraud ? 1 : 0;
  }
  rec_.Append("purchases.csv", Csv({day, p.consumer, consumer_id, merchant_id, CurrencyCode(amount.currency()),
                                    amount.minor(), lending::ProductName(p.product),
                                    held ? "review" : captured ? "approved" : "declined",
                                    captured ? captured->order.id : held ? held->id : "", screened, p.device,
                                    p.ip_country, p.fate.return_after, p.fate.dispute_after, p.fate.dispute_reason,
                                    p.fate.payoff_after, p.fraud}));
  if (held) {
    ++s_.fraud_reviews;
    FollowUp review{FollowUp::Kind::kReview, p.consumer, p.merchant, held->id, "", "", amount, p.fate,
                    outcome.review->id, fraud};
    review.queued_at = clock_.Now();
    review_queue_.push_back(std::move(review));
    return Status::Ok();
  }
  if (!captured) return Status::Ok();
  ScheduleFate(day, FollowUp{FollowUp::Kind::kReturn, p.consumer, p.merchant, captured->order.id, captured->plan.id, "",
                             amount, p.fate, "", fraud});
  return Status::Ok();
}

void Simulation::ScheduleFate(int day, const FollowUp& base) {
  const Fate& f = base.fate;
  if (f.return_after >= 0) {
    Schedule(day + f.return_after, base);
    FollowUp refund = base;
    refund.kind = FollowUp::Kind::kRefund;
    Schedule(day + f.refund_after, refund);
  }
  if (f.dispute_after >= 0) {
    FollowUp dispute = base;
    dispute.kind = f.chargeback ? FollowUp::Kind::kChargeback : FollowUp::Kind::kDispute;
    Schedule(day + f.dispute_after, dispute);
  }
  if (f.payoff_after >= 0) {
    FollowUp payoff = base;
    payoff.kind = FollowUp::Kind::kPayoff;
    Schedule(day + f.payoff_after, payoff);
  }
}

Status Simulation::DecideReview(store::Tx& tx, const FollowUp& f, int day) {
  const origination::Context ctx = Ctx();
  Draws d(c_.seed, Purpose::kReview, static_cast<std::uint64_t>(f.consumer), static_cast<std::uint64_t>(day));
  const bool wrong = d.Chance(c_.fraud.reviewer_error);
  const bool accept = f.fraud == wrong;  // the consumer's own: accept; a fraud: reject
  TRANCHE_RETURN_IF_ERROR(origination::DecideReview(tx, ctx, f.review_id, kOperator, accept,
                                                    accept ? "the customer's own purchase" : "not the customer")
                              .status());
  std::optional<origination::Captured> captured;
  if (accept) {
    TRANCHE_ASSIGN_OR_RETURN(captured, origination::Capture(tx, ctx, merchant_ids_[f.merchant], f.order_id,
                                                            f.amount.minor(), std::nullopt));
  }
  // Committed from here on (the unit cannot fail any more): remember what happened.
  Work(day, 10, WorkType::kFraudReview, false, wrong);
  s_.frauds_stopped += f.fraud && !accept ? 1 : 0;
  if (captured) {
    ScheduleFate(day, FollowUp{FollowUp::Kind::kReturn, f.consumer, f.merchant, captured->order.id, captured->plan.id,
                               "", f.amount, f.fate, "", f.fraud});
  }
  return Status::Ok();
}

Status Simulation::ChargeBack(store::Tx& tx, const FollowUp& f) {
  TRANCHE_ASSIGN_OR_RETURN(auto collections, tx.collections().ListOfPlan(f.plan_id));
  for (const servicing::Collection& c : collections) {
    if (c.status != servicing::CollectionStatus::kSucceeded) continue;
    tap_.ChargeBack(c.id, c.amount);
    ++s_.chargebacks;
  }
  return Status::Ok();
}

Status Simulation::FollowUpOn(store::Tx& tx, const FollowUp& f, int day) {
  const origination::Context ctx = Ctx();
  const std::string& merchant_id = merchant_ids_[f.merchant];
  const std::string& consumer_id = consumer_ids_[static_cast<std::size_t>(f.consumer)];
  switch (f.kind) {
    case FollowUp::Kind::kReturn:
      TRANCHE_RETURN_IF_ERROR(ops::RegisterReturn(tx, ids_, ctx.now, merchant_id, f.order_id).status());
      ++s_.returns;
      return Status::Ok();
    case FollowUp::Kind::kRefund:
      TRANCHE_RETURN_IF_ERROR(origination::Refund(tx, ctx, merchant_id, f.order_id, f.amount.minor(), "returned").status());
      ++s_.refunds;
      return Status::Ok();
    case FollowUp::Kind::kDispute: {
      TRANCHE_ASSIGN_OR_RETURN(auto d, ops::OpenDispute(tx, ids_, ctx.now, consumer_id, f.order_id, f.fate.dispute_reason,
                                                        &screening_));
      ++s_.disputes;
      FollowUp respond = f;
      respond.kind = FollowUp::Kind::kRespond;
      respond.dispute_id = d.id;
      Schedule(day + f.fate.respond_after, respond);
      return Status::Ok();
    }
    case FollowUp::Kind::kChargeback:
      return ChargeBack(tx, f);
    case FollowUp::Kind::kRespond: {
      TRANCHE_RETURN_IF_ERROR(
          ops::RespondToDispute(tx, ctx, merchant_id, f.dispute_id, f.fate.merchant_accepts, "simulated merchant").status());
      Work(day, 9, WorkType::kDispute, f.fate.merchant_accepts, false);
      if (!f.fate.merchant_accepts) {
        FollowUp contested = f;
        contested.kind = FollowUp::Kind::kContested;
        Schedule(day + f.fate.decide_after, contested);
      }
      return Status::Ok();
    }
    case FollowUp::Kind::kContested: {
      FollowUp decide = f;
      decide.kind = FollowUp::Kind::kDecide;
      decide.queued_at = clock_.Now();
      dispute_queue_.push_back(std::move(decide));
      return Status::Ok();
    }
    case FollowUp::Kind::kDecide: {
      const servicing::DisputeResolution decision = OperatorDecision(f.fate);
      const Status decided = tx.Nested([&] { return ops::DecideDispute(tx, ctx, f.dispute_id, decision).status(); });
      // A write-off waits for a payment in flight: the operator looks again the next day.
      if (decided.code() == "payment_in_progress" && f.attempts < kMaxDecideAttempts) {
        FollowUp again = f;
        ++again.attempts;
        Schedule(day + 1, again);
        return Status::Ok();
      }
      TRANCHE_RETURN_IF_ERROR(decided);
      if (decision == servicing::DisputeResolution::kWrittenOff) ++s_.dispute_write_offs;
      return Status::Ok();
    }
    case FollowUp::Kind::kReview:
      return DecideReview(tx, f, day);
    case FollowUp::Kind::kPayoff: {
      TRANCHE_ASSIGN_OR_RETURN(auto plan, ops::LoadConsumerPlan(tx, DateOf(ctx.now), consumer_id, f.plan_id));
      if (plan.status != lending::PlanStatus::kActive) return Status::Ok();
      const servicing::PayoffQuote q = servicing::QuotePayoff(plan);
      if (q.amount.minor() <= 0) return Status::Ok();
      // Stored pending; the night's close sends it to the processor with autopay.
      TRANCHE_RETURN_IF_ERROR(ops::StartPayment(tx, ids_, ctx.now, consumer_id, f.plan_id, q.amount.minor()).status());
      ++s_.payoffs;
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Status Simulation::Trade(int day, Instant opening, const std::vector<Action>& actions,
                         std::span<const TimedContact> contacts) {
  std::vector<std::function<Status(store::Tx&)>> units;
  for (const Action& a : actions) {
    if (const auto* p = std::get_if<sim::Purchase>(&a)) {
      units.push_back([this, p, day](store::Tx& tx) { return Purchase(tx, *p, day); });
    } else if (const auto* m = std::get_if<MethodChange>(&a)) {
      const std::string& id = consumer_ids_[static_cast<std::size_t>(m->consumer)];
      if (id.empty()) continue;  // not a customer yet: their first checkout sets it
      ++s_.method_changes;
      units.push_back([this, m, id](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(auto method, tx.payment_methods().Find(id));
        method.profile = m->profile;
        return tx.payment_methods().Set(id, method);
      });
    }
  }
  // The day's shopping spreads over the opening hours, and each checkout acts as if it
  // committed alone, as an API request does: the fraud screening learns a checkout when
  // it commits, so its windows see every earlier one (the same device across a ring's
  // identities).
  const auto step = std::max<std::chrono::milliseconds>(
      std::chrono::milliseconds(1), std::chrono::milliseconds(kShoppingHours) / std::max<std::size_t>(1, units.size()));
  // The contacts and the support team's hourly shifts come in between the checkouts,
  // each after those scheduled before it (checkout i at shopping_from + (i + 1) * step).
  const Instant shopping_from = clock_.Now();
  const std::span<const std::function<Status(store::Tx&)>> shopping(units);
  std::size_t done = 0;
  auto next_contact = contacts.begin();
  const auto checkout_at = [&](std::size_t i) { return shopping_from + step * static_cast<std::int64_t>(i + 1); };
  const auto shop_until = [&](Instant t) -> Status {
    const auto ahead = t - shopping_from;
    const auto scheduled = ahead.count() <= 0 ? 0 : static_cast<std::size_t>(ahead / step);
    const std::size_t until = std::clamp(scheduled, done, shopping.size());
    TRANCHE_RETURN_IF_ERROR(Execute(shopping.subspan(done, until - done), checkout_at(done), step));
    done = until;
    if (clock_.Now() < t) clock_.Set(t);
    return Status::Ok();
  };
  int shift = BackOfficeWorks(day) ? 1 : kSupportShifts;  // the opening's was the first
  for (;;) {
    const Instant shift_at = opening + std::chrono::hours(shift);
    const bool shifts_left = shift < kSupportShifts;
    if (next_contact != contacts.end() && (!shifts_left || next_contact->at < shift_at)) {
      TRANCHE_RETURN_IF_ERROR(shop_until(next_contact->at));
      HandleContact(*next_contact++, day);
    } else if (shifts_left) {
      TRANCHE_RETURN_IF_ERROR(shop_until(shift_at));
      WorkHandoffs();
      ++shift;
    } else {
      break;
    }
  }
  return Execute(shopping.subspan(done), checkout_at(done), step);
}

Status Simulation::RunDay(int day) {
  const Date date = AddDays(c_.start_date, day);
  const Instant opening = StartOf(date) + kOpeningHour;
  std::vector<Action> actions;
  for (const auto& actor : actors_) actor->Act(world_, day, actions);
  const std::vector<TimedContact> contacts = ContactsInTimeOrder(actions, date);
  auto next_contact = contacts.begin();
  // The night's messages are answered as they come: the assistant keeps no hours.
  for (; next_contact != contacts.end() && next_contact->at < opening; ++next_contact) HandleContact(*next_contact, day);
  if (clock_.Now() < opening) clock_.Set(opening);
  if (day > 0) {
    TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
      for (std::size_t i = 0; i < population_.merchants.size(); ++i) {
        if (population_.merchants[i].joins_on_day == day) TRANCHE_RETURN_IF_ERROR(Onboard(tx, i, day));
      }
      return BackOfficeWorks(day) ? DecideMerchantReviews(tx, day) : Status::Ok();
    }));
  }
  std::vector<std::function<Status(store::Tx&)>> units;
  // The back office works its queues as they stood at the opening, then the day's
  // follow-ups come in.
  if (BackOfficeWorks(day)) {
    WorkHandoffs();
    WorkQueues(units, day);
  }
  const auto due = followups_.find(day);
  if (due != followups_.end()) {
    for (const FollowUp& f : due->second) units.push_back([this, &f, day](store::Tx& tx) { return FollowUpOn(tx, f, day); });
  }
  TRANCHE_RETURN_IF_ERROR(Execute(units, clock_.Now(), std::chrono::milliseconds(1)));
  if (due != followups_.end()) followups_.erase(due);
  TRANCHE_RETURN_IF_ERROR(Trade(day, opening, actions, std::span(next_contact, contacts.end())));
  // The date closes at midnight, whatever hour the day's work reached.
  const Instant midnight = StartOf(AddDays(date, 1));
  TRANCHE_ASSERT_MSG(clock_.Now() < midnight, "a simulated day's work ends before midnight");
  clock_.Set(midnight);
  TRANCHE_ASSIGN_OR_RETURN(auto reports, cob_.CloseThrough(date));
  for (const ops::CobReport& r : reports) {
    s_.merchants_to_review += r.merchants_to_review;
    s_.collections_succeeded += r.collections.succeeded;
    s_.collections_failed += r.collections.failed;
    s_.late_fees += r.plans.late_fees;
    s_.charge_offs += r.plans.charge_offs;
    s_.settlements += r.settlements;
    s_.payouts += r.payouts_paid;
    // A failed payment is worked by automated retries and reminders; an instalment ten
    // days late (its late fee) goes to a collector.
    const std::int64_t to_people = std::min(r.collections.failed, r.plans.late_fees);
    for (std::int64_t i = 0; i < r.collections.failed; ++i) {
      Work(day, 9 + static_cast<int>(i % 8), WorkType::kCollectionsContact, i >= to_people, false);
    }
    for (std::int64_t i = r.collections.failed; i < r.plans.late_fees; ++i) {
      Work(day, 9 + static_cast<int>(i % 8), WorkType::kCollectionsContact, false, false);
    }
    rec_.Append("daily.csv", Csv({FormatDate(r.business_date), r.collections.attempted, r.collections.succeeded,
                                  r.collections.failed, r.plans.late_fees, r.plans.charge_offs,
                                  r.plans.charged_off_minor, r.settlements, r.payouts_paid, r.payouts_failed}));
  }
  TRANCHE_RETURN_IF_ERROR(Reconcile(day, date));
  return RecordLosses(day, date);
}

void Simulation::WorkQueues(std::vector<std::function<Status(store::Tx&)>>& units, int day) {
  for (auto [queue, team, type] : {std::tuple{&review_queue_, &reviewers_, WorkType::kFraudReview},
                                   std::tuple{&dispute_queue_, &dispute_team_, WorkType::kDispute}}) {
    for (std::size_t n = team->WorkDay(queue->size()); n > 0; --n) {
      // The person takes it up whatever comes of it (a refused decision is still their time).
      units.push_back([this, f = std::move(queue->front()), type, day](store::Tx& tx) {
        RecordWait(type, f.queued_at, clock_.Now());
        return FollowUpOn(tx, f, day);
      });
      queue->pop_front();
    }
  }
  for (std::size_t n = finance_team_.WorkDay(exception_queue_.size()); n > 0; --n) {
    units.push_back([this, x = std::move(exception_queue_.front())](store::Tx& tx) {
      RecordWait(WorkType::kReconException, x.created_at, clock_.Now());
      return ResolveException(tx, x);
    });
    exception_queue_.pop_front();
  }
}

void Simulation::WorkHandoffs() {
  for (std::size_t n = support_team_.WorkDay(support_queue_.size()); n > 0; --n) {
    const Handoff h = std::move(support_queue_.front());
    support_queue_.pop_front();
    clock_.Advance(std::chrono::milliseconds(1));
    RecordWait(WorkType::kAssistantContact, h.queued_at, clock_.Now());
    if (Status st = TakeUp(h); !st.ok()) CountRefusal(st);
  }
}

Status Simulation::TakeUp(const Handoff& h) {
  TRANCHE_RETURN_IF_ERROR(assistant_->Claim(kOperator, h.conversation_id).status());
  TRANCHE_RETURN_IF_ERROR(assistant_->ReplyAsPerson(kOperator, h.conversation_id, PersonsGreeting(h.language)).status());
  TRANCHE_RETURN_IF_ERROR(assistant_->Close(kOperator, h.conversation_id, "handled by a person: " + h.reason).status());
  ++s_.assistant_handoffs_closed;
  return Status::Ok();
}

Status Simulation::ResolveException(store::Tx& tx, const recon::ExceptionRecord& x) {
  const auto [resolution, note] = FinanceResolution(x.exception);
  TRANCHE_RETURN_IF_ERROR(
      recon::ResolveException(tx, ids_, x.id, kOperator, resolution, std::string(note), clock_.Now()).status());
  // Committed from here on (the unit cannot fail any more).
  ++s_.recon_exceptions_resolved;
  std::int64_t& open = open_exceptions_minor_[std::string(CurrencyCode(x.exception.currency))];
  open -= x.exception.open_minor();
  TRANCHE_ASSERT(open >= 0);
  return Status::Ok();
}

void Simulation::RecordWait(WorkType type, Instant queued_at, std::optional<Instant> decided_at) {
  rec_.Append("queues.csv", Csv({WorkTypeName(type), FormatRfc3339(queued_at),
                                 decided_at ? FormatRfc3339(*decided_at) : std::string()}));
}

Status Simulation::RecordLosses(int day, Date date) {
  std::map<Currency, std::pair<std::int64_t, std::int64_t>> now;
  for (const Country& country : c_.countries) now[country.currency];
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    for (auto& [currency, balances] : now) {
      for (auto [type, minor] : {std::pair{ledger::AccountType::kCreditLossExpense, &balances.first},
                                 std::pair{ledger::AccountType::kFraudLossExpense, &balances.second}}) {
        TRANCHE_ASSIGN_OR_RETURN(auto account, tx.ledger().GetAccount(ledger::AccountId({type, currency, ""})));
        *minor = account ? account->balance_minor() : 0;
      }
    }
    return Status::Ok();
  }));
  for (const auto& [currency, balances] : now) {
    const auto& [credit_before, fraud_before] = losses_seen_minor_[currency];
    rec_.Append("losses.csv", Csv({FormatDate(date), day, CurrencyCode(currency), balances.first - credit_before,
                                   balances.second - fraud_before}));
  }
  losses_seen_minor_ = std::move(now);
  return Status::Ok();
}

void Simulation::HandleContact(const TimedContact& timed, int day) {
  if (clock_.Now() < timed.at) clock_.Set(timed.at);  // the night's, before the opening
  const sim::Contact& k = *timed.contact;
  ++s_.contacts;
  const std::string& consumer_id = consumer_ids_[static_cast<std::size_t>(k.consumer)];
  ContactOutcome outcome;
  if (assistant_ && !consumer_id.empty()) {
    auto conversed = Converse(k, consumer_id, day);
    if (conversed.ok()) {
      outcome = std::move(*conversed);
    } else {
      CountRefusal(conversed.status());
    }
  }
  rec_.Append("contacts.csv", Csv({day, k.hour, k.consumer, consumer_id, k.language, k.reason, outcome.read_as,
                                   outcome.via_assistant ? (outcome.handed_off() ? "yes" : "no") : ""}));
  if (!outcome.via_assistant) {
    if (Status st = LogPersonsContact(k, consumer_id, timed.at); !st.ok()) CountRefusal(st);
    Work(day, k.hour, WorkType::kCustomerContact, false, false);
    return;
  }
  // Kept by the assistant but taken for something else: the consumer got the wrong
  // answer (ground truth). A hand-off is a person's work, right or wrong.
  const bool misread = !outcome.handed_off() && outcome.read_as != k.reason;
  ++s_.assistant_contacts;
  s_.assistant_handoffs += outcome.handed_off() ? 1 : 0;
  s_.assistant_misread += misread ? 1 : 0;
  Work(day, k.hour, WorkType::kAssistantContact, !outcome.handed_off(), misread);
  if (outcome.handed_off_at) {
    support_queue_.push_back({std::move(outcome.conversation_id), k.reason, k.language, *outcome.handed_off_at});
  }
}

Status Simulation::LogPersonsContact(const sim::Contact& k, const std::string& consumer_id, Instant start) {
  servicing::Contact draft;
  draft.channel = servicing::ContactChannel::kPhone;
  draft.reason = k.reason;
  if (!consumer_id.empty()) draft.consumer_id = consumer_id;
  draft.started_at = start;
  draft.handled_seconds = static_cast<std::int64_t>(automation::Staffing{}.contact_aht_s);
  const Instant ended = start + std::chrono::seconds(draft.handled_seconds);
  return store_.Write([&](store::Tx& tx) -> Status {
    return ops::LogContact(tx, ids_, ended, kOperator, draft).status();
  });
}

// The consumer writes the reason for the contact in their language; says yes to a change
// the assistant states if it is the one they came for, no otherwise; and, not
// understood, says it again in other words until the assistant hands off.
Result<ContactOutcome> Simulation::Converse(const sim::Contact& k, const std::string& consumer_id, int day) {
  const Phrasebook& phrases = o_.support->phrases;
  Draws say(c_.seed, Purpose::kUtterance, static_cast<std::uint64_t>(k.consumer), static_cast<std::uint64_t>(day));
  std::string_view text = phrases.Say(k.reason, k.language, say);
  if (text.empty()) return ContactOutcome{};  // nothing to say for this reason: a person's
  TRANCHE_ASSIGN_OR_RETURN(const assist::Conversation conversation, assistant_->Start(consumer_id));
  ContactOutcome out{true, "", conversation.id, std::nullopt};
  for (int attempt = 0; attempt < assist::kMisunderstandingsBeforeHandoff; ++attempt) {
    TRANCHE_ASSIGN_OR_RETURN(assist::Turn turn, assistant_->Send(consumer_id, conversation.id, text));
    out.read_as = turn.reply.intent;
    if (turn.pending) {
      const std::string_view answer = phrases.Say(out.read_as == k.reason ? "affirm" : "deny", k.language, say);
      if (!answer.empty()) {
        TRANCHE_ASSIGN_OR_RETURN(turn, assistant_->Send(consumer_id, conversation.id, answer));
      }
    }
    out.handed_off_at = turn.conversation.handed_off_at;
    if (out.handed_off() || turn.conversation.state.low_confidence_streak == 0) break;
    text = phrases.Say(k.reason, k.language, say);
  }
  return out;
}

Status Simulation::Reconcile(int day, Date date) {
  const std::vector<recon::FileLine> completed = tap_.Take(date);
  const std::vector<recon::FileLine> file = SettlementFile(c_, date, completed, late_lines_);
  if (o_.settlement_files) {
    TRANCHE_RETURN_IF_ERROR(rec_.WriteFile("files/settlement_" + FormatDate(date) + ".csv", recon::FormatFile(file)));
  }
  ops::FileOutcome outcome;
  TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(outcome, ops::ReconcileFile(tx, ids_, clock_.Now(), &screening_, date, file,
                                                         recon::MatchRules{c_.files.tolerance_minor}));
    return Status::Ok();
  }));
  const recon::DayResult& result = outcome.day.result;
  s_.fraud_charge_offs += outcome.fraud_charge_offs;
  s_.recon_lines += result.lines;
  s_.recon_auto_resolved += result.auto_resolved();
  s_.recon_exceptions += static_cast<std::int64_t>(result.exceptions.size());
  for (std::int64_t i = 0; i < result.auto_resolved(); ++i) Work(day, 9, WorkType::kReconException, true, false);
  // Queued for the finance team, who find them at the next opening.
  exception_queue_.insert(exception_queue_.end(), outcome.day.exceptions.begin(), outcome.day.exceptions.end());
  for (const recon::ReconException& e : result.exceptions) {
    Work(day, 9, WorkType::kReconException, false, false);
    open_exceptions_minor_[std::string(CurrencyCode(e.currency))] += e.open_minor();
    rec_.Append("recon_exceptions.csv", Csv({FormatDate(e.date), recon::ExceptionKindName(e.kind), e.reference,
                                             recon::LineKindName(e.line_kind), CurrencyCode(e.currency),
                                             e.expected_minor, e.actual_minor}));
  }
  rec_.Append("recon.csv", Csv({FormatDate(date), result.lines, result.matched, result.matched_late, result.duplicates,
                                result.written_off, static_cast<std::int64_t>(result.chargebacks.size()),
                                static_cast<std::int64_t>(result.exceptions.size())}));
  return Status::Ok();
}

void Simulation::Progress(int day, std::chrono::steady_clock::time_point started) const {
  if (!o_.progress || isatty(STDERR_FILENO) == 0) return;
  constexpr int kWidth = 30;
  const int done = (day + 1) * kWidth / c_.days;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double eta = elapsed / (day + 1) * (c_.days - day - 1);
  std::fprintf(stderr, "\r[%s%s] day %d/%d  checkouts %lld  %.0fs elapsed, ~%.0fs to go ",
               std::string(static_cast<std::size_t>(done), '#').c_str(),
               std::string(static_cast<std::size_t>(kWidth - done), ' ').c_str(), day + 1, c_.days,
               static_cast<long long>(s_.purchases), elapsed, eta);
  if (day + 1 == c_.days) std::fprintf(stderr, "\n");
}

void Simulation::WriteGroundTruth() {
  for (const CreditDecision& d : decisions_) {
    const ConsumerAgent& a = population_.Agent(d.consumer);
    const bool defaults = a.default_day && *a.default_day >= d.day && *a.default_day < d.day + kDefaultHorizonDays;
    // Wrong: approving a consumer who defaults soon, or declining one who never does.
    Work(d.day, 12, WorkType::kCreditDecision, true, d.approved ? defaults : !a.default_day.has_value());
  }
  for (std::size_t i = 0; i < population_.consumers.size(); ++i) {
    const ConsumerAgent& a = population_.consumers[i];
    rec_.Append("consumers.csv",
                Csv({static_cast<std::int64_t>(i), consumer_ids_[i], c_.countries[a.country].code, a.language,
                     static_cast<std::int64_t>(a.income_usd_monthly), a.default_day ? *a.default_day : -1,
                     static_cast<std::int64_t>(a.hardship.size()), static_cast<std::int64_t>(a.expired_card.size()),
                     a.bust_out_day ? *a.bust_out_day : -1}));
  }
  for (std::size_t r = 0; r < population_.rings.size(); ++r) {
    const Ring& ring = population_.rings[r];
    for (int m = 0; m < ring.size; ++m) {
      rec_.Append("rings.csv", Csv({static_cast<std::int64_t>(r), c_.countries[ring.country].code, ring.active.from,
                                    ring.active.until, ring.first + m, consumer_ids_[static_cast<std::size_t>(ring.first + m)],
                                    ring.merchant ? merchant_ids_[*ring.merchant] : std::string()}));
    }
  }
}

Result<RunSummary> Simulation::Run() {
  const auto started = std::chrono::steady_clock::now();
  rec_.Append("purchases.csv", Csv({"day", "consumer", "consumer_id", "merchant_id", "currency", "amount_minor", "product",
                                    "decision", "order_id", "fraud_action", "device", "ip_country",
                                    "true_return_after", "true_dispute_after", "true_dispute_reason",
                                    "true_payoff_after", "true_fraud"}));
  rec_.Append("contacts.csv", Csv({"day", "hour", "consumer", "consumer_id", "language", "true_reason",
                                   "assistant_intent", "handed_off"}));
  rec_.Append("daily.csv", Csv({"date", "collections", "succeeded", "failed", "late_fees", "charge_offs",
                                "charged_off_minor", "settlements", "payouts_paid", "payouts_failed"}));
  rec_.Append("losses.csv", Csv({"date", "day", "currency", "credit_loss_minor", "fraud_loss_minor"}));
  rec_.Append("queues.csv", Csv({"type", "queued_at", "decided_at"}));
  rec_.Append("recon.csv", Csv({"date", "lines", "matched", "matched_late", "duplicates", "written_off",
                                "chargebacks", "exceptions"}));
  rec_.Append("recon_exceptions.csv", Csv({"date", "kind", "reference", "type", "currency", "expected_minor", "actual_minor"}));
  rec_.Append("merchants.csv", Csv({"merchant_id", "name", "country", "currency", "category", "joined_on",
                                    "true_colluding"}));
  rec_.Append("rings.csv", Csv({"ring", "country", "active_from_day", "active_until_day", "agent", "consumer_id",
                                "colluding_merchant_id"}));
  rec_.Append("consumers.csv", Csv({"consumer", "consumer_id", "country", "language", "income_usd_monthly",
                                    "true_default_day", "true_hardship_spells", "true_card_expiries",
                                    "true_bust_out_day"}));
  TRANCHE_RETURN_IF_ERROR(Start());
  for (int day = 0; day < c_.days; ++day) {
    TRANCHE_RETURN_IF_ERROR(RunDay(day));
    Progress(day, started);
  }
  for (const auto& [queue, type] : {std::pair{&review_queue_, WorkType::kFraudReview},
                                    std::pair{&dispute_queue_, WorkType::kDispute}}) {
    for (const FollowUp& f : *queue) RecordWait(type, f.queued_at, std::nullopt);
  }
  for (const recon::ExceptionRecord& x : exception_queue_) RecordWait(WorkType::kReconException, x.created_at, std::nullopt);
  for (const Handoff& h : support_queue_) RecordWait(WorkType::kAssistantContact, h.queued_at, std::nullopt);
  WriteGroundTruth();
  s_.days = c_.days;
  s_.consumers = c_.consumers;
  s_.merchants = std::count_if(merchant_ids_.begin(), merchant_ids_.end(), [](const std::string& id) { return !id.empty(); });
  for (const auto& [currency, minor] : open_exceptions_minor_) {
    if (minor != 0) s_.unreconciled_minor[currency] = minor;
  }
  TRANCHE_RETURN_IF_ERROR(rec_.WriteFile("config.json", ConfigJson(c_)));
  TRANCHE_RETURN_IF_ERROR(rec_.WriteFile("work.json", work_.ToJson()));
  TRANCHE_ASSIGN_OR_RETURN(s_.digest, rec_.Finish());
  s_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return s_;
}

}  // namespace

std::string SummaryJson(const RunSummary& s) {
  nlohmann::json j = {{"days", s.days}, {"consumers", s.consumers}, {"merchants", s.merchants},
                      {"purchases", s.purchases}, {"approved", s.approved}, {"declined", s.declined},
                      {"contacts", s.contacts}, {"assistant_contacts", s.assistant_contacts},
                      {"assistant_handoffs", s.assistant_handoffs},
                      {"assistant_handoffs_closed", s.assistant_handoffs_closed},
                      {"assistant_misread", s.assistant_misread},
                      {"returns", s.returns}, {"refunds", s.refunds}, {"fraud_screened", s.fraud_screened},
                      {"fraud_reviews", s.fraud_reviews}, {"fraud_blocked", s.fraud_blocked}, {"frauds", s.frauds},
                      {"frauds_stopped", s.frauds_stopped},
                      {"disputes", s.disputes}, {"chargebacks", s.chargebacks}, {"payoffs", s.payoffs}, {"method_changes", s.method_changes},
                      {"collections_succeeded", s.collections_succeeded}, {"collections_failed", s.collections_failed},
                      {"late_fees", s.late_fees}, {"charge_offs", s.charge_offs},
                      {"fraud_charge_offs", s.fraud_charge_offs},
                      {"dispute_write_offs", s.dispute_write_offs}, {"settlements", s.settlements},
                      {"payouts", s.payouts}, {"recon_lines", s.recon_lines},
                      {"recon_auto_resolved", s.recon_auto_resolved}, {"recon_exceptions", s.recon_exceptions},
                      {"recon_exceptions_resolved", s.recon_exceptions_resolved},
                      {"merchants_to_review", s.merchants_to_review}, {"merchants_rejected", s.merchants_rejected},
                      {"unreconciled_minor", s.unreconciled_minor}, {"refusals", s.refusals},
                      {"seconds", s.seconds}, {"digest", s.digest}};
  return j.dump(2);
}

Result<RunSummary> Run(const SimConfig& c, store::Store& store, const RunOptions& options) {
  TRANCHE_ASSIGN_OR_RETURN(auto recorder, Recorder::Open(options.out_dir));
  Simulation sim(c, store, options, *recorder);
  return sim.Run();
}

}  // namespace tranche::sim
