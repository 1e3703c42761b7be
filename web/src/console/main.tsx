// The operator console: log in with an operator key, then the dashboard, look-ups,
// disputes, customer contacts, the notification outbox, reconciliation and the models,
// and the pages of modules a server may run without (fraud reviews and rules,
// hand-offs) once the API answers for them.
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
import { Reconciliation } from './reconciliation';
import { Contacts } from './contacts';
import { Models } from './models';
import { OPTIONAL_PAGES, type OptionalPage } from './queues';

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
  ['/contacts', 'Contacts'],
  ['/notifications', 'Notifications'],
  ['/reconciliation', 'Reconciliation'],
  ['/models', 'Models'],
];

function Shell({ onLogout }: { onLogout: () => void }) {
  const route = useHashRoute();
  const [optional, setOptional] = useState<OptionalPage[]>([]);
  useEffect(() => {
    // An optional page's entry appears once its endpoint answers this operator.
    Promise.all(
      OPTIONAL_PAGES.map((p) =>
        op('GET', p.probe).then(
          () => p,
          () => null,
        ),
      ),
    ).then((found) => setOptional(found.filter((p): p is OptionalPage => p !== null)));
  }, []);
  const nav: Array<[string, string]> = [...NAV, ...optional.map((p): [string, string] => [p.route, p.title])];
  const base = `/${route.split('/')[1] ?? ''}`;
  const extra = optional.find((p) => p.route === base);
  let page;
  if (base === '/consumers') page = <ConsumerLookup route={route} />;
  else if (base === '/orders') page = <OrderLookup route={route} />;
  else if (base === '/merchants') page = <Merchants route={route} />;
  else if (base === '/disputes') page = <Disputes />;
  else if (base === '/contacts') page = <Contacts />;
  else if (base === '/notifications') page = <Notifications />;
  else if (base === '/reconciliation') page = <Reconciliation route={route} />;
  else if (base === '/models') page = <Models />;
  else if (extra) page = extra.render(route);
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
