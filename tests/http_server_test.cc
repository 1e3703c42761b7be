// Transport behaviour of the HTTP server: keep-alive and the connection limit.
#include <gtest/gtest.h>

#include <thread>

#include "support/test_server.h"

namespace tranche {
namespace {

TEST(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  testing::TestServer server;
  auto client = server.Client();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(client.Get("/healthz").status, 200);
}

TEST(HttpServerTest, ConnectionsBeyondTheLimitAreRefused) {
  testing::TestServerOptions options;
  options.max_connections = 2;
  testing::TestServer server(options);
  auto a = server.Client();
  auto b = server.Client();
  ASSERT_EQ(a.Get("/healthz").status, 200);  // both stay open (keep-alive)
  ASSERT_EQ(b.Get("/healthz").status, 200);
  {
    auto c = server.Client();
    EXPECT_EQ(c.Get("/healthz").status, 0);  // closed on accept
  }
  // A closed connection frees its slot.
  a = testing::HttpClient("127.0.0.1", server.port());
  bool served = false;
  for (int i = 0; i < 50 && !served; ++i) {
    auto c = server.Client();
    served = c.Get("/healthz").status == 200;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(served);
}

}  // namespace
}  // namespace tranche
