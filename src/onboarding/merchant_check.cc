#include "onboarding/merchant_check.h"

#include <algorithm>
#include <array>

#include "core/assert.h"

namespace tranche::onboarding {

namespace {

// Legal forms of the countries tranche lends in; dropped only at the end of a name.
constexpr std::array<std::string_view, 18> kLegalForms = {
    "ab", "ag", "as", "aps", "bv", "co", "corp", "gmbh", "inc", "kg", "limited", "llc", "ltd", "nv", "oy", "plc",
    "sa", "sarl"};

bool IsLegalForm(std::string_view word) {
  return std::find(kLegalForms.begin(), kLegalForms.end(), word) != kLegalForms.end();
}

// The ASCII letters of U+00C0..U+00FF (Latin-1's letters, which the names of the
// countries tranche lends in use), lower-cased; '-' where the code point is no letter.
// "Müller", "Muller" and "MÜLLER" meet; lists are screened by people who type either.
constexpr std::string_view kLatin1Folded =
    "aaaaaaaceeeeiiiidnooooo-ouuuuyts"   // U+00C0..U+00DF (Æ -> a+e and ß -> s+s below)
    "aaaaaaaceeeeiiiidnooooo-ouuuuyty";  // U+00E0..U+00FF

// Appends the folded letters of the code point U+00C0 + `offset`; false if it is no letter.
bool AppendFolded(unsigned offset, std::string& word) {
  if (offset == 0x06 || offset == 0x26) {  // Æ æ
    word += "ae";
  } else if (offset == 0x1F) {  // ß
    word += "ss";
  } else if (kLatin1Folded[offset] == '-') {
    return false;
  } else {
    word.push_back(kLatin1Folded[offset]);
  }
  return true;
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const auto next = i + 1 < name.size() ? static_cast<unsigned char>(name[i + 1]) : 0u;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      words.back().push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      words.back().push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c == 0xC3) && (next & 0xC0) == 0x80 && AppendFolded(next - 0x80, words.back())) {
      ++i;  // U+00C0..U+00FF is 0xC3 0x80..0xBF in UTF-8
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  // "Ltd" alone is a name, not a legal form.
  if (words.size() > 1 && IsLegalForm(words.back())) words.pop_back();
  std::string key;
  for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
  return key;
}

MerchantCheck CheckMerchant(const merchants::MerchantDraft& draft, bool name_restricted) {
  const std::optional<merchants::CategoryRisk> risk = merchants::RiskOfCategory(draft.category);
  TRANCHE_ASSERT_MSG(risk.has_value(), "the draft was validated");
  MerchantCheck out;
  bool reject = false;
  if (*risk == merchants::CategoryRisk::kProhibited) {
    out.findings.emplace_back("prohibited_category");
    reject = true;
  } else if (*risk == merchants::CategoryRisk::kHigh) {
    out.findings.emplace_back("high_risk_category");
  }
  // A name match is only possibly the listed party: a person confirms before refusing.
  if (name_restricted) out.findings.emplace_back(kRestrictedNameFinding);
  if (draft.pricing.mdr_bps < kMdrFloorBps) out.findings.emplace_back("pricing_below_floor");
  if (reject) {
    out.status = merchants::OnboardingStatus::kRejected;
  } else if (!out.findings.empty()) {
    out.status = merchants::OnboardingStatus::kPendingReview;
  }
  return out;
}

}  // namespace tranche::onboarding
