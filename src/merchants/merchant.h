// Merchants: who sells through tranche, and what they pay for it.
#pragma once

#include <string>

#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "lending/product.h"

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

// The products a merchant offers, each with amount limits in the merchant's default
// currency and (financing) an APR range. Merchant terms may only narrow tranche's
// defaults (lending::DefaultTerms): the defaults are what credit policy allows.
using ProductSet = std::vector<lending::ProductTerms>;

// Every product on its default terms.
ProductSet DefaultProducts(Currency currency);
// At least one product, none twice, each within its defaults and min <= max.
Status ValidateProducts(const ProductSet& products, Currency default_currency);

struct Merchant {
  std::string id;  // mer_...
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  Currency default_currency;
  Pricing pricing;
  ProductSet products;
  Instant created_at;
};

// The terms `m` offers `kind` on in `currency`, or nullopt when it does not offer it.
// Amount limits the merchant set apply in its default currency; in other currencies
// the default limits apply, with the merchant's APR range.
std::optional<lending::ProductTerms> TermsFor(const Merchant& m, lending::ProductKind kind,
                                              Currency currency);
// TermsFor every product the merchant offers, in product order.
std::vector<lending::ProductTerms> OfferedTerms(const Merchant& m, Currency currency);

struct MerchantDraft {
  std::string name;
  std::string country;
  Currency default_currency;
  Pricing pricing;
  ProductSet products;  // empty: DefaultProducts
};

// Countries tranche lends in.
bool IsSupportedCountry(std::string_view iso2);
Status ValidateMerchant(const MerchantDraft& d);
Merchant MakeMerchant(std::string id, MerchantDraft d, Instant now);

}  // namespace tranche::merchants
