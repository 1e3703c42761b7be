#include "sim/phrasebook.h"

#include <gtest/gtest.h>

#include <set>

namespace tranche::sim {
namespace {

Result<Phrasebook> Book(std::string_view csv) {
  auto table = ml::ParseCsv(csv);
  EXPECT_TRUE(table.ok()) << table.status().ToString();
  return Phrasebook::FromTable(*table);
}

TEST(Phrasebook, SaysTheIntentInTheLanguageAndFallsBackToEnglish) {
  auto book = Book(
      "text,label,language\n"
      "when is my next payment,next_payment,en\n"
      "next payment date?,next_payment,en\n"
      "när är nästa betalning,next_payment,sv\n"
      "what do I owe,balance,en\n");
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_EQ(book->size(), 4u);
  Draws d(7, Purpose::kUtterance, 1, 2);
  EXPECT_EQ(book->Say("next_payment", "sv", d), "när är nästa betalning");
  EXPECT_EQ(book->Say("balance", "de", d), "what do I owe");  // no German: English
  EXPECT_EQ(book->Say("payoff", "en", d), "");                // nothing for it
  std::set<std::string_view> said;
  for (int i = 0; i < 50; ++i) said.insert(book->Say("next_payment", "en", d));
  EXPECT_EQ(said.size(), 2u);  // both English phrasings come up
  // The same key, the same words.
  Draws a(7, Purpose::kUtterance, 3, 4);
  Draws b(7, Purpose::kUtterance, 3, 4);
  EXPECT_EQ(book->Say("next_payment", "en", a), book->Say("next_payment", "en", b));
}

TEST(Phrasebook, RefusesWhatTheAssistantWouldNotTake) {
  EXPECT_EQ(Book("text,intent,language\nhi,greeting,en\n").status().code(), "invalid_phrasebook");
  EXPECT_EQ(Book("text,label,language\n\"\",greeting,en\n").status().code(), "invalid_phrasebook");
  EXPECT_EQ(Book("text,label,language\n" + std::string(2'001, 'a') + ",greeting,en\n").status().code(),
            "invalid_phrasebook");
  EXPECT_EQ(Book("text,label,language\n\xff\xfe,greeting,en\n").status().code(), "invalid_phrasebook");
}

}  // namespace
}  // namespace tranche::sim
