#include "store/sqlite/schema.h"

namespace tranche::store::sqlite {

namespace {

constexpr sql::Migration kMigrations[] = {
    {1, "ledger",
     R"sql(
-- Accounts get a small integer key so each line stores 8 bytes, not a 60-byte id.
CREATE TABLE ledger_accounts (
  account_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,               -- type:CURRENCY[:owner]
  type TEXT NOT NULL,
  currency TEXT NOT NULL,
  owner TEXT NOT NULL,
  -- typeof: SQLite turns an overflowing integer sum into a REAL; refuse that instead.
  debits_minor INTEGER NOT NULL CHECK (typeof(debits_minor) = 'integer' AND debits_minor >= 0),
  credits_minor INTEGER NOT NULL CHECK (typeof(credits_minor) = 'integer' AND credits_minor >= 0),
  line_count INTEGER NOT NULL
);
CREATE TABLE journal_entries (
  seq INTEGER PRIMARY KEY,               -- posting order; the pagination cursor
  id TEXT NOT NULL UNIQUE,
  posting_key TEXT NOT NULL UNIQUE,      -- idempotent posting
  reason TEXT NOT NULL,
  object_id TEXT NOT NULL,
  reverses TEXT REFERENCES journal_entries(id),
  memo TEXT NOT NULL,
  posted_at_us INTEGER NOT NULL
);
-- At most one reversal per entry; a partial index, since most entries reverse nothing.
CREATE UNIQUE INDEX journal_entries_reversal ON journal_entries(reverses)
  WHERE reverses IS NOT NULL;
CREATE TABLE journal_lines (
  entry_seq INTEGER NOT NULL REFERENCES journal_entries(seq),
  line_no INTEGER NOT NULL,
  account_key INTEGER NOT NULL REFERENCES ledger_accounts(account_key),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  PRIMARY KEY (entry_seq, line_no)
) WITHOUT ROWID;
CREATE INDEX journal_lines_by_account ON journal_lines(account_key, entry_seq);
-- Entries are immutable: corrections are reversals, never edits.
CREATE TRIGGER journal_entries_immutable_u BEFORE UPDATE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_entries_immutable_d BEFORE DELETE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_lines_immutable_u BEFORE UPDATE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;
CREATE TRIGGER journal_lines_immutable_d BEFORE DELETE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;
)sql"},
    {2, "principals",
     R"sql(
CREATE TABLE merchants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  default_currency TEXT NOT NULL,
  mdr_bps INTEGER NOT NULL,
  fixed_fee_minor INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE consumers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  principal_kind TEXT NOT NULL,
  principal_id TEXT NOT NULL,
  secret_hash BLOB NOT NULL UNIQUE,      -- SHA-256 of the secret; the secret is never stored
  display_prefix TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  revoked_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX api_keys_by_principal ON api_keys(principal_id);
)sql"},
    {3, "idempotency",
     R"sql(
CREATE TABLE idempotency_keys (
  principal_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash BLOB NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  PRIMARY KEY (principal_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at_us);
)sql"},
    {4, "checkout_sessions",
     R"sql(
CREATE TABLE checkout_sessions (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  order_lines TEXT NOT NULL,             -- JSON array, validated before it is stored
  merchant_reference TEXT NOT NULL,
  consumer_email TEXT,
  client_token_hash BLOB NOT NULL UNIQUE,  -- SHA-256; the token itself is never stored
  status TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  expires_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX checkout_sessions_by_merchant ON checkout_sessions(merchant_id, id);
)sql"},
    {5, "origination",
     R"sql(
-- NULL: every product on its default terms.
ALTER TABLE merchants ADD COLUMN products TEXT;
ALTER TABLE consumers ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE consumers ADD COLUMN date_of_birth TEXT;
ALTER TABLE consumers ADD COLUMN address TEXT;  -- JSON object
-- Consumer login tokens expire; merchant and operator keys do not (NULL).
ALTER TABLE api_keys ADD COLUMN expires_at_us INTEGER;
CREATE TABLE consumer_limits (
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  currency TEXT NOT NULL,
  limit_minor INTEGER NOT NULL CHECK (limit_minor >= 0),
  PRIMARY KEY (consumer_id, currency)
) WITHOUT ROWID;
CREATE TABLE login_challenges (
  id TEXT PRIMARY KEY,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  code_hash BLOB NOT NULL,               -- SHA-256 of the id and the code
  attempts INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL,
  expires_at_us INTEGER NOT NULL,
  consumed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_challenges_by_consumer ON login_challenges(consumer_id, created_at_us);
-- Every credit decision, with what it was decided on: a decision can be explained
-- and replayed.
CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  product TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  reasons TEXT NOT NULL,                 -- JSON array of {code, message}
  credit_limit_minor INTEGER NOT NULL,
  apr_bps INTEGER NOT NULL,
  decider_version TEXT NOT NULL,
  inputs TEXT NOT NULL,                  -- JSON: the DecisionRequest
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX decisions_by_consumer ON decisions(consumer_id, id);
CREATE TABLE authorizations (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL UNIQUE REFERENCES checkout_sessions(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  decision_id TEXT NOT NULL REFERENCES decisions(id),
  product TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  apr_bps INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL,
  expires_at_us INTEGER NOT NULL,
  order_id TEXT UNIQUE                   -- set once, when the merchant creates the order
) WITHOUT ROWID;
CREATE INDEX authorizations_open ON authorizations(consumer_id, currency) WHERE order_id IS NULL;
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  authorization_id TEXT NOT NULL UNIQUE REFERENCES authorizations(id),
  merchant_reference TEXT NOT NULL,
  product TEXT NOT NULL,
  apr_bps INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  authorized_minor INTEGER NOT NULL CHECK (authorized_minor > 0),
  captured_minor INTEGER NOT NULL CHECK (captured_minor >= 0),
  refunded_minor INTEGER NOT NULL CHECK (refunded_minor >= 0),
  released_minor INTEGER NOT NULL CHECK (released_minor >= 0),
  authorization_expires_at_us INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL,
  CHECK (captured_minor + released_minor <= authorized_minor AND refunded_minor <= captured_minor)
) WITHOUT ROWID;
CREATE INDEX orders_by_merchant ON orders(merchant_id, id);
CREATE INDEX orders_open ON orders(consumer_id, currency)
  WHERE status IN ('authorized', 'part_captured');
CREATE INDEX orders_expiring ON orders(authorization_expires_at_us)
  WHERE status IN ('authorized', 'part_captured');
CREATE TABLE captures (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  plan_id TEXT NOT NULL UNIQUE,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  shipping_carrier TEXT,
  shipping_tracking_number TEXT,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX captures_by_order ON captures(order_id, id);
CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  to_consumer_minor INTEGER NOT NULL CHECK (to_consumer_minor >= 0),
  reason TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX refunds_by_order ON refunds(order_id, id);
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  capture_id TEXT NOT NULL UNIQUE,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  merchant_id TEXT NOT NULL,
  product TEXT NOT NULL,
  apr_bps INTEGER NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  status TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX plans_by_order ON plans(order_id, id);
CREATE INDEX plans_by_consumer ON plans(consumer_id, id);
CREATE TABLE plan_installments (
  plan_id TEXT NOT NULL REFERENCES plans(id),
  number INTEGER NOT NULL,
  due_date TEXT NOT NULL,                -- YYYY-MM-DD: sorts as a date
  principal_minor INTEGER NOT NULL CHECK (principal_minor >= 0),
  interest_minor INTEGER NOT NULL CHECK (interest_minor >= 0),
  paid_minor INTEGER NOT NULL CHECK (paid_minor >= 0 AND paid_minor <= principal_minor + interest_minor),
  consumer_id TEXT NOT NULL,             -- denormalised for the overdue check
  PRIMARY KEY (plan_id, number)
) WITHOUT ROWID;
CREATE INDEX plan_installments_unpaid ON plan_installments(consumer_id, due_date)
  WHERE paid_minor < principal_minor + interest_minor;
-- The notification outbox: what tranche sends consumers, kept for operators.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX notifications_by_consumer ON notifications(consumer_id, id);
)sql"},
    {6, "decision_pd",
     R"sql(
-- The model's probability of default, for decisions a model made (reporting and
-- monitoring read it; it is a score, not money, so REAL is right).
ALTER TABLE decisions ADD COLUMN pd REAL;
CREATE INDEX decisions_by_version ON decisions(decider_version, created_at_us);
)sql"},
    {7, "decision_shadow",
     R"sql(
-- What a challenger model in shadow mode would have decided.
ALTER TABLE decisions ADD COLUMN shadow_version TEXT;
ALTER TABLE decisions ADD COLUMN shadow_outcome TEXT;
ALTER TABLE decisions ADD COLUMN shadow_pd REAL;
)sql"},
    {8, "webhooks",
     R"sql(
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  url TEXT NOT NULL,
  events TEXT NOT NULL,                  -- JSON array of event types
  created_at_us INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0     -- the signing secret is derived, never stored
) WITHOUT ROWID;
CREATE INDEX webhook_endpoints_by_merchant ON webhook_endpoints(merchant_id, id);
-- The outbox: written in the same transaction as the change an event reports.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id),
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at_us INTEGER NOT NULL,
  last_status_code INTEGER,
  last_error TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at_us) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries(endpoint_id, id);
)sql"},
    {9, "servicing",
     R"sql(
-- Servicing state of a plan (servicing/servicing.h).
ALTER TABLE plans ADD COLUMN fees_charged_minor INTEGER NOT NULL DEFAULT 0 CHECK (fees_charged_minor >= 0);
ALTER TABLE plans ADD COLUMN fees_paid_minor INTEGER NOT NULL DEFAULT 0
  CHECK (fees_paid_minor >= 0 AND fees_paid_minor <= fees_charged_minor);
ALTER TABLE plans ADD COLUMN interest_accrued_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN accrual_carry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN serviced_through TEXT;
ALTER TABLE plans ADD COLUMN paused_from TEXT;
ALTER TABLE plans ADD COLUMN paused_until TEXT;
ALTER TABLE plans ADD COLUMN pause_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN extended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN bucket TEXT NOT NULL DEFAULT 'current';
ALTER TABLE plans ADD COLUMN charged_off_on TEXT;
ALTER TABLE plans ADD COLUMN recovered_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_installments ADD COLUMN late_fee_charged INTEGER NOT NULL DEFAULT 0;
-- What the daily job looks at: unpaid instalments by due date, earning plans, pauses.
CREATE INDEX plan_installments_unpaid_by_due ON plan_installments(due_date, plan_id)
  WHERE paid_minor < principal_minor + interest_minor;
CREATE INDEX plans_earning ON plans(id) WHERE status = 'active' AND apr_bps > 0;
CREATE INDEX plans_paused ON plans(paused_until) WHERE paused_until IS NOT NULL;
CREATE INDEX plans_by_status ON plans(status, bucket);
-- A consumer's autopay method (simulated: its outcome profile).
CREATE TABLE payment_methods (
  consumer_id TEXT PRIMARY KEY REFERENCES consumers(id),
  type TEXT NOT NULL,
  last4 TEXT NOT NULL,
  profile TEXT NOT NULL,
  updated_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE collections (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  consumer_id TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('autopay', 'consumer')),
  business_date TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  payoff INTEGER NOT NULL,
  method_type TEXT NOT NULL,
  method_last4 TEXT NOT NULL,
  method_profile TEXT NOT NULL,
  status TEXT NOT NULL,
  failure_code TEXT NOT NULL,
  processor_ref TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  resolved_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX collections_by_plan ON collections(plan_id, id);
-- One autopay attempt per plan and business date: running a date twice collects once.
CREATE UNIQUE INDEX collections_autopay_once ON collections(plan_id, business_date) WHERE source = 'autopay';
CREATE INDEX collections_open ON collections(status, id) WHERE status IN ('pending', 'unknown');
CREATE TABLE consumer_refunds (
  id TEXT PRIMARY KEY,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  method_type TEXT NOT NULL,
  method_last4 TEXT NOT NULL,
  method_profile TEXT NOT NULL,
  status TEXT NOT NULL,
  processor_ref TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  resolved_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX consumer_refunds_by_status ON consumer_refunds(status, id);
CREATE TABLE disputes (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  resolution TEXT NOT NULL,
  merchant_response TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  updated_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX disputes_by_order ON disputes(order_id, status);
CREATE INDEX disputes_by_merchant ON disputes(merchant_id, id);
CREATE INDEX disputes_by_consumer ON disputes(consumer_id, id);
CREATE TABLE cob_runs (
  business_date TEXT PRIMARY KEY,
  started_at_us INTEGER NOT NULL,
  finished_at_us INTEGER NOT NULL,
  report TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE settlements (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  business_date TEXT NOT NULL,
  captures_minor INTEGER NOT NULL,
  fees_minor INTEGER NOT NULL,
  refunds_minor INTEGER NOT NULL,
  adjustments_minor INTEGER NOT NULL,
  carried_in_minor INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  payout_id TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  UNIQUE (merchant_id, currency, business_date)
) WITHOUT ROWID;
CREATE INDEX settlements_by_merchant ON settlements(merchant_id, id);
CREATE TABLE settlement_lines (
  settlement_id TEXT NOT NULL REFERENCES settlements(id),
  line_no INTEGER NOT NULL,
  kind TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  object_id TEXT NOT NULL,
  gross_minor INTEGER NOT NULL,
  fee_minor INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  posted_at_us INTEGER NOT NULL,
  PRIMARY KEY (settlement_id, line_no)
) WITHOUT ROWID;
CREATE TABLE payouts (
  id TEXT PRIMARY KEY,
  settlement_id TEXT NOT NULL UNIQUE REFERENCES settlements(id),
  merchant_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  status TEXT NOT NULL,
  rail_ref TEXT NOT NULL,
  failure_code TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  resolved_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX payouts_by_merchant ON payouts(merchant_id, id);
CREATE INDEX payouts_open ON payouts(created_at_us, id) WHERE status IN ('pending', 'unknown');
CREATE INDEX events_by_merchant ON events(merchant_id, id);
)sql"},
    {10, "installment_interest_paid",
     R"sql(
-- What of an instalment's payments paid interest; the rest of paid_minor paid principal.
-- Payments go to interest accrued to date first, so it is no longer min(paid, interest).
ALTER TABLE plan_installments ADD COLUMN interest_paid_minor INTEGER NOT NULL DEFAULT 0
  CHECK (interest_paid_minor >= 0 AND interest_paid_minor <= interest_minor
         AND interest_paid_minor <= paid_minor);
-- Until now each instalment's payments covered its own interest first.
UPDATE plan_installments SET interest_paid_minor = MIN(paid_minor, interest_minor);
)sql"},
    {11, "identity_hardening",
     R"sql(
-- The identity an application presented (JSON), kept with its decision instead of
-- being merged into the consumer's profile.
ALTER TABLE decisions ADD COLUMN applicant TEXT;
-- Where a login code was requested from: codes are limited per address as well as
-- per consumer.
ALTER TABLE login_challenges ADD COLUMN requested_from TEXT NOT NULL DEFAULT '';
CREATE INDEX login_challenges_by_address ON login_challenges(requested_from, created_at_us);
)sql"},
    {12, "fraud_rules_and_lists",
     R"sql(
-- Every saved rule set is a version (the audit trail: who, when, what); the newest rules.
CREATE TABLE fraud_rule_versions (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  source TEXT NOT NULL,
  review_threshold INTEGER NOT NULL,
  block_threshold INTEGER NOT NULL,
  rule_count INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
);
CREATE TABLE fraud_lists (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  entry_count INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE fraud_list_entries (
  name TEXT NOT NULL REFERENCES fraud_lists(name),
  value TEXT NOT NULL,
  PRIMARY KEY (name, value)
) WITHOUT ROWID;
-- What each version of a list added and removed, by whom and when.
CREATE TABLE fraud_list_versions (
  name TEXT NOT NULL REFERENCES fraud_lists(name),
  version INTEGER NOT NULL,
  added TEXT NOT NULL,                   -- JSON array
  removed TEXT NOT NULL,                 -- JSON array
  entry_count INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at_us INTEGER NOT NULL,
  PRIMARY KEY (name, version)
) WITHOUT ROWID;
-- The stored feature source counts a consumer's recent credit decisions.
CREATE INDEX decisions_by_consumer_time ON decisions(consumer_id, created_at_us);
)sql"},
    {13, "fraud_decisions_and_reviews",
     R"sql(
-- Every fraud decision with what it was made from, so it can be replayed.
CREATE TABLE fraud_decisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  credit_decision_id TEXT NOT NULL REFERENCES decisions(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('allow', 'review', 'block')),
  decided_by TEXT NOT NULL,
  rule TEXT,                             -- JSON {line, action, text}
  hits TEXT NOT NULL,                    -- JSON array of the same
  features TEXT NOT NULL,                -- JSON array of [name, value|null]
  score INTEGER,
  score_reasons TEXT,                    -- JSON array
  model_version TEXT,
  members TEXT NOT NULL,                 -- JSON array of [list, value] found in lists
  rules_version INTEGER NOT NULL,
  review_threshold INTEGER NOT NULL,
  block_threshold INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX fraud_decisions_by_time ON fraud_decisions(created_at_us, id);
-- Authorizations held for a person's look; one review per authorization.
CREATE TABLE fraud_reviews (
  id TEXT PRIMARY KEY,
  fraud_decision_id TEXT NOT NULL UNIQUE REFERENCES fraud_decisions(id),
  authorization_id TEXT NOT NULL UNIQUE REFERENCES authorizations(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  claimed_by TEXT,
  claimed_at_us INTEGER,
  decided_by TEXT,
  decided_at_us INTEGER,
  note TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX fraud_reviews_by_status ON fraud_reviews(status, id);
-- What authorizations turned out to be: the model's labels.
CREATE TABLE fraud_labels (
  id TEXT PRIMARY KEY,
  fraud_decision_id TEXT NOT NULL REFERENCES fraud_decisions(id),
  authorization_id TEXT NOT NULL,
  fraud INTEGER NOT NULL CHECK (fraud IN (0, 1)),
  source TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX fraud_labels_by_decision ON fraud_labels(fraud_decision_id, id);
)sql"},
    {14, "assistant",
     R"sql(
-- Conversations with the assistant. `state` is the dialogue state between messages
-- (JSON: language, pending change, awaited intent, plan in focus); the hand-off summary
-- is JSON too. Messages are kept with what the assistant made of them.
CREATE TABLE assistant_conversations (
  id TEXT PRIMARY KEY,
  consumer_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'handed_off', 'claimed', 'closed')),
  state TEXT NOT NULL,
  turns INTEGER NOT NULL CHECK (turns >= 0),
  handoff_reason TEXT NOT NULL,
  handoff_summary TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  outcome TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  updated_at_us INTEGER NOT NULL,
  handed_off_at_us INTEGER,
  closed_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX assistant_conversations_by_consumer ON assistant_conversations(consumer_id, created_at_us);
CREATE INDEX assistant_conversations_handoffs ON assistant_conversations(status, id)
  WHERE status IN ('handed_off', 'claimed');
CREATE TABLE assistant_messages (
  conversation_id TEXT NOT NULL REFERENCES assistant_conversations(id),
  seq INTEGER NOT NULL CHECK (seq > 0),
  role TEXT NOT NULL CHECK (role IN ('consumer', 'assistant', 'agent')),
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  intent TEXT NOT NULL,
  confidence REAL NOT NULL,
  actions TEXT NOT NULL,
  handoff INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
)sql"},
    {15, "fraud_engine_facts",
     R"sql(
-- What each fraud decision screened (JSON: email, billing country, ip, ip country,
-- device fingerprint, payment method): the feature engine is rebuilt from it at start.
-- Decisions stored before have none and are not replayed.
ALTER TABLE fraud_decisions ADD COLUMN facts TEXT;
-- An unauthorized dispute labels the fraud decision on its order's credit decision.
CREATE INDEX fraud_decisions_by_credit_decision ON fraud_decisions(credit_decision_id);
-- The rebuild reads the labels of its window in creation order.
CREATE INDEX fraud_labels_by_time ON fraud_labels(created_at_us) WHERE fraud = 1;
)sql"},
    {16, "assistant_metrics",
     R"sql(
-- The operating metrics (ListFacts) read the conversations started in a time range;
-- without this index that read scans every conversation.
CREATE INDEX assistant_conversations_by_start ON assistant_conversations(created_at_us, id);
)sql"},
    {17, "reconciliation",
     R"sql(
-- What reconciliation carries from one settlement file to the next (recon/carried_state.h:
-- awaited movements, recently matched references, the ledger cursor): one JSON document.
CREATE TABLE recon_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL
);
-- One row per reconciled file date: a date is reconciled once.
CREATE TABLE recon_runs (
  date TEXT PRIMARY KEY,
  lines INTEGER NOT NULL CHECK (lines >= 0),
  matched INTEGER NOT NULL,
  matched_late INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  written_off INTEGER NOT NULL,
  exceptions INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
-- What the matcher could not explain, queued for people (recon/exception_queue.h).
CREATE TABLE recon_exceptions (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('amount_mismatch', 'unknown_reference', 'missing')),
  reference TEXT NOT NULL,
  line_kind TEXT NOT NULL CHECK (line_kind IN ('collection', 'refund', 'payout')),
  currency TEXT NOT NULL,
  expected_minor INTEGER NOT NULL CHECK (expected_minor >= 0),
  actual_minor INTEGER NOT NULL CHECK (actual_minor >= 0),
  claimed_by TEXT,
  claimed_at_us INTEGER,
  resolution TEXT CHECK (resolution IN ('write_off', 'no_adjustment')),
  resolved_by TEXT,
  resolved_at_us INTEGER,
  note TEXT NOT NULL,
  journal_entry_id TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX recon_exceptions_open ON recon_exceptions(id) WHERE resolution IS NULL;
)sql"},
    {18, "leases",
     R"sql(
-- Which node of a fleet runs a piece of background work now (fleet/lease.h): the
-- holder renews its lease in every transaction of that work, and a new epoch fences
-- off a holder that stalled past its expiry.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  epoch INTEGER NOT NULL CHECK (epoch >= 1),
  expires_at_us INTEGER NOT NULL
) WITHOUT ROWID;
)sql"},
    {19, "webhook_delivery_claims",
     R"sql(
-- Every node of a fleet delivers webhooks: a node claims the due deliveries it is about
-- to attempt until claim_expires_at_us, other nodes pass them by meanwhile, and only the
-- claimant records the attempt. A node that dies leaves its claims to expire.
ALTER TABLE webhook_deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN claim_expires_at_us INTEGER;
)sql"},
    {20, "work_by_time",
     R"sql(
-- The automation scorecard (GET /v1/admin/automation) reads a window of failed
-- collections and of opened disputes by time; without these each read scans the table.
CREATE INDEX collections_failed_by_time ON collections(created_at_us, id) WHERE status = 'failed';
CREATE INDEX disputes_by_time ON disputes(created_at_us, id);
)sql"},
    {21, "payment_requests",
     R"sql(
-- The Idempotency-Key a consumer's payment was started under, stored with its pending
-- collection: a retry after the node died between the collection and the processor's
-- reply finds the collection (and its outcome) instead of taking the payment again.
CREATE TABLE payment_requests (
  consumer_id TEXT NOT NULL,
  request_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  collection_id TEXT NOT NULL REFERENCES collections(id),
  recorded_at_us INTEGER NOT NULL,
  PRIMARY KEY (consumer_id, request_key)
);
)sql"},
    {22, "merchant_onboarding",
     R"sql(
-- The automated onboarding check's outcome and an operator's review of it
-- (onboarding/merchant_check.h). Merchants from before the check were trading already:
-- they stay active, in the general category.
ALTER TABLE merchants ADD COLUMN category TEXT NOT NULL DEFAULT 'general_retail';
ALTER TABLE merchants ADD COLUMN onboarding_status TEXT NOT NULL DEFAULT 'active'
  CHECK (onboarding_status IN ('active', 'pending_review', 'rejected'));
ALTER TABLE merchants ADD COLUMN onboarding_findings TEXT NOT NULL DEFAULT '[]';
ALTER TABLE merchants ADD COLUMN reviewed_by TEXT;
ALTER TABLE merchants ADD COLUMN reviewed_at_us INTEGER;
ALTER TABLE merchants ADD COLUMN review_note TEXT;
CREATE INDEX merchants_pending_review ON merchants(id) WHERE onboarding_status = 'pending_review';
-- A review is stored whole: who decided, and when, or neither.
CREATE TRIGGER merchants_review_whole BEFORE UPDATE OF reviewed_by, reviewed_at_us ON merchants
  WHEN (NEW.reviewed_by IS NULL) <> (NEW.reviewed_at_us IS NULL)
  BEGIN SELECT RAISE(ABORT, 'a merchant review needs both its operator and its time'); END;
CREATE TRIGGER merchants_review_whole_i BEFORE INSERT ON merchants
  WHEN (NEW.reviewed_by IS NULL) <> (NEW.reviewed_at_us IS NULL)
  BEGIN SELECT RAISE(ABORT, 'a merchant review needs both its operator and its time'); END;
)sql"},
    {23, "chargebacks",
     R"sql(
-- Settlement files carry chargebacks (recon/settlement_file.h): an exception may be about
-- one, and a run counts those it accepted. SQLite changes a CHECK only by rebuilding the
-- table; the columns keep their order, so the copy is by position.
CREATE TABLE recon_exceptions_v23 (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('amount_mismatch', 'unknown_reference', 'missing')),
  reference TEXT NOT NULL,
  line_kind TEXT NOT NULL CHECK (line_kind IN ('collection', 'refund', 'payout', 'chargeback')),
  currency TEXT NOT NULL,
  expected_minor INTEGER NOT NULL CHECK (expected_minor >= 0),
  actual_minor INTEGER NOT NULL CHECK (actual_minor >= 0),
  claimed_by TEXT,
  claimed_at_us INTEGER,
  resolution TEXT CHECK (resolution IN ('write_off', 'no_adjustment')),
  resolved_by TEXT,
  resolved_at_us INTEGER,
  note TEXT NOT NULL,
  journal_entry_id TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO recon_exceptions_v23 SELECT * FROM recon_exceptions;
DROP TABLE recon_exceptions;
ALTER TABLE recon_exceptions_v23 RENAME TO recon_exceptions;
CREATE INDEX recon_exceptions_open ON recon_exceptions(id) WHERE resolution IS NULL;
ALTER TABLE recon_runs ADD COLUMN chargebacks INTEGER NOT NULL DEFAULT 0 CHECK (chargebacks >= 0);
)sql"},
    {24, "customer_contacts",
     R"sql(
-- Customer contacts people handled outside the assistant (servicing/contact.h): the
-- automation scorecard reads them by start time.
CREATE TABLE customer_contacts (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email')),
  reason TEXT NOT NULL,
  consumer_id TEXT REFERENCES consumers(id),
  handled_by TEXT NOT NULL,
  started_at_us INTEGER NOT NULL,
  handled_seconds INTEGER NOT NULL CHECK (handled_seconds BETWEEN 1 AND 14400),
  note TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX customer_contacts_by_start ON customer_contacts(started_at_us, id);
)sql"},
    {25, "charge_off_reason",
     R"sql(
-- Why a charged-off plan was written off (lending/plan.h): 120 days past due, or its
-- purchase called fraud by a card issuer's chargeback. Plans charged off before this
-- were all past due.
ALTER TABLE plans ADD COLUMN charge_off_reason TEXT NOT NULL DEFAULT 'none'
  CHECK (charge_off_reason IN ('none', 'delinquency', 'fraud'));
UPDATE plans SET charge_off_reason = 'delinquency' WHERE status = 'charged_off';
)sql"},
    {26, "merchant_reviews",
     R"sql(
-- Each time a merchant went to a person (onboarding/onboarding.h): at onboarding, or back
-- from trading when re-screening or monitoring flagged it. The merchant row keeps only
-- the latest decision; the automation scorecard counts and ages every review from here.
CREATE TABLE merchant_reviews (
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  queued_at_us INTEGER NOT NULL,
  decided_at_us INTEGER CHECK (decided_at_us IS NULL OR decided_at_us >= queued_at_us),
  PRIMARY KEY (merchant_id, queued_at_us)
) WITHOUT ROWID;
CREATE INDEX merchant_reviews_by_queued ON merchant_reviews(queued_at_us);
-- At most one review of a merchant is open.
CREATE UNIQUE INDEX merchant_reviews_open ON merchant_reviews(merchant_id) WHERE decided_at_us IS NULL;
-- Merchants reviewed before: their latest review, as if queued when they were created.
INSERT INTO merchant_reviews(merchant_id, queued_at_us, decided_at_us)
  SELECT id, created_at_us, reviewed_at_us FROM merchants
  WHERE onboarding_status = 'pending_review' OR reviewed_by IS NOT NULL;
)sql"},
    {27, "operator_refunds",
     R"sql(
-- A refund an operator made for a merchant that no longer trades (under review or
-- rejected, its keys revoked): who made it. NULL: the merchant's own.
ALTER TABLE refunds ADD COLUMN refunded_by TEXT;
)sql"},
    {28, "merchant_payout_releases",
     R"sql(
-- An operator released a rejected merchant's payouts (merchants::PayoutRelease): who,
-- when and why. All three or none.
ALTER TABLE merchants ADD COLUMN payouts_released_by TEXT;
ALTER TABLE merchants ADD COLUMN payouts_released_at_us INTEGER;
ALTER TABLE merchants ADD COLUMN payouts_release_reason TEXT;
)sql"},
    {29, "merchant_write_offs",
     R"sql(
-- A rejected merchant's debt an operator wrote off (settlement/write_off.h): who, when,
-- why and how much, beside the journal entry that moved it.
CREATE TABLE merchant_write_offs (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  entry_id TEXT NOT NULL UNIQUE REFERENCES journal_entries(id),
  written_off_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  written_off_at_us INTEGER NOT NULL
);
CREATE INDEX merchant_write_offs_by_merchant ON merchant_write_offs(merchant_id, id);
)sql"},
    {30, "accrued_through",
     R"sql(
-- The last day whose interest a plan has booked (servicing::AccrueThrough). Until now
-- the daily close booked every earning plan's interest each night, through the day it
-- closed the plan.
ALTER TABLE plans ADD COLUMN accrued_through TEXT;
UPDATE plans SET accrued_through = serviced_through WHERE apr_bps > 0;
)sql"},
    {31, "events_in_rowid_order",
     R"sql(
-- The outbox as an ordinary (rowid) table. Its rows (1-2 KB of JSON each) are larger
-- than a WITHOUT ROWID table keeps in its B-tree page (about 1 KB at 4 KiB pages), so
-- each event spilled the rest into an overflow page of its own, mostly empty: the table
-- took twice its data's size, and each event two page writes. A rowid table keeps rows
-- up to about 4 KB in the page. The rebuild goes through a copy so that the new table is
-- created under its own name: the deliveries' foreign key then finds each event again
-- before the transaction commits (checked then, not at the drop).
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE events_v31 AS SELECT id, merchant_id, type, payload, created_at_us FROM events;
DROP TABLE events;
CREATE TABLE events (
  id TEXT NOT NULL PRIMARY KEY,
  merchant_id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
);
INSERT INTO events(id, merchant_id, type, payload, created_at_us)
  SELECT id, merchant_id, type, payload, created_at_us FROM events_v31 ORDER BY id;
DROP TABLE events_v31;
CREATE INDEX events_by_merchant ON events(merchant_id, id);
)sql"},
    {32, "fraud_feature_catalogues",
     R"sql(
-- A fraud decision's feature names, stored once per catalogue instead of beside every
-- value: the names were about 3 KB of a 4.5 KB decision, the same in every row. New
-- decisions store their values alone, in the catalogue's order; rows written before
-- keep [name, value] pairs and no catalogue.
CREATE TABLE fraud_feature_catalogues (
  id TEXT PRIMARY KEY,                   -- ffc_ + a hash of names
  names TEXT NOT NULL                    -- JSON array of feature names, in order
);
-- The decisions as an ordinary (rowid) table, rebuilt the way migration 31 rebuilt the
-- outbox: a decision (about 1.4 KB without its names) is still larger than a WITHOUT
-- ROWID table keeps in its B-tree page (about 1 KB), so each would take a page and an
-- overflow page of its own. The reviews' and labels' foreign keys find each decision
-- again before the transaction commits.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE fraud_decisions_v32 AS SELECT * FROM fraud_decisions;
DROP TABLE fraud_decisions;
CREATE TABLE fraud_decisions (
  id TEXT NOT NULL PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES checkout_sessions(id),
  merchant_id TEXT NOT NULL,
  consumer_id TEXT NOT NULL REFERENCES consumers(id),
  credit_decision_id TEXT NOT NULL REFERENCES decisions(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('allow', 'review', 'block')),
  decided_by TEXT NOT NULL,
  rule TEXT,                             -- JSON {line, action, text}
  hits TEXT NOT NULL,                    -- JSON array of the same
  features TEXT NOT NULL,                -- JSON array of values in the catalogue's order,
                                         -- or of [name, value|null] without a catalogue
  score INTEGER,
  score_reasons TEXT,                    -- JSON array
  model_version TEXT,
  members TEXT NOT NULL,                 -- JSON array of [list, value] found in lists
  rules_version INTEGER NOT NULL,
  review_threshold INTEGER NOT NULL,
  block_threshold INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL,
  facts TEXT,
  feature_catalogue TEXT REFERENCES fraud_feature_catalogues(id)
);
INSERT INTO fraud_decisions(id, session_id, merchant_id, consumer_id, credit_decision_id, currency, amount_minor,
    action, decided_by, rule, hits, features, score, score_reasons, model_version, members, rules_version,
    review_threshold, block_threshold, created_at_us, facts)
  SELECT id, session_id, merchant_id, consumer_id, credit_decision_id, currency, amount_minor, action, decided_by,
    rule, hits, features, score, score_reasons, model_version, members, rules_version, review_threshold,
    block_threshold, created_at_us, facts
  FROM fraud_decisions_v32 ORDER BY created_at_us, id;
DROP TABLE fraud_decisions_v32;
CREATE INDEX fraud_decisions_by_time ON fraud_decisions(created_at_us, id);
CREATE INDEX fraud_decisions_by_credit_decision ON fraud_decisions(credit_decision_id);
)sql"},
};

}  // namespace

std::span<const sql::Migration> Migrations() { return kMigrations; }

}  // namespace tranche::store::sqlite
