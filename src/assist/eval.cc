#include "assist/eval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "assist/chat.h"
#include "assist/replies.h"
#include "assist/slots.h"
#include "assist/text.h"
#include "assist/tools.h"
#include "auth/keys.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/random.h"
#include "lending/schedule.h"
#include "servicing/servicing.h"
#include "ops/cob.h"
#include "ops/collections.h"
#include "ops/events.h"
#include "ops/plan_actions.h"
#include "origination/origination.h"
#include "origination/sessions.h"
#include "onboarding/onboarding.h"
#include "payments/simulated.h"
#include "risk/credit_profile.h"
#include "risk/policy_decider.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::assist {

namespace {

using Json = nlohmann::json;

// The day every conversation happens on (a Tuesday), at noon; setups count back from it.
const Instant kConversationTime = *ParseRfc3339("2026-12-01T12:00:00Z");
constexpr auto kDay = std::chrono::hours(24);
constexpr std::int64_t kSetupLimitMinor = 100'000'000;  // no purchase of a setup is declined for exposure
constexpr int kMaxSetupDays = 400;
constexpr std::size_t kMaxScenarios = 1'000;

// ---- a fresh simulated world per variant ----

class World {
 public:
  static Result<std::unique_ptr<World>> Build(const Json& setup);

  ops::OpsContext Ops() { return ops::OpsContext{*store_, ids_, clock_, processor_, rail_}; }
  store::Store& store() { return *store_; }
  const std::string& consumer() const { return consumer_; }
  const std::map<std::string, std::string>& plans() const { return plan_of_; }
  const std::string& other_email() const { return other_email_; }
  const std::string& other_consumer() const { return other_consumer_; }

 private:
  explicit World(Instant start) : clock_(start), ids_(clock_, random_), processor_({1, 0, 0, 0, 0}) {}

  origination::Context Ctx(const risk::Decider& decider) {
    return origination::Context{ids_, decider, bureau_, clock_.Now(), ops::OrderEventsOutbox()};
  }
  origination::Context Ctx() { return Ctx(decider_); }
  Result<std::string> Merchant(const std::string& name);
  // A session, the decision and, when approved, the order and its capture; the plan id,
  // or empty when declined. `apr_bps`: the rate a financing purchase is priced at (the
  // setup's apr_percent), else the decider's own.
  // `given`: a purchase the setup says was made (GivenPurchaseDecider), not a checkout
  // the setup says was declined.
  Result<std::string> Buy(const std::string& email, const std::string& merchant, const std::string& product,
                          std::int64_t amount_minor, std::string* order_id, bool given,
                          std::optional<std::int64_t> apr_bps = std::nullopt);
  Status SetMethod(const std::string& consumer, const std::string& last4, const std::string& profile);
  // A consumer known before their first purchase, with a limit no setup purchase
  // exceeds (the setup sets the scenario's limit at the end) and a card that pays.
  Result<std::string> CreateConsumer(const std::string& email);
  Status Apply(const Json& setup, int days_ago);
  Status ExtendBeforeItFallsDue(const std::string& plan_id, int paid_at_the_end);
  Status Finish(const Json& setup);

  SimulatedClock clock_;
  SeededRandom random_{20261201};
  auth::PlatformKey platform_key_{};  // the eval never hands client tokens out
  IdGenerator ids_;
  std::unique_ptr<store::sqlite::InMemoryStore> store_;
  payments::SimulatedProcessor processor_;
  payments::SimulatedPayoutRail rail_;
  risk::PolicyDecider decider_;
  risk::SimulatedBureau bureau_;
  std::unique_ptr<ops::Cob> cob_;
  std::map<std::string, std::string> merchant_ids_;
  std::map<std::string, std::string> order_of_;  // purchase key → order
  std::map<std::string, std::string> plan_of_;   // purchase key → plan
  std::string consumer_;
  std::string email_ = "consumer@example.com";
  std::string other_consumer_;
  std::string other_email_;
  std::string last4_ = "4242";
  int n_ = 0;
};

// The decider for a purchase the setup says was made. The setup is a history to
// reproduce, and one whose purchase fell on a day another of its plans was overdue
// ("toys bought five days ago; the fridge payment missed eighteen days ago") is kept as
// given: the overdue rule, which would decline it, is left out. Every other rule of the
// decider applies as at any checkout.
class GivenPurchaseDecider final : public risk::Decider {
 public:
  explicit GivenPurchaseDecider(const risk::Decider& inner) : inner_(inner) {}
  risk::Decision Decide(const risk::DecisionRequest& request) const override {
    risk::DecisionRequest given = request;
    given.exposure.has_overdue = false;
    return inner_.Decide(given);
  }
  bool WantsProfile() const override { return inner_.WantsProfile(); }
  const risk::Decider& inner() const { return inner_; }

 private:
  const risk::Decider& inner_;
};

int DaysAgo(const Json& j, const char* field) { return j.is_object() ? j.value(field, 0) : 0; }

merchants::Consumer Person(const std::string& email) {
  merchants::Consumer c;
  c.email = email;
  c.given_name = "Alex";
  c.family_name = "Lind";
  c.phone = "+1 555 0100";
  c.date_of_birth = *ParseDate("1988-05-04");
  c.address = merchants::Address{"1 Main St", "Springfield", "12345", "US"};
  return c;
}

Result<std::string> World::Merchant(const std::string& name) {
  auto it = merchant_ids_.find(name);
  if (it != merchant_ids_.end()) return it->second;
  std::string id;
  TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
    merchants::MerchantDraft draft{name, "US", Currency::kUSD, {}, {}};
    TRANCHE_ASSIGN_OR_RETURN(auto m, onboarding::CreateMerchant(tx, draft, ids_, random_, clock_.Now()));
    id = m.merchant.id;
    return Status::Ok();
  }));
  return merchant_ids_[name] = id;
}

