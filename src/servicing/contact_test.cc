#include "servicing/contact.h"

#include <gtest/gtest.h>

namespace tranche::servicing {
namespace {

const Instant kNow = *ParseRfc3339("2026-03-02T10:00:00Z");

Contact Draft() {
  Contact c;
  c.id = "cct_1";
  c.channel = ContactChannel::kEmail;
  c.reason = "refund_status";
  c.handled_by = "opr_1";
  c.started_at = kNow - std::chrono::minutes(10);
  c.handled_seconds = 240;
  return c;
}

TEST(ContactTest, ALoggedContactIsStampedWhenItWasLogged) {
  auto c = LogContact(Draft(), kNow);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->created_at, kNow);
  EXPECT_EQ(c->reason, "refund_status");
  for (ContactChannel ch : kAllContactChannels) EXPECT_EQ(ParseContactChannel(ContactChannelName(ch)), ch);
  EXPECT_FALSE(ParseContactChannel("fax"));
}

TEST(ContactTest, RefusesWhatIsOutOfBoundsNamingTheField) {
  const auto refused = [](Contact c) {
    auto r = LogContact(std::move(c), kNow);
    return r.ok() ? std::string() : r.status().param();
  };
  Contact c = Draft();
  c.reason = "";
  EXPECT_EQ(refused(c), "reason");
  c.reason = "Refund";
  EXPECT_EQ(refused(c), "reason");
  c = Draft();
  c.handled_seconds = 0;
  EXPECT_EQ(refused(c), "handled_seconds");
  c.handled_seconds = kMaxContactHandledSeconds + 1;
  EXPECT_EQ(refused(c), "handled_seconds");
  c.handled_seconds = kMaxContactHandledSeconds;
  c.started_at = kNow - std::chrono::seconds(kMaxContactHandledSeconds);
  EXPECT_EQ(refused(c), "");
  c = Draft();
  c.started_at = kNow + std::chrono::seconds(1);
  EXPECT_EQ(refused(c), "started_at");
  // Logged once it has ended.
  c.started_at = kNow - std::chrono::seconds(c.handled_seconds - 1);
  EXPECT_EQ(refused(c), "started_at");
  c.started_at = kNow - std::chrono::seconds(c.handled_seconds);
  EXPECT_EQ(refused(c), "");
  c.started_at = kNow - kMaxContactLogDelay;
  EXPECT_EQ(refused(c), "");
  c.started_at -= std::chrono::seconds(1);
  EXPECT_EQ(refused(c), "started_at");
  c = Draft();
  c.note = std::string(kMaxContactNoteChars + 1, 'n');
  EXPECT_EQ(refused(c), "note");
}

}  // namespace
}  // namespace tranche::servicing
