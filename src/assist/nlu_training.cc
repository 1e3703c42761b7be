#include "assist/nlu_training.h"

#include <filesystem>

#include "assist/nlu_classifier.h"
#include "assist/nlu_language.h"
#include "assist/nlu_text.h"

namespace tranche::assist {

namespace {

std::vector<LabelledText> Examples(const std::vector<Utterance>& rows, const std::vector<std::size_t>& idx) {
  std::vector<LabelledText> out;
  out.reserve(idx.size());
  for (std::size_t i : idx) out.push_back({NormalizeUtterance(rows[i].text), rows[i].label});
  return out;
}

std::vector<Utterance> Select(const std::vector<Utterance>& rows, const std::vector<std::size_t>& idx) {
  std::vector<Utterance> out;
  out.reserve(idx.size());
  for (std::size_t i : idx) out.push_back(rows[i]);
  return out;
}

Result<std::vector<FastTextModel>> TrainEnsemble(const std::vector<LabelledText>& examples, FastTextParams params,
                                                 int members, const std::string& work_dir) {
  std::vector<FastTextModel> out;
  for (int k = 0; k < members; ++k) {
    params.seed = k + 1;
    TRANCHE_ASSIGN_OR_RETURN(FastTextModel m, FastTextModel::Train(examples, params, work_dir));
    out.push_back(std::move(m));
  }
  return out;
}

double Accuracy(const FastTextModel& model, const std::vector<LabelledText>& examples) {
  std::size_t correct = 0;
  std::vector<double> probs;
  for (const LabelledText& e : examples) {
    model.Probabilities(e.text, probs);
    const auto top = static_cast<std::size_t>(std::max_element(probs.begin(), probs.end()) - probs.begin());
    correct += model.labels()[top] == e.label ? 1 : 0;
  }
  return examples.empty() ? 0.0 : static_cast<double>(correct) / static_cast<double>(examples.size());
}

// Fits temperature and threshold of `clf` (trained without `rows`) on `rows`, and
// returns the calibrated classifier's scores there.
IntentScores Calibrate(const FastTextIntentClassifier& clf, const std::vector<Utterance>& rows, Calibration& out) {
  std::vector<std::vector<double>> raw(rows.size());
  std::vector<std::size_t> truth;
  const auto& labels = clf.labels();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    clf.RawDistribution(rows[i].text, raw[i]);
    truth.push_back(static_cast<std::size_t>(std::lower_bound(labels.begin(), labels.end(), rows[i].label) - labels.begin()));
  }
  out = Calibration{FitTemperature(raw, truth), 0.0};
  std::vector<ScoredRow> scored;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const IntentPrediction top = clf.Decide(raw[i], out);  // threshold 0: the argmax
    scored.push_back({top.confidence, top.intent == rows[i].label, rows[i].label == kOutOfScope, top.intent == kOutOfScope});
  }
  out.oos_threshold = clf.has_oos() ? ChooseOosThreshold(scored) : 0.0;
  std::vector<IntentPrediction> predictions;
  for (auto& r : raw) predictions.push_back(clf.Decide(std::move(r), out));
  return ScorePredictions(rows, predictions);
}

IntentScores::Count LanguageAccuracy(const LanguageDetector& detector, const std::vector<Utterance>& rows) {
  IntentScores::Count count;
  for (const Utterance& u : rows) {
    TRANCHE_ASSERT(u.language.has_value());
    ++count.rows;
    count.correct += detector.Detect(u.text) == *u.language ? 1 : 0;
  }
  return count;
}

Status CheckOptions(const IntentTrainOptions& o) {
  if (o.candidates.empty() || o.candidates.size() > 50) {
    return Status::InvalidArgument("invalid_options", "1-50 candidate parameter sets");
  }
  for (const FastTextParams& p : o.candidates) TRANCHE_RETURN_IF_ERROR(ValidateParams(p));
  if (o.ensemble < 1 || o.ensemble > kMaxEnsemble) {
    return Status::InvalidArgument("invalid_options", "the ensemble has 1-9 members");
  }
  if (!(o.validation_share >= 0.05 && o.validation_share <= 0.5)) {
    return Status::InvalidArgument("invalid_options", "the validation share is 0.05-0.5");
  }
  return Status::Ok();
}

}  // namespace

std::vector<FastTextParams> IntentTrainOptions::DefaultSearchGrid() {
  // Around fastText's supervised defaults: more epochs and a higher learning rate suit
  // small intent sets; wider vectors and character n-gram ranges; words only.
  const auto with = [](int epoch, double lr, int dim, int minn, int maxn) {
    FastTextParams p;
    p.epoch = epoch;
    p.lr = lr;
    p.dim = dim;
    p.minn = minn;
    p.maxn = maxn;
    return p;
  };
  return {with(25, 0.5, 50, 3, 5),  with(50, 0.5, 50, 3, 5),  with(50, 1.0, 50, 3, 5), with(100, 0.5, 50, 3, 5),
          with(50, 0.5, 100, 3, 5), with(50, 0.5, 50, 2, 6),  with(50, 0.5, 50, 0, 0)};
}

