// Look-ups: a consumer (profile, credit, plans with schedules, decisions with reasons),
// an order (captures, refunds, plans; a refund for a merchant that no longer trades) and
// merchants (onboarding review, settlements and payouts held or released, terms, webhooks).
import { useState } from 'preact/hooks';
import { ApiError, type List } from '../lib/api';
import { dateTime, minorToInput, money, parseMinor, percentFromBps, productName } from '../lib/format';
import { DecisionsTable, PlanSummary, Schedule } from '../lib/plans';
import { Alert, DecisionForm, Field, Loading, Pill, Section, Table, errorFor, formError, routeId, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';
import type { ConsumerDetail, Merchant, MerchantWriteOff, OrderDetail, Payout, Settlement } from './types';

function SearchForm({ label, name, hint, onFind, error }: {
  label: string;
  name: string;
  hint: string;
  onFind: (q: string) => void;
  error: unknown;
}) {
  const [q, setQ] = useState('');
  return (
    <form
      class="inline-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onFind(q.trim());
      }}
    >
      <Field label={label} name={name} value={q} onInput={setQ} hint={hint} error={errorFor(error, name)} />
      <button type="submit">Look up</button>
      <Alert message={formError(error, [name])} />
    </form>
  );
}

function ConsumerView({ id }: { id: string }) {
  const state = useLoad(() => op<ConsumerDetail>('GET', `/v1/admin/consumers/${encodeURIComponent(id)}`), [id]);
  return (
    <Loading state={state}>
      {(c) => (
        <>
          <Section title={`${c.given_name} ${c.family_name}`} id="consumer">
            <dl class="facts">
              <div><dt>Consumer</dt><dd><code>{c.id}</code></dd></div>
              <div><dt>Email</dt><dd>{c.email}</dd></div>
              <div><dt>Phone</dt><dd>{c.phone || '–'}</dd></div>
              <div><dt>Date of birth</dt><dd>{c.date_of_birth ?? '–'}</dd></div>
              <div><dt>Customer since</dt><dd>{dateTime(c.created_at)}</dd></div>
            </dl>
            <h3>Credit</h3>
            <Table
              caption="Credit limits"
              rows={c.credit}
              empty="No limit set yet."
              columns={[
                { title: 'Currency', render: (r) => r.currency },
                { title: 'Limit', render: (r) => money(r.credit_limit, r.currency), numeric: true },
                { title: 'Outstanding', render: (r) => money(r.outstanding_balance, r.currency), numeric: true },
                { title: 'Open authorizations', render: (r) => money(r.open_authorizations, r.currency), numeric: true },
                { title: 'Available', render: (r) => money(r.available_credit, r.currency), numeric: true },
              ]}
            />
          </Section>
          <Section title="Plans" id="plans">
            {c.plans.length === 0 && <p class="muted">No plans.</p>}
            {c.plans.map((p) => (
              <article class="plan">
                <PlanSummary plan={p} />
                <Schedule plan={p} />
              </article>
            ))}
          </Section>
          <Section title="Credit decisions" id="decisions">
            <DecisionsTable decisions={c.decisions} />
          </Section>
        </>
      )}
    </Loading>
  );
}

