#include "api/router.h"

#include <gtest/gtest.h>

namespace tranche::api {
namespace {

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Router<int> r;
  r.Add("GET", "/v1/admin/merchants", Caller::kOperator, 1);
  r.Add("GET", "/v1/admin/merchants/{id}", Caller::kOperator, 2);
  r.Add("POST", "/v1/admin/merchants/{id}/keys", Caller::kOperator, 3);

  auto m = r.Find("GET", "/v1/admin/merchants/mer_1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler, 2);
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "mer_1"}));

  m = r.Find("POST", "/v1/admin/merchants/mer_1/keys");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler, 3);
}

TEST(RouterTest, DistinguishesUnknownPathFromWrongMethod) {
  Router<int> r;
  r.Add("GET", "/v1/merchant", Caller::kMerchant, 1);
  auto wrong_method = r.Find("DELETE", "/v1/merchant");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  auto unknown = r.Find("GET", "/v1/merchants");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_known);
}

TEST(RouterTest, DecodesParameters) {
  PathParams p;
  ASSERT_TRUE(Router<int>::MatchPattern("/v1/accounts/{id}", "/v1/accounts/suspense%3AUSD", p));
  EXPECT_EQ(p[0].second, "suspense:USD");
  p.clear();
  ASSERT_TRUE(Router<int>::MatchPattern("/v1/accounts/{id}", "/v1/accounts/a+b%zz", p));
  EXPECT_EQ(p[0].second, "a+b%zz");
}

TEST(RouterTest, RefusesEmptyAndExtraSegments) {
  PathParams p;
  EXPECT_FALSE(Router<int>::MatchPattern("/v1/x/{id}", "/v1/x/", p));
  EXPECT_FALSE(Router<int>::MatchPattern("/v1/x/{id}", "/v1/x/a/b", p));
  EXPECT_FALSE(Router<int>::MatchPattern("/v1/x", "/v1", p));
  EXPECT_TRUE(Router<int>::MatchPattern("/healthz", "/healthz", p));
}

}  // namespace
}  // namespace tranche::api
