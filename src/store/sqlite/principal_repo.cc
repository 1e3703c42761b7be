#include "store/sqlite/repos.h"

namespace tranche::store::sqlite {

using merchants::Consumer;
using merchants::Merchant;

namespace {

constexpr char kMerchantById[] =
    "SELECT id, name, country, default_currency, mdr_bps, fixed_fee_minor, created_at_us"
    " FROM merchants WHERE id = ?";
constexpr char kMerchantsAfter[] =
    "SELECT id, name, country, default_currency, mdr_bps, fixed_fee_minor, created_at_us"
    " FROM merchants WHERE id > ? ORDER BY id LIMIT ?";
constexpr char kConsumerById[] =
    "SELECT id, email, given_name, family_name, created_at_us FROM consumers WHERE id = ?";
constexpr char kConsumerByEmail[] =
    "SELECT id, email, given_name, family_name, created_at_us FROM consumers WHERE email = ?";
constexpr char kKeyByHash[] =
    "SELECT id, principal_kind, principal_id, secret_hash, display_prefix, created_at_us,"
    " revoked_at_us FROM api_keys WHERE secret_hash = ?";
constexpr char kKeysOf[] =
    "SELECT id, principal_kind, principal_id, secret_hash, display_prefix, created_at_us,"
    " revoked_at_us FROM api_keys WHERE principal_id = ? ORDER BY id";
constexpr char kOperatorById[] = "SELECT id, name, created_at_us FROM operators WHERE id = ?";
constexpr char kOperatorByName[] = "SELECT id, name, created_at_us FROM operators WHERE name = ?";

Result<Merchant> ReadMerchant(const Statement& s) {
  auto currency = ParseCurrency(s.Text(3));
  if (!currency) return Status::Internal("stored merchant has an unknown currency");
  return Merchant{s.Text(0), s.Text(1), s.Text(2), *currency,
                  merchants::Pricing{s.Int(4), s.Int(5)}, InstantFromUnixMicros(s.Int(6))};
}

Consumer ReadConsumer(const Statement& s) {
  return Consumer{s.Text(0), s.Text(1), s.Text(2), s.Text(3), InstantFromUnixMicros(s.Int(4))};
}

Result<auth::ApiKey> ReadKey(const Statement& s) {
  auto kind = auth::ParsePrincipalKind(s.Text(1));
  const std::string hash = s.Blob(3);
  if (!kind || hash.size() != 32) return Status::Internal("stored api key is malformed");
  auth::ApiKey k{s.Text(0), *kind, s.Text(2), {}, s.Text(4), InstantFromUnixMicros(s.Int(5)),
                 std::nullopt};
  std::copy(hash.begin(), hash.end(), k.secret_hash.begin());
  if (!s.IsNull(6)) k.revoked_at = InstantFromUnixMicros(s.Int(6));
  return k;
}

// Steps `stmt` once and maps the row, if any, with `read`.
template <typename T, typename ReadFn>
Result<std::optional<T>> FindOne(Statement& stmt, ReadFn read) {
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<T>();
  Result<T> value = read(stmt);
  if (!value.ok()) return value.status();
  return std::optional<T>(std::move(value).value());
}

}  // namespace

Status SqliteMerchantRepo::Insert(const Merchant& m) {
  auto s = c_.Prepare(
      "INSERT INTO merchants(id, name, country, default_currency, mdr_bps, fixed_fee_minor,"
      " created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, m.id).Bind(2, m.name).Bind(3, m.country).Bind(4, CurrencyCode(m.default_currency))
      .Bind(5, m.pricing.mdr_bps).Bind(6, m.pricing.fixed_fee_minor)
      .Bind(7, UnixMicros(m.created_at));
  return s.Run();
}

Result<std::optional<Merchant>> SqliteMerchantRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kMerchantById);
  s.Bind(1, id);
  return FindOne<Merchant>(s, ReadMerchant);
}

Result<std::vector<Merchant>> SqliteMerchantRepo::List(std::string_view after_id,
                                                       std::size_t limit) {
  auto s = c_.Prepare(kMerchantsAfter);
  s.Bind(1, after_id).Bind(2, static_cast<std::int64_t>(limit));
  std::vector<Merchant> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    TRANCHE_ASSIGN_OR_RETURN(Merchant m, ReadMerchant(s));
    out.push_back(std::move(m));
  }
}

