// Fraud lists (pure): named sets of text values that rules test with `in @name` —
// trusted customers, disposable email domains, blocked devices. Operators replace or
// patch them through the API; every change is a new version with what it added and
// removed, who made it and when (the audit trail, list_repo.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace tranche::fraud {

inline constexpr std::size_t kMaxLists = 64;
inline constexpr std::size_t kMaxListNameBytes = 64;
inline constexpr std::size_t kMaxListEntries = 10'000;
inline constexpr std::size_t kMaxListEntryBytes = 256;
inline constexpr std::size_t kMaxListChangeItems = 1'000;  // per PATCH side

struct FraudList {
  std::string name;                  // lower_snake_case
  std::vector<std::string> entries;  // sorted, unique
  std::int64_t version = 0;          // 1 for the first
  Instant updated_at;
  std::string updated_by;            // operator id
};

// What one version changed.
struct ListChange {
  std::vector<std::string> added;    // sorted
  std::vector<std::string> removed;  // sorted
};

// One version of a list's audit trail.
struct ListVersion {
  std::string name;
  std::int64_t version = 0;
  ListChange change;
  std::size_t entry_count = 0;  // after the change
  std::string changed_by;
  Instant changed_at;
};

// A name rules can refer to: [a-z_][a-z0-9_]*, at most kMaxListNameBytes.
Status ValidateListName(std::string_view name);

// The entries as a sorted set, refusing an empty or oversized entry, control characters
// and more than kMaxListEntries. `param` names the input in errors.
Result<std::vector<std::string>> NormalizeEntries(std::vector<std::string> entries, std::string_view param);

// What turns `before` into `after` (both sorted and unique).
ListChange Diff(const std::vector<std::string>& before, const std::vector<std::string>& after);

// `before` with `add` added and `remove` removed (both validated like entries); refuses
// a value in both, and a result larger than kMaxListEntries.
Result<std::vector<std::string>> ApplyPatch(const std::vector<std::string>& before, std::vector<std::string> add,
                                            std::vector<std::string> remove);

}  // namespace tranche::fraud
