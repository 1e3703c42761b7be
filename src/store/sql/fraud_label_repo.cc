// Fraud labels in SQLite.
#include "store/sql/fraud_label_repo.h"
#include "core/assert.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using fraud::KnownFraud;
using fraud::Label;

Status SqlFraudLabelRepo::Insert(const Label& l) {
  auto s = c_.Prepare(
      "INSERT INTO fraud_labels(id, fraud_decision_id, authorization_id, fraud, source, created_by, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, l.id).Bind(2, l.fraud_decision_id).Bind(3, l.authorization_id).Bind(4, std::int64_t{l.fraud ? 1 : 0})
      .Bind(5, l.source).Bind(6, l.created_by).Bind(7, UnixMicros(l.created_at));
  return s.Run();
}

Result<std::vector<Label>> SqlFraudLabelRepo::ListOfDecision(std::string_view fraud_decision_id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, fraud, source, created_by, created_at_us FROM fraud_labels"
      " WHERE fraud_decision_id = ? ORDER BY id");
  s.Bind(1, fraud_decision_id);
  return CollectAll<Label>(s, [](const Statement& r) -> Result<Label> {
    return Label{r.Text(0), r.Text(1), r.Text(2), r.Int(3) != 0, r.Text(4), r.Text(5), InstantFromUnixMicros(r.Int(6))};
  });
}

Result<std::vector<Label>> SqlFraudLabelRepo::ListOfDecisions(std::span<const std::string> fraud_decision_ids) {
  TRANCHE_ASSERT(fraud_decision_ids.size() <= fraud::kLabelLookupBatch);
  // One statement for any batch: the places a short batch does not fill hold "", which
  // is no decision's id.
  static_assert(fraud::kLabelLookupBatch == 50, "the statement has 50 places");
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, fraud, source, created_by, created_at_us FROM fraud_labels"
      " WHERE fraud_decision_id IN (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
      " ORDER BY fraud_decision_id, id");
  for (std::size_t i = 0; i < fraud::kLabelLookupBatch; ++i) {
    s.Bind(static_cast<int>(i + 1), i < fraud_decision_ids.size() ? std::string_view(fraud_decision_ids[i]) : "");
  }
  return CollectAll<Label>(s, [](const Statement& r) -> Result<Label> {
    return Label{r.Text(0), r.Text(1), r.Text(2), r.Int(3) != 0, r.Text(4), r.Text(5), InstantFromUnixMicros(r.Int(6))};
  });
}

Result<std::vector<KnownFraud>> SqlFraudLabelRepo::ListKnownFrauds(Instant since, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT d.merchant_id, d.created_at_us, l.created_at_us FROM fraud_labels l"
      " JOIN fraud_decisions d ON d.id = l.fraud_decision_id"
      " WHERE l.fraud = 1 AND l.created_at_us >= ? ORDER BY l.created_at_us, l.id LIMIT ?");
  s.Bind(1, UnixMicros(since)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<KnownFraud>(s, [](const Statement& r) -> Result<KnownFraud> {
    return KnownFraud{r.Text(0), InstantFromUnixMicros(r.Int(1)), InstantFromUnixMicros(r.Int(2))};
  });
}

}  // namespace tranche::store::sql
