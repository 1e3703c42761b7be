#include "api/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tranche::api {
namespace {

namespace fs = std::filesystem;

std::string Header(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

HttpRequest Get(std::string path) {
  HttpRequest r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

void Write(const fs::path& p, std::string_view content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

// A built front end: two pages, a hashed asset, and a secret beside the root that no
// path may reach.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("tranche-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "dist";
    Write(root_ / "index.html", "<!doctype html><title>home</title>");
    Write(root_ / "console" / "index.html", "<!doctype html><title>console</title>");
    Write(root_ / "assets" / "console-4f2a9c.js", "console.log(1)");
    Write(root_ / "assets" / "style-77aa.css", "body{}");
    Write(base_ / "secret.txt", "do not serve");
    fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
    auto files = StaticFiles::Load(root_);
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_.emplace(std::move(files).value());
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_;
  fs::path root_;
  std::optional<StaticFiles> files_;
};

TEST(NormalizeStaticPathTest, RefusesTraversalAndOddBytes) {
  EXPECT_EQ(NormalizeStaticPath("/console/index.html"), "/console/index.html");
  EXPECT_EQ(NormalizeStaticPath("/"), "/");
  EXPECT_EQ(NormalizeStaticPath("/console/"), "/console/");
  EXPECT_EQ(NormalizeStaticPath("/a%20b.txt"), "/a b.txt");
  for (const char* bad : {"", "console", "/..", "/../etc/passwd", "/console/../../x", "/%2e%2e/x", "/%2E%2E%2Fx",
                          "/./index.html", "//etc/passwd", "/console//index.html", "/a\\b", "/a%5cb", "/a%00b",
                          "/a%0ab"}) {
    EXPECT_FALSE(NormalizeStaticPath(bad).has_value()) << bad;
  }
  EXPECT_FALSE(NormalizeStaticPath("/" + std::string(kMaxStaticPathChars, 'a')).has_value());
}

TEST(ContentTypeForTest, KnownExtensionsAndDefault) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("assets/a-1.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("Makefile"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("a.html.bak"), "application/octet-stream");
}

TEST_F(StaticFilesTest, ServesPagesWithNoCacheAndSecurityHeaders) {
  const auto r = files_->Serve(Get("/console/"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<!doctype html><title>console</title>");
  EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(Header(*r, "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(*r, "X-Content-Type-Options"), "nosniff");
  const std::string csp = Header(*r, "Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(files_->Serve(Get("/"))->body, "<!doctype html><title>home</title>");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  const auto r = files_->Serve(Get("/assets/console-4f2a9c.js"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(*r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(files_->Serve(Get("/assets/style-77aa.css"))->content_type, "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, DirectoryWithoutSlashRedirects) {
  const auto r = files_->Serve(Get("/console"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 301);
  EXPECT_EQ(Header(*r, "Location"), "/console/");
  EXPECT_TRUE(r->body.empty());
}

TEST_F(StaticFilesTest, EtagRevalidatesWith304) {
  const auto first = files_->Serve(Get("/console/index.html"));
  const std::string etag = Header(*first, "ETag");
  ASSERT_EQ(etag.size(), 34u);
  EXPECT_EQ(etag.front(), '"');
  HttpRequest again = Get("/console/index.html");
  again.if_none_match = "\"other\", W/" + etag;
  const auto r = files_->Serve(again);
  EXPECT_EQ(r->status, 304);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(Header(*r, "ETag"), etag);
  again.if_none_match = "\"other\"";
  EXPECT_EQ(files_->Serve(again)->status, 200);
  // Different content, different tag.
  EXPECT_NE(Header(*files_->Serve(Get("/index.html")), "ETag"), etag);
}

TEST_F(StaticFilesTest, NothingOutsideTheRootNorLinksNorOtherMethods) {
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/console/../../secret.txt", "/link.txt",
                           "/missing.js", "/v1/merchants", "/console/index.html/"}) {
    EXPECT_FALSE(files_->Serve(Get(path)).has_value()) << path;
  }
  HttpRequest post = Get("/console/");
  post.method = "POST";
  EXPECT_FALSE(files_->Serve(post).has_value());
  EXPECT_EQ(files_->file_count(), 4u);
}

TEST(StaticFilesLoadTest, MissingDirectoryIsAnError) {
  EXPECT_FALSE(StaticFiles::Load("/nonexistent/tranche/web/dist").ok());
}

}  // namespace
}  // namespace tranche::api
