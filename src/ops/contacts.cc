#include "ops/contacts.h"

#include "assist/policy.h"

namespace tranche::ops {

Result<servicing::Contact> LogContact(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view operator_id,
                                      servicing::Contact draft) {
  draft.id = ids.Next("cct");
  draft.handled_by = std::string(operator_id);
  // An agent may paste what the caller read out; a card number is not kept.
  draft.note = assist::RedactCardNumbers(draft.note);
  TRANCHE_ASSIGN_OR_RETURN(servicing::Contact c, servicing::LogContact(std::move(draft), now));
  if (c.consumer_id) {
    TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().Find(*c.consumer_id));
    if (!consumer) return Status::NotFound("consumer_not_found", "no such consumer", "consumer_id");
  }
  TRANCHE_RETURN_IF_ERROR(tx.contacts().Insert(c));
  return c;
}

}  // namespace tranche::ops
