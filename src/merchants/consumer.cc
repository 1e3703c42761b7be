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

namespace {
bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}
}  // namespace

bool IdentityConsistent(const Consumer& known, const Consumer& presented) {
  if (!EqualIgnoringCase(known.family_name, presented.family_name)) return false;
  return !known.date_of_birth || !presented.date_of_birth ||
         *known.date_of_birth == *presented.date_of_birth;
}

}  // namespace tranche::merchants