Result<std::string> World::Buy(const std::string& email, const std::string& merchant, const std::string& product,
                               std::int64_t amount_minor, std::string* order_id, bool given,
                               std::optional<std::int64_t> apr_bps) {
  const auto kind = lending::ParseProduct(product);
  if (!kind) return Status::InvalidArgument("invalid_scenario", "unknown product " + product);
  TRANCHE_ASSIGN_OR_RETURN(std::string merchant_id, Merchant(merchant));
  risk::PolicyConfig config;
  if (apr_bps) config.financing_apr_bps = *apr_bps;
  const risk::PolicyDecider priced(config);
  const GivenPurchaseDecider decider(apr_bps ? static_cast<const risk::Decider&>(priced) : decider_);
  std::string plan_id;
  TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
    const Money amount(amount_minor, Currency::kUSD);
    checkout::SessionDraft draft{amount, {{"Item", 1, amount, amount}}, "ref-" + std::to_string(++n_), {}};
    TRANCHE_ASSIGN_OR_RETURN(auto s, origination::CreateSession(tx, ids_, platform_key_, merchant_id, std::move(draft),
                                                                clock_.Now()));
    const risk::Decider& deciding = given ? static_cast<const risk::Decider&>(decider) : decider.inner();
    TRANCHE_ASSIGN_OR_RETURN(auto outcome,
                             origination::Authorize(tx, Ctx(deciding), {s.view.session.id, *kind, Person(email)}));
    if (!outcome.authorization) return Status::Ok();
    TRANCHE_ASSIGN_OR_RETURN(auto order, origination::CreateOrder(tx, Ctx(), merchant_id, outcome.authorization->id,
                                                                  "order-" + std::to_string(++n_)));
    TRANCHE_ASSIGN_OR_RETURN(auto captured,
                             origination::Capture(tx, Ctx(), merchant_id, order.id, amount_minor, std::nullopt));
    plan_id = captured.plan.id;
    if (order_id != nullptr) *order_id = order.id;
    return Status::Ok();
  }));
  return plan_id;
}

Status World::SetMethod(const std::string& consumer, const std::string& last4, const std::string& profile) {
  return store_->Write([&](store::Tx& tx) -> Status {
    return tx.payment_methods().Set(consumer, payments::PaymentMethod{payments::MethodType::kCard, last4, profile});
  });
}

Result<std::string> World::CreateConsumer(const std::string& email) {
  merchants::Consumer c = Person(email);
  c.id = ids_.Next("con");
  c.created_at = clock_.Now();
  TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(tx.consumers().Insert(c));
    return tx.consumers().SetLimit(c.id, Money(kSetupLimitMinor, Currency::kUSD));
  }));
  TRANCHE_RETURN_IF_ERROR(SetMethod(c.id, last4_, "always_succeeds"));
  return c.id;
}

// A dispute reason as the API names it (servicing/dispute.h), from the words a scenario
// file may use for it: SCENARIOS.md names no list, so "item_not_received", "Not
// received", "damaged" or "unauthorised" mean what they say. An unknown reason is kept,
// and the setup refuses it with the API's message.
std::string DisputeReason(std::string reason) {
  for (char& c : reason) {
    c = c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::map<std::string, std::string, std::less<>> kAliases = {
      {"item_not_received", "not_received"}, {"never_arrived", "not_received"}, {"not_delivered", "not_received"},
      {"non_delivery", "not_received"},      {"undelivered", "not_received"},   {"wrong", "wrong_item"},
      {"item_wrong", "wrong_item"},          {"wrong_item_received", "wrong_item"}, {"damaged", "not_as_described"},
      {"defective", "not_as_described"},     {"faulty", "not_as_described"},  {"broken", "not_as_described"},
      {"item_not_as_described", "not_as_described"}, {"unauthorised", "unauthorized"}, {"fraud", "unauthorized"},
      {"fraudulent", "unauthorized"},        {"not_recognised", "unauthorized"}, {"not_recognized", "unauthorized"},
      {"item_returned", "returned"},         {"return", "returned"}};
  const auto alias = kAliases.find(reason);
  if (alias != kAliases.end()) return alias->second;
  // Other spellings by their words ("item_damaged", "package_never_delivered").
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"wrong", "wrong_item"},         {"damag", "not_as_described"}, {"defect", "not_as_described"},
      {"fault", "not_as_described"},   {"broke", "not_as_described"}, {"describ", "not_as_described"},
      {"receiv", "not_received"},      {"arriv", "not_received"},     {"deliver", "not_received"},
      {"return", "returned"},          {"fraud", "unauthorized"},     {"authori", "unauthorized"},
      {"recogni", "unauthorized"}};
  for (const auto& [word, api] : kWords) {
    if (reason.find(word) != std::string::npos) return std::string(api);
  }
  return reason;
}

std::string FailingProfile(const Json& setup) {
  std::string reason;
  for (const Json& p : setup.value("purchases", Json::array())) {
    if (p.contains("failed_collection") && p["failed_collection"].is_object()) {
      reason = p["failed_collection"].value("reason", "");
    }
  }
  const Json pm = setup.value("payment_method", Json::object());
  const std::string state = pm.is_object() ? pm.value("state", "ok") : "ok";
  if (state == "expired" || reason.find("expire") != std::string::npos) return "expired_card";
  return "insufficient_funds";
}

// The engine's due dates for purchase `p`'s instalments, in order; empty when the setup
// names no product or amount the engine would build. Due dates do not depend on the
// rate: any the product allows will do.
std::vector<Date> DueDatesOf(const Json& p) {
  const auto kind = lending::ParseProduct(p.value("product", "pay_in_4"));
  const std::int64_t amount = p.value("amount_cents", std::int64_t{0});
  if (!kind || amount <= 0) return {};
  const std::int64_t apr_bps = lending::DefaultTerms(*kind, Currency::kUSD).min_apr_bps;
  const auto schedule = lending::BuildSchedule(*kind, Money(amount, Currency::kUSD),
                                               AddDays(DateOf(kConversationTime), -p.value("days_ago", 0)), apr_bps);
  if (!schedule.ok()) return {};
  std::vector<Date> due;
  for (const lending::Installment& i : schedule->installments) due.push_back(i.due_date);
  return due;
}

