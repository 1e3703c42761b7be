#include "recon/inbox.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tranche::recon {

namespace {

constexpr std::string_view kPrefix = "settlement_";
constexpr std::string_view kSuffix = ".csv";

std::optional<Date> DateOfName(std::string_view name) {
  if (name.size() != kPrefix.size() + 10 + kSuffix.size() || !name.starts_with(kPrefix) || !name.ends_with(kSuffix)) {
    return std::nullopt;
  }
  return ParseDate(name.substr(kPrefix.size(), 10));
}

}  // namespace

std::string DirectoryInbox::FileName(Date d) { return std::string(kPrefix) + FormatDate(d) + std::string(kSuffix); }

Result<std::vector<Date>> DirectoryInbox::Dates() {
  std::vector<Date> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir_, ec)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    if (!entry.is_regular_file()) continue;
    if (const auto d = DateOfName(entry.path().filename().string())) out.push_back(*d);
    if (out.size() > kMaxInboxFiles) {
      return Status::ResourceExhausted("more than 1000 settlement files wait in " + dir_);
    }
  }
  if (ec) return Status::Internal("cannot list the settlement inbox " + dir_ + ": " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<FileLine>> DirectoryInbox::Read(Date d) {
  const std::filesystem::path path = std::filesystem::path(dir_) / FileName(d);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Internal("cannot read " + path.string() + ": " + ec.message());
  if (size > kMaxFileBytes) return Status::InvalidArgument("file_too_large", path.string() + " is over 256 MiB");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::Internal("cannot read " + path.string());
  return ParseFile(text.str());
}

}  // namespace tranche::recon
