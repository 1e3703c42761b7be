// What a consumer can do with an active plan: pay an amount, pay it off (quote first),
// move a due date, report a problem with the order.
import { useState } from 'preact/hooks';
import { minorToInput, money, parseMinor } from '../lib/format';
import { Alert, Field, Loading, Select, errorFor, formError, useLoad, useSubmit } from '../lib/ui';
import type { Plan } from '../console/types';
import { me } from './session';

type Action = 'pay' | 'payoff' | 'extend' | 'dispute' | '';

interface Quote {
  amount: number;
  principal: number;
  interest: number;
  fees: number;
  interest_waived: number;
  currency: string;
}

function Pay({ plan, onDone }: { plan: Plan; onDone: (m: string) => void }) {
  const next = plan.installments.find((i) => i.status !== 'paid');
  const [amount, setAmount] = useState(minorToInput(plan.amount_due > 0 ? plan.amount_due : next?.amount ?? 0));
  const [typo, setTypo] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <form
      class="inline-form"
      aria-label="Pay towards this plan"
      onSubmit={(e) => {
        e.preventDefault();
        const minor = parseMinor(amount);
        setTypo(minor === null ? 'Enter an amount like 25.00.' : '');
        if (minor === null) return;
        submit(async () => {
          const r = await me<{ status: string; amount: number; currency: string; failure_code: string | null }>(
            'POST', `/v1/me/plans/${plan.id}/payments`, { amount: minor });
          return r.status === 'succeeded'
            ? `Paid ${money(r.amount, r.currency)}. Thank you.`
            : `The payment of ${money(r.amount, r.currency)} is ${r.status}${r.failure_code ? ` (${r.failure_code})` : ''}.`;
        });
      }}
    >
      <Field label={`Amount (${plan.currency})`} name="amount" inputMode="decimal" value={amount} onInput={setAmount} error={typo || errorFor(error, 'amount')} />
      <button type="submit" disabled={busy}>
        Pay now
      </button>
      <Alert message={formError(error, ['amount'])} />
    </form>
  );
}

function Payoff({ plan, onDone }: { plan: Plan; onDone: (m: string) => void }) {
  const quote = useLoad(() => me<Quote>('GET', `/v1/me/plans/${plan.id}/payoff`), [plan.id]);
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <Loading state={quote}>
      {(q) => (
        <div class="inline-form">
          <p>
            To pay this plan off today: <strong>{money(q.amount, q.currency)}</strong> (principal{' '}
            {money(q.principal, q.currency)}, interest to date {money(q.interest, q.currency)}, fees{' '}
            {money(q.fees, q.currency)}
            {q.interest_waived > 0 && `; ${money(q.interest_waived, q.currency)} of interest not yet earned is waived`}).
          </p>
          <button
            disabled={busy}
            onClick={() =>
              submit(async () => {
                const r = await me<{ status: string }>('POST', `/v1/me/plans/${plan.id}/payments`, { amount: q.amount });
                return r.status === 'succeeded' ? 'Paid off. The plan is closed.' : `The payment is ${r.status}.`;
              })
            }
          >
            Pay {money(q.amount, q.currency)}
          </button>
          <Alert message={formError(error, [])} />
        </div>
      )}
    </Loading>
  );
}

function Extend({ plan, onDone }: { plan: Plan; onDone: (m: string) => void }) {
  const open = plan.installments.filter((i) => i.status !== 'paid');
  const [installment, setInstallment] = useState(String(open[0]?.number ?? 1));
  const [days, setDays] = useState('7');
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <form
      class="inline-form"
      aria-label="Move a due date"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => {
          const n = /^\d+$/.test(days.trim()) ? Number(days.trim()) : days;
          await me('POST', `/v1/me/plans/${plan.id}/extend`, { installment: Number(installment), days: n });
          return `Instalment ${installment} moved ${days} days later.`;
        });
      }}
    >
      <Select
        label="Instalment"
        name="installment"
        value={installment}
        onChange={setInstallment}
        options={open.map((i) => [String(i.number), `#${i.number}, due ${i.due_date}`])}
        error={errorFor(error, 'installment')}
      />
      <Field label="Days later (up to 14)" name="days" inputMode="numeric" value={days} onInput={setDays} error={errorFor(error, 'days')} />
      <button type="submit" disabled={busy}>
        Move due date
      </button>
      <Alert message={formError(error, ['installment', 'days'])} />
    </form>
  );
}

const REASONS: Array<[string, string]> = [
  ['not_received', 'I did not receive it'],
  ['not_as_described', 'It is not as described'],
  ['wrong_item', 'I got the wrong item'],
  ['returned', 'I returned it'],
  ['unauthorized', 'I did not make this purchase'],
];

function Dispute({ plan, onDone }: { plan: Plan; onDone: (m: string) => void }) {
  const [reason, setReason] = useState(REASONS[0][0]);
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <form
      class="inline-form"
      aria-label="Report a problem with this order"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => {
          await me('POST', '/v1/me/disputes', { order_id: plan.order_id, reason });
          return 'Reported. Payments on this order are paused while the merchant answers.';
        });
      }}
    >
      <Select label="What went wrong?" name="reason" value={reason} onChange={setReason} options={REASONS} error={errorFor(error, 'reason')} />
      <button type="submit" disabled={busy}>
        Report the problem
      </button>
      <Alert message={formError(error, ['reason'])} />
    </form>
  );
}

export function PlanActions({ plan, onChange }: { plan: Plan; onChange: () => void }) {
  const [action, setAction] = useState<Action>('');
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setDone(message);
    setAction('');
    onChange();
  };
  const tab = (a: Action, text: string) => (
    <button
      type="button"
      class={action === a ? '' : 'secondary'}
      aria-pressed={action === a}
      onClick={() => {
        setDone('');
        setAction(action === a ? '' : a);
      }}
    >
      {text}
    </button>
  );
  return (
    <div class="plan-actions">
      <div class="actions" role="group" aria-label={`Actions for plan ${plan.id}`}>
        {tab('pay', 'Pay')}
        {tab('payoff', 'Pay off')}
        {!plan.extended && tab('extend', 'Move a due date')}
        {!plan.paused_until && tab('dispute', 'Report a problem')}
      </div>
      {action === 'pay' && <Pay plan={plan} onDone={finish} />}
      {action === 'payoff' && <Payoff plan={plan} onDone={finish} />}
      {action === 'extend' && <Extend plan={plan} onDone={finish} />}
      {action === 'dispute' && <Dispute plan={plan} onDone={finish} />}
      <Alert kind="ok" message={done} />
    </div>
  );
}