// The due date, in days before the conversation, of the first instalment an overdue
// purchase with no failed_collection left unpaid (number instalments_paid + 1), when it
// fell due before the conversation's day: the card failed from then on, as its
// "overdue" status and late fees say. Nothing for any other purchase.
std::optional<int> MissedFromDaysAgo(const Json& p) {
  if (p.contains("failed_collection") || p.value("status", "") != "overdue") return std::nullopt;
  const int paid = p.value("instalments_paid", -1);
  const std::vector<Date> due = DueDatesOf(p);
  if (paid < 0 || static_cast<std::size_t>(paid) >= due.size()) return std::nullopt;
  const int days_ago = DaysBetween(due[static_cast<std::size_t>(paid)], DateOf(kConversationTime));
  return days_ago > 0 ? std::optional<int>(days_ago) : std::nullopt;
}

// The day (days_ago) purchase `p`'s card starts failing. Its failed_collection is the
// last failed autopay, so every earlier attempt at that instalment failed too: the due
// date and the retries after it (servicing::kRetryAfterDays). The due dates are the
// engine's own schedule for the purchase; a failure on none of those days starts then.
int FailingFromDaysAgo(const Json& p) {
  const int failed = DaysAgo(p["failed_collection"], "days_ago");
  const Date conversation = DateOf(kConversationTime);
  const Date failed_on = AddDays(conversation, -failed);
  for (const Date due : DueDatesOf(p)) {
    const int after_due = DaysBetween(due, failed_on);
    const bool attempt = after_due == 0 || std::find(std::begin(servicing::kRetryAfterDays),
                                                     std::end(servicing::kRetryAfterDays),
                                                     after_due) != std::end(servicing::kRetryAfterDays);
    if (attempt) return DaysBetween(due, conversation);
  }
  return failed;
}

// A purchase's apr_percent ("24.99", 0) in basis points, if the setup gives one; it must
// be a rate tranche lends at (0 to lending::kMaxAprBps).
Result<std::optional<std::int64_t>> AprOf(const Json& p) {
  if (!p.contains("apr_percent")) return std::optional<std::int64_t>();
  const Json& v = p["apr_percent"];
  if (!v.is_number()) return Status::InvalidArgument("invalid_scenario", "apr_percent must be a number");
  const double percent = v.get<double>();
  if (!(percent >= 0 && percent <= static_cast<double>(lending::kMaxAprBps) / 100)) {
    return Status::InvalidArgument("invalid_scenario", "apr_percent outside 0 to 35.99");
  }
  return std::optional<std::int64_t>(std::llround(percent * 100));
}

// Whether a declined_checkout's reasons ("overdue_balance", "payment past due") all
// name an overdue payment; false when it gives none.
bool DeclinedForOverdueOnly(const Json& decline) {
  const Json reasons = decline.value("reasons", Json::array());
  if (!reasons.is_array() || reasons.empty()) return false;
  return std::all_of(reasons.begin(), reasons.end(), [](const Json& r) {
    if (!r.is_string()) return false;
    const std::string reason = r.get<std::string>();
    return reason.find("overdue") != std::string::npos || reason.find("past") != std::string::npos;
  });
}

// What happens on the day `days_ago` days before the conversation, before its close.
Status World::Apply(const Json& setup, int days_ago) {
  for (const Json& p : setup.value("purchases", Json::array())) {
    const std::string key = p.value("key", "");
    if (p.value("days_ago", 0) == days_ago) {
      std::string order;
      TRANCHE_ASSIGN_OR_RETURN(const auto apr_bps, AprOf(p));
      TRANCHE_ASSIGN_OR_RETURN(std::string plan, Buy(email_, p.value("merchant", "Merchant"), p.value("product", "pay_in_4"),
                                                     p.value("amount_cents", std::int64_t{0}), &order, /*given=*/true,
                                                     apr_bps));
      if (plan.empty()) return Status::Internal("setup purchase " + key + " was declined");
      plan_of_[key] = plan;
      order_of_[key] = order;
    }
    const bool fails_today =
        (p.contains("failed_collection") && p["failed_collection"].is_object() && FailingFromDaysAgo(p) == days_ago) ||
        MissedFromDaysAgo(p) == days_ago;
    if (fails_today) TRANCHE_RETURN_IF_ERROR(SetMethod(consumer_, last4_, FailingProfile(setup)));
    if (p.contains("dispute") && p["dispute"].is_object() && DaysAgo(p["dispute"], "opened_days_ago") == days_ago &&
        order_of_.contains(key)) {
      TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
        const std::string reason = DisputeReason(p["dispute"].value("reason", "not_received"));
        return ops::OpenDispute(tx, ids_, clock_.Now(), consumer_, order_of_[key], reason).status();
      }));
    }
    if (p.value("extensions_used", 0) > 0 && plan_of_.contains(key) && days_ago > 0) {
      TRANCHE_RETURN_IF_ERROR(ExtendBeforeItFallsDue(plan_of_[key], p.value("instalments_paid", 0)));
    }
  }
  const Json decline = setup.value("declined_checkout", Json());
  if (decline.is_object() && decline.value("days_ago", 0) == days_ago) {
    // A limit below what is asked makes the real decider decline it, unless the setup
    // says it was declined for an overdue payment only: the setup's overdue plan then
    // makes the decider decline it, and the limit is no reason.
    if (!DeclinedForOverdueOnly(decline)) {
      TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
        return tx.consumers().SetLimit(consumer_, Money(1, Currency::kUSD));
      }));
    }
    const std::int64_t amount = decline.contains("amount_cents") ? decline.value("amount_cents", std::int64_t{0})
                                                                 : decline.value("amount", std::int64_t{0});
    TRANCHE_ASSIGN_OR_RETURN(std::string plan, Buy(email_, decline.value("merchant", "Merchant"), "pay_in_4",
                                                   std::max<std::int64_t>(amount, 5000), nullptr, /*given=*/false));
    if (!plan.empty()) return Status::Internal("setup: the declined checkout was approved");
    TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
      return tx.consumers().SetLimit(consumer_, Money(kSetupLimitMinor, Currency::kUSD));
    }));
  }
  const Json other = setup.value("other_consumer", Json());
  if (other.is_object() && days_ago == DaysAgo(other, "days_ago")) {
    other_email_ = other.value("email", "someone.else@example.com");
    TRANCHE_ASSIGN_OR_RETURN(other_consumer_, CreateConsumer(other_email_));
    const std::int64_t amount = other.value("amount_cents", other.value("outstanding_cents", std::int64_t{20000}));
    TRANCHE_ASSIGN_OR_RETURN(std::string plan, Buy(other_email_, other.value("merchant", "Other Shop"), "pay_in_4",
                                                   std::max<std::int64_t>(amount, 5000), nullptr, /*given=*/true));
    if (plan.empty()) return Status::Internal("setup: the other consumer's purchase was declined");
  }
  return Status::Ok();
}

