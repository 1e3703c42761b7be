#include "payments/money_movement.h"

#include <gtest/gtest.h>

namespace tranche::payments {
namespace {

using S = MovementState;
constexpr S kStates[] = {S::kPending, S::kSucceeded, S::kFailed, S::kUnknown};

const Instant kNow = InstantFromUnixMicros(1'764'547'200'000'000);

ProcessorReply Reply(Outcome o, std::string failure_code = "", std::string reference = "") {
  return {o, std::move(failure_code), std::move(reference)};
}

TEST(MoneyMovementTest, LegalTransitionsAreExactlyTheDiagram) {
  for (S from : kStates) {
    for (S to : kStates) {
      const bool legal = (from == S::kPending || from == S::kUnknown) && to != S::kPending;
      EXPECT_EQ(CanMove(from, to), legal) << MovementStateName(from) << " → " << MovementStateName(to);
    }
  }
}

TEST(MoneyMovementTest, FinalStatesNeverChange) {
  EXPECT_FALSE(CanMove(S::kSucceeded, S::kFailed));
  EXPECT_FALSE(CanMove(S::kFailed, S::kSucceeded));
  EXPECT_FALSE(CanMove(S::kSucceeded, S::kUnknown));
  EXPECT_TRUE(IsFinal(S::kSucceeded));
  EXPECT_TRUE(IsFinal(S::kFailed));
  EXPECT_FALSE(IsFinal(S::kPending));
  EXPECT_FALSE(IsFinal(S::kUnknown));
}

TEST(MoneyMovementTest, PendingSucceedsWithItsReferenceAndTime) {
  const auto m = ApplyReply({}, Reply(Outcome::kSucceeded, "", "ref_1"), kNow);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->state, S::kSucceeded);
  EXPECT_EQ(m->reference, "ref_1");
  EXPECT_EQ(m->failure_code, "");
  EXPECT_EQ(m->resolved_at, kNow);
}

TEST(MoneyMovementTest, PendingFailsWithItsCode) {
  const auto m = ApplyReply({}, Reply(Outcome::kFailed, "insufficient_funds", "ref_2"), kNow);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->state, S::kFailed);
  EXPECT_EQ(m->failure_code, "insufficient_funds");
  EXPECT_EQ(m->resolved_at, kNow);
}

TEST(MoneyMovementTest, PendingTimesOutToUnknownUnresolved) {
  const auto m = ApplyReply({}, Reply(Outcome::kUnknown), kNow);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->state, S::kUnknown);
  EXPECT_FALSE(m->resolved_at.has_value());
}

TEST(MoneyMovementTest, UnknownResolvesAndKeepsAnEarlierReference) {
  const MovementRecord unknown{S::kUnknown, "ref_3", "", std::nullopt};
  const auto still = ApplyReply(unknown, Reply(Outcome::kUnknown), kNow);
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->state, S::kUnknown);
  EXPECT_EQ(still->reference, "ref_3");
  const auto ok = ApplyReply(unknown, Reply(Outcome::kSucceeded), kNow);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->state, S::kSucceeded);
  EXPECT_EQ(ok->reference, "ref_3");
  const auto failed = ApplyReply(unknown, Reply(Outcome::kFailed, "processor_error", "ref_4"), kNow);
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->state, S::kFailed);
  EXPECT_EQ(failed->reference, "ref_4");
  EXPECT_EQ(failed->failure_code, "processor_error");
}

TEST(MoneyMovementTest, ARecordedOutcomeIsRecordedOnce) {
  const MovementRecord paid{S::kSucceeded, "ref_5", "", kNow};
  EXPECT_FALSE(ApplyReply(paid, Reply(Outcome::kFailed, "processor_error"), kNow).has_value());
  EXPECT_FALSE(ApplyReply(paid, Reply(Outcome::kSucceeded), kNow).has_value());
  const MovementRecord failed{S::kFailed, "", "expired_card", kNow};
  EXPECT_FALSE(ApplyReply(failed, Reply(Outcome::kSucceeded), kNow).has_value());
  EXPECT_FALSE(ApplyReply(failed, Reply(Outcome::kUnknown), kNow).has_value());
}

TEST(MoneyMovementTest, StatesHaveTheirStoredNames) {
  EXPECT_EQ(MovementStateName(S::kPending), "pending");
  EXPECT_EQ(MovementStateName(S::kSucceeded), "succeeded");
  EXPECT_EQ(MovementStateName(S::kFailed), "failed");
  EXPECT_EQ(MovementStateName(S::kUnknown), "unknown");
  EXPECT_EQ(StateAfter(Outcome::kUnknown), S::kUnknown);
}

}  // namespace
}  // namespace tranche::payments
