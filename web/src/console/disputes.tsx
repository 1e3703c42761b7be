// Disputes: every dispute, and a decision for those a merchant contested; a purchase the
// consumer did not make can also be written off as the lender's fraud loss.
import { useState } from 'preact/hooks';
import type { List } from '../lib/api';
import { Alert, Loading, Pill, Section, Table, useLoad } from '../lib/ui';
import { op } from './session';
import type { Dispute } from './types';

function Decide({ dispute, onDone }: { dispute: Dispute; onDone: () => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (resolution: string) => {
    setBusy(true);
    setError('');
    try {
      await op('POST', `/v1/admin/disputes/${dispute.id}/decide`, { body: { resolution } });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions">
      <button disabled={busy} onClick={() => decide('refunded')} aria-label={`Refund consumer (dispute ${dispute.id})`}>
        Refund consumer
      </button>
      <button class="secondary" disabled={busy} onClick={() => decide('merchant_upheld')} aria-label={`Uphold merchant (dispute ${dispute.id})`}>
        Uphold merchant
      </button>
      {dispute.reason === 'unauthorized' && (
        <button class="secondary" disabled={busy} onClick={() => decide('written_off')} aria-label={`Write off as fraud (dispute ${dispute.id})`}>
          Write off as fraud
        </button>
      )}
      <Alert message={error} />
    </div>
  );
}

export function Disputes() {
  const state = useLoad(() => op<List<Dispute>>('GET', '/v1/admin/disputes?limit=100'), []);
  return (
    <>
      <h1>Disputes</h1>
      <Section title="All disputes" id="disputes">
        <Loading state={state}>
          {(list) => (
            <Table
              caption="Disputes"
              rows={list.data}
              empty="No disputes."
              columns={[
                { title: 'Dispute', render: (d) => <code>{d.id}</code> },
                { title: 'Order', render: (d) => <a href={`#/orders/${d.order_id}`}>{d.order_id}</a> },
                { title: 'Opened', render: (d) => d.opened_on },
                { title: 'Reason', render: (d) => d.reason },
                { title: 'Status', render: (d) => <Pill text={d.status} /> },
                { title: 'Merchant said', render: (d) => d.merchant_response ?? '–' },
                {
                  title: 'Decision',
                  render: (d) =>
                    d.resolution ? <Pill text={d.resolution} /> : <Decide dispute={d} onDone={state.reload} />,
                },
              ]}
            />
          )}
        </Loading>
      </Section>
    </>
  );
}
