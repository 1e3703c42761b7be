// The hand-off inbox: conversations the assistant handed to people, each with what it
// gathered (the intent, facts about the consumer's plans, what was tried). Open one to
// read the transcript, claim it, reply to the consumer as a person and close it with an
// outcome. There is no single hand-off read in the API, so the page reads the queue
// (bounded) and opens the conversation from it.
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { handoffReason, type HandoffItem, type HandoffSummary } from '../lib/assistant';
import { dateTime, label, money } from '../lib/format';
import { Messages } from '../lib/transcript';
import { Alert, Field, Loading, Pill, Section, Table, errorFor, formError, routeId, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';

const PAGE = 50;
const MAX_PAGES = 10;

const SPEAKERS = { consumer: 'Consumer', assistant: 'Assistant', agent: 'Operator' };

interface Inbox {
  items: HandoffItem[];
  truncated: boolean;
}

async function loadInbox(): Promise<Inbox> {
  const items: HandoffItem[] = [];
  let after = '';
  for (let page = 0; page < MAX_PAGES; ++page) {
    const cursor = after ? `&starting_after=${encodeURIComponent(after)}` : '';
    const list = await op<List<HandoffItem>>('GET', `/v1/admin/handoffs?limit=${PAGE}${cursor}`);
    items.push(...list.data);
    if (!list.has_more || !list.next_cursor) return { items, truncated: false };
    after = list.next_cursor;
  }
  return { items, truncated: true };
}

function facts(s: HandoffSummary | null): string {
  const plans = s?.facts ?? [];
  if (plans.length === 0) return 'no active plans';
  return plans.map((f) => `${f.merchant}: ${money(f.outstanding, f.currency)} outstanding`).join('; ');
}

function tried(s: HandoffSummary | null): string {
  const t = s?.tried ?? [];
  return t.length === 0 ? 'nothing' : t.map((a) => `${label(a.type)} ${a.status}`).join('; ');
}

function Summary({ item }: { item: HandoffItem }) {
  const s = item.handoff?.summary ?? null;
  return (
    <>
      <dl class="facts">
        <div><dt>Consumer</dt><dd><a href={`#/consumers/${item.consumer_id}`}>{item.consumer_id}</a></dd></div>
        <div><dt>Why a person</dt><dd>{handoffReason(item.handoff?.reason ?? '')}</dd></div>
        <div><dt>Intent</dt><dd>{s?.intent || '–'}</dd></div>
        <div><dt>Intents, in order</dt><dd>{(s?.intents ?? []).join(' → ') || '–'}</dd></div>
        <div><dt>Language</dt><dd>{item.language}</dd></div>
        <div><dt>Status</dt><dd><Pill text={item.status} /></dd></div>
        <div><dt>Handed off</dt><dd>{item.handoff?.handed_off_at ? dateTime(item.handoff.handed_off_at) : '–'}</dd></div>
        <div><dt>Claimed by</dt><dd>{item.handoff?.claimed_by ?? 'nobody'}</dd></div>
      </dl>
      <h3>Facts gathered</h3>
      <Table
        caption="The consumer's plans the assistant looked at"
        rows={s?.facts ?? []}
        empty="No active plans."
        columns={[
          { title: 'Plan', render: (f) => <code>{f.plan_id}</code> },
          { title: 'Merchant', render: (f) => f.merchant },
          { title: 'Outstanding', render: (f) => money(f.outstanding, f.currency), numeric: true },
          { title: 'Fees unpaid', render: (f) => money(f.fees_unpaid, f.currency), numeric: true },
          { title: 'Asked about', render: (f) => (f.focus ? 'yes' : '') },
        ]}
      />
      <h3>What was tried</h3>
      <p>{tried(s)}</p>
    </>
  );
}

function Work({ item, onChange, onClosed }: { item: HandoffItem; onChange: () => void; onClosed: (m: string) => void }) {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState('');
  const [done, setDone] = useState('');
  const path = `/v1/admin/handoffs/${encodeURIComponent(item.id)}`;
  const after = (message: string) => {
    setDone(message);
    onChange();
  };
  const claim = useSubmit(after);
  const reply = useSubmit(after);
  const close = useSubmit(onClosed);
  if (item.status === 'handed_off') {
    return (
      <>
        <div class="actions">
          <button
            type="button"
            disabled={claim.busy}
            onClick={() =>
              claim.submit(async () => {
                await op('POST', `${path}/claim`);
                return 'Claimed: the consumer is told a colleague is on it.';
              })
            }
          >
            Claim this conversation
          </button>
        </div>
        <Alert message={formError(claim.error, [])} />
      </>
    );
  }
  return (
    <>
      <form
        aria-label="Reply to the consumer"
        onSubmit={(e) => {
          e.preventDefault();
          reply.submit(async () => {
            await op('POST', `${path}/messages`, { body: { text } });
            setText('');
            return 'Sent. The consumer sees it in their chat.';
          });
        }}
      >
        <Field label="Reply as a person" name="text" rows={3} value={text} onInput={setText} error={errorFor(reply.error, 'text')} />
        <button type="submit" disabled={reply.busy}>
          Send reply
        </button>
        <Alert message={formError(reply.error, ['text'])} />
      </form>
      <Alert kind="ok" message={done} />
      <form
        class="inline-form"
        aria-label="Close the conversation"
        onSubmit={(e) => {
          e.preventDefault();
          close.submit(async () => {
            await op('POST', `${path}/close`, { body: { outcome } });
            return `Closed ${item.id}: ${outcome}`;
          });
        }}
      >
        <Field
          label="Outcome (required)"
          name="outcome"
          value={outcome}
          onInput={setOutcome}
          hint="What was done, up to 500 characters."
          error={errorFor(close.error, 'outcome')}
        />
        <button type="submit" class="secondary" disabled={close.busy}>
          Close the conversation
        </button>
        <Alert message={formError(close.error, ['outcome'])} />
      </form>
    </>
  );
}

export function Handoffs({ route }: { route: string }) {
  const id = routeId(route);
  const [closed, setClosed] = useState('');
  const inbox = useLoad(loadInbox, [id]);
  const selected = inbox.data?.items.find((h) => h.id === id);
  return (
    <>
      <h1>Hand-offs</h1>
      <Alert kind="ok" message={closed} />
      {id && inbox.data && !selected && (
        <Alert message={`Conversation ${id} is not waiting for a person: it was closed, or never handed off.`} />
      )}
      {selected && (
        <Section title={`Conversation ${selected.id}`} id="handoff">
          <Summary item={selected} />
          <h3>Transcript</h3>
          <Messages messages={selected.messages} speakers={SPEAKERS} caption="Transcript" showIntent />
          <Work
            key={selected.id}
            item={selected}
            onChange={inbox.reload}
            onClosed={(message) => {
              setClosed(message);
              window.location.hash = '#/handoffs';
            }}
          />
        </Section>
      )}
      <Section title="Waiting for a person, oldest first" id="inbox">
        <div class="actions">
          <button type="button" class="secondary" onClick={inbox.reload}>
            Refresh
          </button>
        </div>
        <Loading state={inbox}>
          {(d) => (
            <>
              <Table
                caption="Hand-offs"
                rows={d.items}
                empty="Nobody is waiting for a person."
                columns={[
                  { title: 'Conversation', render: (h) => <a href={`#/handoffs/${h.id}`} aria-current={h.id === id ? 'true' : undefined}>{h.id}</a> },
                  { title: 'Why', render: (h) => handoffReason(h.handoff?.reason ?? '') },
                  { title: 'Intent', render: (h) => h.handoff?.summary?.intent || '–' },
                  { title: 'Facts gathered', render: (h) => facts(h.handoff?.summary ?? null) },
                  { title: 'Tried', render: (h) => tried(h.handoff?.summary ?? null) },
                  { title: 'Handed off', render: (h) => (h.handoff?.handed_off_at ? dateTime(h.handoff.handed_off_at) : '–') },
                  { title: 'Status', render: (h) => <Pill text={h.status} /> },
                ]}
              />
              {d.truncated && <p class="muted">Showing the oldest {PAGE * MAX_PAGES}; more wait after them.</p>}
            </>
          )}
        </Loading>
      </Section>
    </>
  );
}
