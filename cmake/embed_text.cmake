# Writes OUTPUT, a C++ file defining tranche::api::OpenApiDocument() that returns the
# contents of INPUT. A raw string literal keeps the JSON readable in the generated file.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace tranche::api {\nstd::string_view OpenApiDocument() {\n  static constexpr char kText[] = R\"tranche_json(${content})tranche_json\";\n  return {kText, sizeof(kText) - 1};\n}\n}  // namespace tranche::api\n")