export function ConsumerLookup({ route }: { route: string }) {
  const id = routeId(route);
  const [error, setError] = useState<unknown>(null);
  const find = async (q: string) => {
    setError(null);
    if (!q.includes('@')) {
      window.location.hash = `#/consumers/${encodeURIComponent(q)}`;
      return;
    }
    try {
      const found = await op<List<{ id: string }>>('GET', `/v1/admin/consumers?email=${encodeURIComponent(q)}`);
      if (found.data.length === 0) setError(new Error(`No consumer has the email ${q}.`));
      else window.location.hash = `#/consumers/${encodeURIComponent(found.data[0].id)}`;
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h1>Consumers</h1>
      <SearchForm label="Email or consumer id" name="email" hint="e.g. ava.larsson@example.com or con_…" onFind={find} error={error} />
      {id && <ConsumerView id={id} />}
    </>
  );
}

// An operator refunds the customer of a merchant that no longer trades (under review, or
// rejected and without keys); shown only then, as the API refuses it for an active one.
function RefundForMerchant({ order: o, onDone }: { order: OrderDetail; onDone: () => void }) {
  const merchant = useLoad(() => op<Merchant>('GET', `/v1/admin/merchants/${encodeURIComponent(o.merchant_id)}`), [o.merchant_id]);
  const refundable = o.captured_amount - o.refunded_amount;
  const [amount, setAmount] = useState(minorToInput(refundable));
  const [reason, setReason] = useState('');
  const [typo, setTypo] = useState('');
  const [done, setDone] = useState('');
  const refund = useSubmit((message) => {
    setDone(message);
    onDone();
  });
  const m = merchant.data;
  if (!m || m.onboarding.status === 'active') return null;
  return (
    <Section title="Refund for the merchant" id="order-refund">
      <p>
        {m.name} is {m.onboarding.status.replace(/_/g, ' ')}: an operator refunds its customer, off what the merchant is owed.
      </p>
      {refundable > 0 && (
        <form
          aria-label="Refund for the merchant"
          onSubmit={(e) => {
            e.preventDefault();
            const minor = parseMinor(amount);
            setTypo(minor === null ? 'Enter an amount like 25.00.' : '');
            if (minor === null) return;
            void refund.submit(async () => {
              const r = await op<{ amount: number }>('POST', `/v1/admin/orders/${encodeURIComponent(o.id)}/refunds`, {
                body: { amount: minor, reason },
              });
              setReason('');
              setAmount(minorToInput(refundable - r.amount));
              return `Refunded ${money(r.amount, o.currency)} for ${m.name}.`;
            });
          }}
        >
          <Field label={`Amount (${o.currency})`} name="amount" inputMode="decimal" value={amount} onInput={setAmount}
                 error={typo || errorFor(refund.error, 'amount')} />
          <Field label="Reason" name="reason" value={reason} onInput={setReason} hint="kept with the refund"
                 error={errorFor(refund.error, 'reason')} />
          <button type="submit" disabled={refund.busy}>Refund</button>
          <Alert message={formError(refund.error, ['amount', 'reason'])} />
        </form>
      )}
      {refundable <= 0 && <p class="muted">Nothing captured is left to refund.</p>}
      <Alert kind="ok" message={done} />
    </Section>
  );
}

function OrderView({ id }: { id: string }) {
  const state = useLoad(() => op<OrderDetail>('GET', `/v1/admin/orders/${encodeURIComponent(id)}`), [id]);
  return (
    <Loading state={state}>
      {(o) => (
        <>
          <Section title={`Order ${o.id}`} id="order">
            <dl class="facts">
              <div><dt>Status</dt><dd><Pill text={o.status} /></dd></div>
              <div><dt>Merchant</dt><dd><a href={`#/merchants/${o.merchant_id}`}>{o.merchant_id}</a></dd></div>
              <div><dt>Consumer</dt><dd><a href={`#/consumers/${o.consumer_id}`}>{o.consumer_id}</a></dd></div>
              <div><dt>Reference</dt><dd>{o.merchant_reference}</dd></div>
              <div><dt>Product</dt><dd>{productName(o.product)}</dd></div>
              <div><dt>Authorized</dt><dd>{money(o.amount, o.currency)}</dd></div>
              <div><dt>Captured</dt><dd>{money(o.captured_amount, o.currency)}</dd></div>
              <div><dt>Refunded</dt><dd>{money(o.refunded_amount, o.currency)}</dd></div>
              <div><dt>Released</dt><dd>{money(o.released_amount, o.currency)}</dd></div>
            </dl>
          </Section>
          <Section title="Plans" id="order-plans">
            {o.plans.map((p) => (
              <article class="plan">
                <PlanSummary plan={p} />
                <Schedule plan={p} />
              </article>
            ))}
            {o.plans.length === 0 && <p class="muted">Nothing captured yet.</p>}
          </Section>
          <Section title="Refunds" id="order-refunds">
            <Table
              caption="Refunds of this order"
              rows={o.refunds}
              empty="No refund."
              columns={[
                { title: 'Id', render: (r) => <code>{r.id}</code> },
                { title: 'Amount', render: (r) => money(r.amount, o.currency), numeric: true },
                { title: 'Issued by', render: (r) => r.issued_by },
                { title: 'Reason', render: (r) => r.reason },
                { title: 'At', render: (r) => dateTime(r.created_at) },
              ]}
            />
          </Section>
          <RefundForMerchant order={o} onDone={state.reload} />
        </>
      )}
    </Loading>
  );
}

export function OrderLookup({ route }: { route: string }) {
  const id = routeId(route);
  return (
    <>
      <h1>Orders</h1>
      <SearchForm
        label="Order id"
        name="order_id"
        hint="ord_…"
        error={null}
        onFind={(q) => (window.location.hash = `#/orders/${encodeURIComponent(q)}`)}
      />
      {id && <OrderView id={id} />}
    </>
  );
}

interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
}

