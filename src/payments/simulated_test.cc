#include "payments/simulated.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace tranche::payments {
namespace {

constexpr char kConsumer[] = "con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";
constexpr char kMerchant[] = "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK";

CollectRequest Request(int n, std::string profile = "standard", MethodType type = MethodType::kCard) {
  PaymentMethod method;
  method.type = type;
  method.profile = std::move(profile);
  return CollectRequest{"col_" + std::to_string(n), kConsumer, method, Money(2500, Currency::kUSD)};
}

PayoutRequest Payout(int n) { return PayoutRequest{"po_" + std::to_string(n), kMerchant, Money(12200, Currency::kUSD)}; }

bool Same(const ProcessorReply& a, const ProcessorReply& b) {
  return a.outcome == b.outcome && a.failure_code == b.failure_code && a.reference == b.reference;
}

struct Tally {
  std::map<std::string, int> failures;  // by failure code
  int succeeded = 0;
  int unknown = 0;
};

Tally CollectMany(SimulatedProcessor& p, int n, MethodType type) {
  Tally t;
  for (int k = 0; k < n; ++k) {
    const ProcessorReply r = p.Collect(Request(k, "standard", type));
    if (r.outcome == Outcome::kUnknown) ++t.unknown;
    if (r.outcome == Outcome::kSucceeded) ++t.succeeded;
    if (r.outcome == Outcome::kFailed) ++t.failures[r.failure_code];
  }
  return t;
}

TEST(SimulatedProcessorTest, SameSeedAndKeyGiveTheSameReply) {
  SimulatedProcessor a;
  SimulatedProcessor b;
  for (int k = 0; k < 2000; ++k) {
    const ProcessorReply first = a.Collect(Request(k));
    EXPECT_TRUE(Same(first, b.Collect(Request(k)))) << k;
    EXPECT_TRUE(Same(first, a.Collect(Request(k)))) << k;
  }
}

TEST(SimulatedProcessorTest, AnotherSeedGivesOtherReferencesAndOutcomes) {
  SimulatedProcessor a;
  SimulatedProcessor b(SimulatorRates{.seed = 7});
  int different_outcomes = 0;
  for (int k = 0; k < 2000; ++k) {
    const ProcessorReply ra = a.Resolve(Request(k));
    const ProcessorReply rb = b.Resolve(Request(k));
    EXPECT_NE(ra.reference, rb.reference);
    if (ra.outcome != rb.outcome || ra.failure_code != rb.failure_code) ++different_outcomes;
  }
  EXPECT_GT(different_outcomes, 0);
}

TEST(SimulatedProcessorTest, ReferencesAreStablePerKeyAndDistinctAcrossKeys) {
  SimulatedProcessor p;
  std::set<std::string> refs;
  for (int k = 0; k < 1000; ++k) {
    const ProcessorReply r = p.Resolve(Request(k));
    ASSERT_FALSE(r.reference.empty());
    EXPECT_EQ(r.reference.rfind("simch_", 0), 0u) << r.reference;
    EXPECT_EQ(r.reference, p.Resolve(Request(k)).reference);
    const ProcessorReply collected = p.Collect(Request(k));
    if (collected.outcome != Outcome::kUnknown) {
      EXPECT_EQ(collected.reference, r.reference);
    }
    refs.insert(r.reference);
  }
  EXPECT_EQ(refs.size(), 1000u);
}

TEST(SimulatedProcessorTest, FailingProfilesAlwaysFailWithTheirCode) {
  SimulatedProcessor p;
  for (const char* profile : {"insufficient_funds", "expired_card", "processor_error"}) {
    for (int k = 0; k < 500; ++k) {
      for (MethodType type : {MethodType::kCard, MethodType::kBankAccount}) {
        const ProcessorReply c = p.Collect(Request(k, profile, type));
        EXPECT_EQ(c.outcome, Outcome::kFailed) << profile << " " << k;
        EXPECT_EQ(c.failure_code, profile);
        EXPECT_FALSE(c.reference.empty());
        const ProcessorReply r = p.Resolve(Request(k, profile, type));
        EXPECT_EQ(r.outcome, Outcome::kFailed);
        EXPECT_EQ(r.failure_code, profile);
      }
    }
  }
}

TEST(SimulatedProcessorTest, TimeoutProfileIsUnknownThenResolvesToSuccess) {
  SimulatedProcessor p;
  for (int k = 0; k < 500; ++k) {
    const ProcessorReply c = p.Collect(Request(k, "timeout"));
    EXPECT_EQ(c.outcome, Outcome::kUnknown) << k;
    EXPECT_TRUE(c.failure_code.empty());
    const ProcessorReply r = p.Resolve(Request(k, "timeout"));
    EXPECT_EQ(r.outcome, Outcome::kSucceeded) << k;
    EXPECT_TRUE(r.failure_code.empty());
    EXPECT_FALSE(r.reference.empty());
  }
}

TEST(SimulatedProcessorTest, AlwaysSucceedsProfileSucceeds) {
  SimulatedProcessor p(SimulatorRates{.insufficient_funds_bps = 10'000});
  for (int k = 0; k < 2000; ++k) {
    const ProcessorReply c = p.Collect(Request(k, "always_succeeds"));
    EXPECT_EQ(c.outcome, Outcome::kSucceeded) << k;
    EXPECT_TRUE(c.failure_code.empty());
    EXPECT_FALSE(c.reference.empty());
  }
}

TEST(SimulatedProcessorTest, StandardProfileHonoursTheRates) {
  SimulatedProcessor p;
  constexpr int kKeys = 20'000;
  Tally t = CollectMany(p, kKeys, MethodType::kCard);
  // Defaults: 3 % insufficient funds, 0.5 % expired card, 1 % processor error, 0.5 % timeout.
  EXPECT_GE(t.failures["insufficient_funds"], 400);
  EXPECT_LE(t.failures["insufficient_funds"], 800);
  EXPECT_GE(t.failures["expired_card"], 50);
  EXPECT_LE(t.failures["expired_card"], 150);
  EXPECT_GE(t.failures["processor_error"], 100);
  EXPECT_LE(t.failures["processor_error"], 300);
  EXPECT_GE(t.unknown, 50);
  EXPECT_LE(t.unknown, 150);
  EXPECT_EQ(t.failures.size(), 3u);
  int failed = 0;
  for (const auto& [code, n] : t.failures) failed += n;
  EXPECT_EQ(t.succeeded + failed + t.unknown, kKeys);
  EXPECT_GE(t.succeeded, kKeys * 94 / 100);
}

TEST(SimulatedProcessorTest, BankAccountsNeverFailAsExpiredCards) {
  SimulatedProcessor p;
  Tally t = CollectMany(p, 20'000, MethodType::kBankAccount);
  EXPECT_EQ(t.failures.count("expired_card"), 0u);
  EXPECT_GE(t.failures["insufficient_funds"], 400);
  EXPECT_LE(t.failures["insufficient_funds"], 800);
}

TEST(SimulatedProcessorTest, StandardTimeoutsResolveToAFinalOutcome) {
  SimulatedProcessor p;
  int timeouts = 0;
  for (int k = 0; k < 20'000; ++k) {
    const ProcessorReply c = p.Collect(Request(k));
    const ProcessorReply r = p.Resolve(Request(k));
    EXPECT_NE(r.outcome, Outcome::kUnknown);
    if (c.outcome == Outcome::kUnknown) {
      ++timeouts;
      EXPECT_TRUE(c.reference.empty());
    } else {
      EXPECT_TRUE(Same(c, r)) << k;
    }
  }
  EXPECT_GT(timeouts, 0);
}

TEST(SimulatedProcessorTest, ZeroRatesAlwaysSucceedAndFullRatesAlwaysFail) {
  SimulatedProcessor none(SimulatorRates{.insufficient_funds_bps = 0, .expired_card_bps = 0,
                                         .processor_error_bps = 0, .timeout_bps = 0});
  SimulatedProcessor all(SimulatorRates{.insufficient_funds_bps = 10'000, .timeout_bps = 0});
  for (int k = 0; k < 2000; ++k) {
    EXPECT_EQ(none.Collect(Request(k)).outcome, Outcome::kSucceeded) << k;
    const ProcessorReply r = all.Collect(Request(k));
    EXPECT_EQ(r.outcome, Outcome::kFailed) << k;
    EXPECT_EQ(r.failure_code, "insufficient_funds");
  }
}

TEST(SimulatedProcessorTest, ProfilesAndMethodTypes) {
  for (const char* profile : kProfiles) EXPECT_TRUE(IsProfile(profile)) << profile;
  EXPECT_FALSE(IsProfile("stolen_card"));
  EXPECT_EQ(ParseMethodType("bank_account"), MethodType::kBankAccount);
  EXPECT_EQ(MethodTypeName(MethodType::kCard), "card");
  EXPECT_FALSE(ParseMethodType("cash").has_value());
  EXPECT_EQ(OutcomeName(Outcome::kUnknown), "unknown");
}

TEST(SimulatedPayoutRailTest, FullFailureRateFails) {
  SimulatedPayoutRail rail(RailRates{.failure_bps = 10'000});
  for (int k = 0; k < 500; ++k) {
    const ProcessorReply r = rail.Pay(Payout(k));
    EXPECT_EQ(r.outcome, Outcome::kFailed) << k;
    EXPECT_EQ(r.failure_code, "account_closed");
    EXPECT_EQ(r.reference.rfind("simpo_", 0), 0u) << r.reference;
    EXPECT_EQ(rail.Resolve(Payout(k)).outcome, Outcome::kFailed);
  }
}

TEST(SimulatedPayoutRailTest, DefaultRailPaysEverything) {
  SimulatedPayoutRail rail;
  std::set<std::string> refs;
  for (int k = 0; k < 500; ++k) {
    const ProcessorReply r = rail.Pay(Payout(k));
    EXPECT_EQ(r.outcome, Outcome::kSucceeded) << k;
    EXPECT_TRUE(Same(r, rail.Pay(Payout(k))));
    refs.insert(r.reference);
  }
  EXPECT_EQ(refs.size(), 500u);
}

TEST(SimulatedPayoutRailTest, TimeoutsAreUnknownAndResolveToAFinalOutcome) {
  SimulatedPayoutRail rail(RailRates{.timeout_bps = 10'000});
  for (int k = 0; k < 500; ++k) {
    const ProcessorReply r = rail.Pay(Payout(k));
    EXPECT_EQ(r.outcome, Outcome::kUnknown) << k;
    EXPECT_EQ(rail.Resolve(Payout(k)).outcome, Outcome::kSucceeded) << k;
  }
}

TEST(SimulatedPayoutRailTest, FailureRateIsRoughlyHonoured) {
  SimulatedPayoutRail rail(RailRates{.failure_bps = 1'000});
  int failed = 0;
  for (int k = 0; k < 20'000; ++k) failed += rail.Pay(Payout(k)).outcome == Outcome::kFailed ? 1 : 0;
  EXPECT_GE(failed, 1'700);
  EXPECT_LE(failed, 2'300);
}

}  // namespace
}  // namespace tranche::payments
