#include "core/money.h"

#include <cstdlib>
#include <string>

#include "core/assert.h"
#include "core/enum_names.h"

namespace tranche {

namespace {
Status CurrencyMismatch(Money a, Money b) {
  return Status::InvalidArgument(
      "currency_mismatch", "cannot combine " + std::string(CurrencyCode(a.currency())) +
                               " with " + std::string(CurrencyCode(b.currency())));
}
Status Overflow() {
  return Status::InvalidArgument("amount_overflow", "amount arithmetic overflows 64 bits");
}
}  // namespace

std::string_view CurrencyCode(Currency c) {
  switch (c) {
    case Currency::kUSD: return "USD";
    case Currency::kEUR: return "EUR";
    case Currency::kGBP: return "GBP";
    case Currency::kSEK: return "SEK";
  }
  TRANCHE_ASSERT_MSG(false, "unknown currency enumerator");
  return "";
}

std::optional<Currency> ParseCurrency(std::string_view code) {
  return ParseByName<Currency>(kAllCurrencies, CurrencyCode, code);
}

int MinorDigits(Currency) { return 2; }  // all supported currencies use cents/öre

std::int64_t ReferenceUnitsPerUsdX100(Currency c) {
  switch (c) {
    case Currency::kUSD: return 100;
    case Currency::kEUR: return 92;
    case Currency::kGBP: return 79;
    case Currency::kSEK: return 1050;
  }
  TRANCHE_ASSERT_MSG(false, "unknown currency");
  return 100;
}

std::int64_t ToUsdReferenceMinor(Money m) {
  TRANCHE_ASSERT(m.minor() >= 0 && m.minor() <= kMaxInputAmountMinor);
  // 10^12 * 100 fits in 64 bits with room to spare.
  return m.minor() * 100 / ReferenceUnitsPerUsdX100(m.currency());
}

Result<Money> Money::Plus(Money other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  std::int64_t out = 0;
  if (__builtin_add_overflow(minor_, other.minor_, &out)) return Overflow();
  return Money(out, currency_);
}

Result<Money> Money::Minus(Money other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  std::int64_t out = 0;
  if (__builtin_sub_overflow(minor_, other.minor_, &out)) return Overflow();
  return Money(out, currency_);
}

Result<Money> Money::Negated() const {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, minor_, &out)) return Overflow();
  return Money(out, currency_);
}

Result<Money> Money::Times(std::int64_t factor) const {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(minor_, factor, &out)) return Overflow();
  return Money(out, currency_);
}

Result<std::vector<Money>> Money::Split(int parts) const {
  if (parts < 1 || parts > 1000) {
    return Status::InvalidArgument("invalid_split", "parts must be between 1 and 1000");
  }
  if (minor_ < 0) {
    return Status::InvalidArgument("invalid_split", "cannot split a negative amount");
  }
  const std::int64_t base = minor_ / parts;
  const std::int64_t remainder = minor_ % parts;
  std::vector<Money> out(static_cast<std::size_t>(parts), Money(base, currency_));
  out.front() = Money(base + remainder, currency_);
  return out;
}

Money Checked(Result<Money> r) {
  TRANCHE_ASSERT_MSG(r.ok(), r.status().ToString().c_str());
  return *r;
}

std::string FormatMoney(Money m) {
  // Unsigned negation is defined for INT64_MIN too.
  const std::uint64_t raw = static_cast<std::uint64_t>(m.minor());
  const std::uint64_t abs_minor = m.is_negative() ? ~raw + 1 : raw;
  std::string frac = std::to_string(abs_minor % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return std::string(m.is_negative() ? "-" : "") + std::to_string(abs_minor / 100) + "." +
         frac + " " + std::string(CurrencyCode(m.currency()));
}

}  // namespace tranche
