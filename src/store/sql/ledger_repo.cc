#include <algorithm>
#include <map>
#include <unordered_map>

#include "ledger/book.h"
#include "ledger/posting.h"

#include "store/sql/ledger_repo.h"

namespace tranche::store::sql {

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
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(posting_key) DO NOTHING RETURNING seq";
// One statement per entry for the common line counts; each statement in a unit of
// work carries a statement journal, so fewer statements is less work.
constexpr const char* kInsertLines[] = {
    nullptr,
    "INSERT INTO journal_lines(entry_seq, line_no, account_key, amount_minor) VALUES (?,?,?,?)",
    "INSERT INTO journal_lines(entry_seq, line_no, account_key, amount_minor) VALUES (?,?,?,?),"
    "(?,?,?,?)",
    "INSERT INTO journal_lines(entry_seq, line_no, account_key, amount_minor) VALUES (?,?,?,?),"
    "(?,?,?,?),(?,?,?,?)",
    "INSERT INTO journal_lines(entry_seq, line_no, account_key, amount_minor) VALUES (?,?,?,?),"
    "(?,?,?,?),(?,?,?,?),(?,?,?,?)"};
constexpr char kSelectAccountKey[] = "SELECT account_key FROM ledger_accounts WHERE id = ?";
constexpr char kInsertAccount[] =
    "INSERT INTO ledger_accounts(id, type, currency, owner, debits_minor, credits_minor, line_count)"
    " VALUES (?, ?, ?, ?, 0, 0, 0) RETURNING account_key";
constexpr char kApplyDelta[] =
    "UPDATE ledger_accounts SET debits_minor = debits_minor + ?, credits_minor = credits_minor + ?,"
    " line_count = line_count + ? WHERE account_key = ?";
// Bounds the cache; past it, committed keys are dropped and looked up again.
constexpr std::size_t kMaxCachedAccountKeys = 1'000'000;
constexpr char kAccountColumns[] =
    "SELECT id, debits_minor, credits_minor, line_count, account_key FROM ledger_accounts"
    " ORDER BY id";
constexpr char kSelectAccount[] =
    "SELECT id, debits_minor, credits_minor, line_count, account_key FROM ledger_accounts"
    " WHERE id = ?";
constexpr char kRecompute[] =
    "SELECT a.id,"
    " SUM(CASE WHEN l.amount_minor > 0 THEN l.amount_minor ELSE 0 END),"
    " SUM(CASE WHEN l.amount_minor < 0 THEN -l.amount_minor ELSE 0 END), COUNT(*)"
    " FROM journal_lines l JOIN ledger_accounts a ON a.account_key = l.account_key"
    " GROUP BY a.account_key ORDER BY a.id";


// Reads (id, debits, credits, line_count[, account_key]) rows; keys are collected
// into `keys` when it is given.
Result<std::vector<AccountBalance>> ReadBalances(Statement& stmt,
                                                std::vector<std::int64_t>* keys = nullptr) {
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
    if (keys != nullptr) keys->push_back(stmt.Int(4));
    out.push_back(std::move(b));
  }
}

}  // namespace

