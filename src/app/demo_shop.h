// DemoShop: the server side of the demo storefront (/shop/), demo mode only. It plays
// the demo merchant's own backend, as a merchant's server would: it prices the cart
// from its catalogue, creates the checkout session and, once the shopper's browser has
// authorized it with the client token, creates the order and captures it — all
// through the public API with the merchant's secret key, which stays in this process
// and never reaches the browser.
//
//   GET  /shop/api/products   the catalogue, priced in the merchant's currency
//   POST /shop/api/checkout   {"items":[{"product_id","quantity"}]} → the API's checkout
//                             session (with its client_token and offers)
//   POST /shop/api/orders     {"authorization_id"} → {"order", "capture"}: the order
//                             created and captured in full (idempotent per authorization)
//
// Errors are the API's own error bodies, so the page shows the API's message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "api/json_input.h"
#include "app/demo.h"

namespace tranche::app {

inline constexpr std::size_t kMaxShopCartItems = 20;
inline constexpr std::int64_t kMaxShopQuantity = 10;

struct ShopProduct {
  std::string id;
  std::string name;
  std::string description;
  Money price;
};

// The demo catalogue in `currency` (prices set in US dollars and converted).
std::vector<ShopProduct> ShopCatalogue(Currency currency);

// The POST /v1/checkout/sessions body for a cart {"items":[{"product_id","quantity"}]}:
// order lines priced from `catalogue`, the total, and `reference`. Bad carts are 400s
// naming the item.
Result<api::Json> CheckoutRequestFor(const api::Json& cart, const std::vector<ShopProduct>& catalogue,
                                     const std::string& reference);

class DemoShop final : public api::HttpHandler {
 public:
  // `api` must outlive the shop; `merchant` holds the secret key it calls the API with.
  DemoShop(api::HttpHandler& api, DemoMerchantKey merchant);

  api::HttpResponse Handle(api::HttpRequest request) override;
  bool IsQuick(const api::HttpRequest& request) const override { return request.method == "GET"; }

 private:
  api::HttpResponse Products() const;
  api::HttpResponse Checkout(const api::HttpRequest& request);
  api::HttpResponse PlaceOrder(const api::HttpRequest& request);
  // One request to the API as the merchant, from the caller's address.
  api::HttpResponse CallApi(const api::HttpRequest& from, std::string path, const api::Json& body,
                            std::string idempotency_key);

  api::HttpHandler& api_;
  DemoMerchantKey merchant_;
  std::vector<ShopProduct> catalogue_;
};

}  // namespace tranche::app
