#include "ml/model_files.h"

#include <fstream>
#include <sstream>

namespace tranche::ml {

Result<std::string> ReadModelFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::NotFound("model_incomplete", "cannot read " + p.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Status WriteModelFile(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::Internal("cannot write " + p.string());
  return Status::Ok();
}

}  // namespace tranche::ml
