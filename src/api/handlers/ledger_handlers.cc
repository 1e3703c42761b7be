// The ledger for operators: trial balance, accounts with their lines, journal entries,
// manual adjustments and reversals.
#include "api/handlers/handlers.h"
#include "ledger/posting.h"

namespace tranche::api {

namespace {

using ledger::JournalEntry;

Result<Reply> TrialBalance(RequestContext& ctx) {
  std::vector<ledger::TypeTotal> totals;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(totals, tx.ledger().SumByType());
    return Status::Ok();
  }));
  TRANCHE_ASSIGN_OR_RETURN(auto trial_balance, ledger::TrialBalance(totals));
  return Reply{200, ops::TrialBalanceJson(trial_balance, ctx.now)};
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
  for (const auto& l : lines) data.push_back(ops::LedgerAccountLineJson(l));
  // A full page may have more after it; the next request says for sure.
  const bool has_more = lines.size() == page.limit;
  Json body = ops::LedgerAccountJson(id, ref, *account);
  body["entries"] = ListBody(std::move(data), has_more, lines.empty() ? "" : std::to_string(lines.back().seq));
  return Reply{200, std::move(body)};
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
  const Reply rendered(201, Serialize(ops::JournalEntryJson(e)), "application/json");
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
  return Reply{200, ops::JournalEntryJson(*e)};
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
    return Reply{201, ops::JournalEntryJson(posted.entry)};
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
