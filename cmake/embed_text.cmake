# Writes OUTPUT, a C++ file defining NAMESPACE::FUNCTION() (by default
# tranche::api::OpenApiDocument) that returns the contents of INPUT. A raw string
# literal keeps the text readable in the generated file.
if(NOT DEFINED NAMESPACE)
  set(NAMESPACE tranche::api)
endif()
if(NOT DEFINED FUNCTION)
  set(FUNCTION OpenApiDocument)
endif()
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace ${NAMESPACE} {\nstd::string_view ${FUNCTION}() {\n  static constexpr char kText[] = R\"tranche_text(${content})tranche_text\";\n  return {kText, sizeof(kText) - 1};\n}\n}  // namespace ${NAMESPACE}\n")