Status SqliteConsumerRepo::Insert(const Consumer& c) {
  auto s = c_.Prepare(
      "INSERT INTO consumers(id, email, given_name, family_name, created_at_us)"
      " VALUES (?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, c.email).Bind(3, c.given_name).Bind(4, c.family_name)
      .Bind(5, UnixMicros(c.created_at));
  return s.Run();
}

Result<std::optional<Consumer>> SqliteConsumerRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kConsumerById);
  s.Bind(1, id);
  return FindOne<Consumer>(s, [](const Statement& st) { return Result<Consumer>(ReadConsumer(st)); });
}

Result<std::optional<Consumer>> SqliteConsumerRepo::FindByEmail(std::string_view email) {
  auto s = c_.Prepare(kConsumerByEmail);
  s.Bind(1, email);
  return FindOne<Consumer>(s, [](const Statement& st) { return Result<Consumer>(ReadConsumer(st)); });
}

Status SqliteKeyRepo::InsertKey(const auth::ApiKey& k) {
  auto s = c_.Prepare(
      "INSERT INTO api_keys(id, principal_kind, principal_id, secret_hash, display_prefix,"
      " created_at_us, revoked_at_us) VALUES (?, ?, ?, ?, ?, ?, NULL)");
  s.Bind(1, k.id).Bind(2, auth::PrincipalKindName(k.kind)).Bind(3, k.principal_id)
      .BindBlob(4, k.secret_hash.data(), k.secret_hash.size()).Bind(5, k.display_prefix)
      .Bind(6, UnixMicros(k.created_at));
  return s.Run();
}

Result<std::optional<auth::ApiKey>> SqliteKeyRepo::FindKeyByHash(const auth::SecretHash& hash) {
  auto s = c_.Prepare(kKeyByHash);
  s.BindBlob(1, hash.data(), hash.size());
  return FindOne<auth::ApiKey>(s, ReadKey);
}

Result<int> SqliteKeyRepo::RevokeKeys(std::string_view principal_id, std::string_view keep_key_id,
                                      Instant now) {
  auto s = c_.Prepare(
      "UPDATE api_keys SET revoked_at_us = ? WHERE principal_id = ? AND id <> ?"
      " AND revoked_at_us IS NULL");
  s.Bind(1, UnixMicros(now)).Bind(2, principal_id).Bind(3, keep_key_id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return static_cast<int>(c_.Changes());
}

Result<std::vector<auth::ApiKey>> SqliteKeyRepo::ListKeys(std::string_view principal_id) {
  auto s = c_.Prepare(kKeysOf);
  s.Bind(1, principal_id);
  std::vector<auth::ApiKey> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    TRANCHE_ASSIGN_OR_RETURN(auth::ApiKey k, ReadKey(s));
    out.push_back(std::move(k));
  }
}

Status SqliteKeyRepo::InsertOperator(const auth::Operator& op) {
  auto s = c_.Prepare("INSERT INTO operators(id, name, created_at_us) VALUES (?, ?, ?)");
  s.Bind(1, op.id).Bind(2, op.name).Bind(3, UnixMicros(op.created_at));
  return s.Run();
}

namespace {
Result<auth::Operator> ReadOperator(const Statement& s) {
  return auth::Operator{s.Text(0), s.Text(1), InstantFromUnixMicros(s.Int(2))};
}
}  // namespace

Result<std::optional<auth::Operator>> SqliteKeyRepo::FindOperator(std::string_view id) {
  auto s = c_.Prepare(kOperatorById);
  s.Bind(1, id);
  return FindOne<auth::Operator>(s, ReadOperator);
}

Result<std::optional<auth::Operator>> SqliteKeyRepo::FindOperatorByName(std::string_view name) {
  auto s = c_.Prepare(kOperatorByName);
  s.Bind(1, name);
  return FindOne<auth::Operator>(s, ReadOperator);
}

}  // namespace tranche::store::sqlite
