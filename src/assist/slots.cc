#include "assist/slots.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "assist/text.h"
#include "core/assert.h"

namespace tranche::assist {

namespace {

// A number in the message: its value in hundredths, where it sits, and how it was written.
struct Number {
  std::int64_t hundredths = 0;
  std::size_t begin = 0;  // byte offsets in the folded text
  std::size_t end = 0;
  std::string digits;     // the digits as written, separators removed
  bool has_decimals = false;
  bool thousands_suffix = false;  // "10k"
  bool grouped = false;           // "5,000": thousands set apart, so a sum, never card digits
  bool from_words = false;        // "thirty"
  bool spoken_price = false;      // "forty-two fifty": money by its form
};

constexpr std::int64_t kMaxHundredths = 100'000'000'000;  // 1 billion in major units: far above any plan

// Reads "1,200.50", "30,50", "10.000", "45": a separator followed by exactly three
// digits groups thousands, one followed by one or two ends the number as decimals.
std::vector<Number> DigitNumbers(std::string_view s) {
  std::vector<Number> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsDigitByte(s[i]) || (i > 0 && (std::isalpha(static_cast<unsigned char>(s[i - 1])) != 0))) {
      ++i;
      continue;
    }
    Number n;
    n.begin = i;
    std::int64_t whole = 0;
    std::int64_t cents = 0;
    bool overflow = false;
    while (i < s.size()) {
      if (IsDigitByte(s[i])) {
        if (whole > kMaxHundredths) overflow = true;
        whole = whole * 10 + (s[i] - '0');
        n.digits.push_back(s[i]);
        ++i;
        continue;
      }
      if ((s[i] == ',' || s[i] == '.') && i + 1 < s.size() && IsDigitByte(s[i + 1])) {
        std::size_t run = 0;
        while (i + 1 + run < s.size() && IsDigitByte(s[i + 1 + run])) ++run;
        if (run == 3) {
          ++i;  // a thousands separator: keep reading digits
          n.grouped = true;
          continue;
        }
        if (run <= 2) {
          cents = (s[i + 1] - '0') * 10 + (run == 2 ? s[i + 2] - '0' : 0);
          n.has_decimals = true;
          i += 1 + run;
        }
      }
      break;
    }
    if (i < s.size() && s[i] == 'k' && (i + 1 == s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 1])))) {
      n.thousands_suffix = true;
      whole *= 1000;
      ++i;
    }
    n.end = i;
    if (!overflow && whole <= kMaxHundredths / 100) {
      n.hundredths = whole * 100 + cents;
      out.push_back(std::move(n));
    }
  }
  return out;
}

struct NumberWord {
  std::string_view word;
  int value;
};
// Number words of the three languages; "hundred" and "thousand" words multiply.
// Articles count as one ("a week", "en vecka"); callers only read a number before a unit
// word. "fourty" is the misspelling people write.
constexpr NumberWord kNumberWords[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
    {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fourty", 40}, {"fifty", 50},
    {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100}, {"thousand", 1000},
    {"a", 1}, {"an", 1}, {"en", 1}, {"ein", 1}, {"eine", 1}, {"einen", 1},
};
// The parts Swedish and German join into one word ("fyrtiofem", "fünfundvierzig",
// "zweihundert"); each is also a number word alone.
constexpr NumberWord kCompoundParts[] = {
    {"ett", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4}, {"fem", 5}, {"sex", 6}, {"sju", 7}, {"åtta", 8},
    {"nio", 9}, {"tio", 10}, {"elva", 11}, {"tolv", 12}, {"tretton", 13}, {"fjorton", 14}, {"femton", 15},
    {"sexton", 16}, {"sjutton", 17}, {"arton", 18}, {"nitton", 19}, {"tjugo", 20}, {"trettio", 30},
    {"fyrtio", 40}, {"femtio", 50}, {"sextio", 60}, {"sjuttio", 70}, {"åttio", 80}, {"nittio", 90},
    {"hundra", 100}, {"tusen", 1000},
    {"eins", 1}, {"ein", 1}, {"zwei", 2}, {"drei", 3}, {"vier", 4}, {"fünf", 5}, {"sechs", 6}, {"sieben", 7},
    {"acht", 8}, {"neun", 9}, {"zehn", 10}, {"elf", 11}, {"zwölf", 12}, {"dreizehn", 13}, {"vierzehn", 14},
    {"fünfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19},
    {"zwanzig", 20}, {"dreißig", 30}, {"vierzig", 40}, {"fünfzig", 50}, {"sechzig", 60}, {"siebzig", 70},
    {"achtzig", 80}, {"neunzig", 90}, {"hundert", 100}, {"tausend", 1000}, {"und", 0},
};

// A running number: hundreds and thousands multiply what came before them. At most
// kMaxWordNumber, whatever run of words ("hundred hundred hundred ...") it is given.
constexpr std::int64_t kMaxWordNumber = 10'000'000;
struct NumberSum {
  std::int64_t total = 0;    // whole thousands
  std::int64_t current = 0;  // below the last thousand
  // `v`: a word's value, a compound's ("zweitausend") included.
  void Add(std::int64_t v) {
    TRANCHE_ASSERT(v >= 0);
    if (total + current > kMaxWordNumber) return;
    v = std::min(v, kMaxWordNumber);
    if (v == 100) {
      current = (current == 0 ? 1 : current) * 100;
    } else if (v == 1000) {
      total += (current == 0 ? 1 : current) * 1000;
      current = 0;
    } else {
      // "tvåtusen fem hundra": a compound's thousands stay out of the hundreds after it.
      total += v / 1000 * 1000;
      current += v % 1000;
    }
  }
  std::int64_t value() const { return std::min(total + current, kMaxWordNumber); }
};

// "fyrtiofem" = 45, "fünfundvierzig" = 45, "zweihundertfünfzig" = 250: the word split
// into parts, the longest part first at each place; nullopt unless all of it is parts.
std::optional<std::int64_t> CompoundValue(std::string_view w) {
  NumberSum sum;
  int parts = 0;
  for (std::size_t i = 0; i < w.size(); ++parts) {
    const NumberWord* best = nullptr;
    for (const NumberWord& p : kCompoundParts) {
      if (w.substr(i).starts_with(p.word) && (best == nullptr || p.word.size() > best->word.size())) best = &p;
    }
    if (best == nullptr) return std::nullopt;
    sum.Add(best->value);
    i += best->word.size();
  }
  if (parts < 2 || sum.value() == 0) return std::nullopt;
  return sum.value();
}

std::optional<std::int64_t> NumberWordValue(std::string_view w) {
  for (const NumberWord& n : kNumberWords) {
    if (n.word == w) return n.value;
  }
  for (const NumberWord& n : kCompoundParts) {
    if (n.word == w && n.value > 0) return n.value;
  }
  return CompoundValue(w);
}

// Words with their offsets in the folded text.
struct Token {
  std::string word;
  std::size_t begin;
  std::size_t end;
};
std::vector<Token> Tokens(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!(std::isalnum(c) != 0 || c >= 0x80)) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) != 0 ||
                            static_cast<unsigned char>(s[i]) >= 0x80)) {
      ++i;
    }
    out.push_back({std::string(s.substr(b, i - b)), b, i});
  }
  return out;
}

