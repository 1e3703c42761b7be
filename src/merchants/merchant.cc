#include "merchants/merchant.h"

#include <algorithm>
#include <array>

#include "core/assert.h"

namespace tranche::merchants {

bool IsSupportedCountry(std::string_view iso2) {
  static constexpr std::array<std::string_view, 16> kCountries = {
      "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL", "NO", "PL",
      "SE", "US"};
  return std::find(kCountries.begin(), kCountries.end(), iso2) != kCountries.end();
}

Status ValidateMerchant(const MerchantDraft& d) {
  if (d.name.empty() || d.name.size() > kMaxNameChars) {
    return Status::InvalidArgument("invalid_string", "name must be 1-200 characters", "name");
  }
  if (!IsSupportedCountry(d.country)) {
    return Status::InvalidArgument("unsupported_country",
                                   "country must be a supported ISO 3166-1 alpha-2 code",
                                   "country");
  }
  if (d.pricing.mdr_bps < 0 || d.pricing.mdr_bps > kMaxMdrBps) {
    return Status::InvalidArgument("invalid_pricing", "mdr_bps must be between 0 and 1500",
                                   "pricing.mdr_bps");
  }
  if (d.pricing.fixed_fee_minor < 0 || d.pricing.fixed_fee_minor > kMaxFixedFeeMinor) {
    return Status::InvalidArgument("invalid_pricing", "fixed_fee must be between 0 and 500",
                                   "pricing.fixed_fee");
  }
  return Status::Ok();
}

Merchant MakeMerchant(std::string id, MerchantDraft d, Instant now) {
  TRANCHE_ASSERT(ValidateMerchant(d).ok());
  return Merchant{std::move(id), std::move(d.name), std::move(d.country), d.default_currency,
                  d.pricing, now};
}

}  // namespace tranche::merchants
