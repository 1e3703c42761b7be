#include "assist/nlu_training.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "assist/nlu_classifier.h"
#include "assist/nlu_language.h"
#include "assist/nlu_understanding.h"

namespace tranche::assist {
namespace {

// A small three-language data set built from phrase parts with a fixed walk, so every
// run sees the same rows: five intents, 40 English and 16 Swedish and German rows each.
struct Phrases {
  std::string label;
  std::vector<std::string> en, sv, de;
};

const std::vector<Phrases>& Catalogue() {
  static const std::vector<Phrases> c = {
      {"balance", {"how much do i owe", "what is my balance", "remaining amount on my plan", "total i still owe"},
       {"hur mycket är jag skyldig", "vad är mitt saldo", "hur mycket är kvar"},
       {"wie viel schulde ich", "was ist mein saldo", "wie viel ist noch offen"}},
      {"pay_now", {"i want to pay now", "make a payment today", "pay my instalment now", "charge my card now"},
       {"jag vill betala nu", "betala min delbetalning idag", "gör en betalning"},
       {"ich möchte jetzt zahlen", "rate heute bezahlen", "zahlung jetzt machen"}},
      {"refund_status", {"where is my refund", "my refund has not arrived", "when do i get my money back", "refund status"},
       {"var är min återbetalning", "när får jag pengarna tillbaka", "återbetalningen har inte kommit"},
       {"wo ist meine erstattung", "wann bekomme ich mein geld zurück", "erstattung nicht erhalten"}},
      {"human_agent", {"let me talk to a person", "i want a human", "connect me to an agent", "real person please"},
       {"jag vill prata med en människa", "koppla mig till en handläggare", "riktig person tack"},
       {"ich will mit einem menschen sprechen", "verbinden sie mich mit einem mitarbeiter", "echte person bitte"}},
      {"oos", {"what is the weather tomorrow", "tell me a joke", "how do i bake bread", "who won the game"},
       {"hur blir vädret imorgon", "berätta ett skämt", "hur bakar man bröd"},
       {"wie wird das wetter morgen", "erzähl mir einen witz", "wie backe ich brot"}},
  };
  return c;
}

IntentData MakeData(int en_per_label, int other_per_label, int offset) {
  static const std::vector<std::string> en_pre = {"", "hi ", "please ", "hey, ", "excuse me, "};
  static const std::vector<std::string> en_post = {"", "?", " please", " thanks", " asap", " for my zalando order"};
  static const std::vector<std::string> sv_pre = {"", "hej ", "snälla ", "hallå, "};
  static const std::vector<std::string> sv_post = {"", "?", " tack", " för min order"};
  static const std::vector<std::string> de_pre = {"", "hallo ", "bitte ", "entschuldigung, "};
  static const std::vector<std::string> de_post = {"", "?", " danke", " für meine bestellung"};
  IntentData data{{}, true, true};
  const auto add = [&](const Phrases& p, const std::vector<std::string>& core, const std::vector<std::string>& pre,
                       const std::vector<std::string>& post, Language lang, int n) {
    for (int i = offset; i < offset + n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      data.rows.push_back({pre[k % pre.size()] + core[(k / 2) % core.size()] + post[(k * 7 / 3) % post.size()], p.label, lang});
    }
  };
  for (const Phrases& p : Catalogue()) {
    add(p, p.en, en_pre, en_post, Language::kEnglish, en_per_label);
    add(p, p.sv, sv_pre, sv_post, Language::kSwedish, other_per_label);
    add(p, p.de, de_pre, de_post, Language::kGerman, other_per_label);
  }
  return data;
}

IntentTrainOptions FastOptions() {
  IntentTrainOptions o;
  FastTextParams p;
  p.epoch = 20;
  p.dim = 16;
  p.bucket = 20'000;
  o.candidates = {p};
  o.ensemble = 1;
  return o;
}

class IntentTrainingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One directory per test and process: ctest runs tests in parallel processes.
    dir_ = std::filesystem::temp_directory_path() /
           ("tranche-nlu-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Dir(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(IntentTrainingTest, TrainsCalibratesAndClassifiesHeldOutRows) {
  IntentTrainOptions o = FastOptions();
  o.ensemble = 2;
  auto report = TrainIntentModel(MakeData(40, 16, 0), o, Dir("m"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->labels, 5u);
  EXPECT_GT(report->validation_rows, 0u);
  EXPECT_GT(report->calibration.temperature, 0.0);
  ASSERT_TRUE(report->language_validation.has_value());
  EXPECT_GT(report->language_validation->rate(), 0.9);
  EXPECT_FALSE(std::filesystem::exists(Dir("m/.training")));  // the scratch files are gone

  auto understanding = LoadUnderstanding(Dir("m"));
  ASSERT_TRUE(understanding.ok()) << understanding.status().ToString();
  const IntentEvalReport eval = EvaluateIntents(*understanding->intents, understanding->language.get(), MakeData(10, 5, 40));
  ASSERT_TRUE(eval.scores.has_value());
  EXPECT_GT(eval.scores->all.rate(), 0.9);
  EXPECT_EQ(eval.scores->by_language.size(), 3u);
  ASSERT_TRUE(eval.language.has_value());
  EXPECT_GT(eval.language->rate(), 0.9);
  for (const IntentPrediction& p : eval.predictions) {
    EXPECT_GE(p.confidence, 0.0);
    EXPECT_LE(p.confidence, 1.0);
  }
}

TEST_F(IntentTrainingTest, SameDataAndSeedsGiveTheSameModel) {
  ASSERT_TRUE(TrainIntentModel(MakeData(20, 8, 0), FastOptions(), Dir("a")).ok());
  ASSERT_TRUE(TrainIntentModel(MakeData(20, 8, 0), FastOptions(), Dir("b")).ok());
  auto a = FastTextIntentClassifier::Load(Dir("a"));
  auto b = FastTextIntentClassifier::Load(Dir("b"));
  ASSERT_TRUE(a.ok() && b.ok());
  for (const Utterance& u : MakeData(5, 3, 20).rows) {
    const IntentPrediction pa = (*a)->Classify(u.text);
    const IntentPrediction pb = (*b)->Classify(u.text);
    EXPECT_EQ(pa.intent, pb.intent) << u.text;
    EXPECT_DOUBLE_EQ(pa.confidence, pb.confidence) << u.text;
  }
}

TEST_F(IntentTrainingTest, SearchScoresEveryCandidateAndKeepsTheBest) {
  IntentTrainOptions o = FastOptions();
  FastTextParams weak = o.candidates[0];
  weak.epoch = 1;
  weak.lr = 0.01;
  o.candidates.push_back(weak);
  auto report = TrainIntentModel(MakeData(20, 8, 0), o, Dir("m"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->searched.size(), 2u);
  EXPECT_GT(report->searched[0].validation_accuracy, report->searched[1].validation_accuracy);
  EXPECT_EQ(report->chosen.epoch, o.candidates[0].epoch);
}

TEST_F(IntentTrainingTest, LowConfidenceBecomesOutOfScope) {
  ASSERT_TRUE(TrainIntentModel(MakeData(20, 8, 0), FastOptions(), Dir("m")).ok());
  auto clf = FastTextIntentClassifier::Load(Dir("m"));
  ASSERT_TRUE(clf.ok());
  ASSERT_TRUE((*clf)->has_oos());
  // A uniform distribution is as unsure as a model can be: below any threshold > 1/5.
  const IntentPrediction unsure =
      (*clf)->Decide(std::vector<double>(5, 0.2), Calibration{1.0, 0.5});
  EXPECT_EQ(unsure.intent, "oos");
  EXPECT_NEAR(unsure.confidence, 0.2, 1e-9);
  const IntentPrediction sure = (*clf)->Decide({0.9, 0.025, 0.025, 0.025, 0.025}, Calibration{1.0, 0.5});
  EXPECT_EQ(sure.intent, (*clf)->labels()[0]);
}

TEST_F(IntentTrainingTest, LanguageDetectorHandlesShortAndEmptyText) {
  ASSERT_TRUE(TrainIntentModel(MakeData(20, 8, 0), FastOptions(), Dir("m")).ok());
  auto lang = FastTextLanguageDetector::Load(Dir("m"));
  ASSERT_TRUE(lang.ok()) << lang.status().ToString();
  EXPECT_EQ((*lang)->Detect(""), Language::kEnglish);
  EXPECT_EQ((*lang)->Detect("123 ?"), Language::kEnglish);
  EXPECT_EQ((*lang)->Guess("42").confidence, 0.0);
  EXPECT_EQ((*lang)->Detect("hur mycket är kvar"), Language::kSwedish);
  EXPECT_EQ((*lang)->Detect("wie viel schulde ich"), Language::kGerman);
  EXPECT_EQ((*lang)->Detect(std::string(kMaxUtteranceBytes, 'a')), (*lang)->Detect(std::string(kMaxUtteranceBytes, 'a')));
}

TEST_F(IntentTrainingTest, RefusesUnlabelledDataAndBadOptions) {
  IntentData data = MakeData(5, 2, 0);
  data.labelled = false;
  EXPECT_EQ(TrainIntentModel(data, FastOptions(), Dir("m")).status().code(), "unlabelled_data");
  IntentTrainOptions o = FastOptions();
  o.ensemble = 0;
  EXPECT_EQ(TrainIntentModel(MakeData(5, 2, 0), o, Dir("m")).status().code(), "invalid_options");
  o = FastOptions();
  o.candidates[0].dim = 0;
  EXPECT_FALSE(TrainIntentModel(MakeData(5, 2, 0), o, Dir("m")).ok());
  IntentData one_label{{{"hello", "greeting", {}}, {"hi", "greeting", {}}}, true, false};
  EXPECT_EQ(TrainIntentModel(one_label, FastOptions(), Dir("m")).status().code(), "too_few_labels");
}

TEST_F(IntentTrainingTest, LoadingAMissingOrBrokenModelIsAnError) {
  EXPECT_EQ(LoadUnderstanding(Dir("none")).status().category(), StatusCategory::kNotFound);
  ASSERT_TRUE(TrainIntentModel(MakeData(10, 4, 0), FastOptions(), Dir("m")).ok());
  {
    std::ofstream(Dir("m/intent-0.bin"), std::ios::trunc) << "not a model";
  }
  EXPECT_FALSE(FastTextIntentClassifier::Load(Dir("m")).ok());
  {
    std::ofstream(Dir("m/intents.json"), std::ios::trunc) << "{\"format\": 1, \"members\": [\"../x\"]}";
  }
  EXPECT_EQ(FastTextIntentClassifier::Load(Dir("m")).status().category(), StatusCategory::kInvalidArgument);
  {
    std::ofstream(Dir("m/intents.json"), std::ios::trunc) << "{ not json";
  }
  EXPECT_EQ(FastTextIntentClassifier::Load(Dir("m")).status().category(), StatusCategory::kInvalidArgument);
}

TEST_F(IntentTrainingTest, EnsureUnderstandingTrainsOnceThenLoads) {
  std::filesystem::create_directories(dir_);
  const std::string csv = Dir("data.csv");
  {
    std::ofstream out(csv);
    out << "text,label,language\n";
    for (const Utterance& u : MakeData(12, 6, 0).rows) {
      out << '"' << u.text << "\"," << u.label << ',' << LanguageCode(*u.language) << '\n';
    }
  }
  auto first = EnsureUnderstanding(Dir("model"), csv);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const auto trained_at = std::filesystem::last_write_time(Dir("model/intents.json"));
  std::filesystem::remove(csv);  // a second call must not need the data
  auto second = EnsureUnderstanding(Dir("model"), csv);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(std::filesystem::last_write_time(Dir("model/intents.json")), trained_at);
  EXPECT_FALSE(std::filesystem::exists(Dir("model.partial")));
}

class FixedClassifier final : public IntentClassifier {
 public:
  IntentPrediction Classify(std::string_view text) const override {
    return {text.starts_with("w") ? "oos" : "balance", 0.5};
  }
};

TEST(EvaluateIntents, CountsInScopeAccuracyAndOutOfScopeRecall) {
  IntentData data{{{"balance please", "balance", Language::kEnglish},
                   {"weather", "oos", Language::kEnglish},
                   {"wetter", "oos", Language::kGerman},
                   {"saldo", "pay_now", Language::kSwedish},
                   {"jokes", "oos", Language::kEnglish}},
                  true,
                  true};
  const IntentEvalReport r = EvaluateIntents(FixedClassifier(), nullptr, data);
  ASSERT_TRUE(r.scores.has_value());
  EXPECT_EQ(r.scores->all.rows, 5u);
  EXPECT_EQ(r.scores->all.correct, 3u);
  EXPECT_EQ(r.scores->in_scope.rows, 2u);
  EXPECT_EQ(r.scores->in_scope.correct, 1u);
  EXPECT_EQ(r.scores->oos.rows, 3u);
  EXPECT_EQ(r.scores->oos.correct, 2u);
  EXPECT_EQ(r.scores->by_language.at(Language::kGerman).correct, 1u);
  EXPECT_EQ(r.scores->by_language.at(Language::kSwedish).correct, 0u);
  EXPECT_FALSE(r.language.has_value());  // no detector given
  ASSERT_EQ(r.predictions.size(), 5u);
  EXPECT_EQ(r.predictions[1].intent, "oos");
}

TEST(EvaluateIntents, UnlabelledDataGetsPredictionsOnly) {
  IntentData data{{{"weather", "", {}}, {"hello", "", {}}}, false, false};
  const IntentEvalReport r = EvaluateIntents(FixedClassifier(), nullptr, data);
  EXPECT_FALSE(r.scores.has_value());
  EXPECT_EQ(r.predictions.size(), 2u);
}

}  // namespace
}  // namespace tranche::assist
