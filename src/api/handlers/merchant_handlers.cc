// Merchants: onboarding and keys (operators), and a merchant's view of itself.
#include "api/handlers/handlers.h"
#include "onboarding/onboarding.h"
#include "ops/merchant_actions.h"

namespace tranche::api {

namespace {

constexpr std::size_t kMaxMerchantPage = 100;

// `products`: [{product, min_amount?, max_amount?, min_apr_bps?, max_apr_bps?}], limits
// in the merchant's default currency; what is left out keeps the product's default.
Result<merchants::ProductSet> ReadProducts(const Json& body, Currency currency) {
  TRANCHE_ASSIGN_OR_RETURN(const Json* list, RequireArray(body, "products", std::size(lending::kAllProducts)));
  merchants::ProductSet out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    const std::string prefix = "products[" + std::to_string(i) + "].";
    if (!item.is_object()) {
      return Status::InvalidArgument("parameter_invalid_type", "each product must be an object",
                                     "products[" + std::to_string(i) + "]");
    }
    TRANCHE_RETURN_IF_ERROR(CheckKnownFields(
        item, {"product", "min_amount", "max_amount", "min_apr_bps", "max_apr_bps"}, prefix));
    TRANCHE_ASSIGN_OR_RETURN(std::string name, RequireString(item, "product", 20, prefix));
    const auto kind = lending::ParseProduct(name);
    if (!kind) return Status::InvalidArgument("invalid_product", "unknown product " + name, prefix + "product");
    lending::ProductTerms t = lending::DefaultTerms(*kind, currency);
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t min, OptionalInt(item, "min_amount", 1, kMaxInputAmountMinor,
                                                           t.min_amount.minor(), prefix));
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t max, OptionalInt(item, "max_amount", 1, kMaxInputAmountMinor,
                                                           t.max_amount.minor(), prefix));
    t.min_amount = Money(min, currency);
    t.max_amount = Money(max, currency);
    TRANCHE_ASSIGN_OR_RETURN(t.min_apr_bps, OptionalInt(item, "min_apr_bps", 0, lending::kMaxAprBps,
                                                        t.min_apr_bps, prefix));
    TRANCHE_ASSIGN_OR_RETURN(t.max_apr_bps, OptionalInt(item, "max_apr_bps", 0, lending::kMaxAprBps,
                                                        t.max_apr_bps, prefix));
    out.push_back(t);
  }
  TRANCHE_RETURN_IF_ERROR(merchants::ValidateProducts(out, currency));
  return out;
}

// An idempotent retry gets the same reply without the secret: secrets are kept only
// as hashes, so the stored reply must not hold one. `key_path` locates the key object.
void RedactSecretForReplay(Reply& reply, const Json::json_pointer& key_path) {
  reply.RedactForReplay(key_path / "secret");
  (*reply.replay_body)[key_path]["note"] =
      "the secret was shown only in the first response to this request";
}

Result<merchants::MerchantDraft> ReadMerchantDraft(const Json& body) {
  TRANCHE_RETURN_IF_ERROR(
      CheckKnownFields(body, {"name", "country", "default_currency", "category", "pricing", "products"}));
  merchants::MerchantDraft d;
  TRANCHE_ASSIGN_OR_RETURN(d.name, RequireString(body, "name", merchants::kMaxNameChars));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> category,
                           OptionalString(body, "category", merchants::kMaxCategoryChars));
  if (category) d.category = std::move(*category);
  TRANCHE_ASSIGN_OR_RETURN(d.country, RequireString(body, "country", 2));
  TRANCHE_ASSIGN_OR_RETURN(d.default_currency, RequireCurrency(body, "default_currency"));
  TRANCHE_ASSIGN_OR_RETURN(const Json* pricing, OptionalObject(body, "pricing"));
  if (pricing != nullptr) {
    TRANCHE_RETURN_IF_ERROR(CheckKnownFields(*pricing, {"mdr_bps", "fixed_fee"}, "pricing."));
    TRANCHE_ASSIGN_OR_RETURN(d.pricing.mdr_bps,
                             OptionalInt(*pricing, "mdr_bps", 0, merchants::kMaxMdrBps,
                                         merchants::kDefaultMdrBps, "pricing."));
    TRANCHE_ASSIGN_OR_RETURN(d.pricing.fixed_fee_minor,
                             OptionalInt(*pricing, "fixed_fee", 0, merchants::kMaxFixedFeeMinor,
                                         merchants::kDefaultFixedFeeMinor, "pricing."));
  }
  if (body.contains("products")) {
    TRANCHE_ASSIGN_OR_RETURN(d.products, ReadProducts(body, d.default_currency));
  }
  TRANCHE_RETURN_IF_ERROR(merchants::ValidateMerchant(d));
  return d;
}

Result<Reply> CreateMerchant(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(merchants::MerchantDraft draft, ReadMerchantDraft(ctx.body));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto created, onboarding::CreateMerchant(tx, draft, ctx.svc.ids,
                                                                      ctx.svc.secrets, ctx.now));
    Reply reply{201, ops::MerchantJson(created.merchant)};
    if (!created.key) return reply;  // rejected: it gets no key
    reply.body["secret_key"] = ops::KeyJson(*created.key);
    RedactSecretForReplay(reply, Json::json_pointer("/secret_key"));
    return reply;
  });
}

