// Money: an amount in integer minor units of one ISO 4217 currency.
//
// No floating point ever touches an amount. Arithmetic is checked: an operation that
// would overflow int64 or mix currencies returns a Status instead of a wrong number.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tranche {

enum class Currency : std::uint8_t { kUSD, kEUR, kGBP, kSEK };

inline constexpr Currency kAllCurrencies[] = {Currency::kUSD, Currency::kEUR, Currency::kGBP,
                                              Currency::kSEK};

std::string_view CurrencyCode(Currency c);
// Accepts exactly the upper-case ISO code ("USD"); anything else is nullopt.
std::optional<Currency> ParseCurrency(std::string_view code);
int MinorDigits(Currency c);

// The largest single amount the platform accepts on its inputs: 10^12 minor units
// (10 billion in a 2-decimal currency). Balances may grow beyond it; they stay checked.
inline constexpr std::int64_t kMaxInputAmountMinor = 1'000'000'000'000;

class Money {
 public:
  constexpr Money(std::int64_t minor, Currency currency) : minor_(minor), currency_(currency) {}
  static constexpr Money Zero(Currency c) { return Money(0, c); }

  constexpr std::int64_t minor() const { return minor_; }
  constexpr Currency currency() const { return currency_; }
  constexpr bool is_zero() const { return minor_ == 0; }
  constexpr bool is_negative() const { return minor_ < 0; }

  Result<Money> Plus(Money other) const;
  Result<Money> Minus(Money other) const;
  Result<Money> Negated() const;
  Result<Money> Times(std::int64_t factor) const;

  // Splits a non-negative amount into `parts` equal amounts that add up exactly to this
  // amount: the minor units left over all go to the first part (pay_in_4's leftover
  // cents go to the first instalment). Precondition checked: 1 <= parts <= 1000.
  Result<std::vector<Money>> Split(int parts) const;

  friend constexpr bool operator==(Money a, Money b) = default;

 private:
  std::int64_t minor_;
  Currency currency_;
};

// The value of checked arithmetic whose success is an invariant of the caller: amounts
// of one plan or one settlement, in one currency and bounded by the input limits. A
// failure (a currency mismatch or an overflow) is a bug, so it is asserted, in release too.
Money Checked(Result<Money> r);

// "129.99 USD"; for logs and messages, never parsed back.
std::string FormatMoney(Money m);

// Units of `c` per US dollar, times 100, at the platform's fixed reference rates (not
// market rates). They make limits, basket sizes and fraud features comparable across
// currencies; no money is ever exchanged or posted with them.
std::int64_t ReferenceUnitsPerUsdX100(Currency c);

// `m` in US cents at the reference rate, rounded down: what fraud features and rules
// count in, so a rule on `amount` means the same in every currency.
// Precondition: 0 <= m.minor() <= kMaxInputAmountMinor.
std::int64_t ToUsdReferenceMinor(Money m);

}  // namespace tranche
