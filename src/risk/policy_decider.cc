#include "risk/policy_decider.h"

#include <algorithm>

namespace tranche::risk {

int AgeInYears(Date dob, Date today) {
  int years = static_cast<int>(today.year()) - static_cast<int>(dob.year());
  const bool birthday_passed = std::chrono::month_day(today.month(), today.day()) >=
                               std::chrono::month_day(dob.month(), dob.day());
  return birthday_passed ? years : years - 1;
}

namespace {

// Exposure after this purchase, or nullopt when the sum overflows or mixes
// currencies (both mean: do not lend).
std::optional<Money> ExposureWith(const Exposure& e, Money amount) {
  auto sum = e.outstanding.Plus(e.open_authorizations);
  if (!sum.ok()) return std::nullopt;
  auto total = sum->Plus(amount);
  if (!total.ok()) return std::nullopt;
  return *total;
}

}  // namespace

std::vector<Reason> ShopperReasons(const Decision& d) {
  if (d.outcome == Outcome::kApproved) return {};
  std::vector<Reason> out;
  for (const Reason& r : d.reasons) {
    if (r.code == "underage" || r.code == "amount_outside_product_limits") out.push_back(r);
  }
  if (out.empty()) {
    out.push_back({std::string(kNotApproved),
                   "We could not approve this purchase with tranche. If you have a tranche account, "
                   "you can see why there; you can also choose another way to pay."});
  }
  return out;
}

Decision PolicyDecider::Decide(const DecisionRequest& r) const {
  const Money limit = r.exposure.credit_limit.value_or(
      lending::FromUsdReference(config_.starting_limit_usd_minor, r.amount.currency()));
  Decision d{Outcome::kDeclined, {}, limit, 0, kVersion, std::nullopt};
  const auto decline = [&d](std::string code, std::string message) {
    if (d.reasons.size() < kMaxDeclineReasons) d.reasons.push_back({std::move(code), std::move(message)});
  };
  if (!r.identity_consistent) {
    decline("identity_mismatch",
            "The details you entered do not match the account registered to this email address.");
  }
  if (!r.date_of_birth.ok() || AgeInYears(r.date_of_birth, r.today) < config_.min_age_years) {
    decline("underage", "You must be at least 18 years old to use tranche.");
  }
  if (r.exposure.has_overdue) {
    decline("overdue_balance", "You have a payment that is past due. Please pay it first.");
  }
  if (!lending::CheckAmount(r.terms, r.amount).ok()) {
    decline("amount_outside_product_limits",
            "This payment option is not available for this purchase amount.");
  }
  const std::optional<Money> exposure = ExposureWith(r.exposure, r.amount);
  if (!exposure || d.credit_limit.currency() != exposure->currency() ||
      exposure->minor() > d.credit_limit.minor()) {
    decline("exceeds_available_credit",
            "This purchase is more than your available spending limit with tranche.");
  }
  d.outcome = d.reasons.empty() ? Outcome::kApproved : Outcome::kDeclined;
  if (d.outcome == Outcome::kApproved && lending::IsFinancing(r.terms.kind)) {
    d.apr_bps = std::clamp(config_.financing_apr_bps, r.terms.min_apr_bps, r.terms.max_apr_bps);
  }
  return d;
}

}  // namespace tranche::risk
