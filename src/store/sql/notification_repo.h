// Consumer notifications in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "notify/notification_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlNotificationRepo final : public notify::NotificationRepo {
 public:
  explicit SqlNotificationRepo(Connection& c) : c_(c) {}
  Status Insert(const notify::Notification& n) override;
  Result<std::vector<notify::Notification>> List(std::optional<std::string_view> consumer_id,
                                                 std::string_view after_id,
                                                 std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