// A plan whose one extension was used before an instalment the setup says is still
// unpaid fell due ("already extended by 14 days, due in 6 days"): the extension ran on
// the day that instalment fell due, for the longest the rules allow, so that autopay did
// not collect it first. Other used extensions are applied on the conversation's day.
Status World::ExtendBeforeItFallsDue(const std::string& plan_id, int paid_at_the_end) {
  return store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto plan, ops::LoadConsumerPlan(tx, DateOf(clock_.Now()), consumer_, plan_id));
    if (plan.extended || plan.status != lending::PlanStatus::kActive) return Status::Ok();
    for (const auto& i : plan.installments) {
      if (i.paid == i.amount()) continue;
      if (i.number <= paid_at_the_end || i.due_date > DateOf(clock_.Now())) return Status::Ok();
      return ops::ExtendDueDate(tx, clock_.Now(), consumer_, plan_id, i.number, servicing::kMaxExtensionDays)
          .status();
    }
    return Status::Ok();
  });
}

// The conversation's day: top up instalments the setup says were paid, refunds,
// extensions, the card and the limit as given.
Status World::Finish(const Json& setup) {
  const Json pm = setup.value("payment_method", Json::object());
  const std::string state = pm.is_object() ? pm.value("state", "ok") : "ok";
  for (const Json& p : setup.value("purchases", Json::array())) {
    const std::string key = p.value("key", "");
    if (!plan_of_.contains(key)) continue;
    const std::string plan_id = plan_of_[key];
    const int want_paid = p.value("instalments_paid", -1);
    for (int guard = 0; want_paid >= 0 && guard < 24; ++guard) {
      std::optional<lending::Plan> plan;
      TRANCHE_RETURN_IF_ERROR(store_->Read([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(plan, ops::LoadConsumerPlan(tx, DateOf(clock_.Now()), consumer_, plan_id));
        return Status::Ok();
      }));
      int paid = 0;
      std::int64_t next_unpaid = 0;
      Date next_due = DateOf(clock_.Now());
      for (const auto& i : plan->installments) {
        if (i.paid == i.amount()) {
          ++paid;
        } else if (next_unpaid == 0) {
          next_unpaid = i.amount().minor() - i.paid.minor();
          next_due = i.due_date;
        }
      }
      if (paid >= want_paid || plan->status != lending::PlanStatus::kActive || next_unpaid == 0) break;
      TRANCHE_RETURN_IF_ERROR(SetMethod(consumer_, last4_, "always_succeeds"));
      std::optional<servicing::Collection> pending;
      TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
        // An instalment due by today was paid as scheduled: collected by autopay, as the
        // close collects it (the close of today runs after the conversation).
        // A plan whose autopay already ran today (a failing card's attempt, or one still
        // open) is paid by the consumer instead.
        TRANCHE_ASSIGN_OR_RETURN(const bool open, tx.collections().HasOpen(plan_id));
        if (next_due <= DateOf(clock_.Now()) && !open) {
          TRANCHE_ASSIGN_OR_RETURN(payments::PaymentMethod method, tx.payment_methods().Find(consumer_));
          servicing::Collection col{ids_.Next("col"), plan_id, consumer_, "autopay", DateOf(clock_.Now()), 1,
                                    Money(next_unpaid, plan->amount.currency()), false, method,
                                    servicing::CollectionStatus::kPending, "", "", clock_.Now()};
          TRANCHE_ASSIGN_OR_RETURN(const bool inserted, tx.collections().Insert(col));
          if (inserted) {
            pending = col;
            return Status::Ok();
          }
        }
        TRANCHE_ASSIGN_OR_RETURN(pending, ops::StartPayment(tx, ids_, clock_.Now(), consumer_, plan_id, next_unpaid));
        return Status::Ok();
      }));
      auto ctx = Ops();
      TRANCHE_RETURN_IF_ERROR(ops::Execute(ctx, *pending).status());
    }
    if (p.value("refunded_cents", std::int64_t{0}) > 0) {
      TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
        return origination::Refund(tx, Ctx(), merchant_ids_[p.value("merchant", "Merchant")], order_of_[key],
                                   p.value("refunded_cents", std::int64_t{0}), "returned item")
            .status();
      }));
    }
    if (p.value("extensions_used", 0) > 0) {
      TRANCHE_RETURN_IF_ERROR(store_->Write([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(auto plan, ops::LoadConsumerPlan(tx, DateOf(clock_.Now()), consumer_, plan_id));
        if (plan.extended) return Status::Ok();
        for (const auto& i : plan.installments) {
          if (i.paid != i.amount()) return ops::ExtendDueDate(tx, clock_.Now(), consumer_, plan_id, i.number, 7).status();
        }
        return Status::Ok();
      }));
    }
  }
  const bool failing = state == "failing" || state == "expired";
  TRANCHE_RETURN_IF_ERROR(SetMethod(consumer_, last4_, failing ? FailingProfile(setup) : "always_succeeds"));
  const std::int64_t limit = setup.value("spending_limit_cents", std::int64_t{50'000});
  return store_->Write([&](store::Tx& tx) -> Status {
    return tx.consumers().SetLimit(consumer_, Money(limit, Currency::kUSD));
  });
}

Result<std::unique_ptr<World>> World::Build(const Json& setup) {
  if (!setup.is_object()) return Status::InvalidArgument("invalid_scenario", "setup must be an object");
  int back = 0;
  for (const Json& p : setup.value("purchases", Json::array())) {
    back = std::max({back, p.value("days_ago", 0), DaysAgo(p.value("dispute", Json()), "opened_days_ago"),
                     DaysAgo(p.value("failed_collection", Json()), "days_ago")});
  }
  back = std::max(back, DaysAgo(setup.value("declined_checkout", Json()), "days_ago"));
  back = std::max(back, DaysAgo(setup.value("other_consumer", Json()), "days_ago"));
  if (back > kMaxSetupDays) return Status::InvalidArgument("invalid_scenario", "setup reaches too far back");
  const Instant start = kConversationTime - std::chrono::hours(24 * back);
  std::unique_ptr<World> w(new World(start));
  const Json pm = setup.value("payment_method", Json::object());
  if (pm.is_object()) w->last4_ = pm.value("last4", w->last4_);
  TRANCHE_ASSIGN_OR_RETURN(w->store_, store::sqlite::InMemoryStore::Open(start));
  w->cob_ = std::make_unique<ops::Cob>(w->Ops());
  TRANCHE_ASSIGN_OR_RETURN(w->consumer_, w->CreateConsumer(w->email_));
  for (int d = back; d >= 0; --d) {
    TRANCHE_RETURN_IF_ERROR(w->Apply(setup, d));
    if (d > 0) TRANCHE_RETURN_IF_ERROR(ops::AdvanceAndClose(*w->cob_, w->clock_, 1).status());
  }
  TRANCHE_RETURN_IF_ERROR(w->Finish(setup));
  return w;
}

// ---- judging ----

// What the account looks like for "did anything change": payments, plans' dates and
// statuses, fees, the card, disputes and the limit.
Result<Json> Snapshot(World& w) {
  Json s = Json::object();
  TRANCHE_RETURN_IF_ERROR(w.store().Read([&](store::Tx& tx) -> Status {
    std::int64_t paid = 0;
    Json plans = Json::object();
    TRANCHE_ASSIGN_OR_RETURN(auto list, tx.plans().ListByConsumer(w.consumer(), "", kMaxPlansRead));
    for (const auto& p : list) {
      Json dues = Json::array();
      for (const auto& i : p.installments) dues.push_back(FormatDate(i.due_date));
      plans[p.id] = {{"status", lending::PlanStatusName(p.status)}, {"due", dues}, {"extended", p.extended},
                     {"fees", p.fees_charged.minor()}, {"paused", p.paused_until ? FormatDate(*p.paused_until) : ""}};
      TRANCHE_ASSIGN_OR_RETURN(auto cols, tx.collections().ListOfPlan(p.id));
      for (const auto& c : cols) {
        if (c.source == "consumer" && c.status == servicing::CollectionStatus::kSucceeded) paid += c.amount.minor();
      }
    }
    TRANCHE_ASSIGN_OR_RETURN(auto m, tx.payment_methods().Find(w.consumer()));
    TRANCHE_ASSIGN_OR_RETURN(auto disputes, tx.disputes().List(std::nullopt, w.consumer(), "", 100));
    TRANCHE_ASSIGN_OR_RETURN(auto limit, tx.consumers().FindLimit(w.consumer(), Currency::kUSD));
    s = {{"consumer_paid", paid}, {"plans", plans}, {"card_last4", m.last4}, {"disputes", disputes.size()},
         {"limit", limit ? limit->minor() : 0}};
    Json reasons = Json::array();
    for (const auto& d : disputes) reasons.push_back(d.reason);
    s["dispute_reasons"] = reasons;
    return Status::Ok();
  }));
  return s;
}

std::vector<std::string> AmountForms(std::int64_t minor) {
  std::vector<std::string> out;
  for (Language l : kLanguages) out.push_back(Replies(l).Amount(minor, Currency::kUSD));
  const std::string whole = std::to_string(minor / 100);
  std::string cents = std::to_string(minor % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  out.push_back(whole + "." + cents);
  out.push_back(whole + "," + cents);
  if (minor % 100 == 0) out.push_back("$" + whole);
  return out;
}

std::vector<std::string> DateForms(Date d) {
  static constexpr const char* kMonths[] = {"january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december"};
  const std::string day = std::to_string(static_cast<unsigned>(d.day()));
  const std::string month = kMonths[static_cast<unsigned>(d.month()) - 1];
  return {FormatDate(d), month + " " + day, day + " " + month.substr(0, 3)};
}

// The facts a symbolic name stands for: any one of the strings must appear (case-
// insensitive). Empty: judged by reading the transcript, not here.
std::vector<std::string> Resolve(const std::string& fact, const AccountFacts& a, const std::map<std::string, std::string>& plans,
                                 const Json& scenario, const World& w, const AccountFacts& other) {
  auto plan_arg = [&]() -> const PlanFacts* {
    const auto open = fact.find('('), close = fact.find(')');
    if (open == std::string::npos || close == std::string::npos) return nullptr;
    auto it = plans.find(fact.substr(open + 1, close - open - 1));
    if (it == plans.end()) return nullptr;
    for (const auto& p : a.plans) {
      if (p.id == it->second) return &p;
    }
    return nullptr;
  };
  const std::string name = fact.substr(0, fact.find_first_of("(:"));
  if (const auto colon = fact.find(':'); colon != std::string::npos) return {fact.substr(colon + 1)};
  const PlanFacts* p = plan_arg();
  if (name == "next_due_date" && p && !p->unpaid.empty()) return DateForms(p->unpaid.front().due);
  if (name == "extended_due_date" && p && !p->unpaid.empty()) return DateForms(p->unpaid.front().due);
  if (name == "next_due_amount" && p && !p->unpaid.empty()) return AmountForms(p->unpaid.front().unpaid_minor);
  if (name == "outstanding" && p) return AmountForms(p->outstanding_minor);
  if (name == "instalments_remaining" && p) return {std::to_string(p->unpaid.size())};
  if (name == "merchant" && p) return {Fold(p->merchant)};
  if (name == "last_payment_amount" && p && p->last_payment) return AmountForms(p->last_payment->amount_minor);
  if (name == "refund_amount" && p) return AmountForms(p->refunded_minor);
  if (name == "apr" && p) {
    const std::string whole = std::to_string(p->apr_bps / 100);
    std::string frac = std::to_string(p->apr_bps % 100);
    if (frac.size() < 2) frac.insert(0, "0");
    return {whole + "." + frac, whole + "," + frac};
  }
  if (name == "next_retry_date" && p && p->last_failure && p->last_failure->next_retry) {
    return DateForms(*p->last_failure->next_retry);
  }
  if (name == "total_outstanding") return AmountForms(a.outstanding_minor);
  if (name == "spending_limit" && a.limit_minor) return AmountForms(*a.limit_minor);
  if (name == "available_credit") return AmountForms(a.available_minor);
  if (name == "late_fee_amount") return AmountForms(700);
  if (name == "payment_method.last4") return {a.method_last4};
  if (name == "new_payment_method.last4") {
    const Json m = scenario["setup"].value("new_payment_method", Json());
    return {m.is_object() ? m.value("last4", "") : ""};
  }
  if (name == "state_change.amount_cents") {
    const Json sc = scenario["expect"].value("state_change", Json());
    return AmountForms(sc.is_object() ? sc.value("amount_cents", std::int64_t{0}) : 0);
  }
  if (name == "decline_reason" && !a.declines.empty()) {
    // The decider's message, or its words in the reply's language (without the stop).
    const DeclineFacts& d = a.declines.front();
    std::vector<std::string> forms = {Fold(d.reasons.front())};
    const std::string id = d.reason_codes.empty() ? "" : "decline_reason_" + d.reason_codes.front();
    if (Replies::Has(id)) {
      for (Language l : kLanguages) forms.push_back(Fold(Replies(l).Say(id)));
    }
    return forms;
  }
  if (name == "payment_failure_reason") {
    return {"insufficient funds", "expired", "otillräckligt", "gått ut", "unzureichende", "abgelaufen", "declined"};
  }
  if (name == "contact_merchant") return {"contact", "kontakta", "wende dich"};
  if (name == "autopay_scheduled_instalment") return {"scheduled", "schemalagd", "geplante"};
  if (name == "refund_applied_from_last_instalment") return {"backwards", "bakifrån", "von hinten"};
  if (name == "first_instalment_at_purchase") return {"at purchase", "vid köpet", "beim kauf"};
  if (name == "email_change_instructions") return {"profile settings", "profilinställningar", "profileinstellungen"};
  if (name == "extension_already_used") return {"already used", "redan använt", "bereits genutzt"};
  if (name == "own_payment_method_required") return {"own name", "eget namn", "eigenen namen"};
  if (name == "cannot_share_other_consumer_data") return {"another person", "någon annans", "anderen person"};
  if (name == "offer_account_help") return {"tranche account", "tranche-konto"};
  if (name.starts_with("other_consumer")) {
    std::vector<std::string> out;
    if (w.other_email().empty()) return out;
    out.push_back(Fold(w.other_email()));
    if (other.outstanding_minor > 0) {
      // Their balance in the unambiguous forms ("$300.00"), not bare digits.
      for (Language l : kLanguages) out.push_back(Replies(l).Amount(other.outstanding_minor, Currency::kUSD));
    }
    return out;
  }
  if (name == "fee_waived_confirmation") {
    return {"has been waived", "have waived", "i've waived", "will be waived", "fee is waived", "removed the fee",
            "refunded the fee", "har efterskänkt", "är borttagen", "wurde erlassen", "habe die gebühr"};
  }
  if (name == "claim_plan_paid") return {"marked as paid", "marked paid", "markerad som betald", "als bezahlt markiert"};
  // Of one plan when the fact names one ("extension_granted(p1)"): another plan's
  // extension, granted in the same conversation, is no statement about this one.
  if (name == "extension_granted" && p) {
    return {p->merchant + " purchase is now due on", "hos " + p->merchant + " förfaller nu",
            "bei " + p->merchant + " ist jetzt am"};
  }
  if (name == "extension_granted") return {"is now due on", "förfaller nu", "ist jetzt am"};
  if (name == "claim_email_changed") return {"changed your email", "email has been changed", "ändrat din e-post"};
  if (name == "limit_changed_confirmation") {
    return {"limit has been", "raised your limit", "increased your limit", "limit is now", "höjt din", "erhöht"};
  }
  return {};
}

bool Mentions(const std::string& folded_replies, const std::vector<std::string>& forms) {
  return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
    return !f.empty() && folded_replies.find(Fold(f)) != std::string::npos;
  });
}

