// Text normalisation shared by intent classification and language identification:
// what the fastText models see, at training and at prediction alike.
#pragma once

#include <string>
#include <string_view>

namespace tranche::assist {

// Lower-cases ASCII and the Latin-1 letters of UTF-8 (Å Ä Ö Ü → å ä ö ü), splits words
// from punctuation, keeps '?' and '!' as tokens of their own (they carry intent), turns
// every token holding a digit into "<num>" (amounts, dates and card digits generalise),
// and joins the tokens with single spaces. Underscores separate words, so no token can
// look like a fastText label ("__label__"). Pure; the output is at most about twice the
// input's length.
std::string NormalizeUtterance(std::string_view text);

}  // namespace tranche::assist
