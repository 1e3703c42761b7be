#include "sim/fraud_training.h"

#include <chrono>
#include <memory>
#include <utility>

#include "core/date_range.h"
#include "core/time.h"
#include "fraud/engine_source.h"
#include "fraud/features.h"
#include "ops/fraud_training.h"
#include "sim/driver.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::sim {

Result<SimulatedFraudModel> TrainFraudOnSimulation(const SimConfig& c, const fraud::FraudTrainOptions& options) {
  TRANCHE_ASSERT(c.days >= 1);
  const Date end = AddDays(c.start_date, c.days);  // the midnight after the last day
  const Instant labelled_at = StartOf(end);
  TRANCHE_ASSIGN_OR_RETURN(std::unique_ptr<store::sqlite::InMemoryStore> store,
                           store::sqlite::InMemoryStore::Open(labelled_at));
  RunOptions quiet;
  quiet.settlement_files = false;
  TRANCHE_RETURN_IF_ERROR(Run(c, *store, quiet).status());
  const DateRange run{c.start_date, AddDays(end, -1)};
  TRANCHE_ASSIGN_OR_RETURN(fraud::DecisionTrainingSet set,
                           ops::ReadTrainingDecisions(*store, fraud::EngineFeatureSource::ScreeningCatalogue(), run,
                                                      labelled_at,
                                                      std::chrono::days(fraud::kDefaultTrainingLabelDelayDays)));
  // The run screened with the engine's default label delay (driver.cc), so the serving
  // engine must shift the merchant fraud rates by the same.
  TRANCHE_ASSIGN_OR_RETURN(fraud::StreamModel trained,
                           fraud::TrainOnDecisions(set, fraud::EngineOptions{}.label_delay_s, options));
  return SimulatedFraudModel{std::move(trained), set.counts()};
}

}  // namespace tranche::sim