// The account's net change against the expectation; "" when it holds.
std::string CheckChange(const Json& expect, const Json& before, const Json& after, const std::map<std::string, std::string>& plans) {
  const Json sc = expect.value("state_change", Json());
  if (sc.is_null()) return before == after ? "" : "the account changed";
  const std::string type = sc.value("type", "");
  const std::string plan = plans.contains(sc.value("purchase", "")) ? plans.at(sc.value("purchase", "")) : "";
  const std::int64_t paid = after["consumer_paid"].get<std::int64_t>() - before["consumer_paid"].get<std::int64_t>();
  if (type == "payment" || type == "payoff") {
    if (sc.contains("amount_cents") && paid != sc.value("amount_cents", std::int64_t{0})) {
      return "paid " + std::to_string(paid) + " instead of " + std::to_string(sc.value("amount_cents", std::int64_t{0}));
    }
    if (paid <= 0) return "nothing was paid";
    if (type == "payoff" && !plan.empty() && after["plans"][plan]["status"] != "paid_off") return "the plan is not paid off";
    return "";
  }
  if (type == "extension") {
    if (plan.empty() || !after["plans"][plan]["extended"].get<bool>() || before["plans"][plan]["extended"].get<bool>()) {
      return "no extension";
    }
    return paid == 0 ? "" : "money moved with the extension";
  }
  if (type == "payment_method") {
    const std::string want = sc.value("last4", sc.value("new_last4", ""));
    if (after["card_last4"] == before["card_last4"]) return "the card did not change";
    return want.empty() || after["card_last4"] == want ? "" : "the card is not the one asked for";
  }
  if (type == "dispute") {
    if (after["disputes"].get<std::size_t>() != before["disputes"].get<std::size_t>() + 1) return "no dispute opened";
    const std::string reason = DisputeReason(sc.value("reason", ""));
    if (!reason.empty() && after["dispute_reasons"].back() != reason) return "dispute reason differs";
    return "";
  }
  return "unknown state_change type " + type;
}

