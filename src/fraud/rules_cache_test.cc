#include "fraud/rules_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace tranche::fraud {
namespace {

const Catalogue& TestCatalogue() {
  static const Catalogue c({{"amount", ValueType::kNumber, "amount"}, {"email", ValueType::kText, "email"}});
  return c;
}

class CountingLists {
 public:
  std::function<Result<ListNameSet>()> Fn() {
    return [this]() -> Result<ListNameSet> {
      ++calls;
      return ListNameSet{"trusted"};
    };
  }
  int calls = 0;
};

TEST(RulesCacheTest, ParsesEachVersionOnceAndKeepsTheNewest) {
  RulesCache cache;
  CountingLists lists;
  auto v1 = cache.Get(1, "review if amount > 5\n", TestCatalogue(), lists.Fn());
  ASSERT_TRUE(v1.ok());
  ASSERT_TRUE((*v1)->rules.has_value());
  for (int i = 0; i < 3; ++i) {
    auto again = cache.Get(1, "review if amount > 5\n", TestCatalogue(), lists.Fn());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->get(), v1->get());  // the same parse, shared
  }
  EXPECT_EQ(lists.calls, 1);

  auto v2 = cache.Get(2, "allow if email in @trusted\n", TestCatalogue(), lists.Fn());
  ASSERT_TRUE(v2.ok() && (*v2)->rules.has_value());
  EXPECT_EQ((*v2)->rules->lists, std::set<std::string>{"trusted"});
  EXPECT_EQ(lists.calls, 2);
  // An older version (a transaction that began before the save) is parsed, not kept.
  auto old = cache.Get(1, "review if amount > 5\n", TestCatalogue(), lists.Fn());
  ASSERT_TRUE(old.ok() && (*old)->rules.has_value());
  EXPECT_EQ((*old)->rules->rules[0].action, Action::kReview);
  EXPECT_EQ(cache.Get(2, "", TestCatalogue(), lists.Fn())->get(), v2->get());
  EXPECT_EQ(lists.calls, 3);
}

TEST(RulesCacheTest, KeepsAVersionThatNoLongerChecksAndPassesListErrorsOn) {
  RulesCache cache;
  CountingLists lists;
  auto bad = cache.Get(1, "review if nope > 5\n", TestCatalogue(), lists.Fn());
  ASSERT_TRUE(bad.ok());
  EXPECT_FALSE((*bad)->rules.has_value());
  EXPECT_EQ((*bad)->errors.size(), 1u);
  EXPECT_EQ(cache.Get(1, "review if nope > 5\n", TestCatalogue(), lists.Fn())->get(), bad->get());
  EXPECT_EQ(lists.calls, 1);
  auto failed = cache.Get(2, "review if amount > 1\n", TestCatalogue(),
                          []() -> Result<ListNameSet> { return Status::Unavailable("store down"); });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().message(), "store down");
}

TEST(RulesCacheTest, IsSafeFromManyThreads) {
  RulesCache cache;
  std::vector<std::thread> threads;
  std::atomic<int> parsed{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::int64_t version = 1 + (i + t) % 3;
        auto r = cache.Get(version, "review if amount > " + std::to_string(version) + "\n", TestCatalogue(),
                           []() -> Result<ListNameSet> { return ListNameSet{}; });
        if (r.ok() && (*r)->rules && (*r)->rules->rules.size() == 1) ++parsed;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(parsed.load(), 800);
}

}  // namespace
}  // namespace tranche::fraud
