#include "api/context.h"

#include "api/errors.h"

namespace tranche::api {

const std::string& RequestContext::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  TRANCHE_ASSERT_MSG(false, "handler asked for a path parameter its route does not have");
  static const std::string kEmpty;
  return kEmpty;
}

const auth::Principal& RequestContext::Caller() const {
  TRANCHE_ASSERT_MSG(principal.has_value(), "handler on an unauthenticated route asked for caller");
  return *principal;
}

void Reply::RedactForReplay(const Json::json_pointer& field) {
  Json replay = body;
  replay[field] = nullptr;
  replay_body = std::move(replay);
}

std::string RenderOutcome(const Result<Reply>& outcome, int* status) {
  if (outcome.ok()) {
    *status = outcome->status;
    return outcome->raw_body.empty() ? Serialize(outcome->body) : outcome->raw_body;
  }
  HttpResponse r = ErrorResponse(outcome.status());
  *status = r.status;
  return std::move(r.body);
}

Result<Reply> RequestContext::Commit(const std::function<Result<Reply>(store::Tx&)>& fn) {
  TRANCHE_ASSERT_MSG(!committed_, "a request commits at most once");
  committed_ = true;
  Result<Reply> outcome = Status::Internal("unit of work did not run");
  const Status written = svc.store.Write([&](store::Tx& tx) -> Status {
    // fn's own failure undoes only fn's changes; the stored outcome still commits.
    (void)tx.Nested([&] {
      outcome = fn(tx);
      return outcome.status();
    });
    if (!idempotency_ || !IsReplayable(outcome.status())) return outcome.status();
    store::IdempotencyRecord record{idempotency_->principal_id, idempotency_->key,
                                    idempotency_->request_hash, 0, "", idempotency_->recorded_at};
    record.response_body = RenderOutcome(outcome, &record.status_code);
    if (outcome.ok() && outcome->replay_body) record.response_body = Serialize(*outcome->replay_body);
    Status stored = tx.idempotency().Insert(record, record.created_at - kIdempotencyLifetime);
    if (stored.category() == StatusCategory::kConflict) {
      return Status::Conflict("idempotency_key_in_use",
                              "another request with this Idempotency-Key completed first");
    }
    return stored;
  });
  // A business refusal that was stored is still the request's answer.
  if (!written.ok() && (outcome.ok() || written.code() != outcome.status().code())) {
    return written;
  }
  return outcome;
}

}  // namespace tranche::api
