// Credit products and their default terms (PRODUCT.md, "Products").
//
// Limits are stated in USD and converted to other currencies with fixed reference
// rates, so a SEK merchant's pay-in-4 limit is the SEK equivalent of 35-1,500 USD.
// Merchant-specific terms (a later issue) narrow these defaults.
#pragma once

#include <optional>
#include <string_view>

#include "core/money.h"

namespace tranche::lending {

enum class ProductKind : std::uint8_t { kPayIn4, kPayIn30, kFinancing6, kFinancing12, kFinancing24 };

inline constexpr ProductKind kAllProducts[] = {ProductKind::kPayIn4, ProductKind::kPayIn30,
                                               ProductKind::kFinancing6, ProductKind::kFinancing12,
                                               ProductKind::kFinancing24};

// The legal APR ceiling tranche lends under: 35.99 %.
inline constexpr std::int64_t kMaxAprBps = 3599;

std::string_view ProductName(ProductKind p);  // "pay_in_4", "financing_12", ...
std::optional<ProductKind> ParseProduct(std::string_view name);
bool IsFinancing(ProductKind p);
// Number of instalments: 4, 1, 6, 12, 24.
int InstallmentCount(ProductKind p);

struct ProductTerms {
  ProductKind kind;
  Money min_amount;
  Money max_amount;
  std::int64_t min_apr_bps = 0;  // financing only; 0 for the others
  std::int64_t max_apr_bps = 0;
};

// Minor units of `currency` worth `usd_minor` at the reference rate, rounded to whole
// units of the currency (so limits read as round numbers).
Money FromUsdReference(std::int64_t usd_minor, Currency currency);

ProductTerms DefaultTerms(ProductKind kind, Currency currency);

// OK when `amount` is within the terms' limits (and in their currency).
Status CheckAmount(const ProductTerms& terms, Money amount);

}  // namespace tranche::lending
