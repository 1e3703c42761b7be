// Customer contacts people handled, in SQL.
#include "store/sql/contact_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using servicing::Contact;

namespace {

const std::string kColumns =
    "SELECT id, channel, reason, consumer_id, handled_by, started_at_us, handled_seconds, note, created_at_us"
    " FROM customer_contacts ";
const std::string kContactById = kColumns + "WHERE id = ?";
const std::string kContactsAfter = kColumns + "WHERE id > ? ORDER BY id LIMIT ?";
const std::string kContactsStarted =
    kColumns + "WHERE started_at_us >= ? AND started_at_us < ? ORDER BY started_at_us, id LIMIT ?";

Result<Contact> ReadContact(const Statement& s) {
  const auto channel = servicing::ParseContactChannel(s.Text(1));
  if (!channel) return Status::Internal("stored customer contact is malformed");
  return Contact{s.Text(0), *channel, s.Text(2), OptionalText(s, 3), s.Text(4), InstantFromUnixMicros(s.Int(5)),
                 s.Int(6),  s.Text(7), InstantFromUnixMicros(s.Int(8))};
}

}  // namespace

Status SqlContactRepo::Insert(const Contact& c) {
  auto s = c_.Prepare(
      "INSERT INTO customer_contacts(id, channel, reason, consumer_id, handled_by, started_at_us, handled_seconds,"
      " note, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, servicing::ContactChannelName(c.channel)).Bind(3, c.reason);
  BindOptional(s, 4, c.consumer_id);
  s.Bind(5, c.handled_by).Bind(6, UnixMicros(c.started_at)).Bind(7, c.handled_seconds).Bind(8, c.note)
      .Bind(9, UnixMicros(c.created_at));
  return s.Run();
}

Result<std::optional<Contact>> SqlContactRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kContactById.c_str());
  s.Bind(1, id);
  return FindOne<Contact>(s, ReadContact);
}

Result<std::vector<Contact>> SqlContactRepo::List(std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(kContactsAfter.c_str());
  s.Bind(1, after_id).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<Contact>(s, ReadContact);
}

Result<std::vector<Contact>> SqlContactRepo::ListStarted(Instant from, Instant to, std::size_t limit) {
  auto s = c_.Prepare(kContactsStarted.c_str());
  s.Bind(1, UnixMicros(from)).Bind(2, UnixMicros(to)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Contact>(s, ReadContact);
}

}  // namespace tranche::store::sql
