// Reconciliation: where it stands (the last settlement file reconciled, the money still
// unreconciled, the latest runs with their auto-match rate) and the exceptions queue —
// open one, claim it, resolve it with a reason (a write-off posts the difference).
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { dateTime, label, money } from '../lib/format';
import { Alert, Field, Loading, Pill, Section, Select, Table, errorFor, formError, routeId, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';
import type { ReconException, ReconSummary } from './types';

const BASE = '/v1/admin/reconciliation';

const RESOLUTIONS: Array<[string, string]> = [
  ['no_adjustment', 'No adjustment: explained without moving money'],
  ['write_off', 'Write off: post the difference as a processing cost'],
];

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

function Overview({ summary }: { summary: ReconSummary }) {
  const unreconciled = Object.entries(summary.unreconciled);
  return (
    <>
      <dl class="facts">
        <dt>Last file reconciled</dt>
        <dd>{summary.last_date ?? 'none yet'}</dd>
        <dt>Open exceptions</dt>
        <dd>{summary.open_exceptions}</dd>
        <dt>Unreconciled</dt>
        <dd>{unreconciled.length === 0 ? 'nothing' : unreconciled.map(([cur, minor]) => money(minor, cur)).join(', ')}</dd>
      </dl>
      <Table
        caption="Latest runs, newest first"
        rows={summary.runs}
        empty="No settlement file has been reconciled."
        columns={[
          { title: 'File date', render: (r) => r.date },
          { title: 'Lines', render: (r) => r.lines },
          { title: 'Matched', render: (r) => r.matched + r.matched_late },
          { title: 'Duplicates', render: (r) => r.duplicates },
          { title: 'Written off by rule', render: (r) => r.written_off },
          { title: 'Chargebacks', render: (r) => r.chargebacks },
          { title: 'Exceptions', render: (r) => r.exceptions },
          { title: 'Auto-match rate', render: (r) => percent(r.auto_match_rate) },
        ]}
      />
    </>
  );
}

// `onDone` gets what was done; the page shows it (this form is remade when the
// exception changes).
// Money the ledger has no record of, and a chargeback the rules could not accept, are
// never written off (the server refuses it): only no_adjustment is offered.
function writable(item: ReconException): boolean {
  return item.kind !== 'unknown_reference' && item.type !== 'chargeback';
}

function Work({ item, onDone }: { item: ReconException; onDone: (message: string) => void }) {
  const [resolution, setResolution] = useState(writable(item) ? 'write_off' : 'no_adjustment');
  const [note, setNote] = useState('');
  const claim = useSubmit(onDone);
  const resolve = useSubmit(onDone);
  const path = `${BASE}/exceptions/${item.id}`;
  if (item.status === 'resolved') {
    return (
      <p>
        Resolved ({label(item.resolution ?? '')}) by <code>{item.resolved_by}</code>
        {item.resolved_at ? ` on ${dateTime(item.resolved_at)}` : ''}: {item.note}
        {item.journal_entry_id && (
          <>
            {' '}
            Entry <code>{item.journal_entry_id}</code>.
          </>
        )}
      </p>
    );
  }
  return (
    <>
      {!item.claimed_by && (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={claim.busy}
            onClick={() =>
              claim.submit(async () => {
                await op('POST', `${path}/claim`);
                return `Claimed ${item.id}.`;
              })
            }
          >
            Claim this exception
          </button>
          <Alert message={formError(claim.error, [])} />
        </div>
      )}
      <form
        aria-label="Resolve the exception"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.submit(async () => {
            await op('POST', `${path}/resolve`, { body: { resolution, note } });
            setNote('');
            return `Resolved ${item.id}: ${label(resolution)}.`;
          });
        }}
      >
        <Select
          label="Resolution"
          name="resolution"
          value={resolution}
          options={writable(item) ? RESOLUTIONS : RESOLUTIONS.filter(([value]) => value !== 'write_off')}
          onChange={setResolution}
          error={errorFor(resolve.error, 'resolution')}
        />
        <Field
          label="Note (required)"
          name="note"
          rows={2}
          value={note}
          onInput={setNote}
          hint="Why, up to 500 characters: the audit trail."
          error={errorFor(resolve.error, 'note')}
        />
        <button type="submit" disabled={resolve.busy}>
          Resolve
        </button>
        <Alert message={formError(resolve.error, ['resolution', 'note'])} />
      </form>
    </>
  );
}

function Detail({ id, onDone }: { id: string; onDone: (message: string) => void }) {
  const item = useLoad(() => op<ReconException>('GET', `${BASE}/exceptions/${encodeURIComponent(id)}`), [id]);
  return (
    <Section title={`Exception ${id}`} id="exception">
      <Loading state={item}>
        {(x) => (
          <>
            <dl class="facts">
              <dt>Kind</dt>
              <dd>{label(x.kind)}</dd>
              <dt>Reference</dt>
              <dd>
                <code>{x.reference}</code> ({x.type})
              </dd>
              <dt>Found in the file of</dt>
              <dd>{x.date}</dd>
              <dt>Ledger says</dt>
              <dd>{money(x.expected_amount, x.currency)}</dd>
              <dt>File says</dt>
              <dd>{money(x.actual_amount, x.currency)}</dd>
              <dt>Unreconciled</dt>
              <dd>{money(x.open_amount, x.currency)}</dd>
              <dt>Claimed by</dt>
              <dd>{x.claimed_by ?? 'nobody'}</dd>
            </dl>
            <Work
              key={`${x.id}-${x.status}-${x.claimed_by ?? ''}`}
              item={x}
              onDone={(message) => {
                item.reload();
                onDone(message);
              }}
            />
          </>
        )}
      </Loading>
    </Section>
  );
}

export function Reconciliation({ route }: { route: string }) {
  const id = routeId(route);
  const [status, setStatus] = useState('open');
  const [done, setDone] = useState('');
  const summary = useLoad(() => op<ReconSummary>('GET', BASE), []);
  const list = useLoad(() => op<List<ReconException>>('GET', `${BASE}/exceptions?limit=100&status=${status}`), [status]);
  const onDone = (message: string) => {
    setDone(message);
    summary.reload();
    list.reload();
  };
  return (
    <>
      <h1>Reconciliation</h1>
      <Section title="Settlement files" id="recon-summary">
        <Loading state={summary}>{(s) => <Overview summary={s} />}</Loading>
      </Section>
      <Alert kind="ok" message={done} />
      {id && <Detail id={id} onDone={onDone} />}
      <Section title="Exceptions" id="exceptions">
        <Select
          label="Show"
          name="status"
          value={status}
          options={[
            ['open', 'Open'],
            ['resolved', 'Resolved'],
          ]}
          onChange={setStatus}
        />
        <Loading state={list}>
          {(l) => (
            <Table
              caption="Reconciliation exceptions"
              rows={l.data}
              empty={status === 'open' ? 'Nothing waits for a person.' : 'Nothing resolved yet.'}
              columns={[
                { title: 'Exception', render: (x) => <a href={`#/reconciliation/${x.id}`}>{x.id}</a> },
                { title: 'Kind', render: (x) => <Pill text={x.kind} /> },
                { title: 'Reference', render: (x) => <code>{x.reference}</code> },
                { title: 'File date', render: (x) => x.date },
                { title: 'Unreconciled', render: (x) => money(x.open_amount, x.currency) },
                { title: 'Claimed by', render: (x) => x.claimed_by ?? '–' },
              ]}
            />
          )}
        </Loading>
      </Section>
    </>
  );
}
