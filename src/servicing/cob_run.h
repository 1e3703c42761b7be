// A closed business date (record): when the daily job ran it and what it did.
#pragma once

#include <string>

#include "core/time.h"

namespace tranche::servicing {

struct CobRun {
  Date business_date;
  Instant started_at;
  Instant finished_at;
  std::string report_json;
};

}  // namespace tranche::servicing
