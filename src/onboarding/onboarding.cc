#include "onboarding/onboarding.h"

#include <algorithm>
#include <set>

#include "core/assert.h"
#include "fraud/lists.h"
#include "onboarding/merchant_check.h"
#include "onboarding/merchant_monitoring.h"

namespace tranche::onboarding {

namespace {

// Compares name keys, so an entry typed "Acme Trading Ltd" restricts "ACME trading".
// Lists hold at most fraud::kMaxListEntries, and merchants are created rarely.
Result<bool> NameIsRestricted(store::Tx& tx, std::string_view name) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<fraud::FraudList> list, tx.fraud_lists().Find(kRestrictedNamesList));
  const std::string key = NameKey(name);
  if (!list || key.empty()) return false;
  return std::any_of(list->entries.begin(), list->entries.end(),
                     [&](const std::string& entry) { return NameKey(entry) == key; });
}

// A new key for `owner`, revoking its others; no check of who the owner is.
Result<Issued> IssueKey(store::Tx& tx, const auth::Principal& owner, IdGenerator& ids, RandomSource& secrets,
                        Instant now) {
  Issued out{owner.id, ids.Next("key"), auth::GenerateSecret(owner.kind, secrets)};
  TRANCHE_RETURN_IF_ERROR(tx.keys().InsertKey(auth::MakeApiKey(out.key_id, owner, out.secret, now)));
  TRANCHE_ASSIGN_OR_RETURN(int revoked, tx.keys().RevokeKeys(owner.id, out.key_id, now));
  (void)revoked;
  // Other nodes drop the old keys from their caches (api/authenticator.h) when this commits.
  TRANCHE_RETURN_IF_ERROR(tx.NotifyNodes(kKeysTopic, owner.id));
  return out;
}

}  // namespace

Result<NewMerchant> CreateMerchant(store::Tx& tx, merchants::MerchantDraft draft,
                                   IdGenerator& ids, RandomSource& secrets, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(const bool restricted, NameIsRestricted(tx, draft.name));
  MerchantCheck check = CheckMerchant(draft, restricted);
  merchants::Merchant m = merchants::MakeMerchant(ids.Next("mer"), std::move(draft), now);
  m.onboarding.status = check.status;
  m.onboarding.findings = std::move(check.findings);
  TRANCHE_RETURN_IF_ERROR(tx.merchants().Insert(m));
  if (m.onboarding.status == merchants::OnboardingStatus::kPendingReview) {
    TRANCHE_RETURN_IF_ERROR(tx.merchants().OpenReview(m.id, now));
  }
  NewMerchant out{std::move(m), std::nullopt};
  if (out.merchant.onboarding.status != merchants::OnboardingStatus::kRejected) {
    TRANCHE_ASSIGN_OR_RETURN(out.key, IssueKey(tx, {auth::PrincipalKind::kMerchant, out.merchant.id}, ids, secrets, now));
  }
  return out;
}

Result<merchants::Merchant> ReviewMerchant(store::Tx& tx, std::string_view merchant_id, const ReviewDecision& d,
                                           Instant now) {
  TRANCHE_ASSERT(!d.operator_id.empty() && d.note.size() <= merchants::kMaxReviewNoteChars);
  TRANCHE_ASSIGN_OR_RETURN(std::optional<merchants::Merchant> m, tx.merchants().Find(merchant_id));
  if (!m) return Status::NotFound("merchant_not_found", "no merchant " + std::string(merchant_id.substr(0, 64)), "id");
  if (m->onboarding.status != merchants::OnboardingStatus::kPendingReview) {
    return Status::Conflict("merchant_not_pending_review",
                            "this merchant is " + std::string(merchants::OnboardingStatusName(m->onboarding.status)));
  }
  m->onboarding.status = d.approve ? merchants::OnboardingStatus::kActive : merchants::OnboardingStatus::kRejected;
  m->onboarding.reviewed_by = d.operator_id;
  m->onboarding.reviewed_at = now;
  m->onboarding.review_note = d.note;
  TRANCHE_RETURN_IF_ERROR(tx.merchants().UpdateOnboarding(m->id, m->onboarding));
  TRANCHE_ASSIGN_OR_RETURN(const bool closed, tx.merchants().CloseReview(m->id, now));
  TRANCHE_ASSERT_MSG(closed, "a merchant pending review has an open review");
  if (!d.approve) {
    TRANCHE_ASSIGN_OR_RETURN(const int revoked, tx.keys().RevokeKeys(m->id, "", now));
    (void)revoked;
    TRANCHE_RETURN_IF_ERROR(tx.NotifyNodes(kKeysTopic, m->id));
  }
  return std::move(*m);
}

Result<merchants::Merchant> FindRejectedMerchant(store::Tx& tx, std::string_view merchant_id,
                                                 std::string_view only_rejected) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<merchants::Merchant> m, tx.merchants().Find(merchant_id));
  if (!m) return Status::NotFound("merchant_not_found", "no merchant " + std::string(merchant_id.substr(0, 64)), "id");
  if (m->onboarding.status != merchants::OnboardingStatus::kRejected) {
    return Status::Conflict("merchant_not_rejected",
                            "this merchant is " + std::string(merchants::OnboardingStatusName(m->onboarding.status)) +
                                ": only a rejected merchant's " + std::string(only_rejected));
  }
  return std::move(*m);
}

