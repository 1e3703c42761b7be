#include "assist/tools.h"

#include <algorithm>
#include <map>

#include "ops/collections.h"
#include "ops/plan_actions.h"
#include "origination/exposure.h"
#include "servicing/servicing.h"

namespace tranche::assist {

namespace {

// The next automatic retry after a failed autopay collection: due + 2, then due + 5.
std::optional<Date> NextRetry(const servicing::Collection& c, Date today) {
  if (c.source != "autopay") return std::nullopt;
  std::optional<Date> next;
  if (c.attempt == 1) next = AddDays(c.business_date, servicing::kRetryAfterDays[0]);
  if (c.attempt == 2) {
    next = AddDays(c.business_date, servicing::kRetryAfterDays[1] - servicing::kRetryAfterDays[0]);
  }
  if (next && *next < today) return std::nullopt;
  return next;
}

Status CollectionFacts(store::Tx& tx, const lending::Plan& p, Date today, PlanFacts& f) {
  TRANCHE_ASSIGN_OR_RETURN(auto collections, tx.collections().ListOfPlan(p.id));
  std::optional<servicing::Collection> success, failure;
  for (const auto& c : collections) {
    if (c.status == servicing::CollectionStatus::kSucceeded && (!success || c.created_at >= success->created_at)) {
      success = c;
    }
    if (c.status == servicing::CollectionStatus::kFailed && (!failure || c.created_at >= failure->created_at)) {
      failure = c;
    }
  }
  if (success) f.last_payment = PaymentFacts{success->business_date, success->amount.minor(), success->source == "autopay"};
  if (failure && (!success || failure->created_at > success->created_at)) {
    f.last_failure = PaymentFacts{failure->business_date, failure->amount.minor(), failure->source == "autopay",
                                  failure->failure_code, p.status == lending::PlanStatus::kActive ? NextRetry(*failure, today)
                                                                                                   : std::nullopt};
  }
  TRANCHE_ASSIGN_OR_RETURN(f.payment_in_flight, tx.collections().HasOpen(p.id));
  return Status::Ok();
}

PlanFacts PlanFactsOf(const lending::Plan& p, const std::string& merchant, Date today) {
  PlanFacts f;
  f.id = p.id;
  f.order_id = p.order_id;
  f.merchant = merchant;
  f.product = p.product;
  f.currency = p.amount.currency();
  f.amount_minor = p.amount.minor();
  f.purchased_at = p.created_at;
  f.active = p.status == lending::PlanStatus::kActive;
  f.outstanding_minor = f.active ? servicing::Balance(p).minor() : 0;
  f.fees_unpaid_minor = lending::FeesUnpaid(p).minor();
  f.payoff_minor = f.active ? servicing::QuotePayoff(p).amount.minor() : 0;
  std::int64_t principal = 0;
  for (const auto& i : p.installments) principal += i.principal.minor();
  f.refunded_minor = p.amount.minor() - principal;
  f.apr_bps = p.apr_bps;
  f.extended = p.extended;
  if (servicing::IsPaused(p, today)) f.paused_until = p.paused_until;
  for (const auto& i : p.installments) {
    const std::int64_t unpaid = i.amount().minor() - i.paid.minor();
    if (unpaid <= 0 || !f.active) continue;
    f.unpaid.push_back({i.number, i.due_date, unpaid,
                        servicing::StatusOn(p, i, today) == lending::InstallmentStatus::kOverdue});
  }
  return f;
}

}  // namespace

Result<AccountFacts> LoadAccount(store::Tx& tx, std::string_view consumer_id, Instant now) {
  const Date today = DateOf(now);
  AccountFacts a;
  a.today = today;
  std::map<std::string, std::string> merchant_names;
  auto merchant_name = [&](const std::string& id) -> Result<std::string> {
    auto it = merchant_names.find(id);
    if (it != merchant_names.end()) return it->second;
    TRANCHE_ASSIGN_OR_RETURN(auto m, tx.merchants().Find(id));
    return merchant_names[id] = m ? m->name : std::string("the merchant");
  };
  std::map<std::string, servicing::Dispute> disputes;  // by order, the latest
  TRANCHE_ASSIGN_OR_RETURN(auto ds, tx.disputes().List(std::nullopt, consumer_id, "", kMaxPlansRead));
  for (auto& d : ds) disputes[d.order_id] = std::move(d);

  TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByConsumer(consumer_id, "", kMaxPlansRead));
  for (lending::Plan& stored : plans) {
    const lending::Plan p = servicing::ToDate(std::move(stored), today);
    TRANCHE_ASSIGN_OR_RETURN(std::string name, merchant_name(p.merchant_id));
    PlanFacts f = PlanFactsOf(p, name, today);
    TRANCHE_RETURN_IF_ERROR(CollectionFacts(tx, p, today, f));
    if (auto it = disputes.find(p.order_id); it != disputes.end()) {
      f.dispute_status = std::string(servicing::DisputeStatusName(it->second.status));
      f.dispute_reason = it->second.reason;
    }
    if (f.active) a.outstanding_minor += f.outstanding_minor;
    a.currency = f.currency;
    a.plans.push_back(std::move(f));
  }
  std::stable_partition(a.plans.begin(), a.plans.end(), [](const PlanFacts& p) { return p.active; });