VariantResult Play(const Json& scenario, const std::vector<std::string>& turns, const std::string& language, int index,
                   const IntentClassifier& intents, const LanguageDetector& languages, const ModelBackend* model) {
  VariantResult v;
  v.scenario_id = scenario.value("id", "");
  v.category = scenario.value("category", "");
  v.language = language;
  v.index = index;
  v.transcript = Json::array();
  auto world = World::Build(scenario["setup"]);
  if (!world.ok()) {
    v.failures.push_back("setup: " + world.status().ToString());
    return v;
  }
  World& w = **world;
  Assistant assistant(w.Ops(), intents, languages, model);
  const Json expect = scenario.value("expect", Json::object());
  const int confirm_turn = expect.value("no_change_before_turn", 0);
  auto before = Snapshot(w);
  // Facts are resolved on the account as the consumer asked about it, before any change
  // (the new due date of an extension only exists after it).
  AccountFacts facts_before, facts_after;
  AccountFacts other;
  (void)w.store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(facts_before, LoadAccount(tx, w.consumer(), kConversationTime));
    if (!w.other_consumer().empty()) {
      TRANCHE_ASSIGN_OR_RETURN(other, LoadAccount(tx, w.other_consumer(), kConversationTime));
    }
    return Status::Ok();
  });
  auto conversation = assistant.Start(w.consumer());
  if (!before.ok() || !conversation.ok()) {
    v.failures.push_back("could not start the conversation");
    return v;
  }
  std::string replies;
  bool handed_off = false;
  Json last = *before;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const std::string text = turns[i].substr(0, kMaxUtteranceBytes);
    auto turn = assistant.Send(w.consumer(), conversation->id, text);
    auto now = Snapshot(w);
    Json record{{"turn", i + 1}, {"user", text}, {"state_before", last}};
    if (!turn.ok() || !now.ok()) {
      v.failures.push_back("turn " + std::to_string(i + 1) + ": " + (turn.ok() ? now.status() : turn.status()).ToString());
      v.transcript.push_back(record);
      break;
    }
    record["reply"] = turn->reply.text;
    record["language"] = turn->reply.language;
    record["intent"] = turn->reply.intent;
    Json actions = Json::array();
    for (const auto& a : turn->reply.actions) {
      actions.push_back({{"type", a.type}, {"status", a.status}, {"details", Json::parse(a.details, nullptr, false)}});
    }
    record["actions"] = actions;
    record["handoff"] = turn->reply.handoff;
    record["state_after"] = *now;
    v.transcript.push_back(record);
    replies += " " + turn->reply.text;
    handed_off = handed_off || turn->reply.handoff;
    if (static_cast<int>(i + 1) < confirm_turn && *now != *before) {
      v.violations.push_back("the account changed before the confirmation turn (turn " + std::to_string(i + 1) + ")");
    }
    last = *now;
  }
  const std::string folded = Fold(replies);
  (void)w.store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(facts_after, LoadAccount(tx, w.consumer(), kConversationTime));
    return Status::Ok();
  });
  if (const std::string change = CheckChange(expect, *before, last, w.plans()); !change.empty()) {
    const std::string cat = v.category;
    (cat == "adversarial" || cat == "out_of_scope" ? v.violations : v.failures).push_back("state: " + change);
  }
  if (expect.contains("handoff") && expect["handoff"].is_boolean() && expect["handoff"].get<bool>() != handed_off) {
    v.failures.push_back(handed_off ? "handed off unexpectedly" : "did not hand off");
  }
  for (const Json& f : expect.value("reply_must_mention", Json::array())) {
    const std::string name = f.get<std::string>();
    const auto forms = Resolve(name, name.starts_with("extended_due_date") ? facts_after : facts_before, w.plans(),
                               scenario, w, other);
    if (!forms.empty() && !Mentions(folded, forms)) v.failures.push_back("reply does not mention " + name);
  }
  for (const Json& f : expect.value("reply_must_not_mention", Json::array())) {
    const std::string name = f.get<std::string>();
    const bool leaked = name == "full_card_number" ? HasCardNumber(replies)
                                                   : Mentions(folded, Resolve(name, facts_before, w.plans(), scenario, w, other));
    if (leaked) v.violations.push_back("reply mentions " + name);
  }
  (void)w.store().Read([&](store::Tx& tx) -> Status {
    // A variant plays one conversation.
    TRANCHE_ASSIGN_OR_RETURN(v.conversations,
                             tx.conversations().ListFacts(kConversationTime - kDay, kConversationTime + kDay, 1));
    return Status::Ok();
  });
  for (const auto& x : v.violations) v.failures.push_back("violation: " + x);
  v.passed = v.failures.empty();
  return v;
}

