#include "app/demo_shop.h"

#include "api/errors.h"
#include "core/assert.h"
#include "lending/product.h"

namespace tranche::app {

namespace {

using api::HttpRequest;
using api::HttpResponse;
using api::Json;

struct CatalogueEntry {
  const char* id;
  const char* name;
  const char* description;
  std::int64_t usd_minor;
};
// Cheap enough for pay in 30, mid-priced for pay in 4, and one for financing.
constexpr CatalogueEntry kCatalogue[] = {
    {"helmet", "Commuter helmet", "MIPS liner, rear light, three sizes", 8'900},
    {"lights", "Light set", "USB-C front and rear lights, 400 lumen", 4'500},
    {"panniers", "Waterproof panniers", "A pair, 40 litres, roll-top", 14'900},
    {"ebike", "City e-bike", "Belt drive, 80 km range, step-through frame", 219'900},
};

HttpResponse JsonResponse(int status, const Json& body) {
  HttpResponse r;
  r.status = status;
  r.body = api::Serialize(body);
  return r;
}

Result<Json> ParseJsonPost(const HttpRequest& req) {
  if (!api::IsJsonContentType(req.content_type)) {
    return Status::InvalidArgument("content_type_invalid", "send request bodies as Content-Type: application/json",
                                   "Content-Type");
  }
  return api::ParseBody(req.body);
}

}  // namespace

std::vector<ShopProduct> ShopCatalogue(Currency currency) {
  std::vector<ShopProduct> out;
  for (const CatalogueEntry& e : kCatalogue) {
    out.push_back({e.id, e.name, e.description, lending::FromUsdReference(e.usd_minor, currency)});
  }
  return out;
}

Result<Json> CheckoutRequestFor(const Json& cart, const std::vector<ShopProduct>& catalogue,
                                const std::string& reference) {
  TRANCHE_ASSERT(!catalogue.empty());
  TRANCHE_RETURN_IF_ERROR(api::CheckKnownFields(cart, {"items"}));
  TRANCHE_ASSIGN_OR_RETURN(const Json* items, api::RequireArray(cart, "items", kMaxShopCartItems));
  if (items->empty()) return Status::InvalidArgument("cart_empty", "add something to the cart first", "items");
  const Currency currency = catalogue.front().price.currency();
  Json lines = Json::array();
  Money total = Money::Zero(currency);
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Json& item = (*items)[i];
    const std::string prefix = "items[" + std::to_string(i) + "].";
    if (!item.is_object()) {
      return Status::InvalidArgument("parameter_invalid_type", "each item must be an object", prefix.substr(0, prefix.size() - 1));
    }
    TRANCHE_RETURN_IF_ERROR(api::CheckKnownFields(item, {"product_id", "quantity"}, prefix));
    TRANCHE_ASSIGN_OR_RETURN(std::string id, api::RequireString(item, "product_id", 40, prefix));
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t quantity, api::RequireInt(item, "quantity", 1, kMaxShopQuantity, prefix));
    const ShopProduct* product = nullptr;
    for (const ShopProduct& p : catalogue) {
      if (p.id == id) product = &p;
    }
    if (product == nullptr) {
      return Status::InvalidArgument("unknown_product", "the shop does not sell " + id.substr(0, 40),
                                     prefix + "product_id");
    }
    TRANCHE_ASSIGN_OR_RETURN(const Money line_total, product->price.Times(quantity));
    TRANCHE_ASSIGN_OR_RETURN(total, total.Plus(line_total));
    lines.push_back({{"name", product->name}, {"quantity", quantity},
                     {"unit_price", product->price.minor()}, {"total_amount", line_total.minor()}});
  }
  return Json{{"currency", CurrencyCode(currency)}, {"amount", total.minor()},
              {"order_lines", std::move(lines)}, {"merchant_reference", reference}};
}

DemoShop::DemoShop(api::HttpHandler& api, DemoMerchantKey merchant)
    : api_(api), merchant_(std::move(merchant)) {
  const std::optional<Currency> currency = ParseCurrency(merchant_.currency);
  TRANCHE_ASSERT(currency.has_value());
  catalogue_ = ShopCatalogue(*currency);
}

HttpResponse DemoShop::Handle(HttpRequest request) {
  const std::string& p = request.path;
  if (p == "/shop/api/products" && request.method == "GET") return Products();
  if (p == "/shop/api/checkout" && request.method == "POST") return Checkout(request);
  if (p == "/shop/api/orders" && request.method == "POST") return PlaceOrder(request);
  return api::ErrorResponse(Status::NotFound("route_not_found", "no such shop endpoint"));
}

HttpResponse DemoShop::Products() const {
  Json data = Json::array();
  for (const ShopProduct& p : catalogue_) {
    data.push_back({{"id", p.id}, {"name", p.name}, {"description", p.description},
                    {"currency", CurrencyCode(p.price.currency())}, {"price", p.price.minor()}});
  }
  return JsonResponse(200, {{"object", "list"}, {"merchant", merchant_.name}, {"data", std::move(data)}});
}

HttpResponse DemoShop::Checkout(const HttpRequest& request) {
  Result<Json> cart = ParseJsonPost(request);
  if (!cart.ok()) return api::ErrorResponse(cart.status());
  Result<Json> session = CheckoutRequestFor(*cart, catalogue_, "shop-cart");
  if (!session.ok()) return api::ErrorResponse(session.status());
  return CallApi(request, "/v1/checkout/sessions", *session, "");
}

HttpResponse DemoShop::PlaceOrder(const HttpRequest& request) {
  Result<Json> body = ParseJsonPost(request);
  if (!body.ok()) return api::ErrorResponse(body.status());
  Status st = api::CheckKnownFields(*body, {"authorization_id"});
  Result<std::string> authorization = st.ok() ? api::RequireString(*body, "authorization_id", 64) : Result<std::string>(st);
  if (!authorization.ok()) return api::ErrorResponse(authorization.status());
  // Keyed by the authorization, so a retried confirmation neither orders nor captures twice.
  HttpResponse order = CallApi(request, "/v1/orders",
                               {{"authorization_id", *authorization}, {"merchant_reference", "shop-" + *authorization}},
                               "shop-order-" + *authorization);
  if (order.status != 201) return order;
  const Json created = Json::parse(order.body);
  const std::string order_id = created.at("id").get<std::string>();
  HttpResponse capture = CallApi(request, "/v1/orders/" + order_id + "/captures",
                                 {{"amount", created.at("amount")}}, "shop-capture-" + order_id);
  if (capture.status != 201) return capture;
  return JsonResponse(201, {{"object", "shop_order"}, {"order", created}, {"capture", Json::parse(capture.body)}});
}

HttpResponse DemoShop::CallApi(const HttpRequest& from, std::string path, const Json& body,
                               std::string idempotency_key) {
  HttpRequest r;
  r.method = "POST";
  r.path = std::move(path);
  r.body = api::Serialize(body);
  r.content_type = "application/json";
  r.authorization = "Bearer " + merchant_.secret_key;
  r.idempotency_key = std::move(idempotency_key);
  r.remote_address = from.remote_address;
  return api_.Handle(std::move(r));
}

}  // namespace tranche::app
