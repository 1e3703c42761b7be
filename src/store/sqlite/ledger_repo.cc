#include <map>

#include "store/sqlite/repos.h"

namespace tranche::store::sqlite {

using ledger::AccountBalance;
using ledger::JournalEntry;

namespace {

constexpr char kSelectEntryById[] =
    "SELECT seq, id, posting_key, reason, object_id, COALESCE(reverses, ''), memo, posted_at_us "
    "FROM journal_entries WHERE id = ?";
constexpr char kSelectEntryByKey[] =
    "SELECT seq, id, posting_key, reason, object_id, COALESCE(reverses, ''), memo, posted_at_us "
    "FROM journal_entries WHERE posting_key = ?";
constexpr char kSelectLines[] =
    "SELECT a.id, l.amount_minor FROM journal_lines l"
    " JOIN ledger_accounts a ON a.account_key = l.account_key"
    " WHERE l.entry_seq = ? ORDER BY l.line_no";
constexpr char kInsertEntry[] =
    "INSERT INTO journal_entries(id, posting_key, reason, object_id, reverses, memo, posted_at_us)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(posting_key) DO NOTHING";
constexpr char kInsertLine[] =
    "INSERT INTO journal_lines(entry_seq, line_no, account_key, amount_minor) VALUES (?, ?, ?, ?)";
constexpr char kUpsertAccount[] =
    "INSERT INTO ledger_accounts(id, type, currency, owner, debits_minor, credits_minor, line_count)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) ON CONFLICT(id) DO UPDATE SET"
    " debits_minor = debits_minor + ?5, credits_minor = credits_minor + ?6,"
    " line_count = line_count + 1 RETURNING account_key";
constexpr char kAccountColumns[] =
    "SELECT id, debits_minor, credits_minor, line_count FROM ledger_accounts ORDER BY id";
constexpr char kSelectAccount[] =
    "SELECT id, debits_minor, credits_minor, line_count FROM ledger_accounts WHERE id = ?";
constexpr char kRecompute[] =
    "SELECT a.id,"
    " SUM(CASE WHEN l.amount_minor > 0 THEN l.amount_minor ELSE 0 END),"
    " SUM(CASE WHEN l.amount_minor < 0 THEN -l.amount_minor ELSE 0 END), COUNT(*)"
    " FROM journal_lines l JOIN ledger_accounts a ON a.account_key = l.account_key"
    " GROUP BY l.account_key ORDER BY a.id";


Result<std::vector<AccountBalance>> ReadBalances(Statement& stmt) {
  std::vector<AccountBalance> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    AccountBalance b;
    b.account_id = stmt.Text(0);
    auto ref = ledger::ParseAccountId(b.account_id);
    if (!ref.ok()) return Status::Internal("stored account id is invalid: " + b.account_id);
    b.ref = std::move(ref).value();
    b.debits_minor = stmt.Int(1);
    b.credits_minor = stmt.Int(2);
    b.line_count = stmt.Int(3);
    out.push_back(std::move(b));
  }
}

}  // namespace

Result<std::optional<JournalEntry>> SqliteLedgerRepo::LoadEntry(Statement& stmt) {
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<JournalEntry>();
  const std::int64_t seq = stmt.Int(0);
  auto reason = ledger::ParseReason(stmt.Text(3));
  if (!reason) return Status::Internal("stored entry has an unknown reason");
  JournalEntry e{stmt.Text(1), stmt.Text(2), *reason, stmt.Text(4), stmt.Text(5),
                 stmt.Text(6), InstantFromUnixMicros(stmt.Int(7)), {}};
  auto lines = c_.Prepare(kSelectLines);
  lines.Bind(1, seq);
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool more, lines.Step());
    if (!more) break;
    auto ref = ledger::ParseAccountId(lines.Text(0));
    if (!ref.ok()) return Status::Internal("stored line has an invalid account");
    e.lines.push_back(ledger::Line{std::move(ref).value(), lines.Int(1)});
  }
  return std::optional<JournalEntry>(std::move(e));
}

Result<std::optional<JournalEntry>> SqliteLedgerRepo::FindEntry(std::string_view entry_id) {
  auto stmt = c_.Prepare(kSelectEntryById);
  stmt.Bind(1, entry_id);
  return LoadEntry(stmt);
}

Result<std::optional<JournalEntry>> SqliteLedgerRepo::FindByPostingKey(std::string_view key) {
  auto stmt = c_.Prepare(kSelectEntryByKey);
  stmt.Bind(1, key);
  return LoadEntry(stmt);
}

Result<std::optional<std::string>> SqliteLedgerRepo::FindReversalOf(std::string_view entry_id) {
  auto stmt = c_.Prepare("SELECT id FROM journal_entries WHERE reverses = ?");
  stmt.Bind(1, entry_id);
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.Text(0));
}