  TRANCHE_ASSIGN_OR_RETURN(payments::PaymentMethod m, tx.payment_methods().Find(consumer_id));
  a.method_type = std::string(payments::MethodTypeName(m.type));
  a.method_last4 = m.last4;

  TRANCHE_ASSIGN_OR_RETURN(auto lines, origination::LoadCreditLines(tx, consumer_id, now));
  if (!lines.empty()) {
    a.currency = lines.front().limit.currency();
    a.limit_minor = lines.front().limit.minor();
    a.available_minor = lines.front().available.minor();
  }

  TRANCHE_ASSIGN_OR_RETURN(auto decisions, tx.decisions().ListByConsumer(consumer_id, "", kMaxDecisionsRead));
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    if (it->decision.outcome != risk::Outcome::kDeclined) continue;
    DeclineFacts d;
    TRANCHE_ASSIGN_OR_RETURN(d.merchant, merchant_name(it->merchant_id));
    d.amount_minor = it->request.amount.minor();
    d.currency = it->request.amount.currency();
    d.on = DateOf(it->created_at);
    for (const auto& r : it->decision.reasons) {
      d.reasons.push_back(r.message);
      d.reason_codes.push_back(r.code);
    }
    a.declines.push_back(std::move(d));
  }
  return a;
}

Status RunAction(ops::OpsContext& ctx, std::string_view consumer_id, const Action& a) {
  const Instant now = ctx.clock.Now();
  switch (a.type) {
    case ActionType::kPay:
    case ActionType::kPayoff: {
      std::optional<servicing::Collection> pending;
      TRANCHE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(pending, ops::StartPayment(tx, ctx.ids, now, consumer_id, a.plan_id, a.amount_minor));
        return Status::Ok();
      }));
      TRANCHE_ASSIGN_OR_RETURN(servicing::Collection done, ops::Execute(ctx, *pending));
      if (done.status == servicing::CollectionStatus::kFailed) {
        return Status::BusinessRule("payment_failed", done.failure_code);
      }
      if (done.status != servicing::CollectionStatus::kSucceeded) {
        return Status::BusinessRule("payment_pending", "the outcome is not known yet");
      }
      return Status::Ok();
    }
    case ActionType::kExtend:
      return ctx.store.Write([&](store::Tx& tx) -> Status {
        return ops::ExtendDueDate(tx, now, consumer_id, a.plan_id, a.installment, a.days).status();
      });
    case ActionType::kChangeMethod:
      return ctx.store.Write([&](store::Tx& tx) -> Status {
        payments::PaymentMethod m;
        m.type = payments::ParseMethodType(a.method_type).value_or(payments::MethodType::kCard);
        m.last4 = a.last4;
        return tx.payment_methods().Set(consumer_id, m);
      });
    case ActionType::kDispute:
      return ctx.store.Write([&](store::Tx& tx) -> Status {
        return ops::OpenDispute(tx, ctx.ids, now, consumer_id, a.order_id, a.reason, ctx.fraud).status();
      });
  }
  return Status::Internal("unknown action");
}

}  // namespace tranche::assist
