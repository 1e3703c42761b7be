// Fraud reviews in SQLite.
#include "store/sql/fraud_review_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using fraud::Review;
using fraud::ReviewFilter;

namespace {

Result<Review> ReadReview(const Statement& s) {
  const auto currency = ParseCurrency(s.Text(5));
  const auto status = fraud::ParseReviewStatus(s.Text(7));
  if (!currency || !status) return Status::Internal("stored fraud review is malformed");
  Review r;
  r.id = s.Text(0);
  r.fraud_decision_id = s.Text(1);
  r.authorization_id = s.Text(2);
  r.merchant_id = s.Text(3);
  r.consumer_id = s.Text(4);
  r.amount = Money(s.Int(6), *currency);
  r.status = *status;
  r.claimed_by = OptionalText(s, 8);
  r.claimed_at = OptionalInstant(s, 9);
  r.decided_by = OptionalText(s, 10);
  r.decided_at = OptionalInstant(s, 11);
  r.note = s.Text(12);
  r.created_at = InstantFromUnixMicros(s.Int(13));
  return r;
}

}  // namespace

Status SqlFraudReviewRepo::Insert(const Review& r) {
  auto s = c_.Prepare(
      "INSERT INTO fraud_reviews(id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency,"
      " amount_minor, status, claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, r.id).Bind(2, r.fraud_decision_id).Bind(3, r.authorization_id).Bind(4, r.merchant_id)
      .Bind(5, r.consumer_id).Bind(6, CurrencyCode(r.amount.currency())).Bind(7, r.amount.minor())
      .Bind(8, ReviewStatusName(r.status));
  BindOptional(s, 9, r.claimed_by);
  BindOptional(s, 10, r.claimed_at);
  BindOptional(s, 11, r.decided_by);
  BindOptional(s, 12, r.decided_at);
  s.Bind(13, r.note).Bind(14, UnixMicros(r.created_at));
  return s.Run();
}

Status SqlFraudReviewRepo::Update(const Review& r) {
  auto s = c_.Prepare(
      "UPDATE fraud_reviews SET status = ?, claimed_by = ?, claimed_at_us = ?, decided_by = ?, decided_at_us = ?,"
      " note = ? WHERE id = ?");
  s.Bind(1, ReviewStatusName(r.status));
  BindOptional(s, 2, r.claimed_by);
  BindOptional(s, 3, r.claimed_at);
  BindOptional(s, 4, r.decided_by);
  BindOptional(s, 5, r.decided_at);
  s.Bind(6, r.note).Bind(7, r.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<Review>> SqlFraudReviewRepo::Find(std::string_view id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews WHERE id = ?");
  s.Bind(1, id);
  return FindOne<Review>(s, ReadReview);
}

Result<std::optional<Review>> SqlFraudReviewRepo::FindByAuthorization(std::string_view authorization_id) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews"
      " WHERE authorization_id = ?");
  s.Bind(1, authorization_id);
  return FindOne<Review>(s, ReadReview);
}

Result<std::vector<Review>> SqlFraudReviewRepo::List(const ReviewFilter& filter, std::string_view after_id,
                                                         std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, fraud_decision_id, authorization_id, merchant_id, consumer_id, currency, amount_minor, status,"
      " claimed_by, claimed_at_us, decided_by, decided_at_us, note, created_at_us FROM fraud_reviews"
      " WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) AND (CAST(?2 AS TEXT) IS NULL OR merchant_id = ?2)"
      " AND id > ?3 ORDER BY id LIMIT ?4");
  if (filter.status) {
    s.Bind(1, ReviewStatusName(*filter.status));
  } else {
    s.BindNull(1);
  }
  BindOptional(s, 2, filter.merchant_id);
  s.Bind(3, after_id).Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<Review>(s, ReadReview);
}

Result<std::int64_t> SqlFraudReviewRepo::CountPending() {
  auto s = c_.Prepare("SELECT COUNT(*) FROM fraud_reviews WHERE status = 'pending'");
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);  // an aggregate answers one row
  return s.Int(0);
}

}  // namespace tranche::store::sql
