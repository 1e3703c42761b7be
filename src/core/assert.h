// Invariant checks that stay on in release builds.
//
// An expected failure (bad input, a business-rule refusal) is a Status value. A
// TRANCHE_ASSERT is for states the program must never reach: when one fails, the
// process is in a state nobody reasoned about, so it stops before it can move money.
#pragma once

namespace tranche::detail {
[[noreturn]] void AssertFail(const char* expr, const char* file, int line, const char* msg);
}  // namespace tranche::detail

#define TRANCHE_ASSERT(cond)                                                         \
  do {                                                                               \
    if (!(cond)) [[unlikely]]                                                        \
      ::tranche::detail::AssertFail(#cond, __FILE__, __LINE__, "");                  \
  } while (0)

#define TRANCHE_ASSERT_MSG(cond, msg)                                                \
  do {                                                                               \
    if (!(cond)) [[unlikely]]                                                        \
      ::tranche::detail::AssertFail(#cond, __FILE__, __LINE__, (msg));               \
  } while (0)
