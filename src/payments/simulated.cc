#include "payments/simulated.h"

#include <algorithm>
#include <cstdio>

#include "core/hash.h"

namespace tranche::payments {

namespace {

// A draw in [0, 10,000) fixed by the seed, the key and what is being drawn.
int Draw(std::uint64_t seed, std::string_view key, std::string_view what) {
  std::uint64_t h = Fnv1a(key, Fnv1a(what, seed * 0x9E3779B97F4A7C15ULL + 1));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return static_cast<int>(h % 10'000);
}

std::string Reference(std::string_view prefix, std::uint64_t seed, std::string_view key) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*s_%016llx", static_cast<int>(prefix.size()), prefix.data(),
                static_cast<unsigned long long>(Fnv1a(key, seed)));
  return buf;
}

ProcessorReply Failed(std::string code, std::string ref) { return {Outcome::kFailed, std::move(code), std::move(ref)}; }
ProcessorReply Succeeded(std::string ref) { return {Outcome::kSucceeded, "", std::move(ref)}; }

}  // namespace

std::string_view MethodTypeName(MethodType t) { return t == MethodType::kCard ? "card" : "bank_account"; }

std::optional<MethodType> ParseMethodType(std::string_view s) {
  if (s == "card") return MethodType::kCard;
  if (s == "bank_account") return MethodType::kBankAccount;
  return std::nullopt;
}

bool IsProfile(std::string_view profile) {
  return std::any_of(std::begin(kProfiles), std::end(kProfiles), [&](const char* p) { return profile == p; });
}

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kSucceeded: return "succeeded";
    case Outcome::kFailed: return "failed";
    case Outcome::kUnknown: return "unknown";
  }
  return "";
}

ProcessorReply SimulatedProcessor::Resolve(const CollectRequest& r) {
  const std::string ref = Reference("simch", rates_.seed, r.key);
  const std::string& profile = r.method.profile;
  if (profile == "insufficient_funds" || profile == "expired_card" || profile == "processor_error") {
    return Failed(profile, ref);
  }
  if (profile != "standard") return Succeeded(ref);
  int d = Draw(rates_.seed, r.key, "outcome");
  if ((d -= rates_.insufficient_funds_bps) < 0) return Failed("insufficient_funds", ref);
  if (r.method.type == MethodType::kCard && (d -= rates_.expired_card_bps) < 0) return Failed("expired_card", ref);
  if ((d -= rates_.processor_error_bps) < 0) return Failed("processor_error", ref);
  return Succeeded(ref);
}

ProcessorReply SimulatedProcessor::Collect(const CollectRequest& r) {
  TRANCHE_ASSERT(r.amount.minor() > 0);
  const bool times_out = r.method.profile == "timeout" ||
                         (r.method.profile == "standard" && Draw(rates_.seed, r.key, "timeout") < rates_.timeout_bps);
  if (times_out) return {Outcome::kUnknown, "", ""};
  return Resolve(r);
}

ProcessorReply SimulatedProcessor::ResolveRefund(const CollectRequest& r) {
  return Succeeded(Reference("simre", rates_.seed, r.key));
}

ProcessorReply SimulatedProcessor::Refund(const CollectRequest& r) {
  TRANCHE_ASSERT(r.amount.minor() > 0);
  if (r.method.profile == "timeout") return {Outcome::kUnknown, "", ""};
  return ResolveRefund(r);
}

ProcessorReply SimulatedPayoutRail::Resolve(const PayoutRequest& r) {
  const std::string ref = Reference("simpo", rates_.seed, r.key);
  if (Draw(rates_.seed, r.key, "outcome") < rates_.failure_bps) return Failed("account_closed", ref);
  return Succeeded(ref);
}

ProcessorReply SimulatedPayoutRail::Pay(const PayoutRequest& r) {
  TRANCHE_ASSERT(r.amount.minor() > 0);
  if (Draw(rates_.seed, r.key, "timeout") < rates_.timeout_bps) return {Outcome::kUnknown, "", ""};
  return Resolve(r);
}

}  // namespace tranche::payments
