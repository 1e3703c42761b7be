// Reading and writing the files of a model directory (credit's and fraud's).
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace tranche::ml {

// A missing or unreadable file is NotFound "model_incomplete".
Result<std::string> ReadModelFile(const std::filesystem::path& p);
Status WriteModelFile(const std::filesystem::path& p, const std::string& text);

}  // namespace tranche::ml