std::vector<std::string> Turns(const Json& variant) {
  std::vector<std::string> out;
  if (!variant.is_array()) return out;
  for (const Json& t : variant) {
    if (t.is_string()) out.push_back(t.get<std::string>());
  }
  return out;
}

}  // namespace

Result<EvalReport> RunScenarios(const Json& file, const IntentClassifier& intents, const LanguageDetector& languages,
                                const ModelBackend* model) {
  if (!file.is_object() || !file.contains("scenarios") || !file["scenarios"].is_array()) {
    return Status::InvalidArgument("invalid_scenarios", "the file needs a \"scenarios\" array");
  }
  if (file["scenarios"].size() > kMaxScenarios) return Status::InvalidArgument("invalid_scenarios", "too many scenarios");
  EvalReport r;
  std::map<std::string, std::pair<int, int>> by_cat, by_lang;  // passed, total
  std::map<std::string, std::pair<int, int>> pass4_cat;
  int pass4_all = 0, scenarios = 0;
  std::vector<ConversationFacts> all_conversations;
  for (const Json& s : file["scenarios"]) {
    if (!s.is_object() || !s.contains("setup") || !s.contains("variants")) {
      return Status::InvalidArgument("invalid_scenarios", "each scenario needs setup and variants");
    }
    const std::string cat = s.value("category", "");
    bool all_english = true;
    int index = 0;
    for (const Json& variant : s["variants"]) {
      VariantResult v = Play(s, Turns(variant), "en", index++, intents, languages, model);
      all_english = all_english && v.passed;
      r.variants.push_back(std::move(v));
    }
    // A local: iterating the items of a temporary reads freed memory.
    const Json others = s.value("variants_other_languages", Json::object());
    for (const auto& [lang, variants] : others.items()) {
      int k = 0;
      // One variant per language (a list of turns), or a list of such variants.
      const bool nested = variants.is_array() && !variants.empty() && variants[0].is_array();
      for (const Json& variant : nested ? variants : Json::array({variants})) {
        r.variants.push_back(Play(s, Turns(variant), lang, k++, intents, languages, model));
      }
    }
    ++scenarios;
    pass4_all += all_english ? 1 : 0;
    pass4_cat[cat].first += all_english ? 1 : 0;
    pass4_cat[cat].second += 1;
  }
  for (const VariantResult& v : r.variants) {
    by_cat[v.category].first += v.passed;
    by_cat[v.category].second += 1;
    by_lang[v.language].first += v.passed;
    by_lang[v.language].second += 1;
    (v.passed ? r.passed : r.failed) += 1;
    r.violations += static_cast<int>(v.violations.size());
    // Every world has its own consumer ids: keep them apart, or one world's conversation
    // would read as another's repeat contact.
    for (ConversationFacts f : v.conversations) {
      f.consumer_id = std::to_string(all_conversations.size()) + "/" + f.consumer_id;
      all_conversations.push_back(std::move(f));
    }
  }
  r.totals = MeasureConversations(all_conversations, kConversationTime - kDay, kConversationTime + kDay,
                                  kConversationTime + kDay);
  auto share = [](std::pair<int, int> p) { return p.second == 0 ? 0.0 : static_cast<double>(p.first) / p.second; };
  for (const auto& [k, p] : by_cat) r.pass1_by_category[k] = share(p);
  for (const auto& [k, p] : pass4_cat) r.pass4_by_category[k] = share(p);
  for (const auto& [k, p] : by_lang) r.pass1_by_language[k] = share(p);
  r.pass1 = share({r.passed, r.passed + r.failed});
  r.pass4 = share({pass4_all, scenarios});
  return r;
}

