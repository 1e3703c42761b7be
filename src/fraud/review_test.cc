#include "fraud/review.h"

#include <gtest/gtest.h>

namespace tranche::fraud {
namespace {

const Instant kT0 = Instant{} + std::chrono::hours(24 * 20000);

Review Pending() {
  Review r;
  r.id = "frv_1";
  r.fraud_decision_id = "frd_1";
  r.authorization_id = "auth_1";
  r.created_at = kT0;
  return r;
}

TEST(Review, ClaimThenDecideByTheClaimer) {
  auto claimed = Claim(Pending(), "op_a", kT0 + std::chrono::minutes(5));
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed.value().claimed_by, "op_a");
  // Claiming again keeps the first claim time; another operator is refused.
  EXPECT_EQ(Claim(claimed.value(), "op_a", kT0 + std::chrono::minutes(9)).value().claimed_at,
            kT0 + std::chrono::minutes(5));
  EXPECT_EQ(Claim(claimed.value(), "op_b", kT0).status().code(), "review_claimed");
  EXPECT_EQ(Decide(claimed.value(), "op_b", true, "", kT0).status().code(), "review_claimed");
  auto decided = Decide(claimed.value(), "op_a", false, "card testing", kT0 + std::chrono::minutes(30));
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided.value().status, ReviewStatus::kRejected);
  EXPECT_EQ(Age(decided.value(), kT0 + std::chrono::hours(5)), std::chrono::minutes(30));
  const Label l = LabelOf(decided.value(), "flb_1");
  EXPECT_TRUE(l.fraud);
  EXPECT_EQ(l.created_by, "op_a");
  // Final.
  EXPECT_EQ(Decide(decided.value(), "op_a", true, "", kT0).status().code(), "review_decided");
  EXPECT_EQ(Claim(decided.value(), "op_a", kT0).status().code(), "review_decided");
}

TEST(Review, UnclaimedMayBeDecidedAndAgeRunsWhilePending) {
  EXPECT_EQ(Age(Pending(), kT0 + std::chrono::seconds(90)), std::chrono::seconds(90));
  auto accepted = Decide(Pending(), "op_a", true, "known customer", kT0);
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted.value().status, ReviewStatus::kAccepted);
  EXPECT_FALSE(LabelOf(accepted.value(), "flb_2").fraud);
  EXPECT_EQ(Decide(Pending(), "op_a", true, std::string(kMaxReviewNoteChars + 1, 'n'), kT0).status().param(),
            "note");
}

TEST(Review, StatusNames) {
  for (ReviewStatus s : {ReviewStatus::kPending, ReviewStatus::kAccepted, ReviewStatus::kRejected}) {
    EXPECT_EQ(ParseReviewStatus(ReviewStatusName(s)), s);
  }
  EXPECT_FALSE(ParseReviewStatus("claimed"));
}

}  // namespace
}  // namespace tranche::fraud
