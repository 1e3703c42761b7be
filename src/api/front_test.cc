#include "api/front.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tranche::api {
namespace {

namespace fs = std::filesystem;

// Answers every request with its own name, so a test sees who answered.
class Named final : public HttpHandler {
 public:
  explicit Named(std::string name) : name_(std::move(name)) {}
  HttpResponse Handle(HttpRequest) override {
    HttpResponse r;
    r.body = name_;
    return r;
  }
  bool IsQuick(const HttpRequest&) const override { return false; }

 private:
  std::string name_;
};

HttpRequest Request(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

TEST(FrontTest, ShopBackendThenFilesThenTheApi) {
  const fs::path root = fs::temp_directory_path() / "tranche-front-test";
  fs::remove_all(root);
  fs::create_directories(root / "shop");
  std::ofstream(root / "shop" / "index.html") << "shop page";
  auto files = StaticFiles::Load(root);
  ASSERT_TRUE(files.ok());
  Named api("api");
  Named shop("shop backend");
  Front front(api, &*files, &shop);
  EXPECT_EQ(front.Handle(Request("GET", "/shop/")).body, "shop page");
  EXPECT_TRUE(front.IsQuick(Request("GET", "/shop/")));
  EXPECT_EQ(front.Handle(Request("POST", "/shop/api/checkout")).body, "shop backend");
  EXPECT_EQ(front.Handle(Request("GET", "/shop/api/products")).body, "shop backend");
  EXPECT_EQ(front.Handle(Request("POST", "/shop/")).body, "api");  // files answer GETs only
  EXPECT_EQ(front.Handle(Request("GET", "/v1/orders")).body, "api");
  EXPECT_FALSE(front.IsQuick(Request("GET", "/v1/orders")));
  EXPECT_EQ(front.Handle(Request("GET", "/missing.js")).body, "api");  // the API's 404

  // Without a shop (outside the demo) and without files, everything is the API's.
  Front bare(api, nullptr, nullptr);
  EXPECT_EQ(bare.Handle(Request("POST", "/shop/api/checkout")).body, "api");
  EXPECT_EQ(bare.Handle(Request("GET", "/shop/")).body, "api");
  fs::remove_all(root);
}

}  // namespace
}  // namespace tranche::api
