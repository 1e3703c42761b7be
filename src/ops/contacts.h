// Logging a customer contact a person handled outside the assistant (servicing/contact.h).
#pragma once

#include "core/ids.h"
#include "servicing/contact.h"
#include "store/store.h"

namespace tranche::ops {

// Stores `draft` (its id, created_at and handled_by are set here; card numbers in its
// note redacted) as handled by `operator_id` at `now`. Refused: what servicing::LogContact refuses, and a consumer id
// that names no consumer (consumer_not_found).
Result<servicing::Contact> LogContact(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view operator_id,
                                      servicing::Contact draft);

}  // namespace tranche::ops
