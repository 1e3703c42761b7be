// Onboarding: creating operators and merchants and issuing their API keys. Shared by
// the operator API and the CLI so both follow the same rules. Each function runs
// inside the caller's write transaction.
#pragma once

#include "core/ids.h"
#include "store/store.h"

namespace tranche::onboarding {

struct Issued {
  std::string principal_id;
  std::string key_id;
  std::string secret;  // shown once; only its hash is stored
};

struct NewMerchant {
  merchants::Merchant merchant;
  Issued key;
};

// Precondition: ValidateMerchant(draft) passed.
Result<NewMerchant> CreateMerchant(store::Tx& tx, merchants::MerchantDraft draft,
                                   IdGenerator& ids, RandomSource& secrets, Instant now);
// Issues a new secret key for the merchant or operator and revokes the others.
// The topic of the message RotateKey sends the other nodes (Tx::NotifyNodes), with the
// owner's id.
inline constexpr char kKeysTopic[] = "keys";

Result<Issued> RotateKey(store::Tx& tx, const auth::Principal& owner, IdGenerator& ids,
                         RandomSource& secrets, Instant now);
Result<Issued> CreateOperator(store::Tx& tx, std::string name, IdGenerator& ids,
                              RandomSource& secrets, Instant now);

}  // namespace tranche::onboarding
