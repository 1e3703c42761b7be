// Onboarding: creating operators and merchants and issuing their API keys. Shared by
// the operator API and the CLI so both follow the same rules. Each function runs
// inside the caller's write transaction.
#pragma once

#include <optional>

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
  std::optional<Issued> key;  // none for a merchant the check rejected
};

// Creates the merchant with the automated onboarding check's outcome (merchant_check.h):
// active, pending an operator's review (queued at `now`), or rejected. A rejected
// merchant gets no key. Precondition: ValidateMerchant(draft) passed.
Result<NewMerchant> CreateMerchant(store::Tx& tx, merchants::MerchantDraft draft,
                                   IdGenerator& ids, RandomSource& secrets, Instant now);

// An operator's decision on a merchant pending review: approve makes it active; reject
// makes it rejected and revokes its keys. Conflict unless the merchant is pending review.
struct ReviewDecision {
  bool approve = false;
  std::string operator_id;
  std::string note;  // at most merchants::kMaxReviewNoteChars
};
Result<merchants::Merchant> ReviewMerchant(store::Tx& tx, std::string_view merchant_id, const ReviewDecision& d,
                                           Instant now);
// The merchant, for an operator's action only a rejected merchant takes: NotFound
// merchant_not_found, or Conflict merchant_not_rejected naming its status and
// `only_rejected` (what is done only for a rejected merchant, for the message).
Result<merchants::Merchant> FindRejectedMerchant(store::Tx& tx, std::string_view merchant_id,
                                                 std::string_view only_rejected);
// An operator releases a rejected merchant's payouts: from the next close on, what it is
// owed is paid out (merchants::PayoutsHeld). Conflict merchant_not_rejected for a
// merchant that is not rejected (approving one under review pays it), and
// payouts_already_released the second time. Preconditions: operator_id is not empty,
// reason is not empty and at most merchants::kMaxReviewNoteChars.
Result<merchants::Merchant> ReleasePayouts(store::Tx& tx, std::string_view merchant_id, std::string operator_id,
                                           std::string reason, Instant now);
// Re-screening: names just added to the restricted names list (kRestrictedNamesList)
// send each active merchant whose name they match back to pending_review, with the
// finding restricted_name_match; its earlier review is superseded. Until an operator
// approves it again (or rejects it) it opens no checkout and authorizes and captures
// nothing; refunds of its orders go on. Returns the merchants sent back, in id order.
// Reads the active merchants a page at a time, at most kMaxMerchantsRescreened. Each
// review sent back is queued at `now` (MerchantRepo::OpenReview).
inline constexpr std::size_t kMaxMerchantsRescreened = 1'000'000;
Result<std::vector<merchants::Merchant>> RescreenMerchants(store::Tx& tx, const std::vector<std::string>& added,
                                                           Instant now);

// Merchant monitoring for business date `d` (merchant_monitoring.h): each active
// merchant whose recent plans NeedsReview goes back to pending_review with the finding
// early_delinquency, as a re-screened one does; not one a person approved again after
// such a flag since the window began (its plans were judged: the window must move past
// that decision first). Returns the merchants sent back, each queued at `now`. Reads the
// plans of at most kMaxMerchantsMonitored merchants.
inline constexpr std::size_t kMaxMerchantsMonitored = 100'000;
Result<std::vector<merchants::Merchant>> MonitorMerchants(store::Tx& tx, Date d, Instant now);

// Issues a new secret key for the merchant or operator and revokes the others.
// Conflict for a rejected merchant: it holds no working key.
// The topic of the message RotateKey sends the other nodes (Tx::NotifyNodes), with the
// owner's id.
inline constexpr char kKeysTopic[] = "keys";

Result<Issued> RotateKey(store::Tx& tx, const auth::Principal& owner, IdGenerator& ids,
                         RandomSource& secrets, Instant now);
Result<Issued> CreateOperator(store::Tx& tx, std::string name, IdGenerator& ids,
                              RandomSource& secrets, Instant now);

}  // namespace tranche::onboarding
