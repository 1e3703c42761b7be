// The fraud review queue: authorizations a rule or the score held for a person. Open a
// review to see the decision behind it (features, rule hits, score and its reasons),
// claim it, and accept or reject it with a note; the queue reloads after each step.
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { dateTime, duration, money } from '../lib/format';
import { Alert, DecisionForm, Loading, Pill, Section, Select, Table, formError, routeId, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';
import type { FraudDecision, FraudReview } from './types';

const STATUSES: Array<[string, string]> = [
  ['pending', 'Pending'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
  ['', 'All'],
];

function DecidedBy({ d }: { d: FraudDecision }) {
  if (d.decided_by === 'rule' && d.rule) return <>rule on line {d.rule.line}</>;
  if (d.decided_by === 'score') return <>the score</>;
  if (d.decided_by === 'invalid_rules') return <>saved rules that no longer check (held for review)</>;
  return <>no rule and no score (the default)</>;
}

function featureValue(v: number | string | null): string {
  return v === null ? 'missing' : String(v);
}

function DecisionView({ d }: { d: FraudDecision }) {
  const features = Object.entries(d.features).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <h3>The fraud decision</h3>
      <dl class="facts">
        <div><dt>Action</dt><dd><Pill text={d.action} /></dd></div>
        <div><dt>Decided by</dt><dd><DecidedBy d={d} /></dd></div>
        <div><dt>Score</dt><dd>{d.score ? `${d.score.score} of 99` : 'no model scored'}</dd></div>
        <div><dt>Thresholds</dt><dd>review at {d.review_threshold}, block at {d.block_threshold}</dd></div>
        <div><dt>Rules version</dt><dd>{d.rules_version}</dd></div>
        <div><dt>Decision</dt><dd><code>{d.id}</code></dd></div>
      </dl>
      <h4>Rule hits</h4>
      <Table
        caption="Rule hits"
        rows={d.hits}
        empty="No rule fired."
        columns={[
          { title: 'Line', render: (h) => h.line, numeric: true },
          { title: 'Action', render: (h) => <Pill text={h.action} /> },
          { title: 'Rule', render: (h) => <code>{h.rule}</code> },
        ]}
      />
      <h4>Score and its reasons</h4>
      {d.score ? (
        <>
          <p>
            {d.score.score} of 99 from model <code>{d.score.model_version}</code>.
          </p>
          {d.score.reasons.length > 0 ? (
            <ul aria-label="Reasons for the score">
              {d.score.reasons.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">The model gave no reasons.</p>
          )}
        </>
      ) : (
        <p class="muted">No model scored this authorization.</p>
      )}
      {d.list_members.length > 0 && (
        <>
          <h4>On lists</h4>
          <ul aria-label="List matches">
            {d.list_members.map((m) => (
              <li>
                <code>{m.value}</code> is on @{m.list}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Features</h4>
      <Table
        caption="Features the rules saw"
        rows={features}
        columns={[
          { title: 'Feature', render: ([name]) => <code>{name}</code> },
          { title: 'Value', render: ([, value]) => featureValue(value) },
        ]}
      />
    </>
  );
}

function ReviewCard({ review: r, onChange }: { review: FraudReview; onChange: () => void }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setDone(message);
    onChange();
  };
  const claim = useSubmit(finish);
  const decide = useSubmit(finish);
  const path = `/v1/admin/fraud/reviews/${encodeURIComponent(r.id)}`;
  const decideAs = (verb: 'accept' | 'reject') =>
    decide.submit(async () => {
      const body = note.trim() ? { note } : {};
      const out = await op<FraudReview>('POST', `${path}/${verb}`, { body });
      return `Review ${out.id} ${out.status}.`;
    });
  return (
    <Section title={`Review ${r.id}`} id="review">
      <dl class="facts">
        <div><dt>Status</dt><dd><Pill text={r.status} /></dd></div>
        <div><dt>Amount</dt><dd>{money(r.amount, r.currency)}</dd></div>
        <div><dt>Merchant</dt><dd><a href={`#/merchants/${r.merchant_id}`}>{r.merchant_id}</a></dd></div>
        <div><dt>Consumer</dt><dd><a href={`#/consumers/${r.consumer_id}`}>{r.consumer_id}</a></dd></div>
        <div><dt>Authorization</dt><dd><code>{r.authorization_id}</code></dd></div>
        <div><dt>{r.status === 'pending' ? 'Waiting' : 'Waited'}</dt><dd>{duration(r.age_seconds)}</dd></div>
        <div><dt>Claimed by</dt><dd>{r.claimed_by ?? 'nobody'}</dd></div>
        {r.decided_by && <div><dt>Decided by</dt><dd>{r.decided_by}{r.decided_at && `, ${dateTime(r.decided_at)}`}</dd></div>}
        {r.note && <div><dt>Note</dt><dd class="message">{r.note}</dd></div>}
      </dl>
      {r.decision && <DecisionView d={r.decision} />}
      {r.status === 'pending' && (
        <>
          <h3>Your decision</h3>
          {!r.claimed_by && (
            <div class="actions">
              <button
                type="button"
                disabled={claim.busy}
                onClick={() =>
                  claim.submit(async () => {
                    const out = await op<FraudReview>('POST', `${path}/claim`);
                    return `You claimed review ${out.id}.`;
                  })
                }
              >
                Claim this review
              </button>
            </div>
          )}
          <Alert message={formError(claim.error, [])} />
          <DecisionForm
            label="Decide this review"
            note={note}
            onNote={setNote}
            busy={decide.busy}
            error={decide.error}
            agree={{ text: 'Accept: allow the capture', onClick: () => decideAs('accept') }}
            refuse={{ text: 'Reject: release the authorization', onClick: () => decideAs('reject') }}
          />
        </>
      )}
      <Alert kind="ok" message={done} />
    </Section>
  );
}

function ReviewDetail({ id, tick, onChange }: { id: string; tick: number; onChange: () => void }) {
  const review = useLoad(() => op<FraudReview>('GET', `/v1/admin/fraud/reviews/${encodeURIComponent(id)}`), [id, tick]);
  return <Loading state={review}>{(r) => <ReviewCard review={r} onChange={onChange} />}</Loading>;
}

export function FraudReviews({ route }: { route: string }) {
  const id = routeId(route);
  const [status, setStatus] = useState('pending');
  const [tick, setTick] = useState(0);
  const queue = useLoad(
    () => op<List<FraudReview>>('GET', `/v1/admin/fraud/reviews?limit=100${status ? `&status=${status}` : ''}`),
    [status, tick],
  );
  return (
    <>
      <h1>Fraud reviews</h1>
      {id && <ReviewDetail key={id} id={id} tick={tick} onChange={() => setTick((t) => t + 1)} />}
      <Section title="Review queue, oldest first" id="queue">
        <div class="inline-form">
          <Select label="Show" name="status" value={status} onChange={setStatus} options={STATUSES} />
        </div>
        <Loading state={queue}>
          {(list) => (
            <>
              <Table
                caption="Fraud reviews"
                rows={list.data}
                empty={status === 'pending' ? 'The queue is empty.' : 'No reviews.'}
                columns={[
                  { title: 'Review', render: (r) => <a href={`#/fraud-reviews/${r.id}`} aria-current={r.id === id ? 'true' : undefined}>{r.id}</a> },
                  { title: 'Held', render: (r) => dateTime(r.created_at) },
                  { title: 'Waiting', render: (r) => (r.status === 'pending' ? duration(r.age_seconds) : '–') },
                  { title: 'Amount', render: (r) => money(r.amount, r.currency), numeric: true },
                  { title: 'Merchant', render: (r) => <a href={`#/merchants/${r.merchant_id}`}>{r.merchant_id}</a> },
                  { title: 'Consumer', render: (r) => <a href={`#/consumers/${r.consumer_id}`}>{r.consumer_id}</a> },
                  { title: 'Claimed by', render: (r) => r.claimed_by ?? '–' },
                  { title: 'Status', render: (r) => <Pill text={r.status} /> },
                ]}
              />
              {list.has_more && <p class="muted">More reviews wait after these 100; decide these first.</p>}
            </>
          )}
        </Loading>
      </Section>
    </>
  );
}
