#include <nlohmann/json.hpp>

#include "core/enum_names.h"
#include "store/sql/consumer_repo.h"
#include "store/sql/json_text.h"
#include "store/sql/key_repo.h"
#include "store/sql/merchant_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using merchants::Consumer;
using merchants::Merchant;

namespace {

#define TRANCHE_MERCHANT_COLUMNS                                                               \
  "SELECT id, name, country, default_currency, mdr_bps, fixed_fee_minor, created_at_us, products," \
  " category, onboarding_status, onboarding_findings, reviewed_by, reviewed_at_us, review_note, payouts_released_by," \
  " payouts_released_at_us, payouts_release_reason FROM merchants"
constexpr char kMerchantById[] = TRANCHE_MERCHANT_COLUMNS " WHERE id = ?";
constexpr char kMerchantsAfter[] = TRANCHE_MERCHANT_COLUMNS " WHERE id > ? ORDER BY id LIMIT ?";
constexpr char kMerchantsInStatusAfter[] =
    TRANCHE_MERCHANT_COLUMNS " WHERE id > ? AND onboarding_status = ? ORDER BY id LIMIT ?";
#undef TRANCHE_MERCHANT_COLUMNS
constexpr char kConsumerById[] =
    "SELECT id, email, given_name, family_name, created_at_us, phone, date_of_birth, address"
    " FROM consumers WHERE id = ?";
constexpr char kConsumerByEmail[] =
    "SELECT id, email, given_name, family_name, created_at_us, phone, date_of_birth, address"
    " FROM consumers WHERE email = ?";
constexpr char kKeyByHash[] =
    "SELECT id, principal_kind, principal_id, secret_hash, display_prefix, created_at_us,"
    " revoked_at_us, expires_at_us FROM api_keys WHERE secret_hash = ?";
constexpr char kKeysOf[] =
    "SELECT id, principal_kind, principal_id, secret_hash, display_prefix, created_at_us,"
    " revoked_at_us, expires_at_us FROM api_keys WHERE principal_id = ? ORDER BY id";
constexpr char kOperatorById[] = "SELECT id, name, created_at_us FROM operators WHERE id = ?";
constexpr char kOperatorByName[] = "SELECT id, name, created_at_us FROM operators WHERE name = ?";

using Json = nlohmann::json;

// Products are stored as JSON in the merchant's default currency; NULL means every
// product on its default terms.
std::string ProductsToJson(const merchants::ProductSet& products) {
  Json out = Json::array();
  for (const lending::ProductTerms& t : products) {
    out.push_back({{"product", lending::ProductName(t.kind)}, {"min_amount", t.min_amount.minor()},
                   {"max_amount", t.max_amount.minor()}, {"min_apr_bps", t.min_apr_bps},
                   {"max_apr_bps", t.max_apr_bps}});
  }
  return out.dump();
}

Result<merchants::ProductSet> ProductsFromJson(const std::string& text, Currency c) {
  const Json j = Json::parse(text, nullptr, false);
  const auto malformed = Status::Internal("stored merchant products are malformed");
  if (!j.is_array()) return malformed;
  merchants::ProductSet out;
  for (const Json& t : j) {
    if (!t.is_object() || !t.value("product", Json()).is_string()) return malformed;
    const auto kind = lending::ParseProduct(t["product"].get<std::string>());
    for (const char* f : {"min_amount", "max_amount", "min_apr_bps", "max_apr_bps"}) {
      if (!t.value(f, Json()).is_number_integer()) return malformed;
    }
    if (!kind) return malformed;
    out.push_back({*kind, Money(t["min_amount"].get<std::int64_t>(), c),
                   Money(t["max_amount"].get<std::int64_t>(), c),
                   t["min_apr_bps"].get<std::int64_t>(), t["max_apr_bps"].get<std::int64_t>()});
  }
  return out;
}

Result<Merchant> ReadMerchant(const Statement& s) {
  auto currency = ParseCurrency(s.Text(3));
  if (!currency) return Status::Internal("stored merchant has an unknown currency");
  Merchant m{s.Text(0), s.Text(1), s.Text(2), *currency, merchants::Pricing{s.Int(4), s.Int(5)},
             merchants::DefaultProducts(*currency), InstantFromUnixMicros(s.Int(6)), s.Text(8), {}};
  if (!s.IsNull(7)) {
    TRANCHE_ASSIGN_OR_RETURN(m.products, ProductsFromJson(s.Text(7), *currency));
  }
  const auto status = merchants::ParseOnboardingStatus(s.Text(9));
  const Json findings = Json::parse(s.Text(10), nullptr, false);
  if (!status || !findings.is_array()) return Status::Internal("stored merchant onboarding is malformed");
  m.onboarding.status = *status;
  for (const Json& f : findings) {
    if (!f.is_string()) return Status::Internal("stored merchant onboarding is malformed");
    m.onboarding.findings.push_back(f.get<std::string>());
  }
  if (s.IsNull(11) != s.IsNull(12)) return Status::Internal("stored merchant review is malformed");
  if (!s.IsNull(11)) {
    m.onboarding.reviewed_by = s.Text(11);
    m.onboarding.reviewed_at = InstantFromUnixMicros(s.Int(12));
  }
  if (!s.IsNull(13)) m.onboarding.review_note = s.Text(13);
  if (s.IsNull(14) != s.IsNull(15) || s.IsNull(14) != s.IsNull(16)) {
    return Status::Internal("stored merchant payout release is malformed");
  }
  if (!s.IsNull(14)) {
    m.onboarding.payout_release = merchants::PayoutRelease{s.Text(14), InstantFromUnixMicros(s.Int(15)), s.Text(16)};
  }
  return m;
}

// Binds an Onboarding's status, findings, reviewer, time, note and payout release
// (kOnboardingColumns parameters) from `first` on.
constexpr int kOnboardingColumns = 8;
void BindOnboarding(Statement& s, int first, const merchants::Onboarding& o) {
  s.Bind(first, merchants::OnboardingStatusName(o.status)).Bind(first + 1, JsonText(Json(o.findings)));
  if (o.reviewed_by.empty()) {
    s.BindNull(first + 2).BindNull(first + 3).BindNull(first + 4);
  } else {
    TRANCHE_ASSERT(o.reviewed_at.has_value());
    s.Bind(first + 2, o.reviewed_by).Bind(first + 3, UnixMicros(*o.reviewed_at)).Bind(first + 4, o.review_note);
  }
  if (!o.payout_release) {
    s.BindNull(first + 5).BindNull(first + 6).BindNull(first + 7);
    return;
  }
  const merchants::PayoutRelease& r = *o.payout_release;
  s.Bind(first + 5, r.released_by).Bind(first + 6, UnixMicros(r.released_at)).Bind(first + 7, r.reason);
}

std::string AddressToJson(const merchants::Address& a) {
  return JsonText(Json{{"line1", a.line1}, {"city", a.city}, {"postal_code", a.postal_code}, {"country", a.country}});
}

Result<Consumer> ReadConsumer(const Statement& s) {
  Consumer c{s.Text(0), s.Text(1), s.Text(2), s.Text(3), InstantFromUnixMicros(s.Int(4)),
             s.Text(5), std::nullopt, std::nullopt};
  if (!s.IsNull(6)) {
    c.date_of_birth = ParseDate(s.Text(6));
    if (!c.date_of_birth) return Status::Internal("stored consumer has a malformed date of birth");
  }
  if (!s.IsNull(7)) {
    const Json a = Json::parse(s.Text(7), nullptr, false);
    if (!a.is_object()) return Status::Internal("stored consumer address is malformed");
    c.address = merchants::Address{a.value("line1", ""), a.value("city", ""),
                                   a.value("postal_code", ""), a.value("country", "")};
  }
  return c;
}

Result<auth::ApiKey> ReadKey(const Statement& s) {
  auto kind = auth::ParsePrincipalKind(s.Text(1));
  const std::string hash = s.Blob(3);
  if (!kind || hash.size() != 32) return Status::Internal("stored api key is malformed");
  auth::ApiKey k{s.Text(0), *kind, s.Text(2), {}, s.Text(4), InstantFromUnixMicros(s.Int(5)),
                 std::nullopt, std::nullopt};
  std::copy(hash.begin(), hash.end(), k.secret_hash.begin());
  if (!s.IsNull(6)) k.revoked_at = InstantFromUnixMicros(s.Int(6));
  if (!s.IsNull(7)) k.expires_at = InstantFromUnixMicros(s.Int(7));
  return k;
}


}  // namespace

