// Storage port for credit decisions: each is kept with the request it was made on, so
// it can be explained to the consumer and the regulator and replayed exactly.
#pragma once

#include <optional>

#include "risk/decider.h"

namespace tranche::risk {

struct DecisionRecord {
  std::string id;  // dec_...
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  DecisionRequest request;
  Decision decision;
  Instant created_at;
};

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;
  virtual Status Insert(const DecisionRecord& d) = 0;
  virtual Result<std::optional<DecisionRecord>> Find(std::string_view id) = 0;
};

}  // namespace tranche::risk