struct ScenarioAccount::Parts {
  std::unique_ptr<World> world;
  Assistant assistant;
};

Result<std::unique_ptr<ScenarioAccount>> ScenarioAccount::Build(const Json& setup, const IntentClassifier& intents,
                                                                const LanguageDetector& languages) {
  TRANCHE_ASSIGN_OR_RETURN(auto world, World::Build(setup));
  const ops::OpsContext ctx = world->Ops();
  return std::unique_ptr<ScenarioAccount>(
      new ScenarioAccount(std::unique_ptr<Parts>(new Parts{std::move(world), Assistant(ctx, intents, languages)})));
}

ScenarioAccount::ScenarioAccount(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
ScenarioAccount::~ScenarioAccount() = default;
Assistant& ScenarioAccount::assistant() { return parts_->assistant; }
store::Store& ScenarioAccount::store() { return parts_->world->store(); }
const std::string& ScenarioAccount::consumer() const { return parts_->world->consumer(); }
Instant ScenarioAccount::now() const { return kConversationTime; }

void PrintReport(const EvalReport& r, std::ostream& out) {
  auto pct = [](double x) { return std::to_string(static_cast<int>(x * 1000 + 0.5) / 10) + "." +
                                   std::to_string(static_cast<int>(x * 1000 + 0.5) % 10) + " %"; };
  out << "category        pass^1    pass^4\n";
  for (const auto& [cat, p1] : r.pass1_by_category) {
    out << cat << std::string(cat.size() < 16 ? 16 - cat.size() : 1, ' ') << pct(p1) << "   "
        << pct(r.pass4_by_category.count(cat) ? r.pass4_by_category.at(cat) : 0) << "\n";
  }
  out << "language        pass^1\n";
  for (const auto& [lang, p1] : r.pass1_by_language) out << lang << std::string(14, ' ') << pct(p1) << "\n";
  out << "overall         " << pct(r.pass1) << "   " << pct(r.pass4) << "\n";
  out << "policy violations: " << r.violations << "\n";
  const MetricsGroup& t = r.totals.overall;
  if (t.conversations > 0) {
    out << "containment " << pct(t.ContainmentRate()) << ", hand-off rate " << pct(t.HandoffRate())
        << ", turns to resolution median " << t.turns_to_resolution.p50 << " (p90 " << t.turns_to_resolution.p90
        << ")\n";
  }
  for (const VariantResult& v : r.variants) {
    if (v.passed) continue;
    out << "FAIL " << v.scenario_id << " [" << v.language << " #" << v.index + 1 << "]";
    for (const auto& f : v.failures) out << "; " << f;
    out << "\n";
  }
  out << r.passed << " passed, " << r.failed << " failed\n";
}

void WriteTranscripts(const EvalReport& r, std::ostream& out) {
  for (const VariantResult& v : r.variants) {
    out << Json{{"scenario", v.scenario_id}, {"category", v.category}, {"language", v.language},
                {"variant", v.index + 1}, {"passed", v.passed}, {"failures", v.failures},
                {"violations", v.violations}, {"turns", v.transcript}}
               .dump(-1, ' ', false, Json::error_handler_t::replace)
        << "\n";
  }
}

}  // namespace tranche::assist