// "twenty five", "a hundred": consecutive number words summed (hundreds and thousands
// multiply). Word numbers are small: each word is below ten thousand and so are runs of
// words people write.
// Articles alone ("a", "en") count only before a unit word, which the callers check.
std::vector<Number> WordNumbers(const std::vector<Token>& tokens) {
  std::vector<Number> out;
  for (std::size_t i = 0; i < tokens.size();) {
    auto v = NumberWordValue(tokens[i].word);
    if (!v) {
      ++i;
      continue;
    }
    // "a seven-day extension": an article before a number below a hundred is no one.
    const bool article = In(tokens[i].word, {"a", "an", "en", "ett", "ein", "eine", "einen"});
    if (article && i + 1 < tokens.size() && NumberWordValue(tokens[i + 1].word).value_or(100) < 100) {
      ++i;
      continue;
    }
    Number n;
    n.from_words = true;
    n.begin = tokens[i].begin;
    NumberSum sum;
    std::int64_t cents = 0;
    std::size_t j = i;
    for (; j < tokens.size(); ++j) {
      // "a hundred and twenty-five": "and" inside a number after its hundreds.
      const bool joins = sum.value() >= 100 && sum.value() % 100 == 0 && j + 1 < tokens.size() &&
                         (tokens[j].word == "and" || tokens[j].word == "och" || tokens[j].word == "und") &&
                         NumberWordValue(tokens[j + 1].word).value_or(100) < 100;
      if (joins) continue;
      auto w = NumberWordValue(tokens[j].word);
      if (!w) break;
      // "forty-two fifty (five)": a price read aloud, the cents after a whole number
      // with units; the run ends there ("the forty-two fifty one" is the $42.50 one).
      const std::int64_t tail = sum.current % 100;
      if (tail > 20 && tail % 10 != 0 && *w >= 10 && *w <= 90 && *w % 10 == 0) {
        cents = *w;
        n.spoken_price = true;
        n.end = tokens[j].end;
        const auto unit = j + 1 < tokens.size() ? NumberWordValue(tokens[j + 1].word) : std::nullopt;
        if (unit && *unit >= 2 && *unit <= 9) {
          cents += *unit;
          n.end = tokens[j + 1].end;
        }
        ++j;
        break;
      }
      sum.Add(*w);
      n.end = tokens[j].end;
    }
    n.hundredths = sum.value() * 100 + cents;
    out.push_back(n);
    i = j;
  }
  return out;
}

// The first word at or after byte `at`, skipping spaces only.
std::string_view WordAt(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  std::size_t e = at;
  while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) != 0 ||
                          static_cast<unsigned char>(s[e]) >= 0x80)) {
    ++e;
  }
  return s.substr(at, e - at);
}

// The word just before byte `at`.
std::string_view WordBefore(std::string_view s, std::size_t at) {
  std::size_t e = at;
  while (e > 0 && s[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && (std::isalnum(static_cast<unsigned char>(s[b - 1])) != 0 ||
                   static_cast<unsigned char>(s[b - 1]) >= 0x80)) {
    --b;
  }
  return s.substr(b, e - b);
}

bool InSet(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsCurrencyWord(std::string_view w) {
  return InSet(w, {"usd", "dollar", "dollars", "bucks", "kr", "kronor", "krona", "sek", "eur", "euro", "euros",
                     "gbp", "pounds", "pound", "dollers", "doller", "dolars"});
}
bool IsCurrencySymbolBefore(std::string_view s, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && s[b - 1] == ' ') --b;
  if (b >= 1 && (s[b - 1] == '$')) return true;
  // "€" is E2 82 AC and "£" is C2 A3 in UTF-8.
  if (b >= 3 && s.substr(b - 3, 3) == "\xE2\x82\xAC") return true;
  if (b >= 2 && s.substr(b - 2, 2) == "\xC2\xA3") return true;
  return false;
}
bool IsCurrencySymbolAfter(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  const std::string_view rest = s.substr(at);
  return rest.starts_with("$") || rest.starts_with("\xE2\x82\xAC") || rest.starts_with("\xC2\xA3");
}
bool IsDayWord(std::string_view w) {
  return InSet(w, {"day", "days", "dag", "dagar", "dagen", "tag", "tage", "tagen"});
}
bool IsWeekWord(std::string_view w) {
  return InSet(w, {"week", "weeks", "wk", "wks", "vecka", "veckor", "veckan", "woche", "wochen"});
}
bool IsMonthWord(std::string_view w) {
  return InSet(w, {"month", "months", "månad", "månader", "monat", "monate", "monaten"});
}
bool IsCardWord(std::string_view w) {
  return InSet(w, {"ending", "ends", "in", "card", "kort", "kortet", "karte", "på", "auf", "four", "fyra", "vier",
                     "last", "numbers", "digits", "siffror", "ziffern"});
}

// Weekday names of the three languages, Sunday first (std::chrono::weekday's c_encoding).
constexpr std::array<std::array<std::string_view, 3>, 7> kWeekdayNames = {{
    {"sunday", "söndag", "sonntag"}, {"monday", "måndag", "montag"}, {"tuesday", "tisdag", "dienstag"},
    {"wednesday", "onsdag", "mittwoch"}, {"thursday", "torsdag", "donnerstag"}, {"friday", "fredag", "freitag"},
    {"saturday", "lördag", "samstag"},
}};

}  // namespace

// "5th", "1st", "22nd", "3rd", "22:a", "1:e": an ordinal, which names a day, not money.
bool IsOrdinalAfter(std::string_view s, const Number& n) {
  if (n.has_decimals) return false;
  const std::string_view rest = s.substr(n.end);
  for (std::string_view suffix : {"st", "nd", "rd", "th", ":a", ":e"}) {
    if (!rest.starts_with(suffix)) continue;
    const bool word_ends = rest.size() == suffix.size() || !IsWordByte(static_cast<unsigned char>(rest[suffix.size()]));
    if (word_ends) return true;
  }
  return false;
}

bool IsNumberWord(std::string_view word) {
  const auto value = NumberWordValue(word);
  return value && *value >= 2;
}

