#include "merchants/consumer.h"

#include <cctype>

namespace tranche::merchants {

Result<std::string> NormalizeEmail(std::string_view raw) {
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front()))) raw.remove_prefix(1);
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) raw.remove_suffix(1);
  const auto bad = Status::InvalidArgument("invalid_email", "email is not a valid address", "email");
  if (raw.empty() || raw.size() > kMaxEmailChars) return bad;
  const std::size_t at = raw.find('@');
  if (at == 0 || at == std::string_view::npos || raw.find('@', at + 1) != std::string_view::npos) {
    return bad;
  }
  const std::string_view domain = raw.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.') {
    return bad;
  }
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isspace(u) || std::iscntrl(u)) return bad;
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

}  // namespace tranche::merchants
