// What a node hears from the other nodes sharing its database (Tx::NotifyNodes): a
// listener delivers their messages to a callback for as long as it lives.
#pragma once

#include <functional>
#include <string_view>

namespace tranche::store {

// `topic` and `id` as sent; topic "*" when messages may have been missed (forget all).
using NodeMessageFn = std::function<void(std::string_view topic, std::string_view id)>;

class NodeListener {
 public:
  virtual ~NodeListener() = default;
};

}  // namespace tranche::store
