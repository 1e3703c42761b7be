#include "fraud/model_scorer.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "fraud/engine_source.h"
#include "fraud/features_replay.h"
#include "fraud/stream_training.h"

namespace tranche::fraud {
namespace {

// A tiny model on a small simulated stream (seconds), saved once for every test here
// and removed when the program ends; and an engine holding the whole stream, so the
// events scored here have the history the model was trained with.
struct SavedModel {
  SavedModel() {
    CardSimOptions sim;
    sim.customers = 200;
    sim.terminals = 400;
    sim.days = 35;
    sim.seed = 5;
    stream = StreamOf(SimulateCards(sim));
    StreamTraining window = LatestWindow(stream, 14, 7 * 86'400);
    window.train.max_rounds = 60;
    auto trained = TrainOnStream(stream, window);
    TRANCHE_ASSERT_MSG(trained.ok(), trained.status().ToString().c_str());
    dir = (std::filesystem::temp_directory_path() / ("tranche-model-scorer-" + std::to_string(::getpid()))).string();
    TRANCHE_ASSERT(trained->model.Save(dir).ok());
    Replay(stream, window.label_delay_s, stream.back().time_s + 1, stream.back().time_s + 1, engine,
           [](std::size_t, const float*) {});
  }
  ~SavedModel() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::vector<StreamTransaction> stream;
  std::string dir;
  FeatureEngine engine{EngineOptions{7 * 86'400}};
};

const SavedModel& Saved() {
  static const SavedModel model;
  return model;
}

// The screening catalogue's values of the stream's last card paying at its last
// terminal a minute later: the engine's features, the store-only ones missing.
FeatureValues Values(std::int64_t amount_minor) {
  const StreamTransaction& last = Saved().stream.back();
  Event e = EventOf(last);
  e.time_s += 60;
  e.amount_minor = amount_minor;
  FeatureValues v = Saved().engine.Compute(e);
  v.values.resize(EngineFeatureSource::ScreeningCatalogue().size());
  return v;
}

TEST(ModelScorerTest, ScoresWithReasonsOnlyFromTheThreshold) {
  const Catalogue& c = EngineFeatureSource::ScreeningCatalogue();
  auto scorer = ModelScorer::Load(Saved().dir, c);
  ASSERT_TRUE(scorer.ok()) << scorer.status().ToString();
  const Score low = scorer->Evaluate(c, Values(1'500), 70);
  EXPECT_GE(low.score, 0);
  EXPECT_LT(low.score, 70);
  EXPECT_TRUE(low.reasons.empty());
  EXPECT_EQ(low.model_version, scorer->model().version());

  // Over 220.00 is always fraud in the simulator's stream.
  const Score high = scorer->Evaluate(c, Values(60'000), 70);
  EXPECT_GE(high.score, 70);
  EXPECT_FALSE(high.reasons.empty());
  EXPECT_LE(high.reasons.size(), kMaxFraudReasons);
  EXPECT_TRUE(scorer->Evaluate(c, Values(60'000), 100).reasons.empty());  // a threshold never reached
  EXPECT_EQ(scorer->Evaluate(c, Values(60'000), 100).score, high.score);  // the same score either way
}

TEST(ModelScorerTest, RefusesADirectoryWithoutAModel) {
  const std::string empty = (std::filesystem::temp_directory_path() / "tranche-no-model-here").string();
  auto missing = ModelScorer::Load(empty, EngineFeatureSource::ScreeningCatalogue());
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("tranche-no-model-here"), std::string::npos)
      << missing.status().ToString();
}

}  // namespace
}  // namespace tranche::fraud
