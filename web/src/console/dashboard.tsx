// The dashboard: credit decisions (checkouts) by day with decline reasons, fraud
// decisions by day (allowed, held for review, blocked, and how the reviews ended), the book by
// status and delinquency bucket, losses, every closed business date with its
// collections, settlements and payouts, the work waiting for people (fraud reviews,
// hand-offs, reconciliation exceptions), and the automation scorecard (work per team,
// the share automated, staff needed without and with automation).
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { Chart, dayToUnix } from '../lib/chart';
import { label, money } from '../lib/format';
import { Alert, Field, Loading, Pill, Section, Table, errorFor, formError, useLoad } from '../lib/ui';
import { op } from './session';
import type { AutomationScorecard, CobRun, DecisionSummary, FraudDecisionSummary, PortfolioLine, ReconSummary } from './types';

const BUCKETS = ['current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_91_120'];

function Decisions({ summary }: { summary: DecisionSummary }) {
  const days = summary.days.map((d) => dayToUnix(d.date));
  const rate = summary.decisions === 0 ? '–' : `${Math.round((100 * summary.approved) / summary.decisions)} %`;
  return (
    <>
      <dl class="kpis">
        <div><dt>Checkouts decided</dt><dd>{summary.decisions}</dd></div>
        <div><dt>Approved</dt><dd>{summary.approved}</dd></div>
        <div><dt>Declined</dt><dd>{summary.declined}</dd></div>
        <div><dt>Approval rate</dt><dd>{rate}</dd></div>
      </dl>
      {days.length > 0 && (
        <Chart
          title={`Credit decisions per day, ${summary.from} to ${summary.to}`}
          days={days}
          series={[
            { label: 'approved', color: '#1b7f3b', values: summary.days.map((d) => d.approved) },
            { label: 'declined', color: '#b3261e', values: summary.days.map((d) => d.declined) },
          ]}
        />
      )}
      <h3>Decline reasons</h3>
      <Table
        caption="Decline reasons"
        rows={summary.decline_reasons}
        empty="No declines in this period."
        columns={[
          { title: 'Reason', render: (r) => r.message },
          { title: 'Code', render: (r) => <code>{r.code}</code> },
          { title: 'Declines', render: (r) => r.count, numeric: true },
        ]}
      />
    </>
  );
}

function FraudDecisions({ summary }: { summary: FraudDecisionSummary }) {
  const days = summary.days.map((d) => dayToUnix(d.date));
  const screened = summary.days.filter((d) => d.allow + d.review + d.block > 0).reverse();
  return (
    <>
      <dl class="kpis">
        <div><dt>Authorizations screened</dt><dd>{summary.decisions}</dd></div>
        <div><dt>Allowed</dt><dd>{summary.allow}</dd></div>
        <div><dt>Held for review</dt><dd>{summary.review}</dd></div>
        <div><dt>Blocked</dt><dd>{summary.block}</dd></div>
        <div>
          <dt>Reviews pending, accepted, rejected</dt>
          <dd>{summary.review_pending}, {summary.review_accepted}, {summary.review_rejected}</dd>
        </div>
      </dl>
      {days.length > 0 && (
        <Chart
          title={`Fraud decisions per day, ${summary.from} to ${summary.to}`}
          days={days}
          stacked
          series={[
            { label: 'allow', color: '#1b7f3b', values: summary.days.map((d) => d.allow) },
            { label: 'review', color: '#7a4f01', values: summary.days.map((d) => d.review) },
            { label: 'block', color: '#b3261e', values: summary.days.map((d) => d.block) },
          ]}
        />
      )}
      <Table
        caption="Fraud decisions by day"
        rows={screened}
        empty="No authorization was screened in this period."
        columns={[
          { title: 'Date', render: (d) => d.date },
          { title: 'Allowed', render: (d) => d.allow, numeric: true },
          { title: 'Held', render: (d) => d.review, numeric: true },
          { title: 'Blocked', render: (d) => d.block, numeric: true },
          { title: 'Pending', render: (d) => d.review_pending, numeric: true },
          { title: 'Accepted', render: (d) => d.review_accepted, numeric: true },
          { title: 'Rejected', render: (d) => d.review_rejected, numeric: true },
        ]}
      />
    </>
  );
}

