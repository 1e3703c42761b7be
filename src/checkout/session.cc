#include "checkout/session.h"

namespace tranche::checkout {

namespace {
Status LineError(std::size_t i, std::string_view field, std::string code, std::string message) {
  return Status::InvalidArgument(std::move(code), std::move(message),
                                 "order_lines[" + std::to_string(i) + "]." + std::string(field));
}
}  // namespace

Status ValidateSession(const SessionDraft& d) {
  const Currency c = d.amount.currency();
  if (d.amount.minor() <= 0 || d.amount.minor() > kMaxInputAmountMinor) {
    return Status::InvalidArgument("parameter_out_of_range", "amount is out of range", "amount");
  }
  if (d.lines.empty() || d.lines.size() > kMaxOrderLines) {
    return Status::InvalidArgument("list_too_long", "order_lines must hold 1-100 lines", "order_lines");
  }
  if (d.merchant_reference.empty() || d.merchant_reference.size() > kMaxMerchantReferenceChars) {
    return Status::InvalidArgument("invalid_string", "merchant_reference must be 1-100 characters",
                                   "merchant_reference");
  }
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    const OrderLine& l = d.lines[i];
    if (l.name.empty() || l.name.size() > kMaxLineNameChars) {
      return LineError(i, "name", "invalid_string", "a line name must be 1-200 characters");
    }
    if (l.quantity < 1 || l.quantity > kMaxLineQuantity) {
      return LineError(i, "quantity", "parameter_out_of_range", "quantity must be 1-10000");
    }
    if (l.unit_price.currency() != c || l.total_amount.currency() != c) {
      return LineError(i, "total_amount", "currency_mismatch", "lines must be in the session's currency");
    }
    auto expected = l.unit_price.Times(l.quantity);
    if (!expected.ok() || *expected != l.total_amount) {
      return LineError(i, "total_amount", "line_total_mismatch",
                       "total_amount must equal quantity × unit_price");
    }
    if (__builtin_add_overflow(sum, l.total_amount.minor(), &sum)) {
      return Status::InvalidArgument("amount_overflow", "line totals overflow", "order_lines");
    }
  }
  if (sum != d.amount.minor()) {
    return Status::InvalidArgument("lines_do_not_add_up",
                                   "order line totals add up to " + FormatMoney(Money(sum, c)) +
                                       ", not the amount " + FormatMoney(d.amount),
                                   "order_lines");
  }
  return Status::Ok();
}

std::vector<Offer> OffersFor(Money amount, Date today, const std::vector<lending::ProductTerms>& offered) {
  std::vector<Offer> offers;
  for (const lending::ProductTerms& terms : offered) {
    if (!lending::CheckAmount(terms, amount).ok()) continue;
    const bool financing = lending::IsFinancing(terms.kind);
    const std::int64_t min_apr = financing ? terms.min_apr_bps : 0;
    const std::int64_t max_apr = financing ? terms.max_apr_bps : 0;
    auto preview = lending::BuildSchedule(terms.kind, amount, today, max_apr);
    if (preview.ok()) offers.push_back(Offer{std::move(preview).value(), min_apr, max_apr});
  }
  return offers;
}

std::string_view SessionStatusName(SessionStatus s) {
  switch (s) {
    case SessionStatus::kOpen: return "open";
    case SessionStatus::kComplete: return "complete";
    case SessionStatus::kExpired: return "expired";
  }
  TRANCHE_ASSERT_MSG(false, "unknown session status");
  return "";
}

SessionStatus EffectiveStatus(const CheckoutSession& s, Instant now) {
  if (s.status == SessionStatus::kOpen && now >= s.expires_at) return SessionStatus::kExpired;
  return s.status;
}

}  // namespace tranche::checkout
