// Labelled training data from the simulated bureau, in the Taiwan credit-card layout:
// profiles of synthetic identities, each labelled by a stated default process (recent
// late payments raise the odds sharply, a higher limit lowers them), with a seeded
// draw. For tests and simulations that need a credit model without the public data.
#pragma once

#include <cstdint>

#include "ml/csv.h"
#include "core/time.h"

namespace tranche::credit {

// `rows` rows with columns id, limit_bal, education, age, pay_0, pay_2..pay_6,
// bill_amt1..6, pay_amt1..6, default. Ages are as of `today`.
ml::Table SimulatedTrainingData(std::size_t rows, std::uint64_t seed, Date today);

}  // namespace tranche::credit
