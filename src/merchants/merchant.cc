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

namespace {

struct CategoryEntry {
  std::string_view name;
  CategoryRisk risk;
};

// Travel and ticketing are paid for long before they are delivered: if the merchant
// fails, tranche refunds consumers it already settled. Jewellery, watches and digital
// goods are what stolen identities buy, because they resell at once. Prohibited: what
// tranche's licence and card-scheme rules do not allow it to finance.
constexpr std::array<CategoryEntry, 20> kCategories = {{
    {"general_retail", CategoryRisk::kStandard},  {"fashion", CategoryRisk::kStandard},
    {"home", CategoryRisk::kStandard},            {"beauty", CategoryRisk::kStandard},
    {"electronics", CategoryRisk::kStandard},     {"sports", CategoryRisk::kStandard},
    {"toys", CategoryRisk::kStandard},            {"books", CategoryRisk::kStandard},
    {"health", CategoryRisk::kStandard},          {"automotive", CategoryRisk::kStandard},
    {"travel", CategoryRisk::kHigh},              {"ticketing", CategoryRisk::kHigh},
    {"jewelry", CategoryRisk::kHigh},             {"digital_goods", CategoryRisk::kHigh},
    {"subscriptions", CategoryRisk::kHigh},       {"gambling", CategoryRisk::kProhibited},
    {"weapons", CategoryRisk::kProhibited},       {"adult", CategoryRisk::kProhibited},
    {"cryptocurrency", CategoryRisk::kProhibited}, {"tobacco", CategoryRisk::kProhibited},
}};

constexpr std::array<std::string_view, 3> kStatusNames = {"active", "pending_review", "rejected"};

}  // namespace

std::optional<CategoryRisk> RiskOfCategory(std::string_view category) {
  for (const CategoryEntry& c : kCategories) {
    if (c.name == category) return c.risk;
  }
  return std::nullopt;
}

std::vector<std::string_view> Categories() {
  std::vector<std::string_view> out;
  for (const CategoryEntry& c : kCategories) out.push_back(c.name);
  return out;
}

std::string_view OnboardingStatusName(OnboardingStatus s) { return kStatusNames[static_cast<std::size_t>(s)]; }

std::optional<OnboardingStatus> ParseOnboardingStatus(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<OnboardingStatus>(i);
  }
  return std::nullopt;
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
  if (!RiskOfCategory(d.category)) {
    return Status::InvalidArgument("invalid_category", "category must be one of the catalogue's (see the API reference)",
                                   "category");
  }
  if (!d.products.empty()) return ValidateProducts(d.products, d.default_currency);
  return Status::Ok();
}

Merchant MakeMerchant(std::string id, MerchantDraft d, Instant now) {
  TRANCHE_ASSERT(ValidateMerchant(d).ok());
  ProductSet products = d.products.empty() ? DefaultProducts(d.default_currency) : std::move(d.products);
  return Merchant{std::move(id), std::move(d.name), std::move(d.country), d.default_currency,
                  d.pricing, std::move(products), now, std::move(d.category), Onboarding{}};
}

ProductSet DefaultProducts(Currency currency) {
  ProductSet out;
  for (lending::ProductKind k : lending::kAllProducts) out.push_back(lending::DefaultTerms(k, currency));
  return out;
}

Status ValidateProducts(const ProductSet& products, Currency currency) {
  if (products.empty() || products.size() > std::size(lending::kAllProducts)) {
    return Status::InvalidArgument("invalid_products", "offer between one and five products",
                                   "products");
  }
  for (std::size_t i = 0; i < products.size(); ++i) {
    const lending::ProductTerms& t = products[i];
    const std::string param = "products[" + std::to_string(i) + "]";
    const std::string name(lending::ProductName(t.kind));
    for (std::size_t j = 0; j < i; ++j) {
      if (products[j].kind == t.kind) {
        return Status::InvalidArgument("invalid_products", name + " is listed twice", param);
      }
    }
    const lending::ProductTerms def = lending::DefaultTerms(t.kind, currency);
    if (t.min_amount.currency() != currency || t.max_amount.currency() != currency ||
        t.min_amount.minor() < def.min_amount.minor() || t.max_amount.minor() > def.max_amount.minor() ||
        t.min_amount.minor() > t.max_amount.minor()) {
      return Status::InvalidArgument(
          "invalid_products",
          name + " amount limits must lie within " + FormatMoney(def.min_amount) + " - " +
              FormatMoney(def.max_amount) + ", minimum first",
          param);
    }
    if (t.min_apr_bps < def.min_apr_bps || t.max_apr_bps > def.max_apr_bps ||
        t.min_apr_bps > t.max_apr_bps) {
      return Status::InvalidArgument(
          "invalid_products",
          name + " APR range must lie within " + std::to_string(def.min_apr_bps) + " - " +
              std::to_string(def.max_apr_bps) + " bps, minimum first",
          param);
    }
  }
  return Status::Ok();
}

std::optional<lending::ProductTerms> TermsFor(const Merchant& m, lending::ProductKind kind,
                                              Currency currency) {
  for (const lending::ProductTerms& t : m.products) {
    if (t.kind != kind) continue;
    if (currency == m.default_currency) return t;
    lending::ProductTerms other = lending::DefaultTerms(kind, currency);
    other.min_apr_bps = t.min_apr_bps;
    other.max_apr_bps = t.max_apr_bps;
    return other;
  }
  return std::nullopt;
}

std::vector<lending::ProductTerms> OfferedTerms(const Merchant& m, Currency currency) {
  std::vector<lending::ProductTerms> out;
  for (lending::ProductKind k : lending::kAllProducts) {
    if (auto t = TermsFor(m, k, currency)) out.push_back(*t);
  }
  return out;
}

Status CheckTrading(const Merchant& m) {
  if (m.onboarding.status == OnboardingStatus::kActive) return Status::Ok();
  return Status::BusinessRule("merchant_not_active", "the merchant is " + std::string(OnboardingStatusName(m.onboarding.status)) +
                                                         ": it trades once an operator approves it");
}

bool PayoutsHeld(const Merchant& m) {
  TRANCHE_ASSERT(!m.onboarding.payout_release || m.onboarding.status == OnboardingStatus::kRejected);
  return !CheckTrading(m).ok() && !m.onboarding.payout_release;
}

}  // namespace tranche::merchants