Result<std::optional<JournalEntry>> SqlLedgerRepo::LoadEntry(Statement& stmt) {
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

Result<std::optional<JournalEntry>> SqlLedgerRepo::FindEntry(std::string_view entry_id) {
  auto stmt = c_.Prepare(kSelectEntryById);
  stmt.Bind(1, entry_id);
  return LoadEntry(stmt);
}

Result<std::optional<JournalEntry>> SqlLedgerRepo::FindByPostingKey(std::string_view key) {
  auto stmt = c_.Prepare(kSelectEntryByKey);
  stmt.Bind(1, key);
  return LoadEntry(stmt);
}

Result<std::optional<std::string>> SqlLedgerRepo::FindReversalOf(std::string_view entry_id) {
  auto stmt = c_.Prepare("SELECT id FROM journal_entries WHERE reverses = ?");
  stmt.Bind(1, entry_id);
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(stmt.Text(0));
}

Result<std::int64_t> SqlLedgerRepo::AccountKey(const ledger::AccountRef& ref,
                                                   const std::string& id) {
  if (auto it = account_keys_.find(id); it != account_keys_.end()) return it->second;
  std::int64_t key = 0;
  {
    auto find = c_.Prepare(kSelectAccountKey);
    find.Bind(1, id);
    TRANCHE_ASSIGN_OR_RETURN(bool found, find.Step());
    if (found) key = find.Int(0);
  }
  if (key == 0) {
    auto ins = c_.Prepare(kInsertAccount);
    ins.Bind(1, id).Bind(2, ledger::AccountTypeName(ref.type)).Bind(3, CurrencyCode(ref.currency))
        .Bind(4, ref.owner);
    TRANCHE_ASSIGN_OR_RETURN(bool inserted, ins.Step());
    TRANCHE_ASSERT(inserted);  // the account was not found above, in this transaction
    key = ins.Int(0);
    new_keys_.push_back(id);
  }
  account_keys_.emplace(id, key);
  account_ids_.emplace(key, id);
  return key;
}

Status SqlLedgerRepo::InsertLines(std::int64_t seq, const std::vector<std::int64_t>& keys,
                                     const JournalEntry& e) {
  const std::size_t n = e.lines.size();
  const std::size_t per_statement = n < std::size(kInsertLines) ? n : 1;
  for (std::size_t first = 0; first < n; first += per_statement) {
    auto stmt = c_.Prepare(kInsertLines[per_statement]);
    for (std::size_t i = 0; i < per_statement; ++i) {
      const std::size_t line = first + i;
      const int col = static_cast<int>(4 * i);
      stmt.Bind(col + 1, seq).Bind(col + 2, static_cast<std::int64_t>(line))
          .Bind(col + 3, keys[line]).Bind(col + 4, e.lines[line].amount_minor);
    }
    TRANCHE_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Result<bool> SqlLedgerRepo::Append(const JournalEntry& e) {
  std::int64_t seq = 0;
  {
    auto ins = c_.Prepare(kInsertEntry);
    ins.Bind(1, e.id).Bind(2, e.posting_key).Bind(3, ledger::ReasonName(e.reason))
        .Bind(4, e.object_id).Bind(6, e.memo).Bind(7, UnixMicros(e.posted_at));
    if (e.reverses.empty()) {
      ins.BindNull(5);
    } else {
      ins.Bind(5, e.reverses);
    }
    TRANCHE_ASSIGN_OR_RETURN(bool inserted, ins.Step());
    if (!inserted) return false;  // the posting key is taken
    seq = ins.Int(0);
  }
  // From here a failure leaves part of the entry written: taint the unit of work so
  // the store rolls it back even if the caller carries on.
  tainted_ = true;
  std::vector<std::int64_t> keys;
  keys.reserve(e.lines.size());
  for (const ledger::Line& l : e.lines) {
    TRANCHE_ASSIGN_OR_RETURN(std::int64_t key, AccountKey(l.account, ledger::AccountId(l.account)));
    keys.push_back(key);
  }
  TRANCHE_RETURN_IF_ERROR(InsertLines(seq, keys, e));
  tainted_ = false;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::int64_t amount = e.lines[i].amount_minor;
    deltas_.push_back(Delta{keys[i], amount > 0 ? amount : 0, amount < 0 ? -amount : 0});
  }
  return true;
}

void SqlLedgerRepo::RollbackTo(const Mark& m) {
  TRANCHE_ASSERT(m.deltas <= deltas_.size() && m.new_keys <= new_keys_.size());
  deltas_.resize(m.deltas);
  // The rows these keys named were rolled back with the unit of work.
  for (std::size_t i = m.new_keys; i < new_keys_.size(); ++i) {
    auto it = account_keys_.find(new_keys_[i]);
    TRANCHE_ASSERT(it != account_keys_.end());
    account_ids_.erase(it->second);
    account_keys_.erase(it);
  }
  new_keys_.resize(m.new_keys);
}

Status SqlLedgerRepo::FlushBalances() {
  // Sum per account first: hot accounts appear on most entries of a group.
  std::unordered_map<std::int64_t, AccountBalance> sums;
  for (const Delta& d : deltas_) {
    AccountBalance& b = sums[d.account_key];
    TRANCHE_RETURN_IF_ERROR(ledger::ApplyLine(b, d.debits_minor > 0 ? d.debits_minor : -d.credits_minor));
  }
  for (const auto& [key, b] : sums) {
    auto stmt = c_.Prepare(kApplyDelta);
    stmt.Bind(1, b.debits_minor).Bind(2, b.credits_minor).Bind(3, b.line_count).Bind(4, key);
    TRANCHE_RETURN_IF_ERROR(stmt.Run());
    if (c_.Changes() != 1) return Status::Internal("ledger account row missing at flush");
  }
  deltas_.clear();
  return Status::Ok();
}

void SqlLedgerRepo::Committed() {
  TRANCHE_ASSERT_MSG(deltas_.empty(), "commit with unflushed balance deltas");
  new_keys_.clear();
  if (account_keys_.size() > kMaxCachedAccountKeys) {
    account_keys_.clear();
    account_ids_.clear();
  }
}

void SqlLedgerRepo::RolledBack() { RollbackTo(Mark{0, 0}); }

void SqlLedgerRepo::AddPending(AccountBalance& b, std::int64_t account_key) const {
  for (const Delta& d : deltas_) {
    if (d.account_key != account_key) continue;
    b.debits_minor += d.debits_minor;
    b.credits_minor += d.credits_minor;
    ++b.line_count;
  }
}

Result<std::optional<AccountBalance>> SqlLedgerRepo::GetAccount(std::string_view account_id) {
  auto stmt = c_.Prepare(kSelectAccount);
  stmt.Bind(1, account_id);
  std::vector<std::int64_t> keys;
  TRANCHE_ASSIGN_OR_RETURN(auto rows, ReadBalances(stmt, &keys));
  if (rows.empty()) return std::optional<AccountBalance>();
  AddPending(rows.front(), keys.front());
  return std::optional<AccountBalance>(std::move(rows.front()));
}

Result<std::vector<AccountBalance>> SqlLedgerRepo::ListAccounts() {
  auto stmt = c_.Prepare(kAccountColumns);
  std::vector<std::int64_t> keys;
  TRANCHE_ASSIGN_OR_RETURN(auto rows, ReadBalances(stmt, &keys));
  if (!deltas_.empty()) {
    for (std::size_t i = 0; i < rows.size(); ++i) AddPending(rows[i], keys[i]);
  }
  return rows;
}

Result<std::vector<ledger::TypeTotal>> SqlLedgerRepo::SumByType() {
  if (!deltas_.empty()) {
    // Inside a write transaction with balances not yet flushed: sum what reads see.
    TRANCHE_ASSIGN_OR_RETURN(auto accounts, ListAccounts());
    return ledger::SumByType(accounts);
  }
  // SQLite's SUM reports integer overflow as an error rather than wrapping.
  auto stmt = c_.Prepare(
      "SELECT currency, type, SUM(debits_minor), SUM(credits_minor), COUNT(*)"
      " FROM ledger_accounts GROUP BY currency, type");
  std::vector<ledger::TypeTotal> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    auto currency = ParseCurrency(stmt.Text(0));
    auto type = ledger::ParseAccountType(stmt.Text(1));
    if (!currency || !type) return Status::Internal("stored account has an unknown type");
    out.push_back(ledger::TypeTotal{*currency, *type, stmt.Int(2), stmt.Int(3), stmt.Int(4)});
  }
  // Order by the enums (chart order), not by their names.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.currency, a.type) < std::make_pair(b.currency, b.type);
  });
  return out;
}

Result<std::vector<AccountBalance>> SqlLedgerRepo::RecomputeAccounts() {
  auto stmt = c_.Prepare(kRecompute);
  return ReadBalances(stmt);
}

Result<std::vector<std::string>> SqlLedgerRepo::FindUnbalancedEntries() {
  auto stmt = c_.Prepare(
      "SELECT DISTINCT e.id FROM journal_lines l JOIN journal_entries e ON e.seq = l.entry_seq"
      " JOIN ledger_accounts a ON a.account_key = l.account_key"
      " GROUP BY e.seq, a.currency HAVING SUM(l.amount_minor) <> 0"
      " UNION SELECT e.id FROM journal_entries e WHERE"
      " (SELECT COUNT(*) FROM journal_lines l WHERE l.entry_seq = e.seq) < 2");
  std::vector<std::string> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    out.push_back(stmt.Text(0));
  }
}

Result<std::vector<ledger::AccountLine>> SqlLedgerRepo::ListAccountLines(
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

Result<std::int64_t> SqlLedgerRepo::CountEntries() {
  auto stmt = c_.Prepare("SELECT COUNT(*) FROM journal_entries");
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  TRANCHE_ASSERT(row);
  return stmt.Int(0);
}

}  // namespace tranche::store::sql
