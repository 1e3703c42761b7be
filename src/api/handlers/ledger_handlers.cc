// The ledger for operators: trial balance, accounts with their lines, journal entries,
// manual adjustments and reversals.
#include "api/handlers/handlers.h"
#include "ledger/posting.h"

namespace tranche::api {

namespace {

using ledger::JournalEntry;

Json LineJson(const ledger::Line& l) {
  return {{"account", ledger::AccountId(l.account)},
          {"currency", CurrencyCode(l.account.currency)},
          {"direction", l.amount_minor > 0 ? "debit" : "credit"},
          {"amount", l.amount_minor > 0 ? l.amount_minor : -l.amount_minor}};
}

Json EntryJson(const JournalEntry& e) {
  Json lines = Json::array();
  for (const auto& l : e.lines) lines.push_back(LineJson(l));
  return {{"id", e.id},
          {"object", "journal_entry"},
          {"reason", ledger::ReasonName(e.reason)},
          {"object_id", e.object_id},
          {"reverses", e.reverses.empty() ? Json(nullptr) : Json(e.reverses)},
          {"memo", e.memo},
          {"posted_at", FormatRfc3339(e.posted_at)},
          {"lines", std::move(lines)}};
}

Result<Reply> TrialBalance(RequestContext& ctx) {
  std::vector<ledger::TypeTotal> totals;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(totals, tx.ledger().SumByType());
    return Status::Ok();
  }));
  TRANCHE_ASSIGN_OR_RETURN(auto trial_balance, ledger::TrialBalance(totals));
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
  return Reply{200, {{"object", "trial_balance"},
                     {"as_of", FormatRfc3339(ctx.now)},
                     {"balanced", balanced},
                     {"currencies", std::move(currencies)}}};
}

Result<Reply> GetAccount(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  TRANCHE_ASSIGN_OR_RETURN(auto ref, ledger::ParseAccountId(id, "id"));
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, ledger::kMaxPageSize));
  std::int64_t after_seq = 0;
  if (!page.starting_after.empty()) {
    try {
      std::size_t used = 0;
      after_seq = std::stoll(page.starting_after, &used);
      if (used != page.starting_after.size() || after_seq < 0) throw std::invalid_argument("");
    } catch (const std::exception&) {
      return Status::InvalidArgument("invalid_cursor", "starting_after must be a cursor from a "
                                     "previous page", "starting_after");
    }
  }
  std::optional<ledger::AccountBalance> account;
  std::vector<ledger::AccountLine> lines;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(account, tx.ledger().GetAccount(id));
    TRANCHE_ASSIGN_OR_RETURN(lines, tx.ledger().ListAccountLines(id, after_seq, page.limit));
    return Status::Ok();
  }));
  if (!account) {
    return Status::NotFound("account_not_found", "nothing has been posted to " + id, "id");
  }
  Json data = Json::array();
  for (const auto& l : lines) {
    data.push_back({{"entry", l.entry_id},
                    {"reason", ledger::ReasonName(l.reason)},
                    {"object_id", l.object_id},
                    {"posted_at", FormatRfc3339(l.posted_at)},
                    {"direction", l.amount_minor > 0 ? "debit" : "credit"},
                    {"amount", l.amount_minor > 0 ? l.amount_minor : -l.amount_minor}});
  }
  // A full page may have more after it; the next request says for sure.
  const bool has_more = lines.size() == page.limit;
  return Reply{200, {{"id", id},
                     {"object", "ledger_account"},
                     {"type", ledger::AccountTypeName(ref.type)},
                     {"currency", CurrencyCode(ref.currency)},
                     {"owner", ref.owner.empty() ? Json(nullptr) : Json(ref.owner)},
                     {"normal_balance", ledger::IsDebitNormal(ref.type) ? "debit" : "credit"},
                     {"debits", account->debits_minor},
                     {"credits", account->credits_minor},
                     {"balance", account->balance_minor()},
                     {"entries", ListBody(std::move(data), has_more,
                                          lines.empty() ? "" : std::to_string(lines.back().seq))}}};
}

