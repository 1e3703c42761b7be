// Work queues that other modules add to the API (the fraud review queue, the
// assistant's hand-offs). Until their endpoints exist the console does not show them;
// once an endpoint answers, its entry appears and lists what it returns.
import { op } from './session';
import { Loading, Section, Table, useLoad } from '../lib/ui';
import type { List } from '../lib/api';

export interface QueueSpec {
  route: string;
  title: string;
  path: string;
}

export const OPTIONAL_QUEUES: QueueSpec[] = [
  { route: '/fraud-reviews', title: 'Fraud reviews', path: '/v1/admin/fraud/reviews' },
  { route: '/handoffs', title: 'Hand-offs', path: '/v1/admin/handoffs' },
];

type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '–';
  return typeof v === 'object' ? JSON.stringify(v).slice(0, 120) : String(v);
}

export function QueueView({ spec }: { spec: QueueSpec }) {
  const state = useLoad(() => op<List<Row>>('GET', `${spec.path}?limit=100`), [spec.path]);
  return (
    <Section title={spec.title}>
      <Loading state={state}>
        {(list) => {
          const keys = list.data.length > 0 ? Object.keys(list.data[0]).slice(0, 8) : [];
          return (
            <Table
              caption={spec.title}
              rows={list.data}
              columns={keys.map((k) => ({ title: k, render: (r: Row) => cell(r[k]) }))}
              empty="The queue is empty."
            />
          );
        }}
      </Loading>
    </Section>
  );
}
