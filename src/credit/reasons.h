// Adverse-action reasons from feature contributions (pure). Each model feature maps to a
// reason in the catalogue; a decision's principal reasons are the reasons whose features
// together pushed the score furthest toward default — at most four, strongest first,
// only those that pushed toward default at all.
#pragma once

#include <string>
#include <vector>

namespace tranche::credit {

inline constexpr std::size_t kMaxReasons = 4;

struct ReasonEntry {
  std::string feature;
  std::string code;     // stable: "recent_late_payments"
  std::string message;  // for the consumer
};

// The catalogue entry for a column name: known credit-bureau and application fields get
// specific statements ("Recent late payments on existing credit"); anything else a
// plain one naming the information used.
ReasonEntry DefaultReason(const std::string& feature);

struct ReasonScore {
  std::string code;
  std::string message;
  double contribution = 0;  // summed log-odds pushed toward default
};

// `contributions` has one value per feature (in the catalogue's order); the bias is not
// included. Precondition: sizes match.
std::vector<ReasonScore> TopReasons(const std::vector<float>& contributions,
                                    const std::vector<ReasonEntry>& catalogue,
                                    std::size_t max_reasons = kMaxReasons);

}  // namespace tranche::credit
