#include "auth/login.h"

#include <gtest/gtest.h>

namespace tranche::auth {
namespace {

const Instant kNow = *ParseRfc3339("2026-12-01T09:00:00Z");

TEST(LoginTest, CodesWithinTheFreeAllowanceGoOutAtOnceThenWaitLongerEachTime) {
  EXPECT_EQ(CodeAllowedAt({0, std::nullopt}, 3), Instant{});
  EXPECT_EQ(CodeAllowedAt({2, kNow}, 3), Instant{});
  EXPECT_EQ(CodeAllowedAt({3, kNow}, 3), kNow + std::chrono::minutes(1));
  EXPECT_EQ(CodeAllowedAt({4, kNow}, 3), kNow + std::chrono::minutes(2));
  EXPECT_EQ(CodeAllowedAt({8, kNow}, 3), kNow + std::chrono::minutes(32));
  // Past a day the delay stops growing: the window forgets codes sooner anyway.
  EXPECT_EQ(CodeAllowedAt({40, kNow}, 3), kNow + std::chrono::minutes(2048));
}

TEST(LoginTest, TheCodeAtTheLimitGoesOutAndTheNextWaits) {
  // Two codes already sent from this address for this consumer: the third is the last
  // free one; a fourth at the same instant must wait a minute.
  CodeHistories h{{kFreeCodesPerAddressAndConsumer - 1, kNow}, {2, kNow}, {2, kNow}};
  EXPECT_TRUE(MaySendCode(h, kNow));
  h.by_address_and_consumer.sent = kFreeCodesPerAddressAndConsumer;
  EXPECT_FALSE(MaySendCode(h, kNow));
  EXPECT_FALSE(MaySendCode(h, kNow + std::chrono::seconds(59)));
  EXPECT_TRUE(MaySendCode(h, kNow + std::chrono::minutes(1)));
}

TEST(LoginTest, EveryLimitApplies) {
  const CodeHistory quiet{0, std::nullopt};
  EXPECT_TRUE(MaySendCode({quiet, quiet, quiet}, kNow));
  EXPECT_FALSE(MaySendCode({quiet, {kFreeCodesPerAddress, kNow}, quiet}, kNow));
  EXPECT_TRUE(MaySendCode({quiet, {kFreeCodesPerAddress - 1, kNow}, quiet}, kNow));
  EXPECT_FALSE(MaySendCode({quiet, quiet, {kFreeCodesPerConsumer, kNow}}, kNow));
  EXPECT_TRUE(MaySendCode({quiet, quiet, {kFreeCodesPerConsumer - 1, kNow}}, kNow));
}

TEST(LoginTest, ACodeIsBoundToItsChallengeAndLocksAfterFiveWrongGuesses) {
  LoginChallenge c = MakeChallenge("lch_1", "con_1", "123456", "203.0.113.7", kNow);
  EXPECT_EQ(c.requested_from, "203.0.113.7");
  for (int i = 1; i < kMaxCodeAttempts; ++i) {
    const CodeVerdict v = CheckCode(c, "654321", kNow);
    EXPECT_EQ(v.check, CodeCheck::kWrong);
    c = v.after;
  }
  EXPECT_EQ(CheckCode(c, "654321", kNow).check, CodeCheck::kLocked);
  EXPECT_EQ(CheckCode(c, "123456", kNow).check, CodeCheck::kAccepted);
  EXPECT_EQ(CheckCode(c, "123456", kNow + kLoginCodeLifetime).check, CodeCheck::kExpired);
}

}  // namespace
}  // namespace tranche::auth
