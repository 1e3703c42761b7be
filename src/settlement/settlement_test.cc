#include "settlement/settlement.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tranche::settlement {
namespace {

using ledger::Reason;

constexpr Date kBusinessDate{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{10}};
const Instant kPosted = *ParseRfc3339("2026-03-10T12:00:00Z");
const Instant kNow = *ParseRfc3339("2026-03-11T02:00:00Z");
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

Money Usd(std::int64_t minor) { return Money(minor, Currency::kUSD); }

Movement Capture(std::int64_t seq, std::string object_id, std::int64_t gross, std::int64_t mdr) {
  return {seq, "je_" + std::to_string(seq), Reason::kCapture, std::move(object_id), Usd(-(gross - mdr)), Usd(mdr),
          kPosted};
}

Movement Other(std::int64_t seq, Reason reason, std::string object_id, std::int64_t payable_minor) {
  return {seq, "je_" + std::to_string(seq), reason, std::move(object_id), Usd(payable_minor), Usd(0), kPosted};
}

std::vector<Movement> Movements() {
  return {Capture(3, "cap_1", 10000, 300),
          Other(5, Reason::kRefund, "rfd_1", 2000),
          Other(6, Reason::kPayout, "po_0", 4000),
          Other(8, Reason::kManualAdjustment, "adj_1", -150),
          Capture(9, "cap_2", 5000, 150)};
}

TEST(SettlementTest, SumsCapturesFeesRefundsAndAdjustments) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(-500), 0, Movements(), kNow);
  EXPECT_EQ(s.id, "stl_1");
  EXPECT_EQ(s.merchant_id, kMerchant);
  EXPECT_EQ(s.currency(), Currency::kUSD);
  EXPECT_EQ(s.business_date, kBusinessDate);
  EXPECT_EQ(s.created_at, kNow);
  EXPECT_EQ(s.captures.minor(), 15000);
  EXPECT_EQ(s.fees.minor(), 450);
  EXPECT_EQ(s.refunds.minor(), 2000);
  EXPECT_EQ(s.adjustments.minor(), 150);
  EXPECT_EQ(s.carried_in.minor(), -500);
  EXPECT_EQ(s.net.minor(), -500 + 15000 - 450 - 2000 + 150);
  EXPECT_EQ(s.net.minor(), 12200);
  EXPECT_EQ(s.last_seq, 9);
  EXPECT_EQ(s.carry_out(true).minor(), 0);
  EXPECT_EQ(s.carry_out(false).minor(), 12200);
}

TEST(SettlementTest, OneLinePerMovementExceptPayouts) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(0), 0, Movements(), kNow);
  ASSERT_EQ(s.lines.size(), 4u);
  EXPECT_EQ(s.lines[0].kind, LineKind::kCapture);
  EXPECT_EQ(s.lines[0].entry_id, "je_3");
  EXPECT_EQ(s.lines[0].object_id, "cap_1");
  EXPECT_EQ(s.lines[0].gross.minor(), 10000);
  EXPECT_EQ(s.lines[0].fee.minor(), 300);
  EXPECT_EQ(s.lines[0].net.minor(), 9700);
  EXPECT_EQ(s.lines[0].posted_at, kPosted);

  EXPECT_EQ(s.lines[1].kind, LineKind::kRefund);
  EXPECT_EQ(s.lines[1].object_id, "rfd_1");
  EXPECT_EQ(s.lines[1].gross.minor(), -2000);
  EXPECT_EQ(s.lines[1].fee.minor(), 0);
  EXPECT_EQ(s.lines[1].net.minor(), -2000);

  EXPECT_EQ(s.lines[2].kind, LineKind::kAdjustment);
  EXPECT_EQ(s.lines[2].object_id, "adj_1");
  EXPECT_EQ(s.lines[2].gross.minor(), 150);
  EXPECT_EQ(s.lines[2].net.minor(), 150);

  EXPECT_EQ(s.lines[3].kind, LineKind::kCapture);
  EXPECT_EQ(s.lines[3].net.minor(), 4850);
  EXPECT_FALSE(std::any_of(s.lines.begin(), s.lines.end(), [](const Line& l) { return l.object_id == "po_0"; }));

  std::int64_t net = s.carried_in.minor();
  for (const Line& l : s.lines) net += l.net.minor();
  EXPECT_EQ(net, s.net.minor());
}

TEST(SettlementTest, TrailingPayoutAdvancesLastSeqWithoutALine) {
  std::vector<Movement> m = Movements();
  m.push_back(Other(12, Reason::kPayout, "po_1", 12200));
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(0), 0, m, kNow);
  EXPECT_EQ(s.last_seq, 12);
  EXPECT_EQ(s.lines.size(), 4u);
  EXPECT_EQ(s.net.minor(), 12700);
}