Result<std::vector<ledger::Line>> ReadLines(const Json& body) {
  TRANCHE_ASSIGN_OR_RETURN(const Json* lines, RequireArray(body, "lines", ledger::kMaxLinesPerEntry));
  std::vector<ledger::Line> out;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string prefix = "lines[" + std::to_string(i) + "].";
    const Json& item = (*lines)[i];
    if (!item.is_object()) {
      return Status::InvalidArgument("parameter_invalid_type", "each line must be an object",
                                     "lines[" + std::to_string(i) + "]");
    }
    TRANCHE_RETURN_IF_ERROR(CheckKnownFields(item, {"account", "direction", "amount"}, prefix));
    TRANCHE_ASSIGN_OR_RETURN(std::string account, RequireString(item, "account", 100, prefix));
    TRANCHE_ASSIGN_OR_RETURN(auto ref, ledger::ParseAccountId(account, prefix + "account"));
    TRANCHE_ASSIGN_OR_RETURN(std::string direction, RequireString(item, "direction", 6, prefix));
    if (direction != "debit" && direction != "credit") {
      return Status::InvalidArgument("parameter_invalid", "direction must be debit or credit",
                                     prefix + "direction");
    }
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t amount, RequireAmount(item, "amount", prefix));
    out.push_back(ledger::Line{std::move(ref), direction == "debit" ? amount : -amount});
  }
  return out;
}

Result<Reply> PostManualEntry(RequestContext& ctx) {
  const Json& body = ctx.body;
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(body, {"reason", "object_id", "memo", "lines"}));
  TRANCHE_ASSIGN_OR_RETURN(auto reason, OptionalString(body, "reason", 40));
  if (reason && *reason != "manual_adjustment") {
    return Status::InvalidArgument("parameter_invalid",
                                   "operators post only manual_adjustment entries; the other "
                                   "reasons come from the flows that cause them", "reason");
  }
  TRANCHE_ASSIGN_OR_RETURN(std::string memo, RequireText(body, "memo", ledger::kMaxMemoChars));
  TRANCHE_ASSIGN_OR_RETURN(auto object_id, OptionalString(body, "object_id", ledger::kMaxObjectIdChars));
  TRANCHE_ASSIGN_OR_RETURN(auto lines, ReadLines(body));
  JournalEntry e{ctx.svc.ids.Next("je"), "", ledger::Reason::kManualAdjustment,
                 object_id && !object_id->empty() ? *object_id : ctx.Caller().id, "",
                 std::move(memo), ctx.now, std::move(lines)};
  // Retries are made safe by the (required) Idempotency-Key, whose stored reply commits
  // with the entry; the posting key is per request, so a key reused after its 24 h
  // lifetime books a new entry as Stripe's semantics say.
  e.posting_key = "manual:" + e.id;
  TRANCHE_RETURN_IF_ERROR(ledger::ValidateEntry(e));
  // Money moves only on requests that are safe to retry: a client that timed out and
  // retried without a key would post twice.
  if (ctx.request.idempotency_key.empty()) {
    return Status::InvalidArgument("idempotency_key_required",
                                   "manual journal entries need an Idempotency-Key header",
                                   "Idempotency-Key");
  }
  // The entry is fully known before it is posted, so its reply is rendered here, off
  // the store's single writer thread.
  const Reply rendered(201, Serialize(EntryJson(e)), "application/json");
  Result<Reply> reply = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), e).status());
    return rendered;
  });
  if (reply.ok()) ctx.svc.metrics->AddLedgerEntries(1);
  return reply;
}

Result<Reply> GetEntry(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<JournalEntry> e;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(e, tx.ledger().FindEntry(id));
    return Status::Ok();
  }));
  if (!e) return Status::NotFound("entry_not_found", "no entry " + id.substr(0, 64), "id");
  return Reply{200, EntryJson(*e)};
}

Result<Reply> ReverseEntry(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"memo"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string memo, RequireText(ctx.body, "memo", ledger::kMaxMemoChars));
  const std::string& id = ctx.Param("id");
  if (!IsValidId(id, "je")) return Status::NotFound("entry_not_found", "no entry " + id.substr(0, 64), "id");
  const std::string reversal_id = ctx.svc.ids.Next("je");
  const std::string posting_key = "reversal:" + reversal_id;
  Result<Reply> reply = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    // A second reversal of the same entry is refused by the posting rules (422).
    TRANCHE_ASSIGN_OR_RETURN(ledger::Posted posted,
                             ledger::Reverse(tx.ledger(), id, reversal_id, posting_key, memo,
                                             ctx.now));
    return Reply{201, EntryJson(posted.entry)};
  });
  if (reply.ok()) ctx.svc.metrics->AddLedgerEntries(1);
  return reply;
}

}  // namespace

void RegisterLedgerRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/ledger/trial-balance", Caller::kOperator, TrialBalance);
  router.Add("GET", "/v1/admin/ledger/accounts/{id}", Caller::kOperator, GetAccount);
  router.Add("POST", "/v1/admin/ledger/entries", Caller::kOperator, PostManualEntry);
  router.Add("GET", "/v1/admin/ledger/entries/{id}", Caller::kOperator, GetEntry, Cost::kQuick);
  router.Add("POST", "/v1/admin/ledger/entries/{id}/reverse", Caller::kOperator, ReverseEntry);
}

}  // namespace tranche::api
