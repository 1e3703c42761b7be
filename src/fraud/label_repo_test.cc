#include "fraud/label_repo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace tranche::fraud {
namespace {

// Labels by decision id; counts the queries it answers.
class MapLabelRepo final : public LabelRepo {
 public:
  std::map<std::string, std::vector<Label>> labels;
  int batches = 0;

  Status Insert(const Label& l) override {
    labels[l.fraud_decision_id].push_back(l);
    return Status::Ok();
  }
  Result<std::vector<Label>> ListOfDecision(std::string_view id) override {
    auto it = labels.find(std::string(id));
    return it == labels.end() ? std::vector<Label>{} : it->second;
  }
  Result<std::vector<Label>> ListOfDecisions(std::span<const std::string> ids) override {
    EXPECT_LE(ids.size(), kLabelLookupBatch);
    ++batches;
    std::vector<Label> out;
    for (const auto& [id, ls] : labels) {  // decision order, as the store answers
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) out.insert(out.end(), ls.begin(), ls.end());
    }
    return out;
  }
  Result<std::vector<KnownFraud>> ListKnownFrauds(Instant, std::size_t) override { return std::vector<KnownFraud>{}; }
};

TEST(LabelsOf, ReadsAPageInBatchesAndPutsEachLabelBesideItsDecision) {
  MapLabelRepo repo;
  std::vector<FraudDecision> decisions(120);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    // Ids out of their sort order, so the store's order is not the page's.
    decisions[i].id = "frd_" + std::to_string((i * 37) % 120 + 1000);
    if (i % 3 == 0) {
      ASSERT_TRUE(repo.Insert(Label{"lbl_" + std::to_string(i) + "a", decisions[i].id, "auth", true, "review", "op",
                                    Instant{}}).ok());
    }
    if (i % 9 == 0) {
      ASSERT_TRUE(repo.Insert(Label{"lbl_" + std::to_string(i) + "b", decisions[i].id, "auth", false, "dispute", "op",
                                    Instant{}}).ok());
    }
  }
  auto batched = LabelsOf(repo, decisions);
  ASSERT_TRUE(batched.ok());
  EXPECT_EQ(repo.batches, 3);  // 50 + 50 + 20
  ASSERT_EQ(batched->size(), decisions.size());
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    auto single = repo.ListOfDecision(decisions[i].id);
    ASSERT_EQ((*batched)[i].size(), single->size()) << i;
    for (std::size_t k = 0; k < single->size(); ++k) EXPECT_EQ((*batched)[i][k].id, (*single)[k].id);
  }
  EXPECT_TRUE(LabelsOf(repo, std::span<const FraudDecision>{})->empty());
}

}  // namespace
}  // namespace tranche::fraud
