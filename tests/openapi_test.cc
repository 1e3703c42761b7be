// The OpenAPI document and the router must describe the same API, in both directions.
#include <gtest/gtest.h>

#include <set>

#include "api/app.h"
#include "api/openapi.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

std::set<std::string> RouterOperations() {
  api::ApiRouter router;
  api::RegisterRoutes(router);
  std::set<std::string> ops;
  for (const auto& r : router.routes()) ops.insert(r.method + " " + r.pattern);
  return ops;
}

std::set<std::string> DocumentOperations(const Json& doc) {
  std::set<std::string> ops;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ops.insert(upper + " " + path);
    }
  }
  return ops;
}

TEST(OpenApiTest, DocumentIsValidOpenApi3) {
  const Json doc = Json::parse(api::OpenApiDocument(), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("merchantKey"));
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("operatorKey"));
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  const Json doc = Json::parse(api::OpenApiDocument());
  const auto routes = RouterOperations();
  const auto documented = DocumentOperations(doc);
  for (const auto& r : routes) EXPECT_TRUE(documented.contains(r)) << "undocumented route: " << r;
  for (const auto& d : documented) EXPECT_TRUE(routes.contains(d)) << "documented but not routed: " << d;
}

TEST(OpenApiTest, EveryOperationHasAnIdAndResponses) {
  const Json doc = Json::parse(api::OpenApiDocument());
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      EXPECT_TRUE(op.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(op.contains("responses")) << method << " " << path;
    }
  }
}

TEST(OpenApiTest, ServedDocumentIsTheCompiledOne) {
  testing::TestServer server;
  auto r = server.Client().Get("/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, api::OpenApiDocument());
}

}  // namespace
}  // namespace tranche