interface WebhookDelivery {
  id: string;
  event_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string;
  created_at: string;
}

// One endpoint's delivery log, newest first, each with a replay.
function Deliveries({ merchantId, endpoint }: { merchantId: string; endpoint: WebhookEndpoint }) {
  const base = `/v1/admin/merchants/${encodeURIComponent(merchantId)}/webhook_endpoints/${encodeURIComponent(endpoint.id)}`;
  const state = useLoad(() => op<List<WebhookDelivery>>('GET', `${base}/deliveries?limit=20`), [base]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const replay = async (d: WebhookDelivery) => {
    setMessage('');
    setError('');
    try {
      const r = await op<WebhookDelivery>('POST', `${base}/deliveries/${encodeURIComponent(d.id)}/replay`);
      setMessage(`Event ${d.event_id} queued again as delivery ${r.id}.`);
      state.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <article class="plan">
      <p class="plan-head">
        <strong>{endpoint.url}</strong> <span class="muted">({endpoint.events.join(', ')})</span>
      </p>
      <Alert kind="ok" message={message} />
      <Alert message={error} />
      <Loading state={state}>
        {(list) => (
          <Table
            caption={`Deliveries to ${endpoint.url}`}
            rows={list.data}
            empty="Nothing delivered yet."
            columns={[
              { title: 'When', render: (d) => dateTime(d.created_at) },
              { title: 'Event', render: (d) => <code>{d.event_id}</code> },
              { title: 'Status', render: (d) => <Pill text={d.status} /> },
              { title: 'Attempts', render: (d) => d.attempts, numeric: true },
              { title: 'Last answer', render: (d) => d.last_status_code ?? (d.last_error || '–') },
              { title: '', render: (d) => <button class="secondary" onClick={() => replay(d)} aria-label={`Replay delivery ${d.id}`}>Replay</button> },
            ]}
          />
        )}
      </Loading>
    </article>
  );
}

function Webhooks({ merchantId }: { merchantId: string }) {
  const state = useLoad(
    () => op<List<WebhookEndpoint>>('GET', `/v1/admin/merchants/${encodeURIComponent(merchantId)}/webhook_endpoints`),
    [merchantId],
  );
  return (
    <Loading state={state}>
      {(list) => (
        <>
          {list.data.length === 0 && <p class="muted">No webhook endpoints.</p>}
          {list.data.map((e) => (
            <Deliveries merchantId={merchantId} endpoint={e} />
          ))}
        </>
      )}
    </Loading>
  );
}

// Why the onboarding check, a re-screening or the weekly monitoring sent a merchant to a
// person, in an operator's words.
const FINDINGS: Record<string, string> = {
  prohibited_category: 'sells what tranche may not finance',
  high_risk_category: 'a high-risk category (paid long before delivery, or easily resold)',
  restricted_name_match: 'the name is on the restricted merchant names list',
  pricing_below_floor: 'pricing below the 1.99 % floor needs a commercial sign-off',
  early_delinquency: 'most of its plans from the last two months went unpaid at once (weekly monitoring)',
};

function Onboarding({ merchant: m, onChange }: { merchant: Merchant; onChange: () => void }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const decide = useSubmit((message) => {
    setDone(message);
    onChange();
  });
  const decideAs = (verb: 'approve' | 'reject') =>
    decide.submit(async () => {
      const body = note.trim() ? { note } : {};
      const out = await op<Merchant>('POST', `/v1/admin/merchants/${encodeURIComponent(m.id)}/${verb}`, { body });
      return `${out.name} is ${out.onboarding.status.replace(/_/g, ' ')}.`;
    });
  const o = m.onboarding;
  return (
    <>
      <dl class="facts">
        <div><dt>Status</dt><dd><Pill text={o.status} /></dd></div>
        <div><dt>Category</dt><dd>{m.category.replace(/_/g, ' ')}</dd></div>
        <div>
          <dt>Check found</dt>
          <dd>{o.findings.length === 0 ? 'nothing' : o.findings.map((f) => FINDINGS[f] ?? f).join('; ')}</dd>
        </div>
        {o.reviewed_by && <div><dt>Decided by</dt><dd>{o.reviewed_by}{o.reviewed_at && `, ${dateTime(o.reviewed_at)}`}</dd></div>}
        {o.note && <div><dt>Note</dt><dd class="message">{o.note}</dd></div>}
      </dl>
      {o.status === 'pending_review' && (
        <DecisionForm
          label="Decide this merchant's onboarding"
          note={note}
          onNote={setNote}
          busy={decide.busy}
          error={decide.error}
          agree={{ text: 'Approve: open checkout to this merchant', onClick: () => decideAs('approve') }}
          refuse={{ text: 'Reject: revoke its keys', onClick: () => decideAs('reject') }}
        />
      )}
      <Alert kind="ok" message={done} />
    </>
  );
}

// What the close does with the money a merchant is owed: paid out, or held while it does
// not trade; a rejected merchant's is held until an operator releases it, with a reason.
function MerchantPayouts({ merchant: m, onChange }: { merchant: Merchant; onChange: () => void }) {
  const base = `/v1/admin/merchants/${encodeURIComponent(m.id)}`;
  const settlements = useLoad(() => op<List<Settlement>>('GET', `${base}/settlements?limit=100`), [m.id, m.payouts_held]);
  const payouts = useLoad(() => op<List<Payout>>('GET', `${base}/payouts?limit=100`), [m.id, m.payouts_held]);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const release = useSubmit((message) => {
    setDone(message);
    onChange();
  });
  const r = m.onboarding.payout_release;
  return (
    <>
      <dl class="facts">
        <div><dt>Payouts</dt><dd><Pill text={m.payouts_held ? 'held' : r ? 'released' : 'paid'} /></dd></div>
        {r && <div><dt>Released by</dt><dd>{r.released_by}, {dateTime(r.released_at)}</dd></div>}
        {r && <div><dt>Why</dt><dd class="message">{r.reason}</dd></div>}
      </dl>
      {m.onboarding.status === 'rejected' && !r && (
        <form
          aria-label="Release this merchant's payouts"
          onSubmit={(e) => {
            e.preventDefault();
            void release.submit(async () => {
              await op<Merchant>('POST', `${base}/payouts/release`, { body: { reason } });
              return `${m.name}'s payouts are released: the next close pays what it is owed.`;
            });
          }}
        >
          <Field label="Reason" name="reason" value={reason} onInput={setReason} rows={2}
                 hint="why the merchant is paid after all, e.g. its refunds and disputes are settled"
                 error={errorFor(release.error, 'reason')} />
          <button type="submit" disabled={release.busy}>Release payouts</button>
          <Alert message={formError(release.error, ['reason'])} />
        </form>
      )}
      <Alert kind="ok" message={done} />
      <Loading state={settlements}>
        {(list) => (
          <Table
            caption="Settlements, oldest first"
            rows={list.data}
            empty="Nothing settled yet."
            columns={[
              { title: 'Date', render: (x) => x.business_date },
              { title: 'Captures', render: (x) => money(x.captures, x.currency), numeric: true },
              { title: 'Fees', render: (x) => money(x.fees, x.currency), numeric: true },
              { title: 'Refunds', render: (x) => money(x.refunds, x.currency), numeric: true },
              { title: 'Carried in', render: (x) => money(x.carried_in, x.currency), numeric: true },
              { title: 'Net', render: (x) => money(x.net, x.currency), numeric: true },
              { title: 'Payout', render: (x) => (x.payout_held ? <Pill text="held" /> : x.payout_id ?? '') },
            ]}
          />
        )}
      </Loading>
      <Loading state={payouts}>
        {(list) => (
          <Table
            caption="Payouts, oldest first"
            rows={list.data}
            empty="No payout yet."
            columns={[
              { title: 'Id', render: (x) => <code>{x.id}</code> },
              { title: 'Amount', render: (x) => money(x.amount, x.currency), numeric: true },
              { title: 'Status', render: (x) => <Pill text={x.status} /> },
              { title: 'Created', render: (x) => dateTime(x.created_at) },
            ]}
          />
        )}
      </Loading>
    </>
  );
}

// What a rejected merchant owes in its default currency (its payable account in debit,
// after refunds or disputes took more than it was owed) and the write-offs of it: an
// operator who judges the debt lost writes it off, in part or whole, with a reason.
function MerchantDebt({ merchant: m }: { merchant: Merchant }) {
  const base = `/v1/admin/merchants/${encodeURIComponent(m.id)}`;
  const account = `merchant_payable:${m.default_currency}:${m.id}`;
  const [tick, setTick] = useState(0);
  const owed = useLoad(async () => {
    try {
      const a = await op<{ balance: number }>('GET', `/v1/admin/ledger/accounts/${encodeURIComponent(account)}?limit=1`);
      return Math.max(a.balance, 0);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return 0;  // nothing posted yet
      throw e;
    }
  }, [account, tick]);
  const writeOffs = useLoad(() => op<List<MerchantWriteOff>>('GET', `${base}/write-offs`), [m.id, tick]);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [typo, setTypo] = useState('');
  const [done, setDone] = useState('');
  const writeOff = useSubmit((message) => {
    setDone(message);
    setTick((t) => t + 1);
  });
  return (
    <>
      <Loading state={owed}>
        {(debt) => (
          <>
            <dl class="facts">
              <div><dt>Owes the lender</dt><dd>{money(debt, m.default_currency)}</dd></div>
            </dl>
            {m.onboarding.status === 'rejected' && debt > 0 && (
              <form
                aria-label="Write off this merchant's debt"
                onSubmit={(e) => {
                  e.preventDefault();
                  const minor = parseMinor(amount === '' ? minorToInput(debt) : amount);
                  setTypo(minor === null ? 'Enter an amount like 25.00.' : '');
                  if (minor === null) return;
                  void writeOff.submit(async () => {
                    const w = await op<MerchantWriteOff>('POST', `${base}/write-offs`, {
                      body: { amount: minor, currency: m.default_currency, reason },
                    });
                    setAmount('');
                    setReason('');
                    return `Wrote off ${money(w.amount, w.currency)} of ${m.name}'s debt.`;
                  });
                }}
              >
                <Field label={`Amount (${m.default_currency})`} name="amount" inputMode="decimal" value={amount}
                       onInput={setAmount} hint={`empty: all of it, ${minorToInput(debt)}`}
                       error={typo || errorFor(writeOff.error, 'amount')} />
                <Field label="Reason" name="reason" value={reason} onInput={setReason} rows={2}
                       hint="why the debt is lost, e.g. the merchant is insolvent; kept on the journal entry"
                       error={errorFor(writeOff.error, 'reason')} />
                <button type="submit" disabled={writeOff.busy}>Write off</button>
                <Alert message={formError(writeOff.error, ['amount', 'reason'])} />
              </form>
            )}
          </>
        )}
      </Loading>
      <Alert kind="ok" message={done} />
      <Loading state={writeOffs}>
        {(list) => (
          <Table
            caption="Write-offs, oldest first"
            rows={list.data}
            empty="Nothing written off."
            columns={[
              { title: 'Id', render: (x) => <code>{x.id}</code> },
              { title: 'Amount', render: (x) => money(x.amount, x.currency), numeric: true },
              { title: 'By', render: (x) => x.written_off_by },
              { title: 'When', render: (x) => dateTime(x.created_at) },
              { title: 'Why', render: (x) => x.reason },
            ]}
          />
        )}
      </Loading>
    </>
  );
}

function MerchantTable({ caption, rows, empty }: { caption: string; rows: Merchant[]; empty: string }) {
  return (
    <Table
      caption={caption}
      rows={rows}
      empty={empty}
      columns={[
        { title: 'Name', render: (x) => <a href={`#/merchants/${x.id}`}>{x.name}</a> },
        { title: 'Id', render: (x) => <code>{x.id}</code> },
        { title: 'Onboarding', render: (x) => <Pill text={x.onboarding.status} /> },
        { title: 'Category', render: (x) => x.category.replace(/_/g, ' ') },
        { title: 'Country', render: (x) => x.country },
        { title: 'Currency', render: (x) => x.default_currency },
        { title: 'MDR', render: (x) => percentFromBps(x.pricing.mdr_bps), numeric: true },
        { title: 'Fixed fee', render: (x) => money(x.pricing.fixed_fee, x.default_currency), numeric: true },
      ]}
    />
  );
}

// One merchant, read by id (so a link from anywhere shows it, however many merchants there are).
function MerchantDetail({ id, tick, onChange }: { id: string; tick: number; onChange: () => void }) {
  const state = useLoad(() => op<Merchant>('GET', `/v1/admin/merchants/${encodeURIComponent(id)}`), [id, tick]);
  return (
    <Loading state={state}>
      {(m) => (
        <>
          <Section title={`${m.name}: onboarding`} id="onboarding">
            <Onboarding merchant={m} onChange={onChange} />
          </Section>
          <Section title={`${m.name}: settlements and payouts`} id="merchant-payouts">
            <MerchantPayouts merchant={m} onChange={onChange} />
          </Section>
          <Section title={`${m.name}: debt`} id="merchant-debt">
            <MerchantDebt merchant={m} />
          </Section>
          <Section title={`${m.name}: terms`} id="merchant">
            <pre class="json">{JSON.stringify(m.products, null, 2)}</pre>
          </Section>
          <Section title={`${m.name}: webhook deliveries`} id="webhooks">
            <Webhooks merchantId={m.id} />
          </Section>
        </>
      )}
    </Loading>
  );
}

// The onboarding review queue first (merchants the check held, oldest first), then the
// first 100 merchants, then the one selected.
export function Merchants({ route }: { route: string }) {
  const selected = routeId(route);
  const [tick, setTick] = useState(0);
  const pending = useLoad(() => op<List<Merchant>>('GET', '/v1/admin/merchants?status=pending_review&limit=100'), [tick]);
  const all = useLoad(() => op<List<Merchant>>('GET', '/v1/admin/merchants?limit=100'), [tick]);
  return (
    <>
      <h1>Merchants</h1>
      <Loading state={pending}>
        {(list) => (
          <MerchantTable caption="Waiting for onboarding review" rows={list.data} empty="No merchant is waiting for review." />
        )}
      </Loading>
      <Loading state={all}>{(list) => <MerchantTable caption="Merchants" rows={list.data} empty="No merchants yet." />}</Loading>
      {selected && <MerchantDetail id={selected} tick={tick} onChange={() => setTick((t) => t + 1)} />}
    </>
  );
}
