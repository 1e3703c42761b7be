// Checkout-session use cases for merchants: create a session with its offers, and read
// one back. Each runs inside the caller's transaction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/keys.h"
#include "checkout/session.h"
#include "core/ids.h"
#include "store/store.h"

namespace tranche::origination {

// A session as a merchant sees it at a moment: its effective status and, while it is
// open, the offers the merchant's terms make for its amount. Offers are derived, not
// stored: the same amount and creation day always give the same ones.
struct SessionView {
  checkout::CheckoutSession session;
  checkout::SessionStatus status = checkout::SessionStatus::kOpen;
  std::vector<checkout::Offer> offers;
};

struct CreatedSession {
  SessionView view;
  // For the consumer's browser. Stored only as a hash; derived from the session id
  // under the platform key, so an idempotent replay can give it again.
  std::string client_token;
};

// Precondition: `draft` passed checkout::ValidateSession; `merchant_id` is an
// authenticated merchant.
Result<CreatedSession> CreateSession(store::Tx& tx, IdGenerator& ids, const auth::PlatformKey& key,
                                     std::string_view merchant_id, checkout::SessionDraft draft,
                                     Instant now);

// The merchant's own session; another merchant's is as unknown as a missing one.
Result<SessionView> LoadSession(store::Tx& tx, std::string_view merchant_id, std::string_view session_id,
                                Instant now);

}  // namespace tranche::origination
