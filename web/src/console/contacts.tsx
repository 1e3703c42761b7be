// Customer contacts agents handled outside the assistant: a form to log a call or an
// email as it ends, and the contacts logged so far (they count as customer-contact work
// in the automation scorecard).
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { dateTime } from '../lib/format';
import { Alert, Field, Loading, Section, Select, Table, errorFor, formError, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';

const BASE = '/v1/admin/contacts';
// The table shows the latest contacts; the list is read oldest first, a page at a time,
// at most this many pages.
const SHOWN = 50;
const MAX_PAGES = 20;

// The latest SHOWN contacts, newest first, and how many were read.
async function latest(): Promise<{ shown: Contact[]; read: number; more: boolean }> {
  const all: Contact[] = [];
  let cursor = '';
  for (let page = 0; page < MAX_PAGES; ++page) {
    const list = await op<List<Contact>>('GET', `${BASE}?limit=100${cursor ? `&starting_after=${cursor}` : ''}`);
    all.push(...list.data);
    if (!list.has_more || !list.next_cursor) return { shown: all.slice(-SHOWN).reverse(), read: all.length, more: false };
    cursor = encodeURIComponent(list.next_cursor);
  }
  return { shown: all.slice(-SHOWN).reverse(), read: all.length, more: true };
}

interface Contact {
  id: string;
  channel: 'phone' | 'email';
  reason: string;
  consumer_id: string | null;
  handled_by: string;
  started_at: string;
  handled_seconds: number;
  note: string;
}

const CHANNELS: Array<[string, string]> = [
  ['phone', 'Phone call'],
  ['email', 'Email'],
];

const FIELDS = ['channel', 'reason', 'consumer_id', 'handled_seconds', 'note'];

function LogForm({ onDone }: { onDone: (message: string) => void }) {
  const [channel, setChannel] = useState('phone');
  const [reason, setReason] = useState('');
  const [consumer, setConsumer] = useState('');
  const [minutes, setMinutes] = useState('5');
  const [note, setNote] = useState('');
  const log = useSubmit(onDone);
  return (
    <form
      aria-label="Log a contact"
      onSubmit={(e) => {
        e.preventDefault();
        log.submit(async () => {
          // Minutes as the agent reads the clock, decimals allowed; the server checks the
          // bounds (1 second to 4 hours).
          const seconds = Math.round(Number(minutes.trim().replace(',', '.')) * 60);
          if (minutes.trim() === '' || !Number.isFinite(seconds)) {
            throw new Error('Minutes handled must be a number, such as 4 or 2.5.');
          }
          const body: Record<string, unknown> = { channel, reason: reason.trim(), handled_seconds: seconds, note };
          if (consumer.trim() !== '') body.consumer_id = consumer.trim();
          const c = await op<Contact>('POST', BASE, { body });
          setReason('');
          setConsumer('');
          setNote('');
          return `Logged ${c.id}.`;
        });
      }}
    >
      <Select label="Channel" name="channel" value={channel} options={CHANNELS} onChange={setChannel} error={errorFor(log.error, 'channel')} />
      <Field
        label="Reason"
        name="reason"
        value={reason}
        onInput={setReason}
        hint="A reason code such as next_payment, refund_status or late_fee."
        error={errorFor(log.error, 'reason')}
        required
      />
      <Field
        label="Consumer id (when identified)"
        name="consumer_id"
        value={consumer}
        onInput={setConsumer}
        error={errorFor(log.error, 'consumer_id')}
      />
      <Field
        label="Minutes handled"
        name="minutes"
        inputMode="decimal"
        value={minutes}
        onInput={setMinutes}
        error={errorFor(log.error, 'handled_seconds')}
        required
      />
      <Field label="Note" name="note" rows={2} value={note} onInput={setNote} error={errorFor(log.error, 'note')} />
      <button type="submit" disabled={log.busy}>
        Log the contact
      </button>
      <Alert message={formError(log.error, FIELDS)} />
    </form>
  );
}

export function Contacts() {
  const [message, setMessage] = useState('');
  const list = useLoad(latest, []);
  return (
    <>
      <h1>Customer contacts</h1>
      <Section title="Log a contact handled outside the assistant" id="log">
        <LogForm
          onDone={(m) => {
            setMessage(m);
            list.reload();
          }}
        />
        <Alert kind="ok" message={message} />
      </Section>
      <Section title="Contacts logged, newest first" id="contacts">
        <Loading state={list}>
          {(page) => (
            <>
              <p>
                {page.more
                  ? `More than ${page.read} logged: the last ${page.shown.length} of the first ${page.read} shown.`
                  : `${page.read} logged; the latest ${page.shown.length} shown.`}
              </p>
              <Table
                caption="Contacts"
                rows={page.shown}
                empty="No contact logged yet."
                columns={[
                  { title: 'Started', render: (c) => dateTime(c.started_at) },
                  { title: 'Channel', render: (c) => c.channel },
                  { title: 'Reason', render: (c) => c.reason.replace(/_/g, ' ') },
                  {
                    title: 'Consumer',
                    render: (c) => (c.consumer_id ? <a href={`#/consumers/${c.consumer_id}`}>{c.consumer_id}</a> : '—'),
                  },
                  { title: 'Minutes', render: (c) => (c.handled_seconds / 60).toFixed(1) },
                  { title: 'Agent', render: (c) => <code>{c.handled_by}</code> },
                  { title: 'Note', render: (c) => c.note },
                ]}
              />
            </>
          )}
        </Loading>
      </Section>
    </>
  );
}
