#include "store/postgres/pg_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "store/postgres/pg_connection.h"

namespace tranche::store::postgres {

namespace {
constexpr int kPollMs = 200;                 // how soon a stop is noticed
constexpr auto kReconnectDelay = std::chrono::seconds(1);

// Delivers what arrived on `conn`; false when the connection failed.
bool Drain(PGconn* conn, const PgListener::Callback& on_message) {
  if (PQconsumeInput(conn) == 0) return false;
  while (PGnotify* n = PQnotifies(conn)) {
    const std::string_view message = n->extra;
    const std::size_t colon = message.find(':');
    if (colon != std::string_view::npos) on_message(message.substr(0, colon), message.substr(colon + 1));
    PQfreemem(n);
  }
  return true;
}
}  // namespace

PgListener::PgListener(std::string url, Callback on_message)
    : url_(std::move(url)), on_message_(std::move(on_message)),
      thread_([this](std::stop_token stop) { Run(stop); }) {}

PgListener::~PgListener() {
  thread_.request_stop();
  thread_.join();
}

void PgListener::Run(std::stop_token stop) {
  bool first = true;
  while (!stop.stop_requested()) {
    auto conn = PgConnection::Open(url_);
    Status listening = conn.ok() ? (*conn)->Exec("LISTEN tranche_nodes") : conn.status();
    if (!listening.ok()) {
      spdlog::warn("listening for other nodes failed: {}", listening.ToString());
      for (auto waited = std::chrono::milliseconds(0); waited < kReconnectDelay && !stop.stop_requested();
           waited += std::chrono::milliseconds(kPollMs)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
      }
      continue;
    }
    // Notifications sent while no connection listened are lost: drop every cache.
    if (!first) on_message_("*", "");
    first = false;
    PGconn* raw = (*conn)->raw();
    while (!stop.stop_requested()) {
      pollfd pfd{PQsocket(raw), POLLIN, 0};
      if (poll(&pfd, 1, kPollMs) < 0) break;
      if ((pfd.revents & POLLIN) != 0 && !Drain(raw, on_message_)) break;
    }
  }
}

}  // namespace tranche::store::postgres
