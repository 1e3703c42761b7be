#include "lending/product.h"

#include <string>

#include "core/enum_names.h"

namespace tranche::lending {

std::string_view ProductName(ProductKind p) {
  switch (p) {
    case ProductKind::kPayIn4: return "pay_in_4";
    case ProductKind::kPayIn30: return "pay_in_30";
    case ProductKind::kFinancing6: return "financing_6";
    case ProductKind::kFinancing12: return "financing_12";
    case ProductKind::kFinancing24: return "financing_24";
  }
  TRANCHE_ASSERT_MSG(false, "unknown product");
  return "";
}

std::optional<ProductKind> ParseProduct(std::string_view name) {
  return ParseByName<ProductKind>(kAllProducts, ProductName, name);
}

bool IsFinancing(ProductKind p) {
  return p == ProductKind::kFinancing6 || p == ProductKind::kFinancing12 ||
         p == ProductKind::kFinancing24;
}

int InstallmentCount(ProductKind p) {
  switch (p) {
    case ProductKind::kPayIn4: return 4;
    case ProductKind::kPayIn30: return 1;
    case ProductKind::kFinancing6: return 6;
    case ProductKind::kFinancing12: return 12;
    case ProductKind::kFinancing24: return 24;
  }
  TRANCHE_ASSERT_MSG(false, "unknown product");
  return 0;
}

Money FromUsdReference(std::int64_t usd_minor, Currency currency) {
  TRANCHE_ASSERT(usd_minor >= 0 && usd_minor <= kMaxInputAmountMinor);
  const std::int64_t minor = usd_minor * ReferenceUnitsPerUsdX100(currency) / 100;
  const std::int64_t whole_units = (minor + 50) / 100;  // round to a whole unit
  return Money(whole_units * 100, currency);
}

ProductTerms DefaultTerms(ProductKind kind, Currency currency) {
  switch (kind) {
    case ProductKind::kPayIn4:
      return {kind, FromUsdReference(3'500, currency), FromUsdReference(150'000, currency), 0, 0};
    case ProductKind::kPayIn30:
      return {kind, FromUsdReference(100, currency), FromUsdReference(100'000, currency), 0, 0};
    case ProductKind::kFinancing6:
    case ProductKind::kFinancing12:
    case ProductKind::kFinancing24:
      return {kind, FromUsdReference(20'000, currency), FromUsdReference(1'000'000, currency), 0,
              kMaxAprBps};
  }
  TRANCHE_ASSERT_MSG(false, "unknown product");
  return {kind, Money::Zero(currency), Money::Zero(currency), 0, 0};
}

Status CheckAmount(const ProductTerms& terms, Money amount) {
  if (amount.currency() != terms.min_amount.currency()) {
    return Status::BusinessRule("currency_not_offered", "the product is not offered in this currency",
                                "currency");
  }
  if (amount.minor() < terms.min_amount.minor() || amount.minor() > terms.max_amount.minor()) {
    return Status::BusinessRule(
        "amount_outside_product_limits",
        std::string(ProductName(terms.kind)) + " is available from " + FormatMoney(terms.min_amount) +
            " to " + FormatMoney(terms.max_amount),
        "amount");
  }
  return Status::Ok();
}

}  // namespace tranche::lending
