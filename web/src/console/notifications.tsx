// The notification outbox: what consumers were sent (in the demo, where login codes go).
import type { List } from '../lib/api';
import { dateTime } from '../lib/format';
import { Loading, Section, Table, useLoad } from '../lib/ui';
import { op } from './session';

interface Notification {
  id: string;
  consumer_id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
}

export function Notifications() {
  const state = useLoad(() => op<List<Notification>>('GET', '/v1/admin/notifications?limit=50'), []);
  return (
    <>
      <h1>Notifications</h1>
      <Section title="Outbox, oldest first" id="outbox">
        <Loading state={state}>
          {(list) => (
            <Table
              caption="Notifications"
              rows={list.data}
              empty="Nothing sent yet."
              columns={[
                { title: 'When', render: (n) => dateTime(n.created_at) },
                { title: 'Kind', render: (n) => n.kind },
                { title: 'To', render: (n) => n.recipient },
                { title: 'Subject', render: (n) => n.subject },
                { title: 'Message', render: (n) => <span class="message">{n.body}</span> },
              ]}
            />
          )}
        </Loading>
      </Section>
    </>
  );
}
