#include <gtest/gtest.h>

#include <cmath>

#include "ml/csv.h"

namespace tranche::ml {
namespace {

TEST(CsvTest, ParsesQuotesDoubledQuotesCrlfAndBom) {
  auto t = ParseCsv("\xEF\xBB\xBFid,name,default\r\n1,\"a, \"\"b\"\"\",0\r\n\r\n2,plain,1\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header, (std::vector<std::string>{"id", "name", "default"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "a, \"b\"");
  EXPECT_EQ(t->rows[1][1], "plain");
}

TEST(CsvTest, RefusesMalformedFilesClearly) {
  EXPECT_EQ(ParseCsv("").status().message(), "the file is empty");
  EXPECT_NE(ParseCsv("a,b\n1,2,3\n").status().message().find("line 2: has 3 cells; the header has 2"),
            std::string::npos);
  EXPECT_NE(ParseCsv("a,b\n1,\"2\n").status().message().find("not closed"), std::string::npos);
  EXPECT_NE(ParseCsv("a,a\n1,2\n").status().message().find("appears twice"), std::string::npos);
  std::string wide;
  for (int i = 0; i <= static_cast<int>(kMaxCsvColumns); ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  EXPECT_NE(ParseCsv(wide + "\n").status().message().find("more than 5000 columns"), std::string::npos);
  EXPECT_NE(ParseCsv("a\n" + std::string(kMaxCsvFieldChars + 1, 'x') + "\n").status().message().find("longer"),
            std::string::npos);
}

}  // namespace
}  // namespace tranche::ml
