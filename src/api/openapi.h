// The OpenAPI 3 description of the API (src/api/openapi.json, compiled in).
#pragma once

#include <string_view>

namespace tranche::api {
std::string_view OpenApiDocument();
}  // namespace tranche::api