std::optional<AmountSlot> FindAmount(std::string_view s, bool bare_ok) {
  // "Tusen tack!", "tausend Dank", "thanks a million": thanks, not a sum. The text is
  // copied only when it holds such thanks.
  std::string without_thanks;
  if (HasAnyPhrase(s, {"tusen tack", "tausend dank", "a thousand thanks", "thanks a million", "a million thanks"})) {
    without_thanks =
        WithoutPhrases(s, {"tusen tack", "tausend dank", "a thousand thanks", "thanks a million", "a million thanks"});
    s = without_thanks;
  }
  // "charge $400 and keep the rest as credit": the rest kept is what would be left
  // over, not the sum to pay.
  const bool rest_left_over = HasAnyPhrase(s, {"keep the rest", "leave the rest", "save the rest", "spara resten",
                                               "behåll resten", "behaltet den rest", "behalte den rest",
                                               "den rest als"});
  // "100 Dollar einzahlen, nicht den ganzen Restbetrag": the rest named to be declined.
  const bool rest_declined = HasAnyPhrase(s, {"not the rest", "not the whole rest", "not the remaining",
                                              "not the remainder", "not everything i owe", "inte resten",
                                              "inte hela resten", "nicht den rest", "nicht den ganzen rest",
                                              "nicht den restbetrag", "nicht den ganzen restbetrag",
                                              "nicht den gesamten restbetrag"});
  // "Can I pay $100 of that now and the rest when it's due?": the rest left for later,
  // beside a sum in digits (which is what is paid now).
  const bool has_digits = std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool rest_later = has_digits && HasAnyPhrase(s, {"the rest when", "the rest later", "the rest next",
                                           "the rest after", "the rest as normal", "the rest as usual",
                                           "resten när", "resten senare", "resten sen", "resten på förfallodagen",
                                           "resten som vanligt", "den rest wenn", "den rest, wenn", "den rest später",
                                           "den rest dann", "den rest bei fälligkeit", "den rest wie"});
  if (!rest_left_over && !rest_declined && !rest_later && HasAnyPhrase(s, {"the rest", "rest of it", "remaining balance", "the remainder", "everything i owe",
                       "resten", "det som är kvar", "den rest", "den restbetrag", "restbetrag", "alles was"})) {
    return AmountSlot{std::nullopt, true};
  }
  // "forty, not forty-five": a sum said not to be meant is skipped wherever it is.
  const auto negated = [&](const Number& n) {
    std::size_t b = n.begin;
    while (b > 0 && s[b - 1] == ' ') --b;
    if (IsCurrencySymbolBefore(s, n.begin)) b -= s[b - 1] == '$' ? 1 : (s[b - 1] == '\xA3' ? 2 : 3);  // "$", "£", "€"
    return InSet(WordBefore(s, b), {"not", "inte", "nicht"});
  };
  const std::vector<Number> numbers = DigitNumbers(s);
  for (const Number& n : numbers) {
    if (negated(n)) continue;
    const std::string_view next = WordAt(s, n.end);
    const bool currency = IsCurrencySymbolBefore(s, n.begin) || IsCurrencySymbolAfter(s, n.end) ||
                          IsCurrencyWord(next) || n.thousands_suffix;
    if (currency) {
      std::int64_t v = n.hundredths;
      if (next == "grand") v *= 1000;
      // "42 dollars 50": cents spoken after the currency word.
      const auto word_end = static_cast<std::size_t>(next.data() + next.size() - s.data());
      if (!n.has_decimals && IsCurrencyWord(next) && !next.empty()) {
        for (const Number& cents : numbers) {
          const bool right_after = cents.begin > word_end && cents.begin <= word_end + 1;
          if (right_after && cents.digits.size() == 2 && !cents.has_decimals) v += cents.hundredths / 100;
        }
      }
      return AmountSlot{v, false};
    }
    if (next == "grand") return AmountSlot{n.hundredths * 1000, false};
  }
  // A bare number only when no number is marked as money ("I'm away on the 5th so I'd
  // rather pay the $38.75" names $38.75), and never a day of the month ("the 5th").
  for (const Number& n : numbers) {
    if (negated(n)) continue;
    const std::string_view next = WordAt(s, n.end);
    const bool dayish = IsDayWord(next) || IsWeekWord(next) || IsMonthWord(next) || IsOrdinalAfter(s, n);
    const bool cardish = !n.has_decimals && n.digits.size() == 4 && IsCardWord(WordBefore(s, n.begin));
    // "4 Raten", "8 payments", "returned 1 pair": a count of instalments or of things
    // bought, not a sum.
    const bool countish = InSet(next, {"payments", "instalments", "installments", "times", "raten", "zahlungen",
                                       "mal", "betalningar", "delbetalningar", "gånger", "pair", "pairs", "item",
                                       "items", "piece", "pieces", "par", "paar", "stück", "artikel", "sachen"});
    // "I bought it with your pay in 4": the product's name, not a sum; "tracking dead 4 a
    // week": a time.
    const std::string_view before = s.substr(0, n.begin);
    const std::string_view after = s.substr(n.end);
    const bool named_or_timed = before.ends_with("pay in ") || before.ends_with("pay-in-") ||
                                after.starts_with(" a week") || after.starts_with(" a day") ||
                                after.starts_with(" a month");
    if (bare_ok && !dayish && !cardish && !countish && !named_or_timed && n.digits.size() <= 7) {
      return AmountSlot{n.hundredths, false};
    }
  }
  const std::vector<Token> tokens = Tokens(s);
  const std::vector<Number> word_numbers = WordNumbers(tokens);
  for (const Number& n : word_numbers) {
    if (negated(n)) continue;
    const std::string_view next = WordAt(s, n.end);
    // "the hundred-and-twenty-five-dollar instalment": the currency joined by a hyphen.
    const bool hyphened = next.empty() && n.end < s.size() && s[n.end] == '-' && IsCurrencyWord(WordAt(s, n.end + 1));
    if (IsCurrencyWord(next) || hyphened || n.spoken_price) return AmountSlot{n.hundredths, false};
    if (next == "grand") return AmountSlot{n.hundredths * 1000, false};
  }
  // "sorry, I meant forty": a number word that ends its clause is a sum too where bare
  // numbers count, but not "one" or an article, and not one before any other word
  // ("two instalments").
  for (const Number& n : word_numbers) {
    if (!bare_ok || negated(n) || n.hundredths < 200) continue;
    const std::string_view next = WordAt(s, n.end);
    // "charge my card five hundred for the speakers": before what it pays for, too.
    if (next.empty() || InSet(next, {"please", "pls", "plz", "instead", "then", "now", "today", "only", "bitte",
                                     "stattdessen", "jetzt", "tack", "istället", "nu", "bara", "not", "inte", "nicht",
                                     "for", "on", "off", "towards", "toward", "för", "på", "für", "auf"})) {
      return AmountSlot{n.hundredths, false};
    }
  }
  return std::nullopt;
}

