// Parsing an enum back from its name, for enums that list all their values in an
// array and name each with a function (CurrencyCode, AccountTypeName, ...).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace tranche {

template <typename Enum, typename NameFn>
std::optional<Enum> ParseByName(std::span<const Enum> all, NameFn name, std::string_view text) {
  for (Enum e : all) {
    if (name(e) == text) return e;
  }
  return std::nullopt;
}

}  // namespace tranche
