// Checkout sessions, for merchants: create one with its offers, and read it back.
#include "api/handlers/handlers.h"
#include "auth/keys.h"
#include "checkout/session.h"
#include "merchants/consumer.h"
#include "risk/policy_decider.h"

namespace tranche::api {

namespace {

using checkout::CheckoutSession;

Json OfferJson(const checkout::Offer& o) {
  const lending::Schedule& s = o.preview;
  Json installments = Json::array();
  for (const auto& i : s.installments) {
    installments.push_back({{"due_date", FormatDate(i.due_date)}, {"amount", i.amount.minor()}});
  }
  Json offer = {{"product", lending::ProductName(s.product)},
                {"installments", std::move(installments)}};
  if (lending::IsFinancing(s.product)) {
    offer["apr_bps"] = s.apr_bps;
    offer["amount_financed"] = s.amount_financed.minor();
    offer["finance_charge"] = s.finance_charge.minor();
    offer["total_of_payments"] = s.total_of_payments.minor();
  }
  return offer;
}

Json SessionJson(const CheckoutSession& s, Instant now) {
  Json lines = Json::array();
  for (const auto& l : s.draft.lines) {
    lines.push_back({{"name", l.name}, {"quantity", l.quantity},
                     {"unit_price", l.unit_price.minor()}, {"total_amount", l.total_amount.minor()}});
  }
  const checkout::SessionStatus status = checkout::EffectiveStatus(s, now);
  Json offers = Json::array();
  // Offers are derived, not stored: the same amount and day always give the same ones.
  if (status == checkout::SessionStatus::kOpen) {
    for (const auto& o : checkout::OffersFor(s.draft.amount, DateOf(s.created_at),
                                             risk::PolicyConfig{}.financing_apr_bps)) {
      offers.push_back(OfferJson(o));
    }
  }
  Json body = {{"id", s.id},
               {"object", "checkout_session"},
               {"status", checkout::SessionStatusName(status)},
               {"currency", CurrencyCode(s.draft.amount.currency())},
               {"amount", s.draft.amount.minor()},
               {"order_lines", std::move(lines)},
               {"merchant_reference", s.draft.merchant_reference},
               {"created_at", FormatRfc3339(s.created_at)},
               {"expires_at", FormatRfc3339(s.expires_at)},
               {"offers", std::move(offers)}};
  body["consumer"] = s.draft.consumer_email ? Json{{"email", *s.draft.consumer_email}} : Json(nullptr);
  return body;
}

Result<checkout::OrderLine> ReadLine(const Json& item, std::size_t i, Currency c) {
  const std::string prefix = "order_lines[" + std::to_string(i) + "].";
  if (!item.is_object()) {
    return Status::InvalidArgument("parameter_invalid_type", "each order line must be an object",
                                   "order_lines[" + std::to_string(i) + "]");
  }
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(item, {"name", "quantity", "unit_price", "total_amount"}, prefix));
  checkout::OrderLine l{"", 0, Money::Zero(c), Money::Zero(c)};
  TRANCHE_ASSIGN_OR_RETURN(l.name, RequireString(item, "name", checkout::kMaxLineNameChars, prefix));
  TRANCHE_ASSIGN_OR_RETURN(l.quantity, RequireInt(item, "quantity", 1, checkout::kMaxLineQuantity, prefix));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t unit, RequireAmount(item, "unit_price", prefix));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t total, RequireAmount(item, "total_amount", prefix));
  l.unit_price = Money(unit, c);
  l.total_amount = Money(total, c);
  return l;
}

Result<checkout::SessionDraft> ReadDraft(const Json& body) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(
      body, {"currency", "amount", "order_lines", "merchant_reference", "consumer"}));
  TRANCHE_ASSIGN_OR_RETURN(Currency c, RequireCurrency(body, "currency"));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t amount, RequireAmount(body, "amount"));
  checkout::SessionDraft d{Money(amount, c), {}, "", std::nullopt};
  TRANCHE_ASSIGN_OR_RETURN(const Json* lines, RequireArray(body, "order_lines", checkout::kMaxOrderLines));
  for (std::size_t i = 0; i < lines->size(); ++i) {
    TRANCHE_ASSIGN_OR_RETURN(auto line, ReadLine((*lines)[i], i, c));
    d.lines.push_back(std::move(line));
  }
  TRANCHE_ASSIGN_OR_RETURN(d.merchant_reference,
                           RequireString(body, "merchant_reference", checkout::kMaxMerchantReferenceChars));
  TRANCHE_ASSIGN_OR_RETURN(const Json* consumer, OptionalObject(body, "consumer"));
  if (consumer != nullptr) {
    TRANCHE_RETURN_IF_ERROR(CheckKnownFields(*consumer, {"email"}, "consumer."));
    TRANCHE_ASSIGN_OR_RETURN(std::string email,
                             RequireString(*consumer, "email", merchants::kMaxEmailChars, "consumer."));
    auto normalized = merchants::NormalizeEmail(email);
    if (!normalized.ok()) {
      return Status::InvalidArgument("invalid_email", "consumer.email is not a valid address",
                                     "consumer.email");
    }
    d.consumer_email = std::move(normalized).value();
  }
  TRANCHE_RETURN_IF_ERROR(checkout::ValidateSession(d));
  return d;
}

Result<Reply> CreateSession(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(checkout::SessionDraft draft, ReadDraft(ctx.body));
  const std::string client_token = auth::GenerateSecret(auth::PrincipalKind::kCheckoutClient, ctx.svc.secrets);
  const CheckoutSession session{ctx.svc.ids.Next("cs"), ctx.Caller().id, std::move(draft),
                                auth::HashSecret(client_token), checkout::SessionStatus::kOpen,
                                ctx.now, ctx.now + checkout::kSessionLifetime};
  Reply reply(201, SessionJson(session, ctx.now));
  // The client token goes to the consumer's browser; like every secret it is stored
  // only as a hash, so an idempotent replay shows null.
  reply.body["client_token"] = client_token;
  reply.RedactForReplay(Json::json_pointer("/client_token"));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_RETURN_IF_ERROR(tx.sessions().Insert(session));
    return reply;
  });
}

Result<Reply> GetSession(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<CheckoutSession> s;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(s, tx.sessions().Find(id));
    return Status::Ok();
  }));
  // Another merchant's session is as unknown as a missing one.
  if (!s || s->merchant_id != ctx.Caller().id) {
    return Status::NotFound("session_not_found", "no checkout session " + id.substr(0, 64), "id");
  }
  return Reply(200, SessionJson(*s, ctx.now));
}

}  // namespace

void RegisterCheckoutRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/checkout/sessions", Caller::kMerchant, CreateSession);
  router.Add("GET", "/v1/checkout/sessions/{id}", Caller::kMerchant, GetSession, Cost::kQuick);
}

}  // namespace tranche::api
