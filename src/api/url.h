// Percent-decoding for request targets.
#pragma once

#include <string>
#include <string_view>

namespace tranche::api {

// Decodes %XX escapes; malformed escapes are kept as they are. In query strings (and
// only there) '+' means a space.
std::string PercentDecode(std::string_view s, bool plus_is_space);

}  // namespace tranche::api
