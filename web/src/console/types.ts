// The wire shapes the console reads (see src/api/openapi.json).
export interface PortfolioLine {
  currency: string;
  status: string;
  bucket: string;
  charge_off_reason: 'delinquency' | 'fraud' | null;
  plans: number;
  outstanding: number;
  fees_unpaid: number;
}

export interface CobReport {
  business_date: string;
  plans_closed: number;
  late_fees: number;
  charge_offs: number;
  reminders: number;
  autopay_created: number;
  collections: { attempted: number; succeeded: number; failed: number; unknown: number };
  consumer_refunds: number;
  settlements: number;
  payouts_paid: number;
  payouts_failed: number;
  duration_ms: number;
}

export interface CobRun {
  business_date: string;
  started_at: string;
  finished_at: string;
  report: CobReport;
}

export interface DecisionSummary {
  from: string;
  to: string;
  decisions: number;
  approved: number;
  declined: number;
  truncated: boolean;
  days: Array<{ date: string; approved: number; declined: number }>;
  decline_reasons: Array<{ code: string; message: string; count: number }>;
}

// GET /v1/admin/fraud/decisions/summary: screenings by action, and the held ones by
// where their review stands now.
export interface FraudCounts {
  allow: number;
  review: number;
  block: number;
  review_pending: number;
  review_accepted: number;
  review_rejected: number;
}

export interface FraudDecisionSummary extends FraudCounts {
  from: string;
  to: string;
  decisions: number;
  days: Array<FraudCounts & { date: string }>;
}

// GET /v1/admin/automation: work items per type with the share automated and the staff
// needed without and with automation (the same figures as `tranche report automation`).
export interface AutomationType {
  type: string;
  team: string;
  items: number;
  automated: number;
  automation_rate: number;
  wrong_outcomes: number;
  handling_minutes: number;
  fte_without_automation: number;
  fte_with_tranche: number;
  items_by_day: number[];
  automated_by_day: number[];
}

export interface QueueAge {
  type: string;
  decided: number;
  median_wait_seconds: number;
  p90_wait_seconds: number;
  waiting: number;
  oldest_waiting_seconds: number;
}

export interface AutomationScorecard {
  since: string;
  until: string;
  days: number;
  fte_without_automation: number;
  fte_with_tranche: number;
  fte_reduction: number;
  limited: string[];
  types: AutomationType[];
  queue_ages: QueueAge[];
}

export interface Installment {
  number: number;
  due_date: string;
  amount: number;
  paid_amount: number;
  status: string;
}

export interface Plan {
  id: string;
  order_id: string;
  merchant_id: string;
  product: string;
  status: string;
  currency: string;
  amount: number;
  outstanding_balance: number;
  amount_due: number;
  days_past_due: number;
  bucket: string;
  paused_until: string | null;
  extended: boolean;
  apr_bps?: number;
  installments: Installment[];
  created_at: string;
}

export interface Decision {
  id: string;
  merchant_id: string;
  product: string;
  currency: string;
  amount: number;
  outcome: string;
  reasons: Array<{ code: string; message: string }>;
  created_at: string;
}

export interface Credit {
  currency: string;
  credit_limit: number;
  outstanding_balance: number;
  open_authorizations: number;
  available_credit: number;
}

export interface Consumer {
  id: string;
  email: string;
  given_name: string;
  family_name: string;
  phone: string;
  date_of_birth: string | null;
  created_at: string;
  credit: Credit[];
}

export interface ConsumerDetail extends Consumer {
  plans: Plan[];
  decisions: Decision[];
}

export interface Order {
  id: string;
  status: string;
  currency: string;
  amount: number;
  captured_amount: number;
  refunded_amount: number;
  released_amount: number;
  merchant_reference: string;
  product: string;
  consumer_id: string;
  created_at: string;
}

export interface OrderDetail extends Order {
  merchant_id: string;
  captures: Array<{ id: string; amount: number; plan_id: string; created_at: string }>;
  refunds: Array<{ id: string; amount: number; created_at: string; issued_by: 'merchant' | 'operator'; reason: string }>;
  plans: Plan[];
}

export interface MerchantOnboarding {
  status: 'active' | 'pending_review' | 'rejected';
  findings: string[];
  reviewed_by: string | null;
  reviewed_at: string | null;
  note: string | null;
  payout_release: { released_by: string; released_at: string; reason: string } | null;
}