TEST(SettlementTest, OnlyPayoutsLeaveTheCarryAndAdvanceLastSeq) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(300), 0,
                                       {Other(4, Reason::kPayout, "po_1", 4000)}, kNow);
  EXPECT_EQ(s.last_seq, 4);
  EXPECT_TRUE(s.lines.empty());
  EXPECT_EQ(s.net.minor(), 300);
}

TEST(SettlementTest, RefundsBeyondCapturesGiveANegativeNetToCarry) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(1000), 0,
                                       {Capture(1, "cap_1", 2000, 60), Other(2, Reason::kRefund, "rfd_1", 5000)},
                                       kNow);
  EXPECT_EQ(s.captures.minor(), 2000);
  EXPECT_EQ(s.fees.minor(), 60);
  EXPECT_EQ(s.refunds.minor(), 5000);
  EXPECT_EQ(s.net.minor(), 1000 + 2000 - 60 - 5000);
  EXPECT_EQ(s.carry_out(false).minor(), -2060);
}

TEST(SettlementTest, NothingToSettle) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(-75), 0, {}, kNow);
  EXPECT_EQ(s.net.minor(), -75);
  EXPECT_EQ(s.last_seq, 0);
  EXPECT_EQ(s.captures.minor(), 0);
  EXPECT_TRUE(s.lines.empty());
}

TEST(SettlementTest, CsvHasAHeaderAndOneRowPerLine) {
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(0), 0, Movements(), kNow);
  const std::string csv = SettlementCsv(s);
  EXPECT_EQ(csv,
            "\"settlement_id\",\"business_date\",\"currency\",\"kind\",\"object_id\",\"entry_id\",\"posted_at\",\"gross_minor\",\"fee_minor\",\"net_minor\"\r\n"
            "\"stl_1\",\"2026-03-10\",\"USD\",\"capture\",\"cap_1\",\"je_3\",\"2026-03-10T12:00:00.000000Z\",\"10000\",\"300\",\"9700\"\r\n"
            "\"stl_1\",\"2026-03-10\",\"USD\",\"refund\",\"rfd_1\",\"je_5\",\"2026-03-10T12:00:00.000000Z\",\"-2000\",\"0\",\"-2000\"\r\n"
            "\"stl_1\",\"2026-03-10\",\"USD\",\"adjustment\",\"adj_1\",\"je_8\",\"2026-03-10T12:00:00.000000Z\",\"150\",\"0\",\"150\"\r\n"
            "\"stl_1\",\"2026-03-10\",\"USD\",\"capture\",\"cap_2\",\"je_9\",\"2026-03-10T12:00:00.000000Z\",\"5000\",\"150\",\"4850\"\r\n");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), static_cast<std::ptrdiff_t>(s.lines.size() + 1));
}

// An adjustment's object id is whatever the operator typed: it must stay one field and
// must not run as a formula when finance opens the export in a spreadsheet.
TEST(SettlementTest, CsvQuotesAndNeutralisesTypedText) {
  std::vector<Movement> moves = {Other(1, Reason::kManualAdjustment, "=HYPERLINK(\"http://x\",\"a,b\")", 150)};
  const Settlement s = BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(0), 0, moves, kNow);
  const std::string csv = SettlementCsv(s);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\","), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=") , std::string::npos);
}

TEST(SettlementTest, CsvOfAnEmptySettlementIsTheHeader) {
  const Settlement s = BuildSettlement("stl_2", kMerchant, kBusinessDate, Money::Zero(Currency::kEUR), 0, {}, kNow);
  EXPECT_EQ(SettlementCsv(s),
            "\"settlement_id\",\"business_date\",\"currency\",\"kind\",\"object_id\",\"entry_id\",\"posted_at\",\"gross_minor\",\"fee_minor\",\"net_minor\"\r\n");
}

// A settlement is of one currency: a movement in another is a bug upstream (the store
// reads one account), never summed in.
TEST(SettlementDeathTest, AMovementInAnotherCurrencyAborts) {
  std::vector<Movement> m = Movements();
  m.back().payable = Money(m.back().payable.minor(), Currency::kEUR);
  EXPECT_DEATH(BuildSettlement("stl_1", kMerchant, kBusinessDate, Usd(0), 0, m, kNow), "currency");
}

TEST(SettlementTest, Names) {
  EXPECT_EQ(LineKindName(LineKind::kAdjustment), "adjustment");
}

}  // namespace
}  // namespace tranche::settlement
