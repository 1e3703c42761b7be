#include "recon/settlement_file.h"

#include <gtest/gtest.h>

namespace tranche::recon {
namespace {

TEST(SettlementFile, RoundTrips) {
  const Date d = *ParseDate("2026-03-02");
  const std::vector<FileLine> lines = {
      {d, "simch_00ff", "col_01J", LineKind::kCollection, Money(12'999, Currency::kSEK), 42},
      {d, "simrf_0a", "crf_01J", LineKind::kRefund, Money(500, Currency::kEUR), 0},
      {d, "simpo_1", "po_01J", LineKind::kPayout, Money(1'000'000, Currency::kUSD), 0},
      {d, "simcb_7", "col_01K", LineKind::kChargeback, Money(2'500, Currency::kUSD), 1'500},
  };
  auto parsed = ParseFile(FormatFile(lines));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, lines);
}

TEST(SettlementFile, RefusesMalformedLinesNamingThem) {
  const std::string header = "value_date,processor_reference,reference,type,currency,amount_minor,fee_minor\r\n";
  EXPECT_FALSE(ParseFile("wrong header\r\n").ok());
  for (const char* bad : {
           "2026-03-02,p,r,collection,SEK,100\r\n",         // 6 fields
           "2026-13-02,p,r,collection,SEK,100,0\r\n",       // date
           "2026-03-02,p,r,reversal,SEK,100,0\r\n",         // type
           "2026-03-02,p,r,collection,XXX,100,0\r\n",       // currency
           "2026-03-02,p,r,collection,SEK,-5,0\r\n",        // amount
           "2026-03-02,p,r,collection,SEK,100,101\r\n",     // fee above amount
           "2026-03-02,p,r;drop,collection,SEK,100,0\r\n",  // reference characters
           "2026-03-02,\"p,r,collection,SEK,100,0\r\n",     // unbalanced quote
       }) {
    auto r = ParseFile(header + bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().ToString();
  }
}

}  // namespace
}  // namespace tranche::recon
