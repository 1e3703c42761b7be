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

  // Drops `d`'s file: every movement as the ledger has it, and a chargeback of the whole
  // of the day's collection (returned; none when the day collected nothing).
  std::optional<recon::Expected> DropChargingBackTheCollection(Date d) {
    std::vector<recon::FileLine> lines;
    std::optional<recon::Expected> collection;
    for (const recon::Expected& e : Movements(d)) {
      lines.push_back({d, "pr_" + e.reference, e.reference, e.kind, e.amount, 0});
      if (e.kind == recon::LineKind::kCollection) collection = e;
    }
    if (!collection) return std::nullopt;
    lines.push_back({d, "cb_1", collection->reference, recon::LineKind::kChargeback, collection->amount, 0});
    Drop(d, recon::FormatFile(lines));
    return collection;
  }

  // The fraud labels of the order's screened authorization.
  std::vector<fraud::Label> LabelsOf(const std::string& order_id) {
    std::vector<fraud::Label> out;
    EXPECT_TRUE(s_.server().platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto order, tx.orders().FindOrder(order_id));
      TRANCHE_ASSIGN_OR_RETURN(auto authorization, tx.orders().FindAuthorization(order->authorization_id));
      TRANCHE_ASSIGN_OR_RETURN(auto decision, tx.fraud_decisions().FindByCredit(authorization->decision_id));
      if (!decision) return Status::Internal("the purchase was not screened");
      TRANCHE_ASSIGN_OR_RETURN(out, tx.fraud_labels().ListOfDecision(decision->id));
      return Status::Ok();
    }).ok());
    return out;
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

