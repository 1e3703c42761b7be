// Checkout sessions (pure): what a merchant asks tranche to finance, and the offers
// tranche makes for it. A session is open for 48 hours; authorizing it (issue 3's next
// step) completes it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "lending/schedule.h"

namespace tranche::checkout {

inline constexpr std::chrono::hours kSessionLifetime{48};
inline constexpr std::size_t kMaxOrderLines = 100;
inline constexpr std::size_t kMaxLineNameChars = 200;
inline constexpr std::size_t kMaxMerchantReferenceChars = 100;
inline constexpr std::int64_t kMaxLineQuantity = 10'000;

struct OrderLine {
  std::string name;
  std::int64_t quantity = 0;
  Money unit_price;
  Money total_amount;
};

struct SessionDraft {
  Money amount;
  std::vector<OrderLine> lines;
  std::string merchant_reference;
  std::optional<std::string> consumer_email;  // normalised
};

// Lines: 1..100, each quantity × unit price = total, all in the amount's currency,
// adding up to the amount; names and the reference within their limits.
Status ValidateSession(const SessionDraft& d);

struct Offer {
  lending::Schedule preview;
  // Financing: the APRs the merchant's terms allow. The decision at authorization
  // prices by risk within them, so before it an offer can only state the range; the
  // preview is at max_apr_bps, the most the plan can cost.
  std::int64_t min_apr_bps = 0;
  std::int64_t max_apr_bps = 0;
};

// One offer per product in `offered` (the merchant's terms in the amount's currency)
// whose limits admit the amount, in the given order, previewed as if captured on
// `today`.
std::vector<Offer> OffersFor(Money amount, Date today, const std::vector<lending::ProductTerms>& offered);

enum class SessionStatus : std::uint8_t { kOpen, kComplete, kExpired };
inline constexpr SessionStatus kAllSessionStatuses[] = {
    SessionStatus::kOpen, SessionStatus::kComplete, SessionStatus::kExpired};
std::string_view SessionStatusName(SessionStatus s);

struct CheckoutSession {
  std::string id;  // cs_...
  std::string merchant_id;
  SessionDraft draft;
  std::array<std::uint8_t, 32> client_token_hash;
  SessionStatus status = SessionStatus::kOpen;  // as stored
  Instant created_at;
  Instant expires_at;
};

// The status a caller sees at `now`: a stored open session past its expiry is expired.
SessionStatus EffectiveStatus(const CheckoutSession& s, Instant now);

}  // namespace tranche::checkout
