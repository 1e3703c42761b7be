// Checkout sessions, for merchants: create one with its offers, and read it back.
#include <cctype>

#include "api/handlers/handlers.h"
#include "auth/keys.h"
#include "checkout/session.h"
#include "merchants/consumer.h"
#include "origination/origination.h"
#include "origination/sessions.h"
#include "risk/policy_decider.h"

namespace tranche::api {

namespace {

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
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto created, origination::CreateSession(tx, ctx.svc.ids, ctx.svc.signing_key,
                                                                      ctx.Caller().id, std::move(draft),
                                                                      ctx.now));
    Reply reply(201, ops::SessionJson(created.view));
    // Only the first reply holds the token; an idempotent replay derives it again
    // (ReplayCreateSession), so the stored reply never does.
    reply.body["client_token"] = created.client_token;
    reply.RedactForReplay(Json::json_pointer("/client_token"));
    return reply;
  });
}

// A replayed creation gives the same client token as the first reply, so a client that
// lost that reply can still authorize the session.
Result<Reply> ReplayCreateSession(RequestContext& ctx) {
  Reply reply(201, ctx.body);
  reply.body["client_token"] = auth::DeriveClientToken(ctx.svc.signing_key, ctx.body.at("id").get<std::string>());
  return reply;
}

Result<Reply> GetSession(RequestContext& ctx) {
  std::optional<origination::SessionView> view;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(view, origination::LoadSession(tx, ctx.Caller().id, ctx.Param("id"), ctx.now));
    return Status::Ok();
  }));
  return Reply(200, ops::SessionJson(*view));
}

Result<merchants::Address> ReadAddress(const Json& a) {
  constexpr std::string_view kPrefix = "consumer.address.";
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(a, {"line1", "city", "postal_code", "country"}, kPrefix));
  merchants::Address out;
  TRANCHE_ASSIGN_OR_RETURN(out.line1, RequireString(a, "line1", merchants::kMaxAddressLineChars, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(out.city, RequireString(a, "city", merchants::kMaxAddressLineChars, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(out.postal_code, RequireString(a, "postal_code", 20, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(out.country, RequireString(a, "country", 2, kPrefix));
  if (!merchants::IsSupportedCountry(out.country)) {
    return Status::InvalidArgument("unsupported_country", "tranche does not lend in this country",
                                   "consumer.address.country");
  }
  return out;
}

// The consumer as presented at checkout. Names, email, phone, date of birth and
// address are all required: they are what the decision and the identity check use.
Result<merchants::Consumer> ReadPresentedConsumer(const Json& c) {
  constexpr std::string_view kPrefix = "consumer.";
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(
      c, {"email", "phone", "given_name", "family_name", "date_of_birth", "address"}, kPrefix));
  merchants::Consumer out{"", "", "", "", Instant{}, "", std::nullopt, std::nullopt};
  TRANCHE_ASSIGN_OR_RETURN(std::string email, RequireString(c, "email", merchants::kMaxEmailChars, kPrefix));
  auto normalized = merchants::NormalizeEmail(email);
  if (!normalized.ok()) {
    return Status::InvalidArgument("invalid_email", "consumer.email is not a valid address", "consumer.email");
  }
  out.email = std::move(normalized).value();
  TRANCHE_ASSIGN_OR_RETURN(out.phone, RequireString(c, "phone", merchants::kMaxPhoneChars, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(out.given_name, RequireString(c, "given_name", merchants::kMaxPersonNameChars, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(out.family_name, RequireString(c, "family_name", merchants::kMaxPersonNameChars, kPrefix));
  TRANCHE_ASSIGN_OR_RETURN(std::string dob, RequireString(c, "date_of_birth", 10, kPrefix));
  out.date_of_birth = ParseDate(dob);
  if (!out.date_of_birth || out.date_of_birth->year() < std::chrono::year{1900}) {
    return Status::InvalidArgument("invalid_date", "consumer.date_of_birth must be a date as YYYY-MM-DD",
                                   "consumer.date_of_birth");
  }
  TRANCHE_ASSIGN_OR_RETURN(const Json* address, OptionalObject(c, "address", kPrefix));
  if (address == nullptr) {
    return Status::InvalidArgument("parameter_missing", "consumer.address is required", "consumer.address");
  }
  TRANCHE_ASSIGN_OR_RETURN(out.address, ReadAddress(*address));
  return out;
}

// Device signals, as the merchant's page saw them: fraud screening reads them.
Result<origination::Device> ReadDevice(const Json& body) {
  TRANCHE_ASSIGN_OR_RETURN(const Json* device, OptionalObject(body, "device"));
  origination::Device out;
  if (device == nullptr) return out;
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(*device, {"ip", "ip_country", "fingerprint"}, "device."));
  TRANCHE_ASSIGN_OR_RETURN(out.ip, OptionalString(*device, "ip", 45, "device."));
  TRANCHE_ASSIGN_OR_RETURN(out.ip_country, OptionalString(*device, "ip_country", 2, "device."));
  if (out.ip_country && (out.ip_country->size() != 2 || !std::isupper(static_cast<unsigned char>((*out.ip_country)[0])) ||
                         !std::isupper(static_cast<unsigned char>((*out.ip_country)[1])))) {
    return Status::InvalidArgument("invalid_country", "device.ip_country is a two-letter ISO 3166-1 code",
                                   "device.ip_country");
  }
  TRANCHE_ASSIGN_OR_RETURN(out.fingerprint, OptionalString(*device, "fingerprint", 200, "device."));
  return out;
}

Result<Reply> AuthorizeSession(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  // A client token opens only its own session.
  if (ctx.Caller().id != id) {
    return Status::NotFound("session_not_found", "no checkout session " + id.substr(0, 64), "id");
  }
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"product", "consumer", "device"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string product_name, RequireString(ctx.body, "product", 20));
  const auto product = lending::ParseProduct(product_name);
  if (!product) {
    return Status::InvalidArgument("invalid_product", "product must be one of pay_in_4, pay_in_30, "
                                   "financing_6, financing_12, financing_24", "product");
  }
  TRANCHE_ASSIGN_OR_RETURN(const Json* consumer, OptionalObject(ctx.body, "consumer"));
  if (consumer == nullptr) {
    return Status::InvalidArgument("parameter_missing", "consumer is required", "consumer");
  }
  TRANCHE_ASSIGN_OR_RETURN(merchants::Consumer presented, ReadPresentedConsumer(*consumer));
  TRANCHE_ASSIGN_OR_RETURN(origination::Device device, ReadDevice(ctx.body));
  const origination::AuthorizeRequest request{id, *product, std::move(presented), std::move(device)};
  const origination::Context oc = OriginationContext(ctx);
  std::optional<fraud::Action> screened;
  auto reply = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto outcome,
                             origination::Authorize(tx, oc, request));
    if (outcome.fraud) screened = outcome.fraud->action;
    return Reply(200, ops::AuthorizeJson(outcome));
  });
  if (reply.ok() && screened) ctx.svc.metrics->RecordFraudDecision(static_cast<std::size_t>(*screened));
  return reply;
}

}  // namespace

void RegisterCheckoutRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/checkout/sessions", Caller::kMerchant, CreateSession);
  router.SetReplay("POST", "/v1/checkout/sessions", ReplayCreateSession);
  router.Add("GET", "/v1/checkout/sessions/{id}", Caller::kMerchant, GetSession, Cost::kQuick);
  router.Add("POST", "/v1/checkout/sessions/{id}/authorize", Caller::kCheckoutClient, AuthorizeSession);
}

}  // namespace tranche::api
