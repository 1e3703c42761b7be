#include "onboarding/onboarding.h"

namespace tranche::onboarding {

Result<NewMerchant> CreateMerchant(store::Tx& tx, merchants::MerchantDraft draft,
                                   IdGenerator& ids, RandomSource& secrets, Instant now) {
  merchants::Merchant m = merchants::MakeMerchant(ids.Next("mer"), std::move(draft), now);
  TRANCHE_RETURN_IF_ERROR(tx.merchants().Insert(m));
  TRANCHE_ASSIGN_OR_RETURN(Issued key,
                           RotateKey(tx, {auth::PrincipalKind::kMerchant, m.id}, ids, secrets, now));
  return NewMerchant{std::move(m), std::move(key)};
}

Result<Issued> RotateKey(store::Tx& tx, const auth::Principal& owner, IdGenerator& ids,
                         RandomSource& secrets, Instant now) {
  Issued out{owner.id, ids.Next("key"), auth::GenerateSecret(owner.kind, secrets)};
  TRANCHE_RETURN_IF_ERROR(tx.keys().InsertKey(auth::MakeApiKey(out.key_id, owner, out.secret, now)));
  TRANCHE_ASSIGN_OR_RETURN(int revoked, tx.keys().RevokeKeys(owner.id, out.key_id, now));
  (void)revoked;
  // Other nodes drop the old keys from their caches (api/authenticator.h) when this commits.
  TRANCHE_RETURN_IF_ERROR(tx.NotifyNodes(kKeysTopic, owner.id));
  return out;
}

Result<Issued> CreateOperator(store::Tx& tx, std::string name, IdGenerator& ids,
                              RandomSource& secrets, Instant now) {
  if (name.empty() || name.size() > 100) {
    return Status::InvalidArgument("invalid_string", "operator name must be 1-100 characters", "name");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto existing, tx.keys().FindOperatorByName(name));
  if (existing) return Status::Conflict("operator_exists", "an operator named " + name + " exists");
  auth::Operator op{ids.Next("opr"), std::move(name), now};
  TRANCHE_RETURN_IF_ERROR(tx.keys().InsertOperator(op));
  return RotateKey(tx, {auth::PrincipalKind::kOperator, op.id}, ids, secrets, now);
}

}  // namespace tranche::onboarding