Result<bool> SqliteLedgerRepo::Append(const JournalEntry& e) {
  {
    auto ins = c_.Prepare(kInsertEntry);
    ins.Bind(1, e.id).Bind(2, e.posting_key).Bind(3, ledger::ReasonName(e.reason))
        .Bind(4, e.object_id).Bind(6, e.memo).Bind(7, UnixMicros(e.posted_at));
    if (e.reverses.empty()) {
      ins.BindNull(5);
    } else {
      ins.Bind(5, e.reverses);
    }
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  if (c_.Changes() == 0) return false;  // the posting key is taken
  const std::int64_t seq = sqlite3_last_insert_rowid(c_.raw());
  std::int64_t line_no = 0;
  for (const ledger::Line& l : e.lines) {
    std::int64_t account_key = 0;
    {
      const std::string account_id = ledger::AccountId(l.account);
      auto acc = c_.Prepare(kUpsertAccount);
      acc.Bind(1, account_id).Bind(2, ledger::AccountTypeName(l.account.type))
          .Bind(3, CurrencyCode(l.account.currency)).Bind(4, l.account.owner)
          .Bind(5, l.amount_minor > 0 ? l.amount_minor : 0)
          .Bind(6, l.amount_minor < 0 ? -l.amount_minor : 0);
      TRANCHE_ASSIGN_OR_RETURN(bool row, acc.Step());
      TRANCHE_ASSERT(row);
      account_key = acc.Int(0);
    }
    auto line = c_.Prepare(kInsertLine);
    line.Bind(1, seq).Bind(2, line_no++).Bind(3, account_key).Bind(4, l.amount_minor);
    TRANCHE_RETURN_IF_ERROR(line.Run());
  }
  return true;
}

Result<std::optional<AccountBalance>> SqliteLedgerRepo::GetAccount(std::string_view account_id) {
  auto stmt = c_.Prepare(kSelectAccount);
  stmt.Bind(1, account_id);
  TRANCHE_ASSIGN_OR_RETURN(auto rows, ReadBalances(stmt));
  if (rows.empty()) return std::optional<AccountBalance>();
  return std::optional<AccountBalance>(std::move(rows.front()));
}

Result<std::vector<AccountBalance>> SqliteLedgerRepo::ListAccounts() {
  auto stmt = c_.Prepare(kAccountColumns);
  return ReadBalances(stmt);
}

Result<std::vector<AccountBalance>> SqliteLedgerRepo::RecomputeAccounts() {
  auto stmt = c_.Prepare(kRecompute);
  return ReadBalances(stmt);
}

Result<std::vector<std::string>> SqliteLedgerRepo::FindUnbalancedEntries() {
  auto stmt = c_.Prepare(
      "SELECT DISTINCT e.id FROM journal_lines l JOIN journal_entries e ON e.seq = l.entry_seq"
      " JOIN ledger_accounts a ON a.account_key = l.account_key"
      " GROUP BY l.entry_seq, a.currency HAVING SUM(l.amount_minor) <> 0"
      " UNION SELECT e.id FROM journal_entries e WHERE"
      " (SELECT COUNT(*) FROM journal_lines l WHERE l.entry_seq = e.seq) < 2");
  std::vector<std::string> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(stmt.Text(0));
  }
}

Result<std::vector<ledger::AccountLine>> SqliteLedgerRepo::ListAccountLines(
    std::string_view account_id, std::int64_t after_seq, std::size_t limit) {
  TRANCHE_ASSERT(limit <= ledger::kMaxPageSize);
  auto stmt = c_.Prepare(
      "SELECT l.entry_seq, e.id, e.reason, e.object_id, e.posted_at_us, l.amount_minor"
      " FROM journal_lines l JOIN journal_entries e ON e.seq = l.entry_seq"
      " WHERE l.account_key = (SELECT account_key FROM ledger_accounts WHERE id = ?)"
      " AND l.entry_seq > ? ORDER BY l.entry_seq LIMIT ?");
  stmt.Bind(1, account_id).Bind(2, after_seq).Bind(3, static_cast<std::int64_t>(limit));
  std::vector<ledger::AccountLine> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    auto reason = ledger::ParseReason(stmt.Text(2));
    if (!reason) return Status::Internal("stored entry has an unknown reason");
    out.push_back(ledger::AccountLine{stmt.Int(0), stmt.Text(1), *reason, stmt.Text(3),
                                      InstantFromUnixMicros(stmt.Int(4)), stmt.Int(5)});
  }
}

Result<std::int64_t> SqliteLedgerRepo::CountEntries() {
  auto stmt = c_.Prepare("SELECT COUNT(*) FROM journal_entries");
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  TRANCHE_ASSERT(row);
  return stmt.Int(0);
}

}  // namespace tranche::store::sqlite
