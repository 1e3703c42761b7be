// Fraud rule set versions in SQLite.
#include "store/sql/fraud_rules_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using fraud::RulesVersion;

namespace {

Result<RulesVersion> ReadRules(const Statement& s) {
  return RulesVersion{s.Int(0), s.Text(1), fraud::Thresholds{static_cast<int>(s.Int(2)), static_cast<int>(s.Int(3))},
                      static_cast<std::size_t>(s.Int(4)), s.Text(5), InstantFromUnixMicros(s.Int(6))};
}

}  // namespace

Result<std::optional<RulesVersion>> SqlFraudRulesRepo::Current() {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions ORDER BY version DESC LIMIT 1");
  return FindOne<RulesVersion>(s, ReadRules);
}

Result<std::optional<RulesVersion>> SqlFraudRulesRepo::Find(std::int64_t version) {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions WHERE version = ?");
  s.Bind(1, version);
  return FindOne<RulesVersion>(s, ReadRules);
}

Status SqlFraudRulesRepo::Insert(const RulesVersion& v) {
  auto s = c_.Prepare("INSERT INTO fraud_rule_versions(version, source, review_threshold, block_threshold,"
                      " rule_count, created_by, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, v.version).Bind(2, v.source).Bind(3, std::int64_t{v.thresholds.review_at})
      .Bind(4, std::int64_t{v.thresholds.block_at}).Bind(5, static_cast<std::int64_t>(v.rule_count))
      .Bind(6, v.created_by).Bind(7, UnixMicros(v.created_at));
  return s.Run();
}

Result<std::vector<RulesVersion>> SqlFraudRulesRepo::List(std::int64_t before, std::size_t limit) {
  auto s = c_.Prepare("SELECT version, source, review_threshold, block_threshold, rule_count, created_by,"
                      " created_at_us FROM fraud_rule_versions WHERE version < ? ORDER BY version DESC LIMIT ?");
  s.Bind(1, before).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<RulesVersion>(s, ReadRules);
}

}  // namespace tranche::store::sql
