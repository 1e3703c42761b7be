// The automated onboarding check (pure): whether a new merchant can trade at once,
// needs a person to look first, or cannot be onboarded. It decides from the draft and
// from whether the merchant's name is on the operators' restricted list; the caller
// looks the name up (onboarding::CreateMerchant) and passes the answer in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "merchants/merchant.h"

namespace tranche::onboarding {

// The fraud list (fraud/lists.h) operators keep restricted merchant names in:
// sanctioned parties, merchants terminated for fraud elsewhere. Entries are names as
// operators type them; the check compares their NameKeys with the merchant's.
inline constexpr char kRestrictedNamesList[] = "restricted_merchant_names";

// A deal below this MDR needs a commercial sign-off: it does not cover the expected
// losses of a standard book (PRODUCT.md prices 3.29 %).
inline constexpr std::int64_t kMdrFloorBps = 199;

// A name as the check compares it: lower-case ASCII letters and digits in words
// separated by one space, Latin-1 letters folded to ASCII ("Müller" -> "muller"), without
// a trailing legal form ("ab", "gmbh", "ltd", ...), so "ACME Trading, Ltd." and
// "acme  trading" meet. Other characters separate words.
std::string NameKey(std::string_view name);

// The finding a restricted name gives, at onboarding and at a re-screening.
inline constexpr char kRestrictedNameFinding[] = "restricted_name_match";

struct MerchantCheck {
  merchants::OnboardingStatus status = merchants::OnboardingStatus::kActive;
  std::vector<std::string> findings;  // codes, in the order the checks ran
};

// Precondition: merchants::ValidateMerchant(draft) passed.
// Any finding that forbids onboarding rejects; otherwise any finding sends the merchant
// to review; no finding activates it.
MerchantCheck CheckMerchant(const merchants::MerchantDraft& draft, bool name_restricted);

}  // namespace tranche::onboarding