Status SqlMerchantRepo::Insert(const Merchant& m) {
  auto s = c_.Prepare(
      "INSERT INTO merchants(id, name, country, default_currency, mdr_bps, fixed_fee_minor,"
      " created_at_us, products, category, onboarding_status, onboarding_findings, reviewed_by, reviewed_at_us,"
      " review_note, payouts_released_by, payouts_released_at_us, payouts_release_reason)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, m.id).Bind(2, m.name).Bind(3, m.country).Bind(4, CurrencyCode(m.default_currency))
      .Bind(5, m.pricing.mdr_bps).Bind(6, m.pricing.fixed_fee_minor)
      .Bind(7, UnixMicros(m.created_at)).Bind(8, ProductsToJson(m.products)).Bind(9, m.category);
  BindOnboarding(s, 10, m.onboarding);
  return s.Run();
}

Status SqlMerchantRepo::UpdateOnboarding(std::string_view id, const merchants::Onboarding& onboarding) {
  auto s = c_.Prepare(
      "UPDATE merchants SET onboarding_status = ?, onboarding_findings = ?, reviewed_by = ?, reviewed_at_us = ?,"
      " review_note = ?, payouts_released_by = ?, payouts_released_at_us = ?, payouts_release_reason = ? WHERE id = ?");
  BindOnboarding(s, 1, onboarding);
  s.Bind(1 + kOnboardingColumns, id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  if (c_.Changes() != 1) return Status::NotFound("merchant_not_found", "no such merchant", "id");
  return Status::Ok();
}

Status SqlMerchantRepo::UpdateProducts(std::string_view id, const merchants::ProductSet& products) {
  auto s = c_.Prepare("UPDATE merchants SET products = ? WHERE id = ?");
  s.Bind(1, ProductsToJson(products)).Bind(2, id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  if (c_.Changes() != 1) return Status::NotFound("merchant_not_found", "no such merchant", "id");
  return Status::Ok();
}

Result<std::optional<Merchant>> SqlMerchantRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kMerchantById);
  s.Bind(1, id);
  return FindOne<Merchant>(s, ReadMerchant);
}

Result<std::vector<Merchant>> SqlMerchantRepo::List(std::string_view after_id,
                                                    std::optional<merchants::OnboardingStatus> status,
                                                    std::size_t limit) {
  auto s = c_.Prepare(status ? kMerchantsInStatusAfter : kMerchantsAfter);
  s.Bind(1, after_id);
  if (status) s.Bind(2, merchants::OnboardingStatusName(*status));
  s.Bind(status ? 3 : 2, static_cast<std::int64_t>(limit));
  return CollectAll<Merchant>(s, ReadMerchant);
}

Status SqlMerchantRepo::OpenReview(std::string_view merchant_id, Instant queued_at) {
  auto s = c_.Prepare("INSERT INTO merchant_reviews(merchant_id, queued_at_us) VALUES (?, ?)");
  s.Bind(1, merchant_id).Bind(2, UnixMicros(queued_at));
  return s.Run();
}

Result<bool> SqlMerchantRepo::CloseReview(std::string_view merchant_id, Instant decided_at) {
  auto s = c_.Prepare("UPDATE merchant_reviews SET decided_at_us = ? WHERE merchant_id = ? AND decided_at_us IS NULL");
  s.Bind(1, UnixMicros(decided_at)).Bind(2, merchant_id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return c_.Changes() == 1;
}

Result<std::vector<merchants::OnboardingWork>> SqlMerchantRepo::ListOnboardingWork(Instant from, Instant to,
                                                                                std::size_t limit) {
  // Merchants by creation time have no index: they number in the thousands, and this
  // serves a report. A review queued at the merchant's creation is the check's referral.
  auto s = c_.Prepare(
      "SELECT arrived_at_us, needed_person, decided_at_us FROM ("
      " SELECT m.created_at_us AS arrived_at_us, 0 AS needed_person, NULL AS decided_at_us FROM merchants m"
      "  WHERE m.created_at_us >= ? AND m.created_at_us < ? AND NOT EXISTS (SELECT 1 FROM merchant_reviews r"
      "   WHERE r.merchant_id = m.id AND r.queued_at_us = m.created_at_us)"
      " UNION ALL"
      " SELECT queued_at_us, 1, decided_at_us FROM merchant_reviews WHERE queued_at_us >= ? AND queued_at_us < ?"
      ") AS work ORDER BY arrived_at_us LIMIT ?");
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, UnixMicros(from)).Bind(4, UnixMicros(to))
      .Bind(5, static_cast<std::int64_t>(limit));
  return CollectAll<merchants::OnboardingWork>(s, [](const Statement& row) -> Result<merchants::OnboardingWork> {
    merchants::OnboardingWork work{InstantFromUnixMicros(row.Int(0)), row.Int(1) != 0};
    if (!row.IsNull(2)) work.decided_at = InstantFromUnixMicros(row.Int(2));
    return work;
  });
}

Status SqlConsumerRepo::Insert(const Consumer& c) {
  auto s = c_.Prepare(
      "INSERT INTO consumers(id, email, given_name, family_name, created_at_us, phone, date_of_birth,"
      " address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, c.email).Bind(3, c.given_name).Bind(4, c.family_name)
      .Bind(5, UnixMicros(c.created_at)).Bind(6, c.phone);
  if (c.date_of_birth) {
    s.Bind(7, FormatDate(*c.date_of_birth));
  } else {
    s.BindNull(7);
  }
  if (c.address) {
    s.Bind(8, AddressToJson(*c.address));
  } else {
    s.BindNull(8);
  }
  return s.Run();
}

Result<std::optional<Money>> SqlConsumerRepo::FindLimit(std::string_view consumer_id,
                                                           Currency currency) {
  auto s = c_.Prepare(
      "SELECT limit_minor FROM consumer_limits WHERE consumer_id = ? AND currency = ?");
  s.Bind(1, consumer_id).Bind(2, CurrencyCode(currency));
  return FindOne<Money>(s, [currency](const Statement& st) { return Result<Money>(Money(st.Int(0), currency)); });
}

Status SqlConsumerRepo::SetLimit(std::string_view consumer_id, Money limit) {
  auto s = c_.Prepare(
      "INSERT INTO consumer_limits(consumer_id, currency, limit_minor) VALUES (?, ?, ?)"
      " ON CONFLICT (consumer_id, currency) DO UPDATE SET limit_minor = excluded.limit_minor");
  s.Bind(1, consumer_id).Bind(2, CurrencyCode(limit.currency())).Bind(3, limit.minor());
  return s.Run();
}

Result<std::vector<Money>> SqlConsumerRepo::ListLimits(std::string_view consumer_id) {
  auto s = c_.Prepare(
      "SELECT currency, limit_minor FROM consumer_limits WHERE consumer_id = ? ORDER BY currency");
  s.Bind(1, consumer_id);
  return CollectAll<Money>(s, [](const Statement& st) -> Result<Money> {
    const auto c = ParseCurrency(st.Text(0));
    if (!c) return Status::Internal("stored limit has an unknown currency");
    return Money(st.Int(1), *c);
  });
}

Result<std::optional<Consumer>> SqlConsumerRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kConsumerById);
  s.Bind(1, id);
  return FindOne<Consumer>(s, ReadConsumer);
}

