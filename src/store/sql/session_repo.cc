#include <nlohmann/json.hpp>

#include "core/enum_names.h"
#include "store/sql/json_text.h"
#include "store/sql/session_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using checkout::CheckoutSession;
using checkout::OrderLine;
using checkout::SessionStatus;
using Json = nlohmann::json;

namespace {

std::string LinesToJson(const std::vector<OrderLine>& lines) {
  Json out = Json::array();
  for (const OrderLine& l : lines) {
    out.push_back({{"name", l.name}, {"quantity", l.quantity},
                   {"unit_price", l.unit_price.minor()}, {"total_amount", l.total_amount.minor()}});
  }
  return JsonText(out);
}

Result<std::vector<OrderLine>> LinesFromJson(const std::string& text, Currency c) {
  const Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return Status::Internal("stored order lines are not a JSON array");
  std::vector<OrderLine> out;
  for (const Json& l : j) {
    if (!l.is_object() || !l.value("name", Json()).is_string() ||
        !l.value("quantity", Json()).is_number_integer() ||
        !l.value("unit_price", Json()).is_number_integer() ||
        !l.value("total_amount", Json()).is_number_integer()) {
      return Status::Internal("stored order line is malformed");
    }
    out.push_back(OrderLine{l["name"].get<std::string>(), l["quantity"].get<std::int64_t>(),
                            Money(l["unit_price"].get<std::int64_t>(), c),
                            Money(l["total_amount"].get<std::int64_t>(), c)});
  }
  return out;
}

Result<CheckoutSession> ReadSession(const Statement& stmt);

std::optional<SessionStatus> ParseStatus(std::string_view s) {
  return ParseByName<SessionStatus>(checkout::kAllSessionStatuses, checkout::SessionStatusName, s);
}

}  // namespace

Status SqlSessionRepo::Insert(const CheckoutSession& s) {
  auto stmt = c_.Prepare(
      "INSERT INTO checkout_sessions(id, merchant_id, currency, amount_minor, order_lines,"
      " merchant_reference, consumer_email, client_token_hash, status, created_at_us,"
      " expires_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const std::string lines = LinesToJson(s.draft.lines);
  stmt.Bind(1, s.id).Bind(2, s.merchant_id).Bind(3, CurrencyCode(s.draft.amount.currency()))
      .Bind(4, s.draft.amount.minor()).Bind(5, lines).Bind(6, s.draft.merchant_reference)
      .BindBlob(8, s.client_token_hash.data(), s.client_token_hash.size())
      .Bind(9, checkout::SessionStatusName(s.status)).Bind(10, UnixMicros(s.created_at))
      .Bind(11, UnixMicros(s.expires_at));
  if (s.draft.consumer_email) {
    stmt.Bind(7, *s.draft.consumer_email);
  } else {
    stmt.BindNull(7);
  }
  return stmt.Run();
}

namespace {
// Prepare() caches statements by the address of their text: each query is one literal.
constexpr char kSessionById[] =
    "SELECT id, merchant_id, currency, amount_minor, order_lines, merchant_reference,"
    " consumer_email, client_token_hash, status, created_at_us, expires_at_us"
    " FROM checkout_sessions WHERE id = ?";
constexpr char kSessionByToken[] =
    "SELECT id, merchant_id, currency, amount_minor, order_lines, merchant_reference,"
    " consumer_email, client_token_hash, status, created_at_us, expires_at_us"
    " FROM checkout_sessions WHERE client_token_hash = ?";
}  // namespace

Result<std::optional<CheckoutSession>> SqlSessionRepo::Find(std::string_view id) {
  auto stmt = c_.Prepare(kSessionById);
  stmt.Bind(1, id);
  return FindOne<CheckoutSession>(stmt, ReadSession);
}

Result<std::optional<CheckoutSession>> SqlSessionRepo::FindByClientTokenHash(
    const std::array<std::uint8_t, 32>& hash) {
  auto stmt = c_.Prepare(kSessionByToken);
  stmt.BindBlob(1, hash.data(), hash.size());
  return FindOne<CheckoutSession>(stmt, ReadSession);
}

Status SqlSessionRepo::SetStatus(std::string_view id, SessionStatus status) {
  auto stmt = c_.Prepare("UPDATE checkout_sessions SET status = ? WHERE id = ?");
  stmt.Bind(1, checkout::SessionStatusName(status)).Bind(2, id);
  TRANCHE_RETURN_IF_ERROR(stmt.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

namespace {
Result<CheckoutSession> ReadSession(const Statement& stmt) {
  const auto currency = ParseCurrency(stmt.Text(2));
  const auto status = ParseStatus(stmt.Text(8));
  const std::string hash = stmt.Blob(7);
  if (!currency || !status || hash.size() != 32) {
    return Status::Internal("stored checkout session is malformed");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto lines, LinesFromJson(stmt.Text(4), *currency));
  CheckoutSession s{stmt.Text(0), stmt.Text(1),
                    checkout::SessionDraft{Money(stmt.Int(3), *currency), std::move(lines),
                                           stmt.Text(5), std::nullopt},
                    {}, *status, InstantFromUnixMicros(stmt.Int(9)),
                    InstantFromUnixMicros(stmt.Int(10))};
  if (!stmt.IsNull(6)) s.draft.consumer_email = stmt.Text(6);
  std::copy(hash.begin(), hash.end(), s.client_token_hash.begin());
  return s;
}
}  // namespace

}  // namespace tranche::store::sql
