// The card or bank account autopay collects from.
import { useState } from 'preact/hooks';
import { Alert, Field, Loading, Section, Select, errorFor, formError, useLoad } from '../lib/ui';
import { me } from './session';

interface Method {
  type: string;
  last4: string;
  profile: string;
}

export function PaymentMethod() {
  const state = useLoad(() => me<Method>('GET', '/v1/me/payment_method'), []);
  const [editing, setEditing] = useState(false);
  const [type, setType] = useState('card');
  const [last4, setLast4] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const m = await me<Method>('PUT', '/v1/me/payment_method', { type, last4 });
      setDone(`Autopay now uses your ${m.type.replace('_', ' ')} ending ${m.last4}.`);
      setEditing(false);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section title="Payment method" id="method">
      <Loading state={state}>
        {(m) => (
          <p>
            Autopay collects from your {m.type.replace('_', ' ')} ending <strong>{m.last4}</strong>.
          </p>
        )}
      </Loading>
      {!editing ? (
        <button class="secondary" onClick={() => setEditing(true)}>
          Change payment method
        </button>
      ) : (
        <form class="inline-form" onSubmit={save} aria-label="Change payment method">
          <Select label="Type" name="type" value={type} onChange={setType} options={[['card', 'Card'], ['bank_account', 'Bank account']]} error={errorFor(error, 'type')} />
          <Field label="Last four digits" name="last4" inputMode="numeric" value={last4} onInput={setLast4} error={errorFor(error, 'last4')} />
          <button type="submit">Save</button>
          <Alert message={formError(error, ['type', 'last4'])} />
        </form>
      )}
      <Alert kind="ok" message={done} />
    </Section>
  );
}
