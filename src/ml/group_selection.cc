#include "ml/group_selection.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "core/assert.h"
#include "ml/cross_validation.h"
#include "ml/metrics.h"

namespace tranche::ml {

namespace {

struct Fitted {
  Booster booster;
  DMatrix valid;
  double average_precision = 0;
  double auc = 0;
};

bool Contains(const std::vector<int>& groups, int g) { return std::find(groups.begin(), groups.end(), g) != groups.end(); }

std::vector<std::size_t> ColumnsWithout(const std::vector<int>& group_of_column, const std::vector<int>& dropped) {
  std::vector<std::size_t> out;
  for (std::size_t c = 0; c < group_of_column.size(); ++c) {
    if (!Contains(dropped, group_of_column[c])) out.push_back(c);
  }
  return out;
}

// Trees on `train`'s `columns`, early-stopped on `valid`, and how they rank `valid`.
Result<Fitted> Fit(const Matrix& train, const Matrix& valid, const std::vector<std::size_t>& columns,
                   const GroupSelectionOptions& o) {
  TRANCHE_ASSIGN_OR_RETURN(DMatrix t, ToDMatrix(SelectColumns(train, columns)));
  TRANCHE_ASSIGN_OR_RETURN(DMatrix v, ToDMatrix(SelectColumns(valid, columns)));
  TRANCHE_ASSIGN_OR_RETURN(auto fitted, Booster::Train(t, o.params, o.max_rounds, &v, o.patience));
  TRANCHE_ASSIGN_OR_RETURN(std::vector<double> margins, fitted.first.PredictMargins(v));
  const double ap = AveragePrecision(margins, valid.labels);
  const double auc = Auc(margins, valid.labels);
  return Fitted{std::move(fitted.first), std::move(v), ap, auc};
}

// The groups `base` (trained on every column) leans on, by their summed mean |TreeSHAP|
// on the validation rows, strongest first; unused groups are not candidates.
Result<std::vector<int>> Candidates(const Fitted& base, const std::vector<int>& group_of_column,
                                    std::size_t max_candidates) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<float> contributions, base.booster.PredictContributions(base.valid));
  const std::size_t width = group_of_column.size() + 1;  // the bias is last
  TRANCHE_ASSERT(contributions.size() == base.valid.rows() * width);
  std::map<int, double> weight;
  for (std::size_t r = 0; r < base.valid.rows(); ++r) {
    for (std::size_t c = 0; c + 1 < width; ++c) weight[group_of_column[c]] += std::fabs(contributions[r * width + c]);
  }
  std::vector<std::pair<double, int>> ranked;
  for (const auto& [group, w] : weight) {
    if (w > 0) ranked.emplace_back(-w, group);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<int> out;
  for (std::size_t i = 0; i < ranked.size() && i < max_candidates; ++i) out.push_back(ranked[i].second);
  return out;
}

std::size_t Positives(const Matrix& m) {
  return static_cast<std::size_t>(std::count(m.labels.begin(), m.labels.end(), 1.0F));
}

}  // namespace

Result<GroupSelection> SelectGroupsBackward(const Matrix& rows, const std::vector<int>& group_of_column,
                                            const GroupSelectionOptions& o) {
  TRANCHE_ASSERT(rows.labels.size() == rows.rows && rows.values.size() == rows.rows * rows.cols);
  TRANCHE_ASSERT(group_of_column.size() == rows.cols);
  TRANCHE_ASSERT(std::all_of(group_of_column.begin(), group_of_column.end(), [](int g) { return g >= 0; }));
  TRANCHE_ASSERT(o.holdout_share > 0 && o.holdout_share < 1);
  TRANCHE_ASSERT(o.max_candidates <= kMaxSelectionCandidates && o.max_dropped >= 0 && o.max_dropped <= kMaxSelectionDropped);
  GroupSelection s;
  const auto split = static_cast<std::size_t>(std::floor(static_cast<double>(rows.rows) * (1 - o.holdout_share)));
  std::vector<std::size_t> earlier(split), later(rows.rows - split);
  for (std::size_t r = 0; r < rows.rows; ++r) (r < split ? earlier[r] : later[r - split]) = r;
  const Matrix train = Gather(rows, earlier);
  const Matrix valid = Gather(rows, later);
  s.training_rows = train.rows;
  s.validation_rows = valid.rows;
  s.validation_positives = Positives(valid);
  const std::size_t train_positives = Positives(train);
  if (std::min({train_positives, train.rows - train_positives, s.validation_positives,
                valid.rows - s.validation_positives}) < kMinSelectionRowsPerClass) {
    s.skipped = "each class needs " + std::to_string(kMinSelectionRowsPerClass) +
                " rows in both the earlier and the later part; the later part has " +
                std::to_string(s.validation_positives) + " positive of " + std::to_string(valid.rows);
    return s;
  }
  TRANCHE_ASSIGN_OR_RETURN(Fitted base, Fit(train, valid, ColumnsWithout(group_of_column, {}), o));
  s.base_average_precision = s.chosen_average_precision = base.average_precision;
  s.base_auc = s.chosen_auc = base.auc;
  TRANCHE_ASSIGN_OR_RETURN(const std::vector<int> candidates, Candidates(base, group_of_column, o.max_candidates));
  for (int round = 0; round < o.max_dropped; ++round) {
    std::optional<GroupTrial> best;
    for (int g : candidates) {
      if (Contains(s.dropped, g)) continue;
      std::vector<int> dropped = s.dropped;
      dropped.push_back(g);
      const std::vector<std::size_t> columns = ColumnsWithout(group_of_column, dropped);
      if (columns.empty()) continue;
      TRANCHE_ASSIGN_OR_RETURN(Fitted f, Fit(train, valid, columns, o));
      s.trials.push_back({g, f.average_precision, f.auc});
      if (!best || f.average_precision > best->average_precision) best = s.trials.back();
    }
    if (!best || best->average_precision < s.chosen_average_precision + o.min_gain ||
        best->auc < s.chosen_auc - o.max_auc_loss) {
      break;
    }
    s.dropped.push_back(best->group);
    s.chosen_average_precision = best->average_precision;
    s.chosen_auc = best->auc;
  }
  return s;
}

}  // namespace tranche::ml
