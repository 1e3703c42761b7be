// PgListener: this node's ear for the other nodes' cache invalidations. A thread holds
// one connection LISTENing on kNodeChannel and hands each notification (`topic:id`, sent
// by Tx::NotifyNodes when the sender's transaction committed) to a callback. A dropped
// connection is reopened; since what was sent meanwhile is lost, the callback then gets
// the topic "*": forget everything cached.
#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <thread>

#include "store/node_listener.h"

namespace tranche::store::postgres {

class PgListener final : public NodeListener {
 public:
  using Callback = NodeMessageFn;
  // Starts listening on `url`; `on_message` runs on the listener's thread.
  PgListener(std::string url, Callback on_message);
  ~PgListener() override;  // stops the thread
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

 private:
  void Run(std::stop_token stop);

  const std::string url_;
  const Callback on_message_;
  std::jthread thread_;
};

}  // namespace tranche::store::postgres