Result<merchants::Merchant> ReleasePayouts(store::Tx& tx, std::string_view merchant_id, std::string operator_id,
                                           std::string reason, Instant now) {
  TRANCHE_ASSERT(!operator_id.empty() && !reason.empty() && reason.size() <= merchants::kMaxReviewNoteChars);
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant m, FindRejectedMerchant(tx, merchant_id, "payouts are released"));
  if (m.onboarding.payout_release) {
    return Status::Conflict("payouts_already_released", "this merchant's payouts were released already");
  }
  m.onboarding.payout_release = merchants::PayoutRelease{std::move(operator_id), now, std::move(reason)};
  TRANCHE_RETURN_IF_ERROR(tx.merchants().UpdateOnboarding(m.id, m.onboarding));
  return m;
}

namespace {

bool HasFinding(const merchants::Onboarding& o, std::string_view finding) {
  return std::find(o.findings.begin(), o.findings.end(), finding) != o.findings.end();
}

// Sends an active merchant back to review for `finding` at `now`; its earlier review is
// superseded.
Status SendBackToReview(store::Tx& tx, merchants::Merchant& m, std::string_view finding, Instant now) {
  TRANCHE_ASSERT(m.onboarding.status == merchants::OnboardingStatus::kActive);
  m.onboarding = merchants::Onboarding{merchants::OnboardingStatus::kPendingReview, std::move(m.onboarding.findings), "",
                                       std::nullopt, "", std::nullopt};
  if (!HasFinding(m.onboarding, finding)) m.onboarding.findings.emplace_back(finding);
  TRANCHE_RETURN_IF_ERROR(tx.merchants().UpdateOnboarding(m.id, m.onboarding));
  return tx.merchants().OpenReview(m.id, now);
}

}  // namespace

Result<std::vector<merchants::Merchant>> RescreenMerchants(store::Tx& tx, const std::vector<std::string>& added,
                                                           Instant now) {
  TRANCHE_ASSERT(added.size() <= fraud::kMaxListEntries);
  std::set<std::string> keys;
  for (const std::string& entry : added) {
    if (std::string key = NameKey(entry); !key.empty()) keys.insert(std::move(key));
  }
  std::vector<merchants::Merchant> sent_back;
  if (keys.empty()) return sent_back;
  constexpr std::size_t kPage = 500;
  std::string after;
  for (std::size_t read = 0; read < kMaxMerchantsRescreened; read += kPage) {
    TRANCHE_ASSIGN_OR_RETURN(auto page, tx.merchants().List(after, merchants::OnboardingStatus::kActive, kPage));
    for (merchants::Merchant& m : page) {
      if (!keys.contains(NameKey(m.name))) continue;
      TRANCHE_RETURN_IF_ERROR(SendBackToReview(tx, m, kRestrictedNameFinding, now));
      sent_back.push_back(std::move(m));
    }
    if (page.size() < kPage) break;
    after = page.back().id;
  }
  return sent_back;
}

Result<std::vector<merchants::Merchant>> MonitorMerchants(store::Tx& tx, Date d, Instant now) {
  const Instant from = StartOf(AddDays(d, -kMonitoredFromDays));
  const Instant to = StartOf(AddDays(d, -kMonitoredToDays));
  TRANCHE_ASSIGN_OR_RETURN(auto books, tx.plans().MerchantDelinquency(from, to, kMaxMerchantsMonitored));
  std::vector<merchants::Merchant> sent_back;
  for (const lending::MerchantPlans& book : books) {
    if (!NeedsReview(book)) continue;
    TRANCHE_ASSIGN_OR_RETURN(std::optional<merchants::Merchant> m, tx.merchants().Find(book.merchant_id));
    TRANCHE_ASSERT_MSG(m.has_value(), "a plan's merchant exists");
    // One already in review, or rejected, is a person's already; one a person approved
    // again after a flag since the window began had these very plans judged.
    const merchants::Onboarding& o = m->onboarding;
    if (o.status != merchants::OnboardingStatus::kActive) continue;
    if (o.reviewed_at && *o.reviewed_at >= from && HasFinding(o, kEarlyDelinquencyFinding)) continue;
    TRANCHE_RETURN_IF_ERROR(SendBackToReview(tx, *m, kEarlyDelinquencyFinding, now));
    sent_back.push_back(std::move(*m));
  }
  return sent_back;
}

Result<Issued> RotateKey(store::Tx& tx, const auth::Principal& owner, IdGenerator& ids,
                         RandomSource& secrets, Instant now) {
  if (owner.kind == auth::PrincipalKind::kMerchant) {
    TRANCHE_ASSIGN_OR_RETURN(std::optional<merchants::Merchant> m, tx.merchants().Find(owner.id));
    TRANCHE_ASSERT_MSG(m.has_value(), "a key's merchant exists");
    if (m->onboarding.status == merchants::OnboardingStatus::kRejected) {
      return Status::Conflict("merchant_rejected", "a rejected merchant gets no keys");
    }
  }
  return IssueKey(tx, owner, ids, secrets, now);
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
