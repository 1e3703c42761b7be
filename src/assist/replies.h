// Replies in the consumer's language (pure): one template per thing the assistant says,
// in English, Swedish and German, with amounts and dates formatted for the language.
// Templates hold {0}, {1}, … for their arguments; facts are always formatted here, never
// typed into a template.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "assist/understanding.h"
#include "core/money.h"
#include "core/time.h"

namespace tranche::assist {

class Replies {
 public:
  explicit Replies(Language language) : language_(language) {}
  Language language() const { return language_; }

  // Whether a template `id` exists.
  static bool Has(std::string_view id);
  // The template `id` with its arguments filled in. Precondition (asserted): `id` exists.
  std::string Say(std::string_view id, std::initializer_list<std::string> args = {}) const;

  // "$30.00" / "30,00 USD" / "30,00 kr"; "€12.50" / "12,50 €".
  std::string Amount(std::int64_t minor, Currency c) const;
  // "December 9, 2026" / "9 december 2026 (2026-12-09)" / "9. Dezember 2026 (2026-12-09)".
  std::string Day(Date d) const;
  // "19.99 %" / "19,99 %" for an APR in basis points.
  std::string Percent(std::int64_t bps) const;
  // "a, b and c" / "a, b och c" / "a, b und c".
  std::string List(const std::vector<std::string>& items) const;
  // "a, b or c" / "a, b eller c" / "a, b oder c": a choice among them.
  std::string Choice(const std::vector<std::string>& items) const;

 private:
  Language language_;
};

// True when every template exists in all three languages with the same placeholders
// (checked by a test, so a translation cannot silently drop a fact).
bool TemplatesConsistent(std::string* problem);

}  // namespace tranche::assist