namespace {

// A count of days, weeks or months in `s`; `until` says whether one after "in" ("due in
// three days", "om tre dagar", "in drei Tagen": how long until something) counts.
std::optional<int> CountedDays(std::string_view s, bool until) {
  if (HasAnyPhrase(s, {"fortnight", "two weeks", "2 weeks", "couple of weeks", "couple weeks", "ett par veckor",
                       "ein paar wochen"})) {
    return 14;
  }
  const std::vector<Token> tokens = Tokens(s);
  std::vector<Number> numbers = DigitNumbers(s);
  for (Number& n : WordNumbers(tokens)) numbers.push_back(n);
  for (const Number& n : numbers) {
    if (n.has_decimals) continue;
    if (!until && InSet(WordBefore(s, n.begin), {"in", "om"})) continue;
    std::string_view next = WordAt(s, n.end);
    // "a seven-day extension", "a 14-day delay"; but "the 12-month plan" and "the
    // pay-later-in-30-days thing" name a product, not a time asked for.
    if (next.empty() && n.end < s.size() && s[n.end] == '-') {
      const std::string_view unit = WordAt(s, n.end + 1);
      const std::size_t unit_end = static_cast<std::size_t>(unit.data() + unit.size() - s.data());
      if (In(WordAt(s, unit_end), {"extension", "delay", "postponement", "deferral", "grace", "break"})) next = unit;
    }
    const std::int64_t count = n.hundredths / 100;
    if (count <= 0 || count > 3660) continue;
    if (IsDayWord(next)) return static_cast<int>(count);
    if (IsWeekWord(next)) return static_cast<int>(count * 7);
    if (IsMonthWord(next)) return static_cast<int>(count * 30);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> FindCountedDays(std::string_view s) {
  if (const auto counted = CountedDays(s, false)) return counted;
  return CountedDays(s, true);
}

std::optional<int> FindDays(std::string_view s, Date today) {
  // "wants its money in three days … move that payment back a month": a time until
  // something gives way to any other time named.
  if (const auto counted = CountedDays(s, false)) return counted;
  const std::vector<Token> tokens = Tokens(s);
  for (const Token& t : tokens) {
    // "the 12-month plan", "a 2-week trip": a unit joined to a count describes a thing,
    // and the count was judged above.
    if (t.begin > 0 && s[t.begin - 1] == '-') continue;
    // "extra cash this month", "diese Woche": the period now is no time asked for.
    if (InSet(WordBefore(s, t.begin), {"this", "denna", "diese", "diesen", "dieser"})) continue;
    // A unit alone: "a week", "next week", "nästa vecka", "einen Monat".
    if (t.word == "week" || t.word == "vecka" || t.word == "woche") return 7;
    if (t.word == "month" || t.word == "månad" || t.word == "monat") return 30;
  }
  if (const auto until = CountedDays(s, true)) return until;
  if (HasAnyPhrase(s, {"tomorrow", "imorgon", "i morgon", "morgen"})) return 1;
  const unsigned today_wd = std::chrono::weekday(std::chrono::sys_days(today)).c_encoding();
  for (unsigned wd = 0; wd < kWeekdayNames.size(); ++wd) {
    for (std::string_view name : kWeekdayNames[wd]) {
      if (!HasPhrase(s, name)) continue;
      const int ahead = static_cast<int>((wd + 7 - today_wd) % 7);
      return ahead == 0 ? 7 : ahead;
    }
  }
  return std::nullopt;
}

namespace {

struct MonthName {
  std::string_view word;
  unsigned month;
};
// English, Swedish and German month names and their usual short forms. "may", "mar"
// and the like only count beside a day number (FindDate), never alone.
constexpr MonthName kMonthNames[] = {
    {"january", 1},   {"jan", 1},        {"januari", 1},  {"januar", 1},   {"jänner", 1},   {"february", 2},
    {"feb", 2},       {"februari", 2},   {"februar", 2},  {"march", 3},    {"mars", 3},     {"märz", 3},
    {"april", 4},     {"apr", 4},        {"may", 5},      {"maj", 5},      {"mai", 5},      {"june", 6},
    {"jun", 6},       {"juni", 6},       {"july", 7},     {"jul", 7},      {"juli", 7},     {"august", 8},
    {"aug", 8},       {"augusti", 8},    {"september", 9}, {"sep", 9},     {"sept", 9},     {"october", 10},
    {"oct", 10},      {"oktober", 10},   {"okt", 10},     {"november", 11}, {"nov", 11},    {"december", 12},
    {"dec", 12},      {"dezember", 12},  {"dez", 12},
};

std::optional<unsigned> MonthOf(std::string_view w) {
  for (const MonthName& m : kMonthNames) {
    if (m.word == w) return m.month;
  }
  return std::nullopt;
}

// A day of the month written as a token: "11", "11th", "22nd", "1st", "3rd".
// `ordinal` is set when it carries an English ordinal suffix.
std::optional<unsigned> DayToken(std::string_view w, bool& ordinal) {
  std::size_t digits = 0;
  while (digits < w.size() && IsDigitByte(w[digits])) ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  const std::string_view suffix = w.substr(digits);
  ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
  if (!suffix.empty() && !ordinal) return std::nullopt;
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(w.substr(0, digits))));
  if (day < 1 || day > 31) return std::nullopt;
  return day;
}

// The first date on or after `today` with day `day` (of `month` when given).
std::optional<Date> NextDate(Date today, unsigned day, std::optional<unsigned> month) {
  using std::chrono::months, std::chrono::year_month_day;
  for (int ahead = 0; ahead <= 12; ++ahead) {
    const auto ym = std::chrono::year_month(today.year(), today.month()) + months(ahead);
    if (month && static_cast<unsigned>(ym.month()) != *month) continue;
    const year_month_day d{ym.year(), ym.month(), std::chrono::day{day}};
    if (d.ok() && d >= today) return d;
  }
  return std::nullopt;
}

// "Friday next week" and its Swedish and German forms: that weekday of the calendar
// week (Monday first) after today's.
std::optional<Date> WeekdayNextWeek(std::string_view s, const std::vector<Token>& tokens, Date today) {
  if (!HasAnyPhrase(s, {"next week", "nästa vecka", "nächste woche", "nächsten woche", "kommende woche"})) {
    return std::nullopt;
  }
  const unsigned today_from_monday = std::chrono::weekday(std::chrono::sys_days(today)).iso_encoding() - 1;
  for (const Token& t : tokens) {
    for (unsigned wd = 0; wd < kWeekdayNames.size(); ++wd) {
      const auto& names = kWeekdayNames[wd];
      if (std::find(names.begin(), names.end(), t.word) == names.end()) continue;
      const unsigned from_monday = (wd + 6) % 7;
      return AddDays(today, static_cast<int>(7 - today_from_monday + from_monday));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> FindDate(std::string_view s, Date today) {
  const std::vector<Token> tokens = Tokens(s);
  bool ordinal = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto month = MonthOf(tokens[k].word);
    if (!month) continue;
    // "11 December", "11th of December", "December 11", "11. Dezember".
    std::optional<unsigned> day;
    if (k >= 1) day = DayToken(tokens[k - 1].word, ordinal);
    if (!day && k >= 2 && (tokens[k - 1].word == "of" || tokens[k - 1].word == "av")) {
      day = DayToken(tokens[k - 2].word, ordinal);
    }
    if (!day && k + 1 < tokens.size()) day = DayToken(tokens[k + 1].word, ordinal);
    if (day) return NextDate(today, *day, month);
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto day = DayToken(tokens[k].word, ordinal);
    if (!day) continue;
    // A day alone only when written as one: "the 22nd", "den 22:a" / "den 11:e", "am 22.".
    const bool swedish = k >= 1 && tokens[k - 1].word == "den" && k + 1 < tokens.size() &&
                         (tokens[k + 1].word == "e" || tokens[k + 1].word == "a") &&
                         tokens[k].end < s.size() && s[tokens[k].end] == ':';
    const bool german = k >= 1 && (tokens[k - 1].word == "am" || tokens[k - 1].word == "zum") &&
                        tokens[k].end < s.size() && s[tokens[k].end] == '.';
    if (!ordinal && !swedish && !german) continue;
    // "the 20th next month": that day of the month after today's.
    if (HasAnyPhrase(s, {"next month", "nästa månad", "nächsten monat", "nächster monat", "kommenden monat"})) {
      const auto next = std::chrono::year_month(today.year(), today.month()) + std::chrono::months(1);
      return NextDate(today, *day, static_cast<unsigned>(next.month()));
    }
    return NextDate(today, *day, std::nullopt);
  }
  return WeekdayNextWeek(s, tokens, today);
}

namespace {

// What people call a purchase ("the coat", "my trainers", "die Laufschuhe") against the
// words shops put in their names (Northpeak Outerwear, Kestrel Running Co): for each
// kind of goods, the things bought in the three languages and the beginnings of name
// words that sell them. Words with another everyday sense ("ring", "watch", "light",
// "phone") are left out: a plan is never picked on them.
struct GoodsKind {
  std::initializer_list<std::string_view> things;
  std::initializer_list<std::string_view> name_stems;
  bool for_the_home = false;  // also sold by a shop named for the home (Ashgrove Home)
};
const GoodsKind kGoodsKinds[] = {
    {{"shoes", "shoe", "trainers", "sneakers", "sneaker", "runners", "running shoes", "boots", "sandals", "heels",
      "skor", "skorna", "löparskor", "kängor", "stövlar", "schuhe", "laufschuhe", "turnschuhe", "stiefel"},
     {"footwear", "shoe", "running", "runner", "sneaker", "boot", "athletic", "sport", "sko", "schuh"}},
    {{"coat", "jacket", "parka", "jeans", "dress", "shirt", "sweater", "jumper", "hoodie", "trousers", "skirt",
      "jacka", "jackan", "kappa", "kappan", "byxor", "tröja", "tröjan", "klänning", "skjorta", "jacke", "mantel",
      "kleid", "pullover", "hemd"},
     {"outerwear", "apparel", "clothing", "fashion", "wear", "denim", "tailor", "kläder", "bekleidung"}},
    {{"camera", "cameras", "lens", "kamera", "kameran", "objektiv"}, {"camera", "photo", "optic", "foto", "kamera"}},
    {{"rug", "rugs", "carpet", "matta", "mattan", "teppich"}, {"rug", "carpet", "textile", "matta", "teppich"}, true},
    {{"lamp", "lamps", "lampa", "lampan", "lampor", "lampe", "chandelier"}, {"lighting", "lamp", "leuchte"}, true},
    {{"sofa", "couch", "armchair", "chair", "table", "desk", "bed", "wardrobe", "dresser", "bookcase", "soffa",
      "soffan", "fåtölj", "stol", "bord", "säng", "sängen", "skrivbord", "skrivbordet", "tisch", "schreibtisch",
      "stuhl", "bett", "schrank"},
     {"furniture", "möbel", "möbler", "interior", "oak", "teak", "walnut", "wood"}, true},
    {{"book", "books", "novel", "bok", "boken", "böcker", "buch", "bücher"}, {"book", "bok", "buch"}},
    {{"barbecue", "bbq", "grill", "grillen", "der grill", "smoker"}, {"grill", "bbq", "barbecue"}},
    {{"toy", "toys", "toy place", "toy shop", "leksak", "leksaker", "leksaksaffären", "spielzeug", "spielsachen"},
     {"toy", "leksak", "spielzeug", "spielwaren"}},
    {{"uniform", "uniforms", "school uniform", "school jumpers", "uniformen", "uniformer", "uniformerna",
      "skoluniform", "skoluniformen", "skoluniformerna", "schuluniform", "schuluniformen"},
     {"uniform"}},
    {{"party stuff", "party things", "party bits", "party supplies", "balloon", "balloons", "birthday bits",
      "decorations", "ballonger", "kalasgrejer", "kalasprylar", "luftballons", "partysachen", "partydeko", "deko"},
     {"party", "kalas"}},
    {{"pan", "pans", "pot", "pots", "knife", "knives", "kettle", "blender", "dutch oven", "mixer", "toaster",
      "kitchen appliance", "mixern", "mixer",
      "kastrull", "stekpanna", "kniv", "knivar", "topf", "pfanne", "messer", "wasserkocher"},
     {"kitchen", "cook", "kök", "küche"}, true},
    {{"speaker", "speakers", "headphones", "earbuds", "headset", "soundbar", "hörlurar", "hörlurarna", "högtalare",
      "högtalaren", "kopfhörer", "lautsprecher"},
     {"audio", "sound", "acoustic", "hifi", "hi-fi", "stereo", "ljud", "sonic"}},
    {{"laptop", "tablet", "tv", "television", "computer", "monitor", "dator", "datorn", "surfplatta", "fernseher"},
     {"tech", "electronic", "digital", "computer", "elektronik"}},
    {{"bike", "bikes", "bicycle", "ebike", "e-bike", "cykel", "cykeln", "elcykel", "elcykeln", "fahrrad", "elfahrrad"},
     {"bike", "cycle", "velo", "cykel", "fahrrad"}},
    {{"tent", "backpack", "rucksack", "sleeping bag", "tält", "tältet", "ryggsäck", "sovsäck", "zelt", "schlafsack",
      "jacket", "rain jacket", "hiking boots", "fleece", "jacka", "jackan", "jacke", "wanderschuhe"},
     {"outdoor", "camping", "trail", "adventure", "alpine", "friluft", "fjall", "fjäll"}},
    {{"treadmill", "dumbbells", "weights", "rowing machine", "exercise bike", "löpband", "hantlar", "laufband",
      "hanteln"},
     {"fitness", "gym", "strength", "träning"}},
    {{"game", "games", "controller", "spel", "spelet", "spiel", "spiele"}, {"game", "gaming", "spel", "spiel"}},
    {{"candle", "candles", "kerze", "kerzen"}, {"candle", "kerze"}, true},
    {{"wetsuit", "surfboard", "paddleboard", "våtdräkt", "våtdräkten", "surfbräda", "neoprenanzug", "surfbrett"},
     {"surf", "wave", "board"}},
    {{"glasses", "eyeglasses", "spectacles", "sunglasses", "contact lenses", "glasögon", "glasögonen", "brille",
      "sonnenbrille"},
     {"optics", "optical", "optician", "eyewear", "vision", "specs", "optik", "brillen"}},
    {{"fridge", "washing machine", "dishwasher", "dryer", "microwave", "vacuum", "kylskåp", "tvättmaskin",
      "diskmaskin", "dammsugare", "kühlschrank", "waschmaschine", "staubsauger"},
     {"appliance", "vitvaror", "haushalt"}},
    {{"guitar", "piano", "keyboard", "drums", "gitarr", "gitarre", "klavier"}, {"music", "musik", "guitar", "instrument"}},
    {{"toy", "toys", "stroller", "pram", "lego", "leksak", "leksaker", "barnvagn", "spielzeug", "kinderwagen"},
     {"toy", "kids", "baby", "leksak", "spielzeug"}},
    {{"mattress", "pillow", "duvet", "madrass", "kudde", "täcke", "matratze"}, {"sleep", "bedding", "mattress", "matratze"}, true},
    {{"garden furniture", "lawnmower", "mower", "hedge trimmer", "plants", "trädgårdsmöbler", "gräsklippare",
      "gartenmöbel", "gartenmöbeln", "rasenmäher"},
     {"garden", "trädgård", "garten"}},
    {{"makeup", "make-up", "skincare", "skin care", "cosmetics", "lipstick", "mascara", "perfume", "serum",
      "moisturiser", "moisturizer", "smink", "sminket", "hudvård", "parfym", "kosmetik", "hautpflege", "parfüm",
      "lippenstift"},
     {"beauty", "cosmetic", "skin", "glow", "skönhet", "kosmetik", "schönheit"}},
    {{"necklace", "earrings", "bracelet", "jewellery", "jewelry", "halsband", "örhängen", "armband", "smycke",
      "smycken", "halskette", "ohrringe", "schmuck"},
     {"jewel", "gold", "silver", "smycke", "schmuck"}},
    {{"dog bed", "cat tree", "dog food", "cat food", "leash", "hundsäng", "kattmat", "hundfoder", "hundebett",
      "katzenfutter", "hundefutter"},
     {"pet", "paw", "djur", "hund", "tier"}},
    {{"coffee machine", "espresso machine", "grinder", "kaffemaskin", "kaffemaskinen", "espressomaskin",
      "espressomaskinen", "kaffeemaschine", "espressomaschine"},
     {"coffee", "espresso", "roast", "crema", "barista", "brew", "kaffe", "kaffee"}},
};

// A shop named for the home; its goods are the kinds marked `for_the_home`.
const GoodsKind kHomeShop = {{}, {"home", "house", "living", "hem", "haus", "wohn", "nest"}};

// Whether a shop's name (folded) says it sells `kind`. A stem of two words ("hi-fi")
// is looked for in the whole name, the others at the start of its words.
bool NameSells(const std::string& name, const GoodsKind& kind) {
  const std::vector<std::string> name_words = Words(name);
  for (std::string_view stem : kind.name_stems) {
    if (stem.find('-') != std::string_view::npos) {
      if (name.find(stem) != std::string::npos) return true;
      continue;
    }
    for (const auto& w : name_words) {
      if (w.starts_with(stem)) return true;
    }
  }
  return false;
}

// The one shop of `names` that sells a thing the message names ("the rug" for Atlas
// Rugs & Textiles); nothing when none does or several do.
std::optional<std::size_t> MatchByGoods(std::string_view s, const std::vector<std::string>& names) {
  std::optional<std::size_t> found;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string name = Fold(names[k]);
    for (const GoodsKind& kind : kGoodsKinds) {
      if (!NameSells(name, kind) || !HasAnyPhrase(s, kind.things)) continue;
      if (found && *found != k) return std::nullopt;
      found = k;
    }
  }
  if (found) return found;
  // "the desk" at Ashgrove Home: goods for the home, when no shop names their kind, are
  // the one shop named for the home.
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (!NameSells(Fold(names[k]), kHomeShop)) continue;
    const bool named = std::any_of(std::begin(kGoodsKinds), std::end(kGoodsKinds), [&](const GoodsKind& kind) {
      return kind.for_the_home && HasAnyPhrase(s, kind.things);
    });
    if (!named) continue;
    if (found) return std::nullopt;
    found = k;
  }
  return found;
}

}  // namespace

namespace {

// `by_goods`: when no name matches, the one shop whose name says it sells the goods named.
std::optional<std::size_t> MatchNames(std::string_view s, const std::vector<std::string>& names, bool by_goods);
std::optional<std::string> FindCardDigits(std::string_view s, std::string_view current);

// The text after the last correction in a message ("pay the marigold one — wait no
// sorry, i meant the quillston audio one", "ending 5812 - sorry typo, 5821"); nothing when
// it has none.
std::optional<std::string_view> AfterCorrection(std::string_view s) {
  std::optional<std::size_t> at;
  for (std::string_view cue : {"i meant", "i mean", "sorry", "typo", "correction", "actually", "jag menade", "förlåt",
                               "ich meinte", "tippfehler", "korrektur", "eigentlich"}) {
    for (std::size_t k = s.find(cue); k != std::string_view::npos; k = s.find(cue, k + 1)) {
      const bool starts_word = k == 0 || !IsWordByte(static_cast<unsigned char>(s[k - 1]));
      if (starts_word && (!at || k + cue.size() > *at)) at = k + cue.size();
    }
  }
  if (!at || *at >= s.size()) return std::nullopt;
  return s.substr(*at);
}

}  // namespace

std::optional<std::size_t> MatchMerchant(std::string_view s, const std::vector<std::string>& names) {
  // A shop named after a correction is the one meant.
  if (const auto corrected = AfterCorrection(s)) {
    if (auto k = MatchNames(*corrected, names, true)) return k;
  }
  return MatchNames(s, names, true);
}

bool NamesMerchant(std::string_view s, const std::string& name) { return MatchNames(s, {name}, false).has_value(); }

namespace {

std::optional<std::size_t> MatchNames(std::string_view s, const std::vector<std::string>& names, bool by_goods) {
  const std::vector<std::string> words = Words(s);
  std::string joined;
  for (const auto& w : words) joined += w;
  double best = 0;
  std::optional<std::size_t> best_index;
  bool tie = false;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string folded = Fold(names[k]);
    std::vector<std::string> name_words;
    std::string name_joined;
    for (auto& w : Words(folded)) {
      name_joined += w;
      if (w.size() >= 3 && !InSet(w, {"the", "and", "inc", "ltd", "gmbh", "shop", "store", "co"})) {
        name_words.push_back(std::move(w));
      }
    }
    if (name_words.empty()) continue;
    double score = 0;
    if (name_joined.size() >= 5 && joined.find(name_joined) != std::string::npos) {
      score = 1.0;
    } else {
      int matched = 0;
      // "north peak" for Northpeak Outfitters: the first word written in two.
      bool first_matched = name_words.front().size() >= 6 && joined.find(name_words.front()) != std::string::npos;
      for (const auto& nw : name_words) {
        // "copperlief" for Copperleaf: longer names bear two slips.
        const int allowed = nw.size() >= 9 ? 2 : (nw.size() >= 5 ? 1 : 0);
        for (const auto& w : words) {
          // "harbors" or "harbor's" still mean Harbor.
          const std::string_view stem = (w.size() > nw.size() && w.starts_with(nw)) ? std::string_view(w).substr(0, nw.size())
                                                                                     : std::string_view(w);
          if (EditDistance(nw, stem, allowed) <= allowed) {
            ++matched;
            first_matched = first_matched || (&nw == &name_words.front() && nw.size() >= 5);
            break;
          }
        }
      }
      score = static_cast<double>(matched) / static_cast<double>(name_words.size());
      // A shop goes by its first word ("tidewater" for Tidewater Garden Supply).
      if (first_matched) score = std::max(score, 0.5);
    }
    if (score > best) {
      best = score;
      best_index = k;
      tie = false;
    } else if (score == best && score > 0) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  if (best < 0.5) return by_goods ? MatchByGoods(s, names) : std::nullopt;
  return best_index;
}

}  // namespace

std::optional<std::string> FindLast4(std::string_view s, std::string_view current) {
  // "the new one ending 5812 - sorry typo, 5821": the digits after the correction.
  if (const auto corrected = AfterCorrection(s)) {
    if (auto last4 = FindCardDigits(*corrected, current)) return last4;
  }
  return FindCardDigits(s, current);
}

namespace {

// A digit said as a word ("seven", "sju", "sieben"; "oh" for zero), or -1.
int SpokenDigit(std::string_view w) {
  static constexpr std::array<std::array<std::string_view, 10>, 3> kDigits = {{
      {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"},
      {"noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"},
      {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"},
  }};
  if (w == "oh") return 0;
  for (const auto& language : kDigits) {
    for (std::size_t d = 0; d < language.size(); ++d) {
      if (language[d] == w) return static_cast<int>(d);
    }
  }
  return -1;
}

// "last four are seven three one six": four digits said one word each. A run of any
// other length is no card's last four ("the new one seven three one six" drops the
// "one" before the four).
std::vector<std::string> SpokenCardDigits(std::string_view s) {
  std::vector<std::string> cards;
  const std::vector<std::string> w = Words(s);
  const auto digits = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out.push_back(static_cast<char>('0' + SpokenDigit(w[i])));
    return out;
  };
  std::size_t k = 0;
  while (k < w.size()) {
    std::size_t end = k;
    while (end < w.size() && SpokenDigit(w[end]) >= 0) ++end;
    // The whole run is read before its length is judged: twelve digit words hold no
    // last four at their end.
    if (end - k == 4) cards.push_back(digits(k, end));
    if (end - k == 5 && w[k] == "one") cards.push_back(digits(k + 1, end));
    k = std::max(end, k + 1);
  }
  return cards;
}

// A number from 10 to 99 said in English words at w[k] ("fifty five", "twenty", "twelve",
// "oh five" for 05): its two digits and how many words it took, or nothing.
std::optional<std::pair<std::string, std::size_t>> SpokenPair(const std::vector<std::string>& w, std::size_t k) {
  static constexpr std::array<std::string_view, 10> kTeens = {"ten", "eleven", "twelve", "thirteen", "fourteen",
                                                               "fifteen", "sixteen", "seventeen", "eighteen",
                                                               "nineteen"};
  static constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty", "forty", "fifty", "sixty",
                                                             "seventy", "eighty", "ninety"};
  const auto unit = [&](std::size_t i) { return i < w.size() ? SpokenDigit(w[i]) : -1; };
  for (std::size_t t = 0; t < kTeens.size(); ++t) {
    if (w[k] == kTeens[t]) return std::pair{std::to_string(10 + t), std::size_t{1}};
  }
  for (std::size_t t = 0; t < kTens.size(); ++t) {
    if (w[k] != kTens[t]) continue;
    const int u = unit(k + 1);
    if (u >= 1) return std::pair{std::to_string((t + 2) * 10 + static_cast<std::size_t>(u)), std::size_t{2}};
    return std::pair{std::to_string((t + 2) * 10), std::size_t{1}};
  }
  if (w[k] == "oh" && unit(k + 1) >= 1) return std::pair{"0" + std::to_string(unit(k + 1)), std::size_t{2}};
  return std::nullopt;
}

// "the one ending fifty-five twenty-one": four digits said as two numbers of two, and
// no third one after them.
std::vector<std::string> SpokenCardPairs(std::string_view s) {
  std::vector<std::string> cards;
  const std::vector<std::string> w = Words(s);
  std::size_t k = 0;
  while (k < w.size()) {
    // The whole run of pairs is read before its length is judged, as for single digits.
    std::string digits;
    std::size_t end = k;
    while (end < w.size()) {
      const auto pair = SpokenPair(w, end);
      if (!pair) break;
      digits += pair->first;
      end += pair->second;
    }
    const bool digit_after = end < w.size() && SpokenDigit(w[end]) >= 0;
    if (digits.size() == 4 && !digit_after) cards.push_back(digits);
    k = std::max(end, k + 1);
  }
  return cards;
}

// "the card ending 55 21": four digits written as two pairs right after a word of the
// card's ending, and no third number after them.
std::vector<std::string> SplitCardDigits(std::string_view s) {
  std::vector<std::string> cards;
  const std::vector<Number> numbers = DigitNumbers(s);
  for (std::size_t k = 0; k + 1 < numbers.size(); ++k) {
    const Number& a = numbers[k];
    const Number& b = numbers[k + 1];
    if (a.digits.size() != 2 || b.digits.size() != 2 || a.has_decimals || b.has_decimals) continue;
    if (s.substr(a.end, b.begin - a.end) != " " || !IsCardWord(WordBefore(s, a.begin))) continue;
    if (k + 2 < numbers.size() && numbers[k + 2].begin == b.end + 1) continue;
    cards.push_back(a.digits + b.digits);
  }
  return cards;
}

std::optional<std::string> FindCardDigits(std::string_view s, std::string_view current) {
  std::vector<std::string> cards;
  std::optional<std::string> after_new;
  std::size_t from = 0;
  for (const Number& n : DigitNumbers(s)) {
    if (n.digits.size() != 4 || n.has_decimals || n.thousands_suffix || n.grouped) continue;
    if (IsCurrencySymbolBefore(s, n.begin) || IsCurrencyWord(WordAt(s, n.end))) continue;
    const std::string_view next = WordAt(s, n.end);
    if (IsDayWord(next) || IsWeekWord(next)) continue;
    const bool said_new = HasAnyPhrase(s.substr(from, n.begin - from), {"new", "ny", "nya", "nytt", "neu", "neue", "neuen", "neues"});
    if (said_new && !after_new && n.digits != current) after_new = n.digits;
    cards.push_back(n.digits);
    from = n.end;
  }
  if (cards.empty()) cards = SpokenCardDigits(s);
  if (cards.empty()) cards = SpokenCardPairs(s);
  if (cards.empty()) cards = SplitCardDigits(s);
  if (cards.empty()) return std::nullopt;
  if (after_new) return after_new;
  for (auto it = cards.rbegin(); it != cards.rend(); ++it) {
    if (*it != current) return *it;
  }
  return cards.front();
}

}  // namespace

bool HasCardNumber(std::string_view s) {
  int run = 0;
  bool last_sep = false;
  for (char c : s) {
    if (IsDigitByte(c)) {
      ++run;
      last_sep = false;
      if (run >= 12) return true;
    } else if ((c == ' ' || c == '-') && run > 0 && !last_sep) {
      last_sep = true;
    } else {
      run = 0;
      last_sep = false;
    }
  }
  return false;
}

// "sent the lamp back", "posting them back": sending within three words of "back" ("my
// bank did send me a card … I just got back from a trip" sends nothing back).
static bool SentBack(std::string_view s) {
  const std::vector<std::string> w = Words(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!InSet(w[i], {"sending", "posted", "posting", "sent", "send"})) continue;
    for (std::size_t k = i + 1; k < w.size() && k <= i + 3; ++k) {
      if (w[k] == "back") return true;
    }
  }
  return false;
}

namespace {

// "got a kids' fleece instead", "fick en annan istället": something else received, at
// most six words before "instead".
bool GotSomethingInstead(const std::vector<std::string>& words) {
  constexpr std::size_t kMaxWordsBetween = 6;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!In(words[i], {"got", "received", "sent", "fick", "bekommen", "geschickt", "kam"})) continue;
    for (std::size_t k = i + 1; k < words.size() && k <= i + kMaxWordsBetween; ++k) {
      if (In(words[k], {"instead", "istället", "stattdessen"})) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> FindDisputeReason(std::string_view folded) {
  // "I never got round to updating my card" tells of no order that never came. The text
  // is copied only when it holds such an errand: this runs several times a turn.
  // "ripped off by the interest", "I'm torn" tell of no torn goods either.
  std::string without_errands;
  std::string_view s = folded;
  if (HasAnyPhrase(folded, {"never got round", "never got around", "ripped off", "rip off", "rip-off", "torn between",
                            "i'm torn", "im torn", "i am torn"})) {
    without_errands = WithoutPhrases(folded, {"never got round to", "never got around to", "never got round",
                                              "never got around", "ripped off", "rip off", "rip-off", "torn between",
                                              "i'm torn", "im torn", "i am torn"});
    s = without_errands;
  }
  if (HasAnyPhrase(s, {"didn't make", "did not make", "didn't buy", "did not buy", "not me", "wasn't me",
                       "never heard of", "never even heard of", "wasn't buying", "never bought", "never ordered",
                       "was not me", "don't recognise", "don't recognize", "do not recognise", "do not recognize",
                       "unauthorised", "unauthorized", "fraudulent", "someone else", "stolen",
                       "inte jag", "känner inte igen", "har inte köpt", "inte gjort", "obehörig", "nicht ich",
                       "nicht gekauft", "kenne ich nicht", "nicht autorisiert", "nicht getätigt", "jemand anderes"})) {
    return "unauthorized";
  }
  if (HasAnyPhrase(s, {"returned", "sent it back", "send it back", "sent back", "sending back", "posted back",
                       "return it", "returning", "sending it back", "posted it back", "returnerat", "returnerade",
                       "returnerar", "skickat tillbaka", "skickade tillbaka", "skickar tillbaka", "zurückgeschickt",
                       "zurückgesendet", "zurückgegeben", "retourniert", "schicke", "rücksendung"}) ||
      SentBack(s)) {
    return "returned";
  }
  if (HasAnyPhrase(s, {"not as described", "not what was described", "not what i ordered", "fake", "nothing like",
                       "not the same item", "does not match", "doesn't match", "do not match", "don't match",
                       "not as pictured", "not as advertised", "looks different", "different from the photo",
                       "different from the photos", "different from the picture", "inte som på bilden",
                       "ser inte ut som", "ser inte alls ut som", "stämmer inte med", "sieht anders aus",
                       "ganz anders aus", "anders als auf den fotos", "anders als auf dem bild", "nicht wie abgebildet",
                       "völlig anders", "anders als im angebot", "anders als beschrieben", "website said",
                       "listing said", "description said",
                       "stimmt nicht mit",
                       "counterfeit", "poor quality", "inte som beskrivet", "inte som beskrivningen",
                       "nicht wie beschrieben", "entspricht nicht", "gefälscht"})) {
    return "not_as_described";
  }
  // "they sent me a blue one … so I'm not paying for something I didn't order".
  if (HasAnyPhrase(s, {"something i didn't order", "something i did not order", "something i didnt order",
                       "wrong item", "wrong size", "wrong colour", "wrong color", "wrong product", "the wrong",
                       "damaged", "broken", "arrived broken", "smashed", "shattered", "cracked", "in pieces",
                       "sönder", "krossad", "krossat", "krossade", "zerbrochen", "defekt", "fel vara", "fel storlek",
                       "fel färg", "trasig",
                       "trasigt", "skadad", "skadat", "fel produkt", "falsche", "falschen", "falsches",
                       "beschädigt", "kaputt", "gesprungen", "gesprungene", "gesprungenen", "gesprungener",
                       "sprucken", "spruckna", "sprucket", "spräckt", "spräckta", "riss", "rissen", "gerissen",
                       "zersprungen", "torn", "ripped", "sönderriven", "sönderrivet", "zerrissen"})) {
    return "wrong_item";
  }
  // "my tent came w snapped poles", "kam mit zwei gebrochenen Stangen an", "kom med två
  // avbrutna tältbågar": broken said of goods that came ("your agent snapped at me", "den
  // Arm gebrochen", "köpet blev avbrutet i kassan" are not).
  if (HasAnyPhrase(s, {"snapped", "avbruten", "avbrutna", "avbrutet", "gebrochen", "gebrochene", "gebrochenen",
                       "gebrochener"}) &&
      HasAnyPhrase(s, {"arrived", "came", "delivered", "kam", "angekommen", "geliefert", "kom", "levererad",
                       "levererades"}) &&
      !HasAnyPhrase(s, {"snapped at", "arm gebrochen", "bein gebrochen"})) {
    return "wrong_item";
  }
  // So are a crack, a chip or a dent of goods delivered ("kom idag med en spricka i
  // foten", "arrived with a chip in the rim"); "my car came back from the garage dented"
  // and "my friends chipped in" were delivered by no one.
  if (HasAnyPhrase(s, {"a crack", "cracks", "chipped", "a chip in", "with a chip", "dented", "a dent in",
                       "with a dent", "scratched", "spricka", "sprickor", "repad", "repor", "buckla", "einen sprung",
                       "einem sprung", "kratzer", "zerkratzt", "verbeult"}) &&
      HasAnyPhrase(s, {"arrived", "delivered", "delivery", "showed up", "turned up", "parcel", "package", "courier",
                       "kom idag", "kom med", "levererad", "levererades", "leveransen", "paketet", "geliefert",
                       "angekommen", "kam mit", "kam heute", "lieferung", "paket"})) {
    return "wrong_item";
  }
  // "I ordered a green rain jacket …, got a kids' fleece instead".
  if (HasAnyPhrase(s, {"ordered", "beställde", "bestellt"}) && GotSomethingInstead(Words(s))) return "wrong_item";
  // "my parcel from Nordic Trail got lost??": lost, said of a parcel or order ("my order
  // is missing a part" and a refund gone missing are not).
  if (HasAnyPhrase(s, {"got lost", "went missing", "been lost", "gone missing", "försvann", "har försvunnit",
                       "verloren gegangen"}) &&
      HasAnyPhrase(s, {"parcel", "package", "order", "delivery", "shipment", "paket", "paketet", "försändelse",
                       "beställning", "beställningen", "lieferung", "bestellung", "sendung"}) &&
      !HasAnyPhrase(s, {"refund", "money", "payment", "part", "piece", "återbetalning", "pengar", "betalning",
                        "del", "erstattung", "rückerstattung", "geld", "zahlung", "teil"})) {
    return "not_received";
  }
  if (HasAnyPhrase(s, {"never arrived", "never received", "didn't arrive", "did not arrive", "not arrived",
                       "hasn't arrived", "has not arrived", "haven't arrived", "have not arrived", "haven't received", "have not received",
                       "not received", "never came", "never got", "didn't get", "did not get", "not delivered",
                       "never delivered", "still waiting for", "lost in the post", "hasn't come",
                       "parcel lost", "package lost", "parcel got lost", "package got lost", "lost parcel",
                       "lost package", "parcel is lost", "package is lost", "parcel went missing",
                       "package went missing", "parcel is missing", "package is missing", "paketet försvann",
                       "paketet har försvunnit", "paket ist verloren", "paket verloren gegangen", "paket verschwunden",
                       "never showed up", "never turned up", "didn't show up", "hasn't shown up", "never came",
                       "never even showed up", "never even arrived", "never even came", "never even turned up",
                       "wasn't delivered", "was never delivered", "hasn't been delivered", "has not been delivered",
                       "still isn't here", "still aint here", "still ain't here", "nothing at my door", "nothing arrived",
                       "tracking hasn't updated", "tracking has not updated", "tracking hasn't moved",
                       "tracking page hasn't changed", "tracking hasn't changed", "no sign of them", "no sign of it",
                       "hasn't turned up", "has not turned up", "still not here", "not here yet",
                       "label created", "tracking stopped",
                       "tracking is stuck", "tracking stuck", "tracking's stuck", "tracking's been stuck",
                       "tracking has been stuck", "stuck in transit", "never shipped",
                       "hasn't shipped", "hasn't been shipped", "was never shipped",
                       "nothing has come", "nothing has arrived", "nothing has been delivered", "have not got the",
                       "haven't got the", "not got the package", "never sent", "did not come", "didn't come",
                       "has not come",
                       "past the delivery date", "inte kommit", "inte har kommit", "har inte kommit", "aldrig kommit",
                       "ingenting har kommit", "inget har kommit", "ingenting kom", "inte har fått", "inte fått",
                       "aldrig fått", "inte levererat",
                       "inte levererats", "nicht angekommen", "nie angekommen", "nicht erhalten", "nie erhalten",
                       "nicht bekommen", "nicht geliefert", "nie geliefert", "never receive it", "no tracking number",
                       "immer noch nicht da", "noch nicht da", "ist nicht da",
                       "nie da", "fortfarande inte här", "inte här än"})) {
    return "not_received";
  }
  // "What turned up is a thin grey polyester thing": what came, told against what was
  // ordered, after every other reason was looked for.
  if (HasAnyPhrase(s, {"what turned up", "what arrived", "what was delivered", "what came was", "det som kom",
                       "geliefert wurde", "was ankam"})) {
    return "not_as_described";
  }
  return std::nullopt;
}

std::optional<int> FindInstalmentCount(std::string_view s) {
  const std::vector<std::string> w = Words(s);
  const auto instalment = [](const std::string& x) {
    return x.starts_with("instal") || x.starts_with("install") || x.starts_with("payment") ||
           x.starts_with("delbetal") || x.starts_with("betalning") || x == "rate" || x == "raten" ||
           x.starts_with("zahlung");
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::optional<std::int64_t> n;
    if (!w[i].empty() && std::all_of(w[i].begin(), w[i].end(), IsDigitByte) && w[i].size() <= 2) {
      n = std::stoll(w[i]);
    } else if (!In(w[i], {"a", "an", "en", "ein", "eine", "einen", "ett"})) {
      n = NumberWordValue(w[i]);
    }
    if (!n || *n < 2 || *n > 12) continue;
    // "pay in 4 instalments", "the 4 payments": the plan's own count, not one paid.
    if (i >= 1 && In(w[i - 1], {"in", "into", "i", "auf", "over", "across", "på", "über", "the", "those", "these",
                                "all", "de", "die", "alla", "alle"})) {
      continue;
    }
    for (std::size_t k = i + 1; k < w.size() && k <= i + 4; ++k) {
      if (instalment(w[k])) {
        if (k + 1 < w.size() && In(w[k + 1], {"left", "remaining", "kvar", "übrig", "offen"})) break;
        return static_cast<int>(*n);
      }
      if (!In(w[k], {"of", "the", "my", "remaining", "next", "upcoming", "monthly", "extra", "more", "av", "de", "mina",
                     "återstående", "kommande", "nästa", "der", "offenen", "nächsten", "meiner", "restlichen",
                     "weitere", "månads"})) {
        break;
      }
    }
  }
  return std::nullopt;
}

// "no" as a refusal: not before a noun of what did not happen ("emailed them 3 times no
// answer", "no reply from the shop"), which reports rather than refuses.
bool SaysNo(std::string_view s) {
  const std::vector<std::string> w = Words(s);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != "no") continue;
    const bool reports = i + 1 < w.size() && (w[i + 1] == "answer" || w[i + 1] == "reply" || w[i + 1] == "response" ||
                                              w[i + 1] == "luck" || w[i + 1] == "word" || w[i + 1] == "news" ||
                                              w[i + 1] == "sign" || w[i + 1] == "tracking" || w[i + 1] == "update" ||
                                              w[i + 1] == "updates" || w[i + 1] == "idea" || w[i + 1] == "one" ||
                                              // "there's no fee for switching, is there?"
                                              w[i + 1] == "fee" || w[i + 1] == "fees" || w[i + 1] == "cost");
    if (!reports) return true;
  }
  return false;
}

bool IsDenial(std::string_view s) {
  return SaysNo(s) || HasAnyPhrase(s, {"rather not", "leave it", "leave everything", "leave things", "just checking",
                                       "just wanted to know", "hellre inte", "låt det vara", "lass es", "lass alles",
                                       "nope", "nah", "don't", "do not", "dont", "cancel", "stop", "never mind",
                          "nevermind", "not now", "wait", "hold on", "nej", "nä", "avbryt", "inte nu", "vänta",
                          "nein", "nicht", "abbrechen", "stopp", "warte", "lieber nicht"});
}

bool HasQuestionWord(std::string_view s) {
  if (HasAnyPhrase(s, {"what", "how", "when", "why", "which", "where", "who", "whats", "hows", "whens", "wheres",
                       "wat", "wats", "y not", "vad", "hur", "när", "varför", "vilken", "vilket", "vem", "wie",
                       "wann", "warum", "welche", "welcher", "wo", "wer"})) {
    return true;
  }
  // German "was" asks only in German: "there was so little left" asks nothing.
  return HasPhrase(s, "was") && HasAnyPhrase(s, {"ich", "ist", "du", "das", "der", "mein", "meine", "nicht", "noch",
                                                 "bitte", "und", "kann", "muss", "habe", "hat", "wird", "soll", "mir",
                                                 "mich", "bei", "für", "mit", "eine", "ein", "kostet", "bedeutet",
                                                 "passiert", "sind", "genau", "man", "wir", "ihr", "euch"});
}

// "will the payment go thru on it then", "kann ich das noch ändern": a message that
// opens with its verb asks, in all three languages, with or without a question mark.
static bool OpensWithItsVerb(std::string_view s) {
  const std::vector<std::string> words = Words(s);
  return !words.empty() && InSet(words.front(), {"will", "would", "does", "do", "did", "is", "are", "can", "could",
                                                 "should", "kan", "kommer", "blir", "är", "får", "ska", "kann",
                                                 "wird", "ist", "muss", "soll", "darf"});
}

// "do it", "kan du göra det": a verb first that says yes is an answer, not a question.
bool AsksSomething(std::string_view s) {
  return s.find('?') != std::string_view::npos || HasQuestionWord(s) || (OpensWithItsVerb(s) && !IsAffirmation(s));
}

bool OnlyAsksAboutIt(std::string_view s) {
  return HasAnyPhrase(s, {"just asking", "only asking", "just wondering", "just curious", "not paying yet",
                          "not paying it yet", "not doing it now", "not doing it yet",
                          "just planning", "hypothetically", "in theory", "if i pay it all off",
                          "if i pay it off", "if i paid it off", "if i were to pay", "bara undrar", "undrar bara",
                          "bara nyfiken", "bara en fråga", "betalar inte än", "betalar inte nu", "frage nur",
                          "nur eine frage", "nur neugierig", "rein hypothetisch", "zahle jetzt noch nicht",
                          "zahle noch nicht"});
}

bool IsAffirmation(std::string_view folded) {
  if (IsDenial(folded)) return false;
  // "just to be sure we're on the same page", "not sure": "sure" that says no yes.
  const std::string without = WithoutPhrases(
      folded, {"to be sure", "make sure", "making sure", "not sure", "be sure", "i'm sure", "im sure", "for sure if"});
  const std::string_view s = without;
  // "y" alone is yes; "huh y not 120" asks why.
  const std::vector<std::string> words = Words(s);
  if (words.size() == 1 && words.front() == "y") return true;
  return HasAnyPhrase(s, {"yes", "yeah", "yep", "yup", "ya", "sure", "ok", "okay", "okej", "okey", "k", "go ahead",
                          "do it",
                          "please do", "confirm", "confirmed", "correct", "proceed", "sounds good", "that's right",
                          "absolutely", "of course", "ja", "japp", "jo", "absolut", "gör det", "kör",
                          "visst", "stämmer", "bekräftar", "jawohl", "genau", "klar", "mach das", "mach es",
                          "bestätige", "einverstanden", "gerne", "richtig", "in ordnung", "passt", "go for it", "genomför",
                          "utför", "ausführen", "durchführen"});
}

}  // namespace tranche::assist