Result<std::optional<Consumer>> SqlConsumerRepo::FindByEmail(std::string_view email) {
  auto s = c_.Prepare(kConsumerByEmail);
  s.Bind(1, email);
  return FindOne<Consumer>(s, ReadConsumer);
}

Status SqlKeyRepo::InsertKey(const auth::ApiKey& k) {
  auto s = c_.Prepare(
      "INSERT INTO api_keys(id, principal_kind, principal_id, secret_hash, display_prefix,"
      " created_at_us, revoked_at_us, expires_at_us) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)");
  s.Bind(1, k.id).Bind(2, auth::PrincipalKindName(k.kind)).Bind(3, k.principal_id)
      .BindBlob(4, k.secret_hash.data(), k.secret_hash.size()).Bind(5, k.display_prefix)
      .Bind(6, UnixMicros(k.created_at));
  if (k.expires_at) {
    s.Bind(7, UnixMicros(*k.expires_at));
  } else {
    s.BindNull(7);
  }
  return s.Run();
}

Result<std::optional<auth::ApiKey>> SqlKeyRepo::FindKeyByHash(const auth::SecretHash& hash) {
  auto s = c_.Prepare(kKeyByHash);
  s.BindBlob(1, hash.data(), hash.size());
  return FindOne<auth::ApiKey>(s, ReadKey);
}

