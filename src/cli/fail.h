// How a data command reports a refusal: the message on stderr and exit code 2.
#pragma once

#include <cstdio>

#include "core/status.h"

namespace tranche::cli {

inline int Fail(const Status& st) {
  std::fprintf(stderr, "error: %s\n", st.message().c_str());
  return 2;
}

}  // namespace tranche::cli
