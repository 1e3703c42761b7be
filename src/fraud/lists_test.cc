#include "fraud/lists.h"

#include <gtest/gtest.h>

namespace tranche::fraud {
namespace {

using Entries = std::vector<std::string>;

TEST(Lists, NamesAreRuleIdentifiers) {
  EXPECT_TRUE(ValidateListName("disposable_domains").ok());
  EXPECT_TRUE(ValidateListName("_x9").ok());
  for (const char* bad : {"", "Trusted", "9lives", "a-b", "a b", "é"}) {
    EXPECT_EQ(ValidateListName(bad).code(), "invalid_list_name") << bad;
  }
  EXPECT_FALSE(ValidateListName(std::string(kMaxListNameBytes + 1, 'a')).ok());
}

TEST(Lists, EntriesAreSortedUniqueAndBounded) {
  auto e = NormalizeEntries({"b", "a", "b"}, "entries");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e.value(), (Entries{"a", "b"}));
  EXPECT_EQ(NormalizeEntries({"a", ""}, "entries").status().param(), "entries[1]");
  EXPECT_EQ(NormalizeEntries({"a\nb"}, "entries").status().code(), "invalid_entry");
  EXPECT_FALSE(NormalizeEntries({std::string(kMaxListEntryBytes + 1, 'x')}, "entries").ok());
  EXPECT_EQ(NormalizeEntries(Entries(kMaxListEntries + 1, "x"), "entries").status().code(), "too_many_entries");
}

TEST(Lists, DiffAndPatch) {
  const Entries before = {"a", "b", "c"};
  const ListChange c = Diff(before, {"b", "c", "d"});
  EXPECT_EQ(c.added, (Entries{"d"}));
  EXPECT_EQ(c.removed, (Entries{"a"}));
  auto after = ApplyPatch(before, {"e", "d", "a"}, {"b", "zz"});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after.value(), (Entries{"a", "c", "d", "e"}));
  EXPECT_EQ(ApplyPatch(before, {"x"}, {"x"}).status().code(), "entry_added_and_removed");
  EXPECT_EQ(ApplyPatch(Entries(), Entries(kMaxListChangeItems + 1, "x"), {}).status().param(), "add");
}

}  // namespace
}  // namespace tranche::fraud
