// The consumer portal: log in with a one-time code, then see plans with their
// schedules and pay, pay off, extend a due date, change the payment method or report
// a problem, or ask the assistant in the chat. Every action is the consumer API's; its
// refusals are shown as it words them.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../styles.css';
import { call, type List } from '../lib/api';
import { money, productName } from '../lib/format';
import { Alert, Field, Loading, Section, errorFor, formError, useLoad } from '../lib/ui';
import type { Consumer, Decision, Plan } from '../console/types';
import { PlanActions } from './actions';
import { DecisionsTable, PlanSummary, Schedule } from '../lib/plans';
import { PaymentMethod } from './payment_method';
import { Chat, forgetConversation } from './chat';
import { consumerToken, me, setConsumerToken } from './session';

function Login({ onLogin }: { onLogin: () => void }) {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: Event, step: () => Promise<void>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const request = (e: Event) =>
    run(e, async () => {
      await call('POST', '/v1/consumer/login', { body: { email } });
      setSent(true);
    });
  const verify = (e: Event) =>
    run(e, async () => {
      const r = await call<{ token: string }>('POST', '/v1/consumer/login/verify', { body: { email, code } });
      setConsumerToken(r.token);
      onLogin();
    });
  return (
    <main class="login">
      <h1>Your tranche plans</h1>
      {!sent ? (
        <form class="card" onSubmit={request} aria-label="Request a login code">
          <Field label="Email" name="email" type="email" autoComplete="email" value={email} onInput={setEmail} error={errorFor(error, 'email')} required />
          <Alert message={formError(error, ['email'])} />
          <button type="submit" disabled={busy}>
            Send me a code
          </button>
        </form>
      ) : (
        <form class="card" onSubmit={verify} aria-label="Enter your login code">
          <p>If {email} has an account, a six-digit code is on its way. It works for 10 minutes.</p>
          <Field label="Code" name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onInput={setCode} error={errorFor(error, 'code')} required />
          <Alert message={formError(error, ['code'])} />
          <button type="submit" disabled={busy}>
            Log in
          </button>
          <button type="button" class="link" onClick={() => setSent(false)}>
            Use another email
          </button>
        </form>
      )}
    </main>
  );
}

function Home({ onLogout }: { onLogout: () => void }) {
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((t) => t + 1);
  const profile = useLoad(() => me<Consumer>('GET', '/v1/me'), [tick]);
  const plans = useLoad(() => me<List<Plan>>('GET', '/v1/me/plans?limit=100'), [tick]);
  const decisions = useLoad(() => me<List<Decision>>('GET', '/v1/me/decisions?limit=100'), [tick]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">tranche</span>
        <Loading state={profile}>{(c) => <span>{c.given_name} {c.family_name}</span>}</Loading>
        <button class="secondary" onClick={onLogout}>
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Your plans</h1>
        <Loading state={profile}>
          {(c) => (
            <dl class="kpis">
              {c.credit.map((cr) => (
                <div>
                  <dt>Available to spend ({cr.currency})</dt>
                  <dd>{money(cr.available_credit, cr.currency)}</dd>
                </div>
              ))}
            </dl>
          )}
        </Loading>
        <Loading state={plans}>
          {(list) => (
            <>
              {list.data.length === 0 && <p class="muted">You have no plans yet.</p>}
              {list.data.map((p) => (
                <section class="card plan" aria-label={`${productName(p.product)} plan ${p.id}`}>
                  <PlanSummary plan={p} />
                  <Schedule plan={p} />
                  {p.status === 'active' && <PlanActions plan={p} onChange={refresh} />}
                </section>
              ))}
            </>
          )}
        </Loading>
        <Chat onAccountChanged={refresh} />
        <PaymentMethod />
        <Section title="Decisions on your applications" id="decisions">
          <Loading state={decisions}>
            {(list) => (
              <DecisionsTable decisions={list.data} />
            )}
          </Loading>
        </Section>
      </main>
    </>
  );
}

function App() {
  const [loggedIn, setLoggedIn] = useState(consumerToken() !== '');
  return loggedIn ? (
    <Home
      onLogout={() => {
        setConsumerToken('');
        forgetConversation();
        setLoggedIn(false);
      }}
    />
  ) : (
    <Login onLogin={() => setLoggedIn(true)} />
  );
}

render(<App />, document.getElementById('app')!);
