// Wire views of the parties (consumers, merchants, their keys, notifications, payment
// methods, webhook endpoints) and of the ledger.
#include "ops/views.h"

#include "ledger/posting.h"

namespace tranche::ops {

namespace {

// Amounts in the ledger's views are positive with a direction.
Json DirectedAmount(Json j, std::int64_t signed_minor) {
  j["direction"] = signed_minor > 0 ? "debit" : "credit";
  j["amount"] = signed_minor > 0 ? signed_minor : -signed_minor;
  return j;
}

Json CreditLineJson(const origination::CreditLine& l) {
  return {{"currency", CurrencyCode(l.limit.currency())},
          {"credit_limit", l.limit.minor()},
          {"outstanding_balance", l.outstanding.minor()},
          {"open_authorizations", l.open_authorizations.minor()},
          {"available_credit", l.available.minor()}};
}

Json ProductsJson(const merchants::ProductSet& products) {
  Json out = Json::array();
  for (const lending::ProductTerms& t : products) {
    Json p = {{"product", lending::ProductName(t.kind)},
              {"min_amount", t.min_amount.minor()},
              {"max_amount", t.max_amount.minor()}};
    if (lending::IsFinancing(t.kind)) {
      p["min_apr_bps"] = t.min_apr_bps;
      p["max_apr_bps"] = t.max_apr_bps;
    }
    out.push_back(std::move(p));
  }
  return out;
}

Json OnboardingJson(const merchants::Onboarding& o) {
  Json j = {{"status", merchants::OnboardingStatusName(o.status)}, {"findings", o.findings},
            {"reviewed_by", nullptr}, {"reviewed_at", nullptr}, {"note", nullptr}};
  if (!o.reviewed_by.empty()) {
    j["reviewed_by"] = o.reviewed_by;
    j["reviewed_at"] = FormatRfc3339(*o.reviewed_at);
    if (!o.review_note.empty()) j["note"] = o.review_note;
  }
  j["payout_release"] = nullptr;
  if (o.payout_release) {
    j["payout_release"] = {{"released_by", o.payout_release->released_by},
                           {"released_at", FormatRfc3339(o.payout_release->released_at)},
                           {"reason", o.payout_release->reason}};
  }
  return j;
}

}  // namespace

Json ConsumerJson(const merchants::Consumer& c, const std::vector<origination::CreditLine>& credit) {
  Json body = {{"id", c.id},
               {"object", "consumer"},
               {"email", c.email},
               {"given_name", c.given_name},
               {"family_name", c.family_name},
               {"phone", c.phone},
               {"date_of_birth", c.date_of_birth ? Json(FormatDate(*c.date_of_birth)) : Json(nullptr)},
               {"created_at", FormatRfc3339(c.created_at)}};
  body["address"] = c.address ? Json{{"line1", c.address->line1}, {"city", c.address->city},
                                     {"postal_code", c.address->postal_code},
                                     {"country", c.address->country}}
                              : Json(nullptr);
  body["credit"] = Json::array();
  for (const auto& line : credit) body["credit"].push_back(CreditLineJson(line));
  return body;
}

Json LoginChallengeJson(std::chrono::seconds expires_in) {
  // The same answer whether or not the address is registered.
  return {{"object", "login_challenge"},
          {"status", "code_sent_if_registered"},
          {"expires_in_seconds", expires_in.count()}};
}

Json ConsumerTokenJson(const onboarding::ConsumerToken& t) {
  return {{"object", "consumer_token"},
          {"consumer_id", t.consumer_id},
          {"token", t.token},
          {"expires_at", FormatRfc3339(t.expires_at)}};
}

Json NotificationJson(const notify::Notification& n) {
  return {{"id", n.id}, {"object", "notification"}, {"consumer_id", n.consumer_id},
          {"channel", n.channel}, {"kind", n.kind}, {"recipient", n.recipient},
          {"subject", n.subject}, {"body", n.body}, {"created_at", FormatRfc3339(n.created_at)}};
}

Json PaymentMethodJson(const payments::PaymentMethod& m) {
  return {{"object", "payment_method"}, {"type", payments::MethodTypeName(m.type)}, {"last4", m.last4},
          {"profile", m.profile}};
}

Json MerchantJson(const merchants::Merchant& m) {
  return {{"id", m.id},
          {"object", "merchant"},
          {"name", m.name},
          {"country", m.country},
          {"default_currency", CurrencyCode(m.default_currency)},
          {"pricing", {{"mdr_bps", m.pricing.mdr_bps}, {"fixed_fee", m.pricing.fixed_fee_minor}}},
          {"products", ProductsJson(m.products)},
          {"category", m.category},
          {"onboarding", OnboardingJson(m.onboarding)},
          {"payouts_held", merchants::PayoutsHeld(m)},
          {"created_at", FormatRfc3339(m.created_at)}};
}

Json OwnMerchantJson(const merchants::Merchant& m) {
  Json j = MerchantJson(m);
  // What the check found and who reviewed it are for operators: a name on the
  // restricted list must not learn that it is.
  j["onboarding"] = {{"status", merchants::OnboardingStatusName(m.onboarding.status)}};
  j.erase("payouts_held");
  return j;
}

Json KeyJson(const onboarding::Issued& k) {
  return {{"id", k.key_id}, {"object", "api_key"}, {"secret", k.secret},
          {"note", "store this secret now: it is shown only once"}};
}

Json WebhookEndpointJson(const webhooks::Endpoint& e) {
  return {{"id", e.id}, {"object", "webhook_endpoint"}, {"url", e.url}, {"events", e.events},
          {"created_at", FormatRfc3339(e.created_at)}};
}

Json WebhookDeliveryJson(const webhooks::Delivery& d) {
  Json j = {{"id", d.id},
            {"object", "webhook_delivery"},
            {"event_id", d.event_id},
            {"endpoint_id", d.endpoint_id},
            {"status", webhooks::DeliveryStatusName(d.status)},
            {"attempts", d.attempts},
            {"next_attempt_at", FormatRfc3339(d.next_attempt_at)},
            {"last_error", d.last_error},
            {"created_at", FormatRfc3339(d.created_at)}};
  j["last_status_code"] = d.last_status_code ? Json(*d.last_status_code) : Json(nullptr);
  return j;
}

Json DeletedJson(std::string_view id, std::string_view object) {
  return {{"id", id}, {"object", object}, {"deleted", true}};
}

Json JournalEntryJson(const ledger::JournalEntry& e) {
  Json lines = Json::array();
  for (const auto& l : e.lines) {
    lines.push_back(DirectedAmount({{"account", ledger::AccountId(l.account)},
                                    {"currency", CurrencyCode(l.account.currency)}},
                                   l.amount_minor));
  }
  return {{"id", e.id},
          {"object", "journal_entry"},
          {"reason", ledger::ReasonName(e.reason)},
          {"object_id", e.object_id},
          {"reverses", e.reverses.empty() ? Json(nullptr) : Json(e.reverses)},
          {"memo", e.memo},
          {"posted_at", FormatRfc3339(e.posted_at)},
          {"lines", std::move(lines)}};
}

Json TrialBalanceJson(const std::vector<ledger::CurrencyTotals>& trial_balance, Instant as_of) {
  Json currencies = Json::array();
  bool balanced = true;
  for (const auto& c : trial_balance) {
    Json types = Json::array();
    for (const auto& t : c.types) {
      types.push_back({{"type", ledger::AccountTypeName(t.type)},
                       {"accounts", t.accounts},
                       {"debits", t.debits_minor},
                       {"credits", t.credits_minor},
                       {"balance", t.debits_minor - t.credits_minor}});
    }
    balanced = balanced && c.net_minor() == 0;
    currencies.push_back({{"currency", CurrencyCode(c.currency)},
                          {"account_types", std::move(types)},
                          {"debits", c.debits_minor},
                          {"credits", c.credits_minor},
                          {"total", c.net_minor()}});
  }
  return {{"object", "trial_balance"},
          {"as_of", FormatRfc3339(as_of)},
          {"balanced", balanced},
          {"currencies", std::move(currencies)}};
}

Json LedgerAccountJson(std::string_view id, const ledger::AccountRef& ref, const ledger::AccountBalance& b) {
  return {{"id", id},
          {"object", "ledger_account"},
          {"type", ledger::AccountTypeName(ref.type)},
          {"currency", CurrencyCode(ref.currency)},
          {"owner", ref.owner.empty() ? Json(nullptr) : Json(ref.owner)},
          {"normal_balance", ledger::IsDebitNormal(ref.type) ? "debit" : "credit"},
          {"debits", b.debits_minor},
          {"credits", b.credits_minor},
          {"balance", b.balance_minor()}};
}

Json LedgerAccountLineJson(const ledger::AccountLine& l) {
  return DirectedAmount({{"entry", l.entry_id},
                         {"reason", ledger::ReasonName(l.reason)},
                         {"object_id", l.object_id},
                         {"posted_at", FormatRfc3339(l.posted_at)}},
                        l.amount_minor);
}

}  // namespace tranche::ops
