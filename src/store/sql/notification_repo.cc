// Consumer notifications in SQLite.
#include "store/sql/notification_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

Status SqlNotificationRepo::Insert(const notify::Notification& n) {
  auto s = c_.Prepare(
      "INSERT INTO notifications(id, consumer_id, channel, kind, recipient, subject, body,"
      " created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, n.id).Bind(2, n.consumer_id).Bind(3, n.channel).Bind(4, n.kind).Bind(5, n.recipient)
      .Bind(6, n.subject).Bind(7, n.body).Bind(8, UnixMicros(n.created_at));
  return s.Run();
}

Result<std::vector<notify::Notification>> SqlNotificationRepo::List(
    std::optional<std::string_view> consumer_id, std::string_view after_id, std::size_t limit) {
  const auto read = [](const Statement& st) -> Result<notify::Notification> {
    return notify::Notification{st.Text(0), st.Text(1), st.Text(2), st.Text(3),
                                st.Text(4), st.Text(5), st.Text(6), InstantFromUnixMicros(st.Int(7))};
  };
  if (consumer_id) {
    auto s = c_.Prepare(
        "SELECT id, consumer_id, channel, kind, recipient, subject, body, created_at_us"
        " FROM notifications WHERE consumer_id = ? AND id > ? ORDER BY id LIMIT ?");
    s.Bind(1, *consumer_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
    return CollectAll<notify::Notification>(s, read);
  }
  auto s = c_.Prepare(
      "SELECT id, consumer_id, channel, kind, recipient, subject, body, created_at_us"
      " FROM notifications WHERE id > ? ORDER BY id LIMIT ?");
  s.Bind(1, after_id).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<notify::Notification>(s, read);
}

}  // namespace tranche::store::sql
