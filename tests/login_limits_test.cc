// Login codes under attack, on a real store and a simulated day: someone who knows an
// email hammers the login endpoints while its owner, from their own address, still
// gets and uses a fresh code. The use cases are driven directly so that each request
// can carry its own client address (over loopback every request comes from 127.0.0.1).
#include <gtest/gtest.h>

#include "auth/login.h"
#include "onboarding/consumer_login.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using onboarding::LoginRequest;

const Instant kStart = *ParseRfc3339("2026-12-01T00:00:00Z");
constexpr std::string_view kEmail = "ava@example.com";
constexpr std::string_view kOwnerAddress = "198.51.100.23";

class LoginLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::sqlite::SqliteOptions o;
    o.path = dir_.path() + "/t.db";
    auto s = store::sqlite::OpenSqliteStore(o, clock_, /*migrate=*/true);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      return tx.consumers().Insert({"con_ava", std::string(kEmail), "Ava", "Larsson", kStart, "", std::nullopt,
                                    std::nullopt});
    }).ok());
  }

  // One attacker's minute: ask for a code, then guess ten times. Returns the guesses
  // that were checked against a code (a wrong guess at a live, unlocked challenge).
  int AttackerMinute(store::Tx& tx, std::string_view address, Instant now) {
    const LoginRequest r{kEmail, address};
    auto sent = onboarding::StartConsumerLogin(tx, ids_, random_, r, now);
    EXPECT_TRUE(sent.ok());
    if (sent.ok() && *sent) ++codes_sent_;
    int checked = 0;
    for (int i = 0; i < 10; ++i) {
      auto before = tx.keys().LatestChallenge("con_ava", address);
      auto v = onboarding::VerifyConsumerLogin(tx, ids_, random_, r, "123456", now);
      EXPECT_TRUE(v.ok() && !v->token) << "a guess got in";
      auto after = tx.keys().LatestChallenge("con_ava", address);
      if (*before && (*after)->attempts > (*before)->attempts) ++checked;
    }
    return checked;
  }

  // The owner asks for a code from their own address, reads it from the outbox and
  // logs in with it.
  void OwnerLogsIn(Instant now) {
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      const LoginRequest r{kEmail, kOwnerAddress};
      TRANCHE_ASSIGN_OR_RETURN(bool sent, onboarding::StartConsumerLogin(tx, ids_, random_, r, now));
      EXPECT_TRUE(sent) << "the owner got no code";
      TRANCHE_ASSIGN_OR_RETURN(auto outbox, tx.notifications().List("con_ava", "", 10'000));
      if (outbox.empty()) return Status::Internal("no code in the outbox");
      const std::string text = outbox.back().body;
      const std::string code = text.substr(text.find("is ") + 3, auth::kCodeDigits);
      // The attacker's wrong guesses do not reach the owner's code.
      AttackerMinute(tx, "203.0.113.7", now);
      TRANCHE_ASSIGN_OR_RETURN(auto verdict, onboarding::VerifyConsumerLogin(tx, ids_, random_, r, code, now));
      EXPECT_TRUE(verdict.token.has_value()) << verdict.refusal.ToString();
      return Status::Ok();
    }).ok());
  }

  testing::TempDir dir_;
  SimulatedClock clock_{kStart};
  SeededRandom random_{11};
  IdGenerator ids_{clock_, random_};
  std::unique_ptr<store::Store> store_;
  int codes_sent_ = 0;
};

TEST_F(LoginLimitsTest, OneAddressGetsAtMost65GuessesADayAndTheOwnerStillLogsIn) {
  int guesses = 0;
  for (int hour = 0; hour < 24; ++hour) {
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      for (int minute = 0; minute < 60; ++minute) {
        guesses += AttackerMinute(tx, "203.0.113.7", kStart + std::chrono::minutes(hour * 60 + minute));
      }
      return Status::Ok();
    }).ok());
    // At any hour of the attack the owner gets a code at once and logs in.
    if (hour % 6 == 5) OwnerLogsIn(kStart + std::chrono::minutes(hour * 60 + 59));
  }
  // 3 free codes, then 1, 2, 4, ..., 512 minutes apart: 13 codes of 5 guesses each,
  // one chance in about 15,000 a day at a six-digit code.
  EXPECT_EQ(codes_sent_, 13);
  EXPECT_EQ(guesses, 13 * auth::kMaxCodeAttempts);
}

TEST_F(LoginLimitsTest, ManyAddressesTogetherAreBoundedPerConsumer) {
  int guesses = 0;
  for (int hour = 0; hour < 24; ++hour) {
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      for (int minute = 0; minute < 60; ++minute) {
        const int n = hour * 60 + minute;
        const std::string address = "10.0." + std::to_string(n / 250) + "." + std::to_string(n % 250);
        guesses += AttackerMinute(tx, address, kStart + std::chrono::minutes(n));
      }
      return Status::Ok();
    }).ok());
  }
  // 20 free codes for the consumer, then 1, 2, 4, ..., 512 minutes apart.
  EXPECT_EQ(codes_sent_, 30);
  EXPECT_EQ(guesses, 30 * auth::kMaxCodeAttempts);
}

}  // namespace
}  // namespace tranche