export interface Merchant {
  id: string;
  name: string;
  country: string;
  default_currency: string;
  category: string;
  onboarding: MerchantOnboarding;
  pricing: { mdr_bps: number; fixed_fee: number };
  products?: unknown;
  payouts_held: boolean;
  created_at: string;
}

export interface Settlement {
  id: string;
  currency: string;
  business_date: string;
  captures: number;
  fees: number;
  refunds: number;
  adjustments: number;
  carried_in: number;
  net: number;
  payout_id: string | null;
  payout_held: boolean;
}

export interface Payout {
  id: string;
  settlement_id: string;
  amount: number;
  currency: string;
  status: string;
  failure_code: string | null;
  created_at: string;
}

export interface MerchantWriteOff {
  id: string;
  merchant_id: string;
  amount: number;
  currency: string;
  journal_entry_id: string;
  written_off_by: string;
  reason: string;
  created_at: string;
}

export interface Dispute {
  id: string;
  order_id: string;
  merchant_id: string;
  reason: string;
  status: string;
  resolution: string | null;
  merchant_response: string | null;
  opened_on: string;
}

export interface RuleHit {
  line: number;
  action: 'allow' | 'block' | 'review';
  rule: string;
}

export interface FraudDecision {
  id: string;
  session_id: string;
  merchant_id: string;
  consumer_id: string;
  credit_decision_id: string;
  currency: string;
  amount: number;
  action: 'allow' | 'review' | 'block';
  decided_by: string;
  rule: RuleHit | null;
  hits: RuleHit[];
  features: Record<string, number | string | null>;
  score: { score: number; reasons: string[]; model_version: string } | null;
  list_members: Array<{ list: string; value: string }>;
  rules_version: number;
  review_threshold: number;
  block_threshold: number;
  created_at: string;
}

export interface FraudReview {
  id: string;
  status: 'pending' | 'accepted' | 'rejected';
  fraud_decision_id: string;
  authorization_id: string;
  merchant_id: string;
  consumer_id: string;
  currency: string;
  amount: number;
  age_seconds: number;
  claimed_by: string | null;
  claimed_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  note: string;
  created_at: string;
  decision?: FraudDecision;
}

export interface FraudRules {
  version: number;
  source: string;
  rule_count: number;
  review_threshold: number;
  block_threshold: number;
  created_by: string | null;
  created_at: string | null;
  features?: Array<{ name: string; type: 'number' | 'text'; description: string }>;
}

// POST /v1/admin/fraud/backtest: decisions in one bucket.
export interface BacktestBucket {
  count: number;
  amounts: Array<{ currency: string; amount: number }>;
  labelled_fraud: number;
  labelled_legitimate: number;
  unlabelled: number;
  example_decision_ids: string[];
}

export interface FraudBacktest {
  since: string;
  until: string;
  replayed: number;
  max_decisions: number;
  limit_reached: boolean;
  lists: string[];
  lists_as_of: string;
  thresholds: string;
  would_block: BacktestBucket;
  would_review: BacktestBucket;
  would_allow: BacktestBucket;
  newly_blocked: BacktestBucket;
  newly_reviewed: BacktestBucket;
  newly_allowed: BacktestBucket;
  unchanged: number;
  labelled_fraud: number;
  labelled_legitimate: number;
  fraud_caught: number;
  fraud_caught_before: number;
  recall: number | null;
  precision: number | null;
  rules: Array<{ line: number; action: string; text: string; fired: number; decided: number; fired_on_labelled_fraud: number }>;
}

export interface ReconRun {
  date: string;
  lines: number;
  matched: number;
  matched_late: number;
  duplicates: number;
  written_off: number;
  chargebacks: number;
  exceptions: number;
  auto_match_rate: number;
}

export interface ReconSummary {
  last_date: string | null;
  open_exceptions: number;
  unreconciled: Record<string, number>;
  runs: ReconRun[];
}

export interface ReconException {
  id: string;
  status: 'open' | 'resolved';
  kind: 'amount_mismatch' | 'unknown_reference' | 'missing';
  reference: string;
  type: string;
  date: string;
  currency: string;
  expected_amount: number;
  actual_amount: number;
  open_amount: number;
  claimed_by: string | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  note: string;
  journal_entry_id: string | null;
}