IntentScores ScorePredictions(const std::vector<Utterance>& rows, const std::vector<IntentPrediction>& predictions) {
  TRANCHE_ASSERT(rows.size() == predictions.size());
  IntentScores s;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool correct = predictions[i].intent == rows[i].label;
    auto bump = [&](IntentScores::Count& c) {
      ++c.rows;
      c.correct += correct ? 1 : 0;
    };
    bump(s.all);
    bump(rows[i].label == kOutOfScope ? s.oos : s.in_scope);
    if (rows[i].language) bump(s.by_language[*rows[i].language]);
  }
  return s;
}

Result<IntentTrainReport> TrainIntentModel(const IntentData& data, const IntentTrainOptions& options,
                                           const std::string& out_dir, const TrainLog& log) {
  TRANCHE_RETURN_IF_ERROR(CheckOptions(options));
  if (!data.labelled) return Status::InvalidArgument("unlabelled_data", "training needs a 'label' or 'category' column");
  IntentTrainReport report;
  report.labels = LabelsOf(data.rows).size();
  if (report.labels < 2) return Status::InvalidArgument("too_few_labels", "training needs at least two intents");
  const auto say = [&](const std::string& s) {
    if (log) log(s);
  };

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  const std::string work_dir = out_dir + "/.training";
  std::filesystem::create_directories(work_dir, ec);
  if (ec) return Status::Unavailable("cannot create " + work_dir);
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  } cleanup{work_dir};

  const Split split = StratifiedSplit(data.rows, options.validation_share, options.split_seed);
  report.train_rows = split.train.size();
  report.validation_rows = split.validation.size();
  const std::vector<LabelledText> train = Examples(data.rows, split.train);
  const std::vector<LabelledText> validation = Examples(data.rows, split.validation);

  // 1. Choose parameters: one fit per candidate, accuracy on the validation split.
  report.chosen = options.candidates.front();
  double best = -1.0;
  for (const FastTextParams& candidate : options.candidates) {
    if (options.candidates.size() == 1) break;
    TRANCHE_ASSIGN_OR_RETURN(FastTextModel m, FastTextModel::Train(train, candidate, work_dir));
    const double acc = Accuracy(m, validation);
    report.searched.push_back({candidate, acc});
    say("candidate " + DescribeParams(candidate) + ": validation accuracy " + std::to_string(acc));
    if (acc > best) {
      best = acc;
      report.chosen = candidate;
    }
  }

  // 2. Calibrate the ensemble on the validation split it did not see.
  {
    TRANCHE_ASSIGN_OR_RETURN(auto members, TrainEnsemble(train, report.chosen, options.ensemble, work_dir));
    FastTextIntentClassifier held_out(std::move(members), {}, DescribeParams(report.chosen));
    report.validation = Calibrate(held_out, Select(data.rows, split.validation), report.calibration);
    say("calibrated ensemble on validation: accuracy " + std::to_string(report.validation.all.rate()));
  }

  // 3. The shipped model: the same procedure on every row.
  std::vector<std::size_t> all(data.rows.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  TRANCHE_ASSIGN_OR_RETURN(auto members, TrainEnsemble(Examples(data.rows, all), report.chosen, options.ensemble, work_dir));
  const FastTextIntentClassifier shipped(std::move(members), report.calibration, DescribeParams(report.chosen));
  TRANCHE_RETURN_IF_ERROR(shipped.Save(out_dir));

  // 4. Language identification, when the data says which language each row is in.
  if (data.has_language) {
    const std::vector<Utterance> lang_train = Select(data.rows, split.train);
    TRANCHE_ASSIGN_OR_RETURN(FastTextModel held, FastTextModel::Train(LanguageExamples(lang_train), LanguageParams(), work_dir));
    report.language_validation =
        LanguageAccuracy(FastTextLanguageDetector(std::move(held)), Select(data.rows, split.validation));
    TRANCHE_ASSIGN_OR_RETURN(FastTextModel lang, FastTextModel::Train(LanguageExamples(data.rows), LanguageParams(), work_dir));
    TRANCHE_RETURN_IF_ERROR(lang.Save(out_dir + "/" + std::string(kLanguageModelFile)));
  }
  return report;
}

IntentEvalReport EvaluateIntents(const IntentClassifier& classifier, const LanguageDetector* detector,
                                 const IntentData& data) {
  IntentEvalReport report;
  report.predictions.reserve(data.rows.size());
  for (const Utterance& u : data.rows) report.predictions.push_back(classifier.Classify(u.text));
  if (data.labelled) report.scores = ScorePredictions(data.rows, report.predictions);
  if (data.has_language && detector != nullptr) report.language = LanguageAccuracy(*detector, data.rows);
  return report;
}

}  // namespace tranche::assist
