// JSON columns: a value stored as compact JSON text. Invalid UTF-8 in a string is
// replaced rather than thrown on, so storing a record never fails on its text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace tranche::store::sql {

inline std::string JsonText(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace tranche::store::sql
