// Reconciliation through the running platform: the processor's settlement file dropped
// into the inbox is reconciled by the daily close, its exceptions queue for operators,
// who claim and resolve them over HTTP; bad input is refused with nothing changed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "recon/inbox.h"
#include "recon/reconcile.h"
#include "support/scenario.h"

namespace tranche {
namespace {

using testing::Json;
using testing::Scenario;

class ReconApiTest : public ::testing::Test {
 protected:
  // What the ledger says moved on `d` (collections, refunds, payouts), read as the
  // reconciliation does.
  std::vector<recon::Expected> Movements(Date d) {
    std::vector<recon::Expected> out;
    recon::LedgerCursor cursor;
    EXPECT_TRUE(s_.server().platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(out, recon::ReadLedgerMovements(tx, cursor));
      return Status::Ok();
    }).ok());
    std::erase_if(out, [&](const recon::Expected& e) { return e.date != d; });
    return out;
  }

  void Drop(Date d, const std::string& text) {
    const auto dir = std::filesystem::path(s_.server().data_dir()) / "recon" / "inbox";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / recon::DirectoryInbox::FileName(d), std::ios::binary) << text;
  }

  Json Get(const std::string& target) {
    auto r = s_.client().Get(target, s_.okey());
    EXPECT_EQ(r.status, 200) << target << " " << r.body;
    return r.json();
  }

  Scenario s_;
};

TEST_F(ReconApiTest, TheCloseReconcilesTheInboxAndOperatorsWorkTheExceptions) {
  const Date first = s_.today();
  s_.Buy("ava@example.com", 40'000);
  s_.Advance(1);  // closes the first date: the merchant's settlement is paid out
  const std::vector<recon::Expected> moved = Movements(first);
  ASSERT_FALSE(moved.empty());
  // The processor reports every movement, the first 500 more than the ledger says, and
  // a line nobody knows.
  std::vector<recon::FileLine> lines;
  for (const recon::Expected& e : moved) {
    lines.push_back({first, "pr_" + e.reference, e.reference, e.kind, e.amount, 0});
  }
  lines[0].amount = Money(lines[0].amount.minor() + 500, Currency::kUSD);
  lines.push_back({first, "pr_x", "po_unknown", recon::LineKind::kPayout, Money(900, Currency::kUSD), 0});
  Drop(first, recon::FormatFile(lines));
  const Json advanced = s_.Advance(1);
  ASSERT_EQ(advanced["closed"].size(), 1u);
  EXPECT_EQ(advanced["closed"][0]["reconciliation"]["files"], 1);
  EXPECT_EQ(advanced["closed"][0]["reconciliation"]["exceptions"], 2);

  Json summary = Get("/v1/admin/reconciliation");
  EXPECT_EQ(summary["last_date"], FormatDate(first));
  EXPECT_EQ(summary["open_exceptions"], 2);
  EXPECT_EQ(summary["unreconciled"]["USD"], 500 + 900);
  ASSERT_EQ(summary["runs"].size(), 1u);
  EXPECT_EQ(summary["runs"][0]["lines"], static_cast<int>(lines.size()));

  const Json open = Get("/v1/admin/reconciliation/exceptions?status=open");
  ASSERT_EQ(open["data"].size(), 2u);
  const Json mismatch = open["data"][0]["kind"] == "amount_mismatch" ? open["data"][0] : open["data"][1];
  const Json unknown = open["data"][0]["kind"] == "amount_mismatch" ? open["data"][1] : open["data"][0];
  EXPECT_EQ(mismatch["open_amount"], 500);
  EXPECT_EQ(unknown["reference"], "po_unknown");
  const std::string base = "/v1/admin/reconciliation/exceptions/";

  // Bad input changes nothing.
  const testing::StoreCounts before = testing::CountRows(s_.server().platform().store());
  auto r = s_.client().Post(base + unknown["id"].get<std::string>() + "/resolve",
                            {{"resolution", "write_off"}, {"note", "lost"}}, s_.okey());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["param"], "resolution");
  r = s_.client().Post(base + unknown["id"].get<std::string>() + "/resolve", {{"resolution", "no_adjustment"}}, s_.okey());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["param"], "note");
  r = s_.client().Post(base + unknown["id"].get<std::string>() + "/resolve",
                       {{"resolution", "shrug"}, {"note", "x"}}, s_.okey());
  EXPECT_EQ(r.status, 400) << r.body;
  r = s_.client().Post(base + unknown["id"].get<std::string>() + "/resolve",
                       {{"resolution", "no_adjustment"}, {"note", "x"}, {"amount", 1}}, s_.okey());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(s_.client().Post(base + "rex_nope/claim", Json::object(), s_.okey()).status, 404);
  EXPECT_EQ(s_.client().Get(base + "rex_nope", s_.okey()).status, 404);
  EXPECT_EQ(s_.client().Get("/v1/admin/reconciliation/exceptions?status=closed", s_.okey()).status, 400);
  EXPECT_EQ(s_.client().Get("/v1/admin/reconciliation", s_.mkey()).status, 403);
  EXPECT_EQ(s_.client().Post(base + unknown["id"].get<std::string>() + "/claim", Json::object(), s_.mkey()).status, 403);
  EXPECT_EQ(s_.client().Get("/v1/admin/reconciliation/exceptions", "").status, 401);
  EXPECT_EQ(testing::CountRows(s_.server().platform().store()), before);
  EXPECT_EQ(Get("/v1/admin/reconciliation")["open_exceptions"], 2);

  // Claim, then write the difference off: one entry, against processing expense.
  r = s_.client().Post(base + mismatch["id"].get<std::string>() + "/claim", Json::object(), s_.okey());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.json()["claimed_by"].is_null());
  r = s_.client().Post(base + mismatch["id"].get<std::string>() + "/resolve",
                       {{"resolution", "write_off"}, {"note", "processor overpaid; accepted"}}, s_.okey());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "resolved");
  EXPECT_EQ(r.json()["open_amount"], 0);
  const std::string entry = r.json()["journal_entry_id"];
  const Json posted = Get("/v1/admin/ledger/entries/" + entry);
  EXPECT_EQ(posted["reason"], "reconciliation");
  EXPECT_EQ(std::abs(s_.Balance("processing_expense:USD")), 500);
  r = s_.client().Post(base + mismatch["id"].get<std::string>() + "/resolve",
                       {{"resolution", "write_off"}, {"note", "again"}}, s_.okey());
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(std::abs(s_.Balance("processing_expense:USD")), 500);

  r = s_.client().Post(base + unknown["id"].get<std::string>() + "/resolve",
                       {{"resolution", "no_adjustment"}, {"note", "another lender's payout; returned"}}, s_.okey());
  ASSERT_EQ(r.status, 200) << r.body;
  summary = Get("/v1/admin/reconciliation");
  EXPECT_EQ(summary["open_exceptions"], 0);
  EXPECT_TRUE(summary["unreconciled"].empty());
  EXPECT_EQ(Get("/v1/admin/reconciliation/exceptions?status=resolved")["data"].size(), 2u);

  // A malformed file waits without failing the close, and so do the files after it.
  Drop(AddDays(s_.today(), -1), "value_date,processor_reference\r\n");
  const Json bad = s_.Advance(1);
  EXPECT_EQ(bad["closed"][0]["reconciliation"]["files"], 0);
  EXPECT_NE(bad["closed"][0]["reconciliation"]["error"].get<std::string>().find("settlement file"), std::string::npos);
  EXPECT_EQ(Get("/v1/admin/reconciliation")["last_date"], FormatDate(first));
  s_.ExpectBooksAgree({});
}

}  // namespace
}  // namespace tranche
