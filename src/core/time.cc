#include "core/time.h"

#include <charconv>
#include <cstdio>

namespace tranche {

namespace {
// Parses exactly `n` digits at s[pos..pos+n).
std::optional<int> Digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}
}  // namespace

std::string FormatDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<Date> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
            std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

Date DateOf(Instant t) { return Date(std::chrono::floor<std::chrono::days>(t)); }

Instant StartOf(Date d) { return Instant(std::chrono::sys_days(d)); }

std::string FormatRfc3339(Instant t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const auto since_midnight = t - day;
  const auto h = duration_cast<hours>(since_midnight);
  const auto m = duration_cast<minutes>(since_midnight - h);
  const auto s = duration_cast<seconds>(since_midnight - h - m);
  const auto us = since_midnight - h - m - s;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%06lldZ", FormatDate(Date(day)).c_str(),
                static_cast<int>(h.count()), static_cast<int>(m.count()),
                static_cast<int>(s.count()), static_cast<long long>(us.count()));
  return buf;
}

std::optional<Instant> ParseRfc3339(std::string_view s) {
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') {
    return std::nullopt;
  }
  auto date = ParseDate(s.substr(0, 10));
  auto h = Digits(s, 11, 2), m = Digits(s, 14, 2), sec = Digits(s, 17, 2);
  if (!date || !h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  long long micros = 0;
  std::size_t pos = 19;
  if (s[pos] == '.') {
    const std::size_t frac_len = s.size() - 1 - (pos + 1);
    if (frac_len == 0 || frac_len > 6) return std::nullopt;
    auto frac = Digits(s, pos + 1, frac_len);
    if (!frac) return std::nullopt;
    micros = *frac;
    for (std::size_t i = frac_len; i < 6; ++i) micros *= 10;
    pos += 1 + frac_len;
  }
  if (pos != s.size() - 1) return std::nullopt;
  using namespace std::chrono;
  return Instant(sys_days(*date)) + hours(*h) + minutes(*m) + seconds(*sec) +
         microseconds(micros);
}

Date AddDays(Date d, int days) { return Date(std::chrono::sys_days(d) + std::chrono::days(days)); }

int DaysBetween(Date a, Date b) {
  return static_cast<int>((std::chrono::sys_days(b) - std::chrono::sys_days(a)).count());
}

}  // namespace tranche