function Book({ lines }: { lines: PortfolioLine[] }) {
  const currencies = [...new Set(lines.map((l) => l.currency))];
  const active = lines.filter((l) => l.status === 'active');
  const losses = lines.filter((l) => l.status === 'charged_off');
  return (
    <>
      {currencies.map((c) => {
        const byBucket = BUCKETS.map((b) =>
          active.filter((l) => l.currency === c && l.bucket === b).reduce((n, l) => n + l.plans, 0),
        );
        return (
          <div class="bucket-bars" aria-label={`Active ${c} plans by delinquency bucket`}>
            <h3>{c}: active plans by delinquency bucket</h3>
            <ul>
              {BUCKETS.map((b, i) => (
                <li>
                  <span class="bucket-name">{label(b)}</span>
                  <span class="bar" data-plans={byBucket[i]}>
                    <meter min={0} max={Math.max(1, ...byBucket)} value={byBucket[i]} aria-label={`${label(b)} plans`} />
                  </span>
                  <span class="num">{byBucket[i]}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <Table
        caption="The book by status and bucket"
        rows={lines}
        empty="No plans yet."
        columns={[
          { title: 'Currency', render: (l) => l.currency },
          { title: 'Status', render: (l) => <Pill text={l.status} /> },
          { title: 'Bucket', render: (l) => label(l.bucket) },
          { title: 'Plans', render: (l) => l.plans, numeric: true },
          { title: 'Outstanding', render: (l) => money(l.outstanding, l.currency), numeric: true },
          { title: 'Fees unpaid', render: (l) => money(l.fees_unpaid, l.currency), numeric: true },
        ]}
      />
      <h3>Losses</h3>
      <Table
        caption="Charged-off plans"
        rows={losses}
        empty="No plan has been charged off."
        columns={[
          { title: 'Currency', render: (l) => l.currency },
          { title: 'Reason', render: (l) => (l.charge_off_reason === 'fraud' ? 'fraud' : 'credit (delinquency)') },
          { title: 'Plans charged off', render: (l) => l.plans, numeric: true },
          { title: 'Still owed', render: (l) => money(l.outstanding + l.fees_unpaid, l.currency), numeric: true },
        ]}
      />
    </>
  );
}

function Closes({ runs }: { runs: CobRun[] }) {
  const ordered = [...runs].reverse();
  const days = ordered.map((r) => dayToUnix(r.business_date));
  const latest = runs[0];
  return (
    <>
      <p>
        {latest ? (
          <>
            Last closed business date <strong>{latest.business_date}</strong>, finished {latest.finished_at} in{' '}
            {latest.report.duration_ms} ms.
          </>
        ) : (
          'No business date has been closed yet.'
        )}
      </p>
      {days.length > 1 && (
        <Chart
          title="Collections, settlements and payouts per closed date"
          days={days}
          series={[
            { label: 'collections succeeded', color: '#1b7f3b', values: ordered.map((r) => r.report.collections.succeeded) },
            { label: 'collections failed', color: '#b3261e', values: ordered.map((r) => r.report.collections.failed) },
            { label: 'settlements', color: '#1f4e79', values: ordered.map((r) => r.report.settlements) },
            { label: 'payouts paid', color: '#7a4f01', values: ordered.map((r) => r.report.payouts_paid) },
          ]}
        />
      )}
      <Table
        caption="Closed business dates"
        rows={runs}
        empty="No closes yet."
        columns={[
          { title: 'Date', render: (r) => r.business_date },
          { title: 'Plans', render: (r) => r.report.plans_closed, numeric: true },
          { title: 'Collected', render: (r) => r.report.collections.succeeded, numeric: true },
          { title: 'Failed', render: (r) => r.report.collections.failed, numeric: true },
          { title: 'Late fees', render: (r) => r.report.late_fees, numeric: true },
          { title: 'Charge-offs', render: (r) => r.report.charge_offs, numeric: true },
          { title: 'Settlements', render: (r) => r.report.settlements, numeric: true },
          { title: 'Payouts paid', render: (r) => r.report.payouts_paid, numeric: true },
          { title: 'Payouts failed', render: (r) => r.report.payouts_failed, numeric: true },
          { title: 'Took', render: (r) => `${r.report.duration_ms} ms`, numeric: true },
        ]}
      />
    </>
  );
}

interface TeamRow {
  team: string;
  items: number;
  automated: number;
  wrong: number;
  without: number;
  with: number;
}

// The work types summed per team (a team may do several kinds of work).
function byTeam(card: AutomationScorecard): TeamRow[] {
  const teams = new Map<string, TeamRow>();
  for (const t of card.types) {
    const row = teams.get(t.team) ?? { team: t.team, items: 0, automated: 0, wrong: 0, without: 0, with: 0 };
    row.items += t.items;
    row.automated += t.automated;
    row.wrong += t.wrong_outcomes;
    row.without += t.fte_without_automation;
    row.with += t.fte_with_tranche;
    teams.set(t.team, row);
  }
  return [...teams.values()];
}

// A wait in the largest unit that keeps it readable: "45 min", "3.5 h", "2.0 d".
const wait = (seconds: number) =>
  seconds < 3600 ? `${Math.round(seconds / 60)} min` : seconds < 86400 ? `${(seconds / 3600).toFixed(1)} h` : `${(seconds / 86400).toFixed(1)} d`;

const share = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
const fte = (v: number) => v.toFixed(2);

function Automation({ card }: { card: AutomationScorecard }) {
  const days = card.types[0]?.items_by_day.map((_, i) => dayToUnix(card.since) + i * 86400) ?? [];
  const items = days.map((_, i) => card.types.reduce((n, t) => n + t.items_by_day[i], 0));
  const automated = days.map((_, i) => card.types.reduce((n, t) => n + t.automated_by_day[i], 0));
  const total = items.reduce((a, b) => a + b, 0);
  const done = automated.reduce((a, b) => a + b, 0);
  return (
    <>
      <dl class="kpis">
        <div><dt>Work items</dt><dd>{total}</dd></div>
        <div><dt>Automated share</dt><dd>{share(done, total)}</dd></div>
        <div><dt>FTE without automation</dt><dd>{fte(card.fte_without_automation)}</dd></div>
        <div><dt>FTE with tranche</dt><dd>{fte(card.fte_with_tranche)}</dd></div>
      </dl>
      {card.limited.length > 0 && (
        <Alert message={`Counted up to the read limit only: ${card.limited.map(label).join(', ')}.`} />
      )}
      {days.length > 0 && (
        <Chart
          title={`Share of work automated per day, ${card.since} to ${card.until}`}
          days={days}
          valueLabel={(v) => `${Math.round(v)} %`}
          range={[0, 100]}
          series={[
            {
              label: 'automated',
              color: '#1b7f3b',
              // A day with no work has no rate: a gap, not 0 %.
              values: days.map((_, i) => (items[i] === 0 ? null : (100 * automated[i]) / items[i])),
            },
          ]}
        />
      )}
      <Table
        caption="Automation by team"
        rows={byTeam(card)}
        empty="No work in this period."
        columns={[
          { title: 'Team', render: (r) => r.team },
          { title: 'Items', render: (r) => r.items, numeric: true },
          { title: 'Automated', render: (r) => share(r.automated, r.items), numeric: true },
          { title: 'Wrong outcomes', render: (r) => r.wrong, numeric: true },
          { title: 'FTE without', render: (r) => fte(r.without), numeric: true },
          { title: 'FTE with', render: (r) => fte(r.with), numeric: true },
        ]}
      />
      <Table
        caption="Queue ages: how long work waited for a person"
        rows={card.queue_ages}
        empty="Nothing went to a person in this period."
        columns={[
          { title: 'Work', render: (q) => label(q.type) },
          { title: 'Decided', render: (q) => q.decided, numeric: true },
          { title: 'Median wait', render: (q) => (q.decided ? wait(q.median_wait_seconds) : '–'), numeric: true },
          { title: '90th percentile', render: (q) => (q.decided ? wait(q.p90_wait_seconds) : '–'), numeric: true },
          { title: 'Waiting', render: (q) => q.waiting, numeric: true },
          { title: 'Oldest waiting', render: (q) => (q.waiting ? wait(q.oldest_waiting_seconds) : '–'), numeric: true },
        ]}
      />
    </>
  );
}

// Demo and simulation only: the API refuses it elsewhere, and the form shows why.
function AdvanceClock({ onDone }: { onDone: () => void }) {
  const [days, setDays] = useState('1');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const n = /^\d+$/.test(days.trim()) ? Number(days.trim()) : days;
      const r = await op<{ now: string; closed: unknown[] }>('POST', '/v1/admin/clock/advance', { body: { days: n } });
      setDone(`The clock is now ${r.now}; ${r.closed.length} business date(s) closed.`);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} class="inline-form" aria-label="Advance the demo clock">
      <Field label="Days to advance" name="days" value={days} onInput={setDays} inputMode="numeric" error={errorFor(error, 'days')} />
      <button type="submit" disabled={busy}>
        Advance and close
      </button>
      <Alert message={formError(error, ['days'])} />
      <Alert kind="ok" message={done} />
    </form>
  );
}

const WAITING_PAGE = 100;

// How many items a list holds, up to a page: "100+" beyond it; "off" when the module
// is not running on this server (its endpoint refuses).
async function countOf(path: string): Promise<string> {
  try {
    const page = await op<List<unknown>>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${WAITING_PAGE}`);
    return page.has_more ? `${WAITING_PAGE}+` : String(page.data.length);
  } catch {
    return 'off';
  }
}

interface Waiting {
  reviews: string;
  handoffs: string;
  recon: ReconSummary;
}

async function loadWaiting(): Promise<Waiting> {
  const [reviews, handoffs, recon] = await Promise.all([
    countOf('/v1/admin/fraud/reviews?status=pending'),
    countOf('/v1/admin/handoffs'),
    op<ReconSummary>('GET', '/v1/admin/reconciliation'),
  ]);
  return { reviews, handoffs, recon };
}

function WaitingWork({ waiting }: { waiting: Waiting }) {
  const unreconciled = Object.entries(waiting.recon.unreconciled);
  return (
    <dl class="kpis">
      <div><dt><a href="#/fraud-reviews">Fraud reviews pending</a></dt><dd>{waiting.reviews}</dd></div>
      <div><dt><a href="#/handoffs">Hand-offs waiting</a></dt><dd>{waiting.handoffs}</dd></div>
      <div><dt><a href="#/reconciliation">Reconciliation exceptions open</a></dt><dd>{waiting.recon.open_exceptions}</dd></div>
      <div>
        <dt>Unreconciled</dt>
        <dd>{unreconciled.length === 0 ? 'nothing' : unreconciled.map(([cur, minor]) => money(minor, cur)).join(', ')}</dd>
      </div>
    </dl>
  );
}

export function Dashboard() {
  const [tick, setTick] = useState(0);
  const decisions = useLoad(() => op<DecisionSummary>('GET', '/v1/admin/decisions/summary?days=30'), [tick]);
  const fraud = useLoad(() => op<FraudDecisionSummary>('GET', '/v1/admin/fraud/decisions/summary?days=30'), [tick]);
  const book = useLoad(() => op<{ lines: PortfolioLine[] }>('GET', '/v1/admin/portfolio'), [tick]);
  const runs = useLoad(() => op<List<CobRun>>('GET', '/v1/admin/cob/runs?limit=60'), [tick]);
  const automation = useLoad(() => op<AutomationScorecard>('GET', '/v1/admin/automation'), [tick]);
  const waiting = useLoad(loadWaiting, [tick]);
  return (
    <>
      <h1>Dashboard</h1>
      <div class="grid">
        <Section title="Checkouts: approvals and declines (30 days)" id="decisions">
          <Loading state={decisions}>{(s) => <Decisions summary={s} />}</Loading>
        </Section>
        <Section title="Fraud decisions (30 days)" id="fraud-decisions">
          <Loading state={fraud}>{(s) => <FraudDecisions summary={s} />}</Loading>
        </Section>
        <Section title="The book" id="book">
          <Loading state={book}>{(b) => <Book lines={b.lines} />}</Loading>
        </Section>
        <Section title="Daily close, settlements and payouts" id="closes">
          <AdvanceClock onDone={() => setTick((t) => t + 1)} />
          <Loading state={runs}>{(r) => <Closes runs={r.data} />}</Loading>
        </Section>
        <Section title="Waiting for people" id="waiting">
          <Loading state={waiting}>{(w) => <WaitingWork waiting={w} />}</Loading>
        </Section>
        <Section title="Automation: work and staffing (30 days)" id="automation">
          <Loading state={automation}>{(a) => <Automation card={a} />}</Loading>
        </Section>
      </div>
    </>
  );
}
