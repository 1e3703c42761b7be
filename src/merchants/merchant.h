// Merchants: who sells through tranche, and what they pay for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// What a merchant sells, from a fixed catalogue, and how much risk tranche carries in
// lending on it. High-risk categories (goods delivered long after payment, or easily
// resold) go to a person at onboarding; prohibited ones are never onboarded.
enum class CategoryRisk { kStandard, kHigh, kProhibited };
inline constexpr char kDefaultCategory[] = "general_retail";
inline constexpr std::size_t kMaxCategoryChars = 40;
std::optional<CategoryRisk> RiskOfCategory(std::string_view category);
// Every category in the catalogue, in a fixed order (for docs and error messages).
std::vector<std::string_view> Categories();

// Where a merchant stands in onboarding. Only an active merchant can open checkouts,
// authorize and capture. pending_review -> active | rejected, by an operator; active ->
// pending_review when a re-screening matches it (onboarding::RescreenMerchants);
// nothing leaves rejected.
enum class OnboardingStatus { kActive, kPendingReview, kRejected };
std::string_view OnboardingStatusName(OnboardingStatus s);
std::optional<OnboardingStatus> ParseOnboardingStatus(std::string_view name);

inline constexpr std::size_t kMaxReviewNoteChars = 1000;

// An operator's decision to pay a rejected merchant what it is owed after all (its
// refunds and disputes settled, or the finding cleared): from then on the close pays it
// as it pays a trading merchant.
struct PayoutRelease {
  std::string released_by;  // the operator
  Instant released_at;
  std::string reason;  // not empty, at most kMaxReviewNoteChars
  friend bool operator==(const PayoutRelease&, const PayoutRelease&) = default;
};

struct Onboarding {
  OnboardingStatus status = OnboardingStatus::kActive;
  std::vector<std::string> findings;  // codes of what the automated check found
  std::string reviewed_by;            // the operator who decided; empty if no person did
  std::optional<Instant> reviewed_at;
  std::string review_note;
  std::optional<PayoutRelease> payout_release;  // only ever on a rejected merchant
  // A person's work: the check sent the merchant to review (decided or still queued).
  bool NeedsPerson() const { return status == OnboardingStatus::kPendingReview || !reviewed_by.empty(); }
  friend bool operator==(const Onboarding&, const Onboarding&) = default;
};

struct Merchant {
  std::string id;  // mer_...
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  Currency default_currency;
  Pricing pricing;
  ProductSet products;
  Instant created_at;
  std::string category = kDefaultCategory;
  Onboarding onboarding;
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
  std::string category = kDefaultCategory;
};

// Countries tranche lends in.
bool IsSupportedCountry(std::string_view iso2);
Status ValidateMerchant(const MerchantDraft& d);

// Only an active merchant trades: it opens checkouts, authorizes and captures
// (merchant_not_active otherwise, naming its status). Refunds go on whatever its status.
Status CheckTrading(const Merchant& m);
// Whether the close holds what `m` is owed instead of paying it out: a merchant that
// does not trade is not paid (the money of one found colluding or on a sanctions list
// must not leave while a person looks), unless an operator released a rejected one's.
bool PayoutsHeld(const Merchant& m);
// An active merchant (the onboarding check may change that before it is stored).
Merchant MakeMerchant(std::string id, MerchantDraft d, Instant now);

}  // namespace tranche::merchants
