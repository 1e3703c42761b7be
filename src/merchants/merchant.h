// Merchants: who sells through tranche, and what they pay for it.
#pragma once

#include <string>

#include "core/money.h"
#include "core/time.h"

namespace tranche::merchants {

inline constexpr std::size_t kMaxNameChars = 200;
// Pricing bounds: an MDR above 15 % or a fixed fee above 5.00 is a typo, not a deal.
inline constexpr std::int64_t kMaxMdrBps = 1500;
inline constexpr std::int64_t kMaxFixedFeeMinor = 500;
// PRODUCT.md defaults: 3.29 % + 0.30 per capture.
inline constexpr std::int64_t kDefaultMdrBps = 329;
inline constexpr std::int64_t kDefaultFixedFeeMinor = 30;

struct Pricing {
  std::int64_t mdr_bps = kDefaultMdrBps;
  std::int64_t fixed_fee_minor = kDefaultFixedFeeMinor;
  friend bool operator==(const Pricing&, const Pricing&) = default;
};

struct Merchant {
  std::string id;  // mer_...
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  Currency default_currency;
  Pricing pricing;
  Instant created_at;
};

struct MerchantDraft {
  std::string name;
  std::string country;
  Currency default_currency;
  Pricing pricing;
};

// Countries tranche lends in.
bool IsSupportedCountry(std::string_view iso2);
Status ValidateMerchant(const MerchantDraft& d);
Merchant MakeMerchant(std::string id, MerchantDraft d, Instant now);

}  // namespace tranche::merchants
