#include "servicing/servicing_repo.h"

namespace tranche::servicing {

std::string_view CollectionStatusName(CollectionStatus s) {
  switch (s) {
    case CollectionStatus::kPending: return "pending";
    case CollectionStatus::kSucceeded: return "succeeded";
    case CollectionStatus::kFailed: return "failed";
    case CollectionStatus::kUnknown: return "unknown";
  }
  TRANCHE_ASSERT_MSG(false, "unknown collection status");
  return "";
}

}  // namespace tranche::servicing
