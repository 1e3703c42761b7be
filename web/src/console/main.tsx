// The operator console: log in with an operator key, then the dashboard, look-ups,
// disputes and the notification outbox. Views for work queues that other modules add
// (fraud reviews, hand-offs) appear in the navigation when the API answers for them.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../styles.css';
import { ApiError, call } from '../lib/api';
import { Alert, Field, errorFor, formError, useHashRoute } from '../lib/ui';
import { operatorKey, setOperatorKey, op } from './session';
import { Dashboard } from './dashboard';
import { ConsumerLookup, OrderLookup, Merchants } from './lookups';
import { Disputes } from './disputes';
import { Notifications } from './notifications';
import { QueueView, OPTIONAL_QUEUES, type QueueSpec } from './queues';

function Login({ onLogin }: { onLogin: () => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Any operator read proves the key; nothing is stored unless it works.
      await call('GET', '/v1/admin/merchants?limit=1', { token: key.trim() });
      setOperatorKey(key.trim());
      onLogin();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? new ApiError(401, { message: err.message, param: 'key' }) : err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <h1>Operator console</h1>
      <form onSubmit={submit} class="card" aria-label="Operator login">
        <Field
          label="Operator key"
          name="key"
          type="password"
          value={key}
          onInput={setKey}
          autoComplete="current-password"
          hint="The ok_… key from `tranche operator create` or the demo banner. It stays in this tab only."
          error={errorFor(error, 'key')}
          required
        />
        <Alert message={formError(error, ['key'])} />
        <button type="submit" disabled={busy}>
          Log in
        </button>
      </form>
    </main>
  );
}

const NAV: Array<[string, string]> = [
  ['/', 'Dashboard'],
  ['/consumers', 'Consumers'],
  ['/orders', 'Orders'],
  ['/merchants', 'Merchants'],
  ['/disputes', 'Disputes'],
  ['/notifications', 'Notifications'],
];

function Shell({ onLogout }: { onLogout: () => void }) {
  const route = useHashRoute();
  const [queues, setQueues] = useState<QueueSpec[]>([]);
  useEffect(() => {
    // A queue's entry appears once its endpoint answers this operator.
    Promise.all(
      OPTIONAL_QUEUES.map((q) =>
        op('GET', `${q.path}?limit=1`).then(
          () => q,
          () => null,
        ),
      ),
    ).then((found) => setQueues(found.filter((q): q is QueueSpec => q !== null)));
  }, []);
  const nav: Array<[string, string]> = [...NAV, ...queues.map((q): [string, string] => [q.route, q.title])];
  const base = `/${route.split('/')[1] ?? ''}`;
  const queue = queues.find((q) => q.route === base);
  let page;
  if (base === '/consumers') page = <ConsumerLookup route={route} />;
  else if (base === '/orders') page = <OrderLookup route={route} />;
  else if (base === '/merchants') page = <Merchants route={route} />;
  else if (base === '/disputes') page = <Disputes />;
  else if (base === '/notifications') page = <Notifications />;
  else if (queue) page = <QueueView spec={queue} />;
  else page = <Dashboard />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">tranche console</span>
        <nav aria-label="Console">
          <ul>
            {nav.map(([path, title]) => (
              <li>
                <a href={`#${path}`} aria-current={base === path ? 'page' : undefined}>
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button class="secondary" onClick={onLogout}>
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}

function App() {
  const [loggedIn, setLoggedIn] = useState(operatorKey() !== '');
  const logout = () => {
    setOperatorKey('');
    setLoggedIn(false);
  };
  return loggedIn ? <Shell onLogout={logout} /> : <Login onLogin={() => setLoggedIn(true)} />;
}

render(<App />, document.getElementById('app')!);
