// Customer contacts people handled outside the assistant (pure rules): a phone call or
// an email a customer-service agent answered, logged by the agent with its reason and
// how long it took. The assistant's conversations are stored by the assistant
// (assist/); these are the rest of the contact work, which the automation scorecard
// counts as customer_contact and staffs by Erlang C (at its configured handling time;
// the times logged are kept as the record of each contact).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace tranche::servicing {

enum class ContactChannel : std::uint8_t { kPhone, kEmail };
inline constexpr ContactChannel kAllContactChannels[] = {ContactChannel::kPhone, ContactChannel::kEmail};
std::string_view ContactChannelName(ContactChannel c);
std::optional<ContactChannel> ParseContactChannel(std::string_view name);

inline constexpr std::size_t kMaxContactReasonChars = 48;
inline constexpr std::size_t kMaxContactNoteChars = 500;
inline constexpr std::int64_t kMaxContactHandledSeconds = 4 * 3600;
// A contact is logged after it ends, at most this long after it started: a log is
// written the same shift, and a late one would move work into days already reported.
inline constexpr std::chrono::hours kMaxContactLogDelay{7 * 24};

struct Contact {
  std::string id;  // cct_...
  ContactChannel channel = ContactChannel::kPhone;
  // What the customer contacted about: lower-case letters, digits and _ (the assistant's
  // intent names, such as next_payment or refund_status, are the catalogue agents use).
  std::string reason;
  std::optional<std::string> consumer_id;  // none when the caller was not identified
  std::string handled_by;                  // the operator who handled it
  Instant started_at;
  std::int64_t handled_seconds = 0;  // talk or writing time, 1..kMaxContactHandledSeconds
  std::string note;
  Instant created_at;
};

// A contact as the agent logs it: checks the reason's form, the handling time's bounds,
// the note's length, and that it started no earlier than kMaxContactLogDelay before
// `now` and ended (started_at + handled_seconds) by `now` (errors name the field). The
// consumer's existence is the caller's to check.
Result<Contact> LogContact(Contact c, Instant now);

}  // namespace tranche::servicing
