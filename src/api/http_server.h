// HttpServer: HTTP/1.1 with keep-alive on Boost.Beast/Asio.
//
// I/O threads read and write sockets. Requests run on a separate pool of worker
// threads: writes block until the store's group commit makes them durable (many of
// them waiting at once is what fills a commit group), and long reads must not stall
// the sockets. Requests the handler calls quick (point reads) run on the I/O thread
// that parsed them, saving two thread hand-offs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/http_types.h"

namespace tranche::api {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;   // 0 picks a free port
  int io_threads = 2;
  int worker_threads = 64;
  int idle_timeout_s = 60;
  // Each connection has at most one request in flight, so this also bounds the
  // requests queued for worker threads.
  int max_connections = 10'000;
};

class HttpServer {
 public:
  // `handler` must outlive the server.
  HttpServer(ServerOptions options, HttpHandler& handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads. Returns an error if it cannot bind.
  bool Start(std::string* error);
  // The bound port (useful with port 0).
  std::uint16_t port() const;
  // Stops accepting, closes connections, joins threads. Idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tranche::api
