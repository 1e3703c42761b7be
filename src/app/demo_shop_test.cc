#include "app/demo_shop.h"

#include <gtest/gtest.h>

namespace tranche::app {
namespace {

using api::Json;

TEST(DemoShopTest, PricesTheCartFromTheCatalogue) {
  const auto catalogue = ShopCatalogue(Currency::kUSD);
  const Json cart = Json::parse(R"({"items":[{"product_id":"helmet","quantity":2},{"product_id":"lights","quantity":1}]})");
  auto req = CheckoutRequestFor(cart, catalogue, "shop-cart");
  ASSERT_TRUE(req.ok()) << req.status().ToString();
  EXPECT_EQ((*req)["currency"], "USD");
  EXPECT_EQ((*req)["amount"], 2 * 8'900 + 4'500);
  const Json lines = (*req)["order_lines"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["name"], "Commuter helmet");
  EXPECT_EQ(lines[0]["unit_price"], 8'900);
  EXPECT_EQ(lines[0]["total_amount"], 17'800);
  EXPECT_EQ((*req)["merchant_reference"], "shop-cart");
}

TEST(DemoShopTest, PricesInTheMerchantsCurrency) {
  const auto sek = ShopCatalogue(Currency::kSEK);
  ASSERT_FALSE(sek.empty());
  EXPECT_EQ(sek.front().price.currency(), Currency::kSEK);
  EXPECT_NE(sek.front().price.minor(), ShopCatalogue(Currency::kUSD).front().price.minor());
}

TEST(DemoShopTest, RefusesBadCartsNamingTheItem) {
  const auto catalogue = ShopCatalogue(Currency::kUSD);
  struct Case {
    const char* cart;
    const char* param;
  };
  for (const Case& c : {Case{R"({"items":[]})", "items"},
                        Case{R"({})", "items"},
                        Case{R"({"items":[{"product_id":"yacht","quantity":1}]})", "items[0].product_id"},
                        Case{R"({"items":[{"product_id":"helmet","quantity":0}]})", "items[0].quantity"},
                        Case{R"({"items":[{"product_id":"helmet","quantity":1},{"product_id":"helmet","quantity":11}]})",
                             "items[1].quantity"},
                        Case{R"({"items":[{"product_id":"helmet","quantity":1,"price":1}]})", "items[0].price"},
                        Case{R"({"items":[7]})", "items[0]"},
                        Case{R"({"items":[{"product_id":"helmet","quantity":1}],"amount":1})", "amount"}}) {
    auto req = CheckoutRequestFor(Json::parse(c.cart), catalogue, "r");
    ASSERT_FALSE(req.ok()) << c.cart;
    EXPECT_EQ(req.status().param(), c.param) << c.cart;
  }
  Json many = {{"items", Json::array()}};
  for (std::size_t i = 0; i <= kMaxShopCartItems; ++i) many["items"].push_back({{"product_id", "lights"}, {"quantity", 1}});
  EXPECT_FALSE(CheckoutRequestFor(many, catalogue, "r").ok());
}

}  // namespace
}  // namespace tranche::app
