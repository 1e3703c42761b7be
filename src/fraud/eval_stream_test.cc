#include "fraud/eval_stream.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>

namespace tranche::fraud {
namespace {

TEST(EvalStreamTest, ParsesAndSortsByTime) {
  auto s = ParseTransactionStream(
      "extra,tx_id,datetime,customer_id,terminal_id,amount,fraud\n"
      "x,2,2018-04-01 10:00:00,c1,t1,57.1,0\n"
      "y,1,2018-04-01 09:00:00,c2,t2,3,1\n");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].tx_id, "1");
  EXPECT_EQ((*s)[0].amount_minor, 300);
  EXPECT_TRUE((*s)[0].fraud);
  EXPECT_EQ((*s)[1].amount_minor, 5'710);
  EXPECT_EQ((*s)[1].time_s - (*s)[0].time_s, 3'600);
}

TEST(EvalStreamTest, RefusesBadRowsNamingTheLine) {
  const std::string header = "tx_id,datetime,customer_id,terminal_id,amount,fraud\n";
  EXPECT_EQ(ParseTransactionStream("tx_id,datetime\n").status().message(), "no column 'customer_id'");
  const auto message = [&](const std::string& row) { return ParseTransactionStream(header + row).status().message(); };
  EXPECT_EQ(message("1,2018-04-01,c,t,1,0\n"), "line 2: datetime must be YYYY-MM-DD HH:MM:SS");
  EXPECT_EQ(message("1,2018-02-30 10:00:00,c,t,1,0\n"), "line 2: datetime must be YYYY-MM-DD HH:MM:SS");
  EXPECT_EQ(message("1,2018-04-01 24:00:00,c,t,1,0\n"), "line 2: datetime must be YYYY-MM-DD HH:MM:SS");
  EXPECT_NE(message("1,2018-04-01 10:00:00,c,t,-1,0\n").find("amount"), std::string::npos);
  EXPECT_NE(message("1,2018-04-01 10:00:00,c,t,1.234,0\n").find("amount"), std::string::npos);
  EXPECT_NE(message("1,2018-04-01 10:00:00,c,t,1,2\n").find("fraud must be 0 or 1"), std::string::npos);
  EXPECT_NE(message("1,2018-04-01 10:00:00,,t,1,0\n").find("customer_id"), std::string::npos);
  EXPECT_NE(message("1,2018-04-01 10:00:00,c,t,1\n").find("has 5 cells"), std::string::npos);
}

TEST(EvalStreamTest, ParsesAmountsExactly) {
  EXPECT_EQ(ParseAmountMinor("0.07"), 7);
  EXPECT_EQ(ParseAmountMinor("220.01"), 22'001);
  EXPECT_EQ(ParseAmountMinor("19.9"), 1'990);
  EXPECT_FALSE(ParseAmountMinor("1e3").has_value());
  EXPECT_FALSE(ParseAmountMinor(".5").has_value());
  EXPECT_FALSE(ParseAmountMinor("5.").has_value());
  EXPECT_FALSE(ParseAmountMinor("99999999999").has_value());
}

TEST(EvalStreamTest, ReadsGzipAndPlainFiles) {
  const std::string text = "tx_id,datetime,customer_id,terminal_id,amount,fraud\n1,2018-04-01 10:00:00,c,t,1.50,0\n";
  const std::string gz = ::testing::TempDir() + "/tranche_stream.csv.gz", plain = ::testing::TempDir() + "/tranche_stream.csv";
  gzFile f = gzopen(gz.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, text.data(), static_cast<unsigned>(text.size())), static_cast<int>(text.size()));
  gzclose(f);
  std::FILE* p = std::fopen(plain.c_str(), "wb");
  ASSERT_NE(p, nullptr);
  std::fwrite(text.data(), 1, text.size(), p);
  std::fclose(p);
  for (const std::string& path : {gz, plain}) {
    auto s = ReadTransactionStream(path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->at(0).amount_minor, 150);
  }
  EXPECT_EQ(ReadTransactionStream(::testing::TempDir() + "/no_such_stream.csv").status().code(), "file_not_found");
  std::remove(gz.c_str());
  std::remove(plain.c_str());
}

}  // namespace
}  // namespace tranche::fraud
