#include "assist/measure.h"

namespace tranche::assist {

Result<AssistantMetrics> MeasureAssistant(store::Store& store, Instant since, Instant until, Instant now) {
  if (until < since) return Status::InvalidArgument("invalid_range", "the end of the range is before its start");
  std::vector<ConversationFacts> facts;
  TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(facts, tx.conversations().ListFacts(since, until + kRepeatContactWindow,
                                                                 kMaxMeasuredConversations));
    return Status::Ok();
  }));
  AssistantMetrics m = MeasureConversations(facts, since, until, now);
  m.truncated = facts.size() == kMaxMeasuredConversations;
  return m;
}

}  // namespace tranche::assist