Result<merchants::Merchant> LoadMerchant(RequestContext& ctx, const std::string& id) {
  std::optional<merchants::Merchant> m;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(m, tx.merchants().Find(id));
    return Status::Ok();
  }));
  if (!m) return Status::NotFound("merchant_not_found", "no merchant " + id.substr(0, 64), "id");
  return std::move(*m);
}

Result<Reply> GetMerchant(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(auto m, LoadMerchant(ctx, ctx.Param("id")));
  return Reply{200, ops::MerchantJson(m)};
}

// Filter: status (active, pending_review, rejected); pending_review is the onboarding
// review queue.
Result<Reply> ListMerchants(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxMerchantPage));
  std::optional<merchants::OnboardingStatus> status;
  if (const auto name = QueryParam(ctx.request.query, "status")) {
    status = merchants::ParseOnboardingStatus(*name);
    if (!status) {
      return Status::InvalidArgument("invalid_status", "status must be active, pending_review or rejected", "status");
    }
  }
  std::vector<merchants::Merchant> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.merchants().List(page.starting_after, status, page.limit + 1));
    return Status::Ok();
  }));
  return Reply{200, PageBody(std::move(rows), page.limit, ops::MerchantJson)};
}

Result<Reply> RotateMerchantKey(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  const std::string& id = ctx.Param("id");
  Result<Reply> outcome = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto m, tx.merchants().Find(id));
    if (!m) return Status::NotFound("merchant_not_found", "no merchant " + id.substr(0, 64), "id");
    TRANCHE_ASSIGN_OR_RETURN(auto key, onboarding::RotateKey(tx, {auth::PrincipalKind::kMerchant, id},
                                                             ctx.svc.ids, ctx.svc.secrets, ctx.now));
    Reply reply{201, ops::KeyJson(key)};
    reply.body["merchant"] = id;
    RedactSecretForReplay(reply, Json::json_pointer(""));
    return reply;
  });
  // The old keys stop working on this node at once, not when the cache expires.
  if (outcome.ok()) ctx.svc.authenticator.Invalidate(id);
  return outcome;
}

Result<Reply> SetMerchantProducts(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"products"}));
  const std::string& id = ctx.Param("id");
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto m, tx.merchants().Find(id));
    if (!m) return Status::NotFound("merchant_not_found", "no merchant " + id.substr(0, 64), "id");
    TRANCHE_ASSIGN_OR_RETURN(m->products, ReadProducts(ctx.body, m->default_currency));
    TRANCHE_RETURN_IF_ERROR(tx.merchants().UpdateProducts(id, m->products));
    return Reply{200, ops::MerchantJson(*m)};
  });
}

// An operator approves or rejects a merchant the onboarding check sent to review.
Result<Reply> ReviewMerchant(RequestContext& ctx, bool approve) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"note"}));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> note,
                           OptionalText(ctx.body, "note", merchants::kMaxReviewNoteChars));
  const onboarding::ReviewDecision decision{approve, ctx.Caller().id, note.value_or("")};
  const std::string& id = ctx.Param("id");
  Result<Reply> outcome = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto m, ops::DecideOnboarding(tx, ctx.svc.ids, id, decision, ctx.now));
    return Reply{200, ops::MerchantJson(m)};
  });
  // A rejected merchant's keys stop working on this node at once.
  if (outcome.ok() && !approve) ctx.svc.authenticator.Invalidate(id);
  return outcome;
}

// An operator releases a rejected merchant's payouts, with the reason on record.
Result<Reply> ReleasePayouts(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"reason"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string reason, RequireText(ctx.body, "reason", merchants::kMaxReviewNoteChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto m, onboarding::ReleasePayouts(tx, ctx.Param("id"), ctx.Caller().id,
                                                                std::move(reason), ctx.now));
    return Reply{200, ops::MerchantJson(m)};
  });
}

Result<Reply> GetOwnMerchant(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(auto m, LoadMerchant(ctx, ctx.Caller().id));
  return Reply{200, ops::OwnMerchantJson(m)};
}

}  // namespace

void RegisterMerchantRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/admin/merchants", Caller::kOperator, CreateMerchant);
  router.Add("GET", "/v1/admin/merchants", Caller::kOperator, ListMerchants);
  router.Add("GET", "/v1/admin/merchants/{id}", Caller::kOperator, GetMerchant, Cost::kQuick);
  router.Add("POST", "/v1/admin/merchants/{id}/keys", Caller::kOperator, RotateMerchantKey);
  router.Add("POST", "/v1/admin/merchants/{id}/products", Caller::kOperator, SetMerchantProducts);
  router.Add("POST", "/v1/admin/merchants/{id}/approve", Caller::kOperator,
             [](RequestContext& ctx) { return ReviewMerchant(ctx, true); });
  router.Add("POST", "/v1/admin/merchants/{id}/reject", Caller::kOperator,
             [](RequestContext& ctx) { return ReviewMerchant(ctx, false); });
  router.Add("POST", "/v1/admin/merchants/{id}/payouts/release", Caller::kOperator, ReleasePayouts);
  router.Add("GET", "/v1/merchant", Caller::kMerchant, GetOwnMerchant, Cost::kQuick);
}

}  // namespace tranche::api