Result<int> SqlKeyRepo::RevokeKeys(std::string_view principal_id, std::string_view keep_key_id,
                                      Instant now) {
  auto s = c_.Prepare(
      "UPDATE api_keys SET revoked_at_us = ? WHERE principal_id = ? AND id <> ?"
      " AND revoked_at_us IS NULL");
  s.Bind(1, UnixMicros(now)).Bind(2, principal_id).Bind(3, keep_key_id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return static_cast<int>(c_.Changes());
}

Result<std::vector<auth::ApiKey>> SqlKeyRepo::ListKeys(std::string_view principal_id) {
  auto s = c_.Prepare(kKeysOf);
  s.Bind(1, principal_id);
  return CollectAll<auth::ApiKey>(s, ReadKey);
}

Status SqlKeyRepo::InsertOperator(const auth::Operator& op) {
  auto s = c_.Prepare("INSERT INTO operators(id, name, created_at_us) VALUES (?, ?, ?)");
  s.Bind(1, op.id).Bind(2, op.name).Bind(3, UnixMicros(op.created_at));
  return s.Run();
}

namespace {
Result<auth::Operator> ReadOperator(const Statement& s) {
  return auth::Operator{s.Text(0), s.Text(1), InstantFromUnixMicros(s.Int(2))};
}
}  // namespace

Result<std::optional<auth::Operator>> SqlKeyRepo::FindOperator(std::string_view id) {
  auto s = c_.Prepare(kOperatorById);
  s.Bind(1, id);
  return FindOne<auth::Operator>(s, ReadOperator);
}

Result<std::optional<auth::Operator>> SqlKeyRepo::FindOperatorByName(std::string_view name) {
  auto s = c_.Prepare(kOperatorByName);
  s.Bind(1, name);
  return FindOne<auth::Operator>(s, ReadOperator);
}

namespace {
Result<auth::LoginChallenge> ReadChallenge(const Statement& s) {
  const std::string hash = s.Blob(2);
  if (hash.size() != 32) return Status::Internal("stored login challenge is malformed");
  auth::LoginChallenge c{s.Text(0), s.Text(1), {}, static_cast<int>(s.Int(3)),
                         InstantFromUnixMicros(s.Int(4)), InstantFromUnixMicros(s.Int(5)),
                         s.Int(6) != 0, s.Text(7)};
  std::copy(hash.begin(), hash.end(), c.code_hash.begin());
  return c;
}

// COUNT(*) and MAX(created_at_us) of one limit's key.
Result<auth::CodeHistory> ReadHistory(Statement& s) {
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  auth::CodeHistory h{static_cast<int>(s.Int(0)), std::nullopt};
  if (h.sent > 0) h.last_sent_at = InstantFromUnixMicros(s.Int(1));
  return h;
}
}  // namespace

Status SqlKeyRepo::InsertChallenge(const auth::LoginChallenge& c) {
  auto s = c_.Prepare(
      "INSERT INTO login_challenges(id, consumer_id, code_hash, attempts, created_at_us,"
      " expires_at_us, consumed, requested_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, c.consumer_id).BindBlob(3, c.code_hash.data(), c.code_hash.size())
      .Bind(4, c.attempts).Bind(5, UnixMicros(c.created_at)).Bind(6, UnixMicros(c.expires_at))
      .Bind(7, c.consumed ? 1 : 0).Bind(8, c.requested_from);
  return s.Run();
}

Result<std::optional<auth::LoginChallenge>> SqlKeyRepo::LatestChallenge(std::string_view consumer_id,
                                                                           std::string_view address) {
  auto s = c_.Prepare(
      "SELECT id, consumer_id, code_hash, attempts, created_at_us, expires_at_us, consumed, requested_from"
      " FROM login_challenges WHERE consumer_id = ? AND requested_from = ?"
      " ORDER BY created_at_us DESC, id DESC LIMIT 1");
  s.Bind(1, consumer_id).Bind(2, address);
  return FindOne<auth::LoginChallenge>(s, ReadChallenge);
}

Status SqlKeyRepo::UpdateChallenge(const auth::LoginChallenge& c) {
  auto s = c_.Prepare("UPDATE login_challenges SET attempts = ?, consumed = ? WHERE id = ?");
  s.Bind(1, c.attempts).Bind(2, c.consumed ? 1 : 0).Bind(3, c.id);
  return s.Run();
}

Result<auth::CodeHistories> SqlKeyRepo::ChallengesSince(std::string_view consumer_id,
                                                           std::string_view address, Instant since) {
  auth::CodeHistories out;
  auto both = c_.Prepare(
      "SELECT COUNT(*), MAX(created_at_us) FROM login_challenges"
      " WHERE consumer_id = ? AND requested_from = ? AND created_at_us >= ?");
  both.Bind(1, consumer_id).Bind(2, address).Bind(3, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(out.by_address_and_consumer, ReadHistory(both));
  auto by_address = c_.Prepare(
      "SELECT COUNT(*), MAX(created_at_us) FROM login_challenges"
      " WHERE requested_from = ? AND created_at_us >= ?");
  by_address.Bind(1, address).Bind(2, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(out.by_address, ReadHistory(by_address));
  auto by_consumer = c_.Prepare(
      "SELECT COUNT(*), MAX(created_at_us) FROM login_challenges"
      " WHERE consumer_id = ? AND created_at_us >= ?");
  by_consumer.Bind(1, consumer_id).Bind(2, UnixMicros(since));
  TRANCHE_ASSIGN_OR_RETURN(out.by_consumer, ReadHistory(by_consumer));
  return out;
}

}  // namespace tranche::store::sql
