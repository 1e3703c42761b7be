#include "origination/sessions.h"

#include "merchants/merchant.h"

namespace tranche::origination {

namespace {

Result<merchants::Merchant> MerchantOf(store::Tx& tx, std::string_view merchant_id) {
  TRANCHE_ASSIGN_OR_RETURN(auto merchant, tx.merchants().Find(merchant_id));
  TRANCHE_ASSERT_MSG(merchant.has_value(), "a session's merchant exists");
  return std::move(*merchant);
}

SessionView ViewOf(const merchants::Merchant& merchant, checkout::CheckoutSession s, Instant now) {
  SessionView v{std::move(s), checkout::SessionStatus::kOpen, {}};
  v.status = checkout::EffectiveStatus(v.session, now);
  if (v.status == checkout::SessionStatus::kOpen) {
    const Money amount = v.session.draft.amount;
    v.offers = checkout::OffersFor(amount, DateOf(v.session.created_at),
                                   merchants::OfferedTerms(merchant, amount.currency()));
  }
  return v;
}

}  // namespace

Result<CreatedSession> CreateSession(store::Tx& tx, IdGenerator& ids, const auth::PlatformKey& key,
                                     std::string_view merchant_id, checkout::SessionDraft draft,
                                     Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(const merchants::Merchant merchant, MerchantOf(tx, merchant_id));
  TRANCHE_RETURN_IF_ERROR(merchants::CheckTrading(merchant));
  std::string id = ids.Next("cs");
  std::string client_token = auth::DeriveClientToken(key, id);
  checkout::CheckoutSession session{std::move(id),
                                    std::string(merchant_id),
                                    std::move(draft),
                                    auth::HashSecret(client_token),
                                    checkout::SessionStatus::kOpen,
                                    now,
                                    now + checkout::kSessionLifetime};
  TRANCHE_RETURN_IF_ERROR(tx.sessions().Insert(session));
  return CreatedSession{ViewOf(merchant, std::move(session), now), std::move(client_token)};
}

Result<SessionView> LoadSession(store::Tx& tx, std::string_view merchant_id, std::string_view session_id,
                                Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto s, tx.sessions().Find(session_id));
  if (!s || s->merchant_id != merchant_id) {
    return Status::NotFound("session_not_found",
                            "no checkout session " + std::string(session_id.substr(0, 64)), "id");
  }
  TRANCHE_ASSIGN_OR_RETURN(const merchants::Merchant merchant, MerchantOf(tx, merchant_id));
  return ViewOf(merchant, std::move(*s), now);
}

}  // namespace tranche::origination
