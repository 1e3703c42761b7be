// Plans with their instalment schedules and credit decisions with their reasons, as the
// console and the portal both show them.
import { dateTime, money, productName, percentFromBps } from './format';
import { Pill, Table } from './ui';
import type { Decision, Plan } from '../console/types';

export function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <>
      <p class="plan-head">
        <strong>{productName(plan.product)}</strong> · {money(plan.amount, plan.currency)} · <Pill text={plan.status} />{' '}
        {plan.bucket !== 'current' && <Pill text={plan.bucket} />}
        {plan.paused_until && <span class="muted"> paused until {plan.paused_until}</span>}
      </p>
      <p class="muted">
        Plan <code>{plan.id}</code> for order <code>{plan.order_id}</code> · outstanding{' '}
        {money(plan.outstanding_balance, plan.currency)} · due now {money(plan.amount_due, plan.currency)}
        {plan.days_past_due > 0 && ` · ${plan.days_past_due} days past due`}
        {plan.apr_bps !== undefined && ` · APR ${percentFromBps(plan.apr_bps)}`}
      </p>
    </>
  );
}

export function Schedule({ plan }: { plan: Plan }) {
  return (
    <Table
      caption={`Schedule of plan ${plan.id}`}
      rows={plan.installments}
      columns={[
        { title: '#', render: (i) => i.number, numeric: true },
        { title: 'Due', render: (i) => i.due_date },
        { title: 'Amount', render: (i) => money(i.amount, plan.currency), numeric: true },
        { title: 'Paid', render: (i) => money(i.paid_amount, plan.currency), numeric: true },
        { title: 'Status', render: (i) => <Pill text={i.status} /> },
      ]}
    />
  );
}

export function DecisionsTable({ decisions }: { decisions: Decision[] }) {
  return (
    <Table
      caption="Credit decisions"
      rows={decisions}
      empty="No decisions yet."
      columns={[
        { title: 'When', render: (d) => dateTime(d.created_at) },
        { title: 'Product', render: (d) => productName(d.product) },
        { title: 'Amount', render: (d) => money(d.amount, d.currency), numeric: true },
        { title: 'Outcome', render: (d) => <Pill text={d.outcome} /> },
        { title: 'Reasons', render: (d) => d.reasons.map((r) => r.message).join('; ') || '–' },
      ]}
    />
  );
}
