// Consumers' payment methods in SQLite.
#include "store/sql/payment_method_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

Result<std::optional<payments::PaymentMethod>> SqlPaymentMethodRepo::FindSet(std::string_view consumer_id) {
  auto s = c_.Prepare("SELECT type, last4, profile FROM payment_methods WHERE consumer_id = ?");
  s.Bind(1, consumer_id);
  return FindOne<payments::PaymentMethod>(s, [](const Statement& st) -> Result<payments::PaymentMethod> {
    const auto type = payments::ParseMethodType(st.Text(0));
    if (!type) return Status::Internal("stored payment method is malformed");
    return payments::PaymentMethod{*type, st.Text(1), st.Text(2)};
  });
}

Status SqlPaymentMethodRepo::Set(std::string_view consumer_id, const payments::PaymentMethod& m) {
  auto s = c_.Prepare(
      "INSERT INTO payment_methods(consumer_id, type, last4, profile, updated_at_us) VALUES (?, ?, ?, ?, 0)"
      " ON CONFLICT(consumer_id) DO UPDATE SET type = excluded.type, last4 = excluded.last4,"
      " profile = excluded.profile");
  s.Bind(1, consumer_id).Bind(2, payments::MethodTypeName(m.type)).Bind(3, m.last4).Bind(4, m.profile);
  return s.Run();
}

}  // namespace tranche::store::sql
