#include "servicing/contact.h"

#include <algorithm>

#include "core/assert.h"
#include "core/enum_names.h"

namespace tranche::servicing {

std::string_view ContactChannelName(ContactChannel c) {
  switch (c) {
    case ContactChannel::kPhone: return "phone";
    case ContactChannel::kEmail: return "email";
  }
  TRANCHE_ASSERT_MSG(false, "unknown contact channel");
  return "";
}

std::optional<ContactChannel> ParseContactChannel(std::string_view name) {
  return ParseByName<ContactChannel>(kAllContactChannels, ContactChannelName, name);
}

namespace {

bool IsReasonCode(std::string_view s) {
  return !s.empty() && s.size() <= kMaxContactReasonChars && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

Result<Contact> LogContact(Contact c, Instant now) {
  TRANCHE_ASSERT(!c.id.empty() && !c.handled_by.empty());
  if (!IsReasonCode(c.reason)) {
    return Status::InvalidArgument("invalid_reason", "reason is 1 to 48 lower-case letters, digits or _", "reason");
  }
  if (c.handled_seconds < 1 || c.handled_seconds > kMaxContactHandledSeconds) {
    return Status::InvalidArgument("invalid_handled_seconds", "handled_seconds must be 1 to 14400", "handled_seconds");
  }
  if (c.note.size() > kMaxContactNoteChars) {
    return Status::InvalidArgument("string_too_long", "note is longer than 500 characters", "note");
  }
  if (c.started_at + std::chrono::seconds(c.handled_seconds) > now || c.started_at < now - kMaxContactLogDelay) {
    return Status::InvalidArgument("invalid_started_at",
                                   "started_at must be within the last 7 days, handled_seconds before now at the latest",
                                   "started_at");
  }
  c.created_at = now;
  return c;
}

}  // namespace tranche::servicing
