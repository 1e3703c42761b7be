// Storage port for the fraud review queue.
#pragma once

#include <optional>
#include <vector>

#include "fraud/review.h"

namespace tranche::fraud {

class ReviewRepo {
 public:
  virtual ~ReviewRepo() = default;
  virtual Status Insert(const Review& r) = 0;
  virtual Status Update(const Review& r) = 0;
  virtual Result<std::optional<Review>> Find(std::string_view id) = 0;
  virtual Result<std::optional<Review>> FindByAuthorization(std::string_view authorization_id) = 0;
  // In id (creation) order after `after_id`, at most `limit`.
  virtual Result<std::vector<Review>> List(const ReviewFilter& filter, std::string_view after_id,
                                           std::size_t limit) = 0;
  virtual Result<std::int64_t> CountPending() = 0;
};

}  // namespace tranche::fraud