// A cardholder tells their bank a purchase was not theirs: the issuer takes the
// collection back, the processor's file says so, and the close posts the loss and
// labels the order's fraud decision for the model.
TEST_F(ReconApiTest, AChargebackPostsAFraudLossOnceAndLabelsTheOrderFraud) {
  const Date first = s_.today();
  const Scenario::Purchase bought = s_.Buy("cara@example.com", 40'000);
  s_.Advance(1);
  const std::vector<recon::Expected> moved = Movements(first);
  std::vector<recon::FileLine> lines;
  std::optional<recon::Expected> collection;
  for (const recon::Expected& e : moved) {
    lines.push_back({first, "pr_" + e.reference, e.reference, e.kind, e.amount, 0});
    if (e.kind == recon::LineKind::kCollection) collection = e;
  }
  ASSERT_TRUE(collection.has_value()) << "the first instalment is collected at purchase";
  const recon::FileLine chargeback{first, "cb_1", collection->reference, recon::LineKind::kChargeback,
                                   collection->amount, 1'500};
  lines.push_back(chargeback);
  lines.push_back({first, "cb_2", "col_not_ours", recon::LineKind::kChargeback, Money(700, Currency::kUSD), 0});
  Drop(first, recon::FormatFile(lines));
  const std::int64_t cash_before = s_.Balance("collections_cash:USD");
  const Json closed = s_.Advance(1);
  ASSERT_EQ(closed["closed"].size(), 1u);
  EXPECT_EQ(closed["closed"][0]["reconciliation"]["fraud_charge_offs"], 1);

  Json summary = Get("/v1/admin/reconciliation");
  ASSERT_EQ(summary["runs"].size(), 1u);
  EXPECT_EQ(summary["runs"][0]["chargebacks"], 1);
  EXPECT_EQ(summary["runs"][0]["exceptions"], 1);
  EXPECT_EQ(summary["unreconciled"]["USD"], 700);  // none of the unknown chargeback is posted
  EXPECT_EQ(s_.Balance("processing_expense:USD"), 1'500);
  EXPECT_EQ(cash_before - s_.Balance("collections_cash:USD"), collection->amount.minor() + 1'500);
  std::vector<fraud::Label> labels = LabelsOf(bought.order_id);
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_TRUE(labels[0].fraud);
  EXPECT_EQ(labels[0].source, "chargeback");
  // What the plan still owed is written off as fraud, not pursued: the loss is the whole
  // purchase (the instalment taken back and the three not yet due).
  const lending::Plan off = s_.Plan(bought.plan_id);
  EXPECT_EQ(off.status, lending::PlanStatus::kChargedOff);
  EXPECT_EQ(off.charge_off_reason, lending::ChargeOffReason::kFraud);
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 40'000);
  EXPECT_EQ(s_.Balance("credit_loss_expense:USD"), 0);
  EXPECT_EQ(s_.Receivable(bought.consumer_id), 0);
  EXPECT_EQ(s_.EventCounts().at("plan.charged_off"), 1);
  const auto plan_view = s_.client().Get("/v1/me/plans/" + bought.plan_id, s_.Login("cara@example.com"));
  ASSERT_EQ(plan_view.status, 200) << plan_view.body;
  EXPECT_EQ(plan_view.json()["status"], "charged_off");
  EXPECT_EQ(plan_view.json()["charge_off_reason"], "fraud");

  // The unmatched chargeback is contested, not written off.
  const Json open = Get("/v1/admin/reconciliation/exceptions?status=open");
  ASSERT_EQ(open["data"].size(), 1u);
  EXPECT_EQ(open["data"][0]["type"], "chargeback");
  EXPECT_EQ(open["data"][0]["kind"], "unknown_reference");
  const std::string resolve = "/v1/admin/reconciliation/exceptions/" + open["data"][0]["id"].get<std::string>() + "/resolve";
  auto r = s_.client().Post(resolve, {{"resolution", "write_off"}, {"note", "accept it"}}, s_.okey());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "invalid_resolution");
  r = s_.client().Post(resolve, {{"resolution", "no_adjustment"}, {"note", "another lender's card; processor reversed it"}},
                       s_.okey());
  EXPECT_EQ(r.status, 200) << r.body;

  // The processor reports it again a day later: a duplicate, posted and labelled once.
  // Another chargeback of the same collection is not accepted: a collection is charged
  // back once; it waits for a person, all of it unreconciled.
  recon::FileLine again = chargeback;
  again.processor_ref = "cb_3";
  again.amount = Money(300, Currency::kUSD);
  again.fee_minor = 0;
  Drop(AddDays(first, 1), recon::FormatFile({chargeback, again}));
  EXPECT_EQ(s_.Advance(1)["closed"][0]["reconciliation"]["fraud_charge_offs"], 0);
  summary = Get("/v1/admin/reconciliation");
  EXPECT_EQ(summary["runs"][0]["chargebacks"], 0);
  EXPECT_EQ(summary["runs"][0]["duplicates"], 1);
  EXPECT_EQ(summary["runs"][0]["exceptions"], 1);
  EXPECT_EQ(summary["unreconciled"]["USD"], 300);
  const Json queued = Get("/v1/admin/reconciliation/exceptions?status=open")["data"][0];
  EXPECT_EQ(queued["kind"], "amount_mismatch");
  EXPECT_EQ(queued["expected_amount"], 0);
  EXPECT_EQ(queued["open_amount"], 300);
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 40'000);
  EXPECT_EQ(LabelsOf(bought.order_id).size(), 1u);

  // The card is not charged again: the instalments falling due take nothing.
  const std::int64_t cash_after = s_.Balance("collections_cash:USD");
  s_.Advance(50);
  EXPECT_EQ(s_.Balance("collections_cash:USD"), cash_after);
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 40'000);
  EXPECT_EQ(s_.Plan(bought.plan_id).fees_charged.minor(), 0);
  s_.ExpectBooksAgree({bought.plan_id});
}

// The merchant refunded the whole order, so the instalment the consumer had paid went
// back to their card; a chargeback of that instalment would pay them twice. It is not
// accepted: it waits for a person to contest, with no loss posted and no fraud label.
TEST_F(ReconApiTest, AChargebackOfMoneyAlreadyRefundedWaitsForAPerson) {
  const Date first = s_.today();
  const Scenario::Purchase bought = s_.Buy("dana@example.com", 40'000);
  s_.Advance(1);  // the first instalment is collected
  auto refund = s_.client().Post("/v1/orders/" + bought.order_id + "/refunds", {{"amount", 40'000}}, s_.mkey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  EXPECT_EQ(refund.json()["refunded_to_consumer"], 10'000);
  const std::optional<recon::Expected> collection = DropChargingBackTheCollection(first);
  ASSERT_TRUE(collection.has_value());
  const Json closed = s_.Advance(1);
  EXPECT_EQ(closed["closed"][0]["reconciliation"]["fraud_charge_offs"], 0);

  const Json summary = Get("/v1/admin/reconciliation");
  ASSERT_EQ(summary["runs"].size(), 1u);
  EXPECT_EQ(summary["runs"][0]["chargebacks"], 0);
  const Json open = Get("/v1/admin/reconciliation/exceptions?status=open")["data"];
  ASSERT_EQ(open.size(), 1u) << open.dump();
  EXPECT_EQ(open[0]["type"], "chargeback");
  EXPECT_EQ(open[0]["kind"], "amount_mismatch");
  EXPECT_EQ(open[0]["reference"], collection->reference);
  EXPECT_EQ(open[0]["expected_amount"], 0);
  EXPECT_EQ(open[0]["open_amount"], 10'000);
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 0);
  EXPECT_TRUE(LabelsOf(bought.order_id).empty());
  EXPECT_EQ(s_.Plan(bought.plan_id).status, lending::PlanStatus::kClosed);
  s_.ExpectBooksAgree({bought.plan_id});
}

// The lender wrote off a purchase the consumer did not make and owes them back the
// instalment they paid; the issuer's later chargeback of that instalment would pay them
// twice, so it waits for a person, and the loss stays the order's amount.
TEST_F(ReconApiTest, AChargebackOfAnOrderAlreadyWrittenOffWaitsForAPerson) {
  const Date first = s_.today();
  const Scenario::Purchase bought = s_.Buy("eve@example.com", 40'000);
  s_.Advance(1);  // the first instalment is collected
  auto d = s_.client().Post("/v1/me/disputes", {{"order_id", bought.order_id}, {"reason", "unauthorized"}},
                            s_.Login(bought.email));
  ASSERT_EQ(d.status, 201) << d.body;
  auto decided = s_.client().Post("/v1/admin/disputes/" + d.json()["id"].get<std::string>() + "/decide",
                                  {{"resolution", "written_off"}}, s_.okey());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 40'000);
  const std::optional<recon::Expected> collection = DropChargingBackTheCollection(first);
  ASSERT_TRUE(collection.has_value());
  const Json closed = s_.Advance(1);
  EXPECT_EQ(closed["closed"][0]["reconciliation"]["fraud_charge_offs"], 0);
  const Json open = Get("/v1/admin/reconciliation/exceptions?status=open")["data"];
  ASSERT_EQ(open.size(), 1u) << open.dump();
  EXPECT_EQ(open[0]["kind"], "amount_mismatch");
  EXPECT_EQ(open[0]["expected_amount"], 0);
  EXPECT_EQ(s_.Balance("fraud_loss_expense:USD"), 40'000);
  EXPECT_EQ(s_.Balance("consumer_refunds_payable:USD:" + bought.consumer_id), 0);  // paid back by that close
  EXPECT_EQ(LabelsOf(bought.order_id).size(), 1u);  // the dispute's label only
  s_.ExpectBooksAgree({bought.plan_id});
}

}  // namespace
}  // namespace tranche
