// The demo shop: a storefront for the demo merchant with a "pay with tranche"
// checkout. The shop's backend (/shop/api/, demo mode) prices the cart and creates the
// checkout session; the browser shows the offers with their instalments and
// disclosures and authorizes with the session's client token on the public API; the
// backend then creates and captures the order. The merchant's secret key never
// reaches this page.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../styles.css';
import { call, type List } from '../lib/api';
import { money, percentFromBps, productName } from '../lib/format';
import { Alert, Field, Loading, Section, Select, Table, errorFor, formError, useLoad } from '../lib/ui';

interface Product {
  id: string;
  name: string;
  description: string;
  currency: string;
  price: number;
}

interface Offer {
  product: string;
  installments: Array<{ due_date: string; amount: number }>;
  apr_bps?: number;
  min_apr_bps?: number;
  max_apr_bps?: number;
  amount_financed?: number;
  finance_charge?: number;
  total_of_payments?: number;
}

interface Session {
  id: string;
  client_token: string;
  currency: string;
  amount: number;
  offers: Offer[];
}

interface Authorization {
  status: 'approved' | 'declined';
  authorization_id?: string;
  reasons?: Array<{ code: string; message: string }>;
  schedule?: Offer;
}

interface Placed {
  order: { id: string; amount: number; currency: string };
  capture: { plan?: { id: string } };
}

function OfferText({ offer, currency }: { offer: Offer; currency: string }) {
  const n = offer.installments.length;
  const first = offer.installments[0];
  const every = offer.product === 'pay_in_4' ? 'every 2 weeks' : offer.product === 'pay_in_30' ? 'in 30 days' : 'monthly';
  return (
    <span>
      <strong>{productName(offer.product)}</strong>: {n > 1 ? `${n} payments of about ${money(first.amount, currency)} ${every}` : `${money(first.amount, currency)} due ${first.due_date}`}
      {offer.min_apr_bps !== undefined && offer.max_apr_bps !== undefined && (
        <span class="disclosure">
          {' '}
          APR {percentFromBps(offer.min_apr_bps)} – {percentFromBps(offer.max_apr_bps)} depending on the credit decision. At{' '}
          {percentFromBps(offer.apr_bps ?? 0)}: amount financed {money(offer.amount_financed ?? 0, currency)}, finance charge{' '}
          {money(offer.finance_charge ?? 0, currency)}, total of payments {money(offer.total_of_payments ?? 0, currency)}.
        </span>
      )}
      {offer.min_apr_bps === undefined && <span class="disclosure"> No interest, no fees when paid on time.</span>}
    </span>
  );
}

function ScheduleTable({ offer, currency }: { offer: Offer; currency: string }) {
  return (
    <Table
      caption={`${productName(offer.product)} schedule`}
      rows={offer.installments.map((i, k) => ({ ...i, n: k + 1 }))}
      columns={[
        { title: '#', render: (i) => i.n, numeric: true },
        { title: 'Due', render: (i) => i.due_date },
        { title: 'Amount', render: (i) => money(i.amount, currency), numeric: true },
      ]}
    />
  );
}

const COUNTRIES: Array<[string, string]> = [
  ['US', 'United States'],
  ['GB', 'United Kingdom'],
  ['SE', 'Sweden'],
  ['DE', 'Germany'],
  ['FR', 'France'],
];

const CONSUMER_FIELDS = [
  'consumer.email', 'consumer.phone', 'consumer.given_name', 'consumer.family_name', 'consumer.date_of_birth',
  'consumer.address.line1', 'consumer.address.city', 'consumer.address.postal_code', 'consumer.address.country', 'product',
];

function Checkout({ session, onPlaced }: { session: Session; onPlaced: (p: Placed, offer: Offer) => void }) {
  const [product, setProduct] = useState(session.offers[0]?.product ?? '');
  const [f, setF] = useState<Record<string, string>>({ 'consumer.address.country': 'US' });
  const [error, setError] = useState<unknown>(null);
  const [declined, setDeclined] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (v: string) => setF({ ...f, [name]: v });
  const field = (name: string, text: string, extra: Record<string, string> = {}) => (
    <Field label={text} name={name} value={f[name] ?? ''} onInput={set(name)} error={errorFor(error, name)} {...extra} />
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDeclined('');
    try {
      const consumer = {
        email: f['consumer.email'] ?? '',
        phone: f['consumer.phone'] ?? '',
        given_name: f['consumer.given_name'] ?? '',
        family_name: f['consumer.family_name'] ?? '',
        date_of_birth: f['consumer.date_of_birth'] ?? '',
        address: {
          line1: f['consumer.address.line1'] ?? '',
          city: f['consumer.address.city'] ?? '',
          postal_code: f['consumer.address.postal_code'] ?? '',
          country: f['consumer.address.country'] ?? '',
        },
      };
      // The browser authorizes with the session's client token: it opens this session only.
      const auth = await call<Authorization>('POST', `/v1/checkout/sessions/${session.id}/authorize`, {
        token: session.client_token,
        body: { product, consumer },
      });
      if (auth.status !== 'approved') {
        setDeclined(auth.reasons?.map((r) => r.message).join(' ') || 'tranche could not approve this purchase.');
        return;
      }
      const placed = await call<Placed>('POST', '/shop/api/orders', { body: { authorization_id: auth.authorization_id } });
      onPlaced(placed, auth.schedule ?? session.offers.find((o) => o.product === product)!);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={`Pay ${money(session.amount, session.currency)} with tranche`} id="checkout">
      <form onSubmit={submit} aria-label="Pay with tranche">
        <fieldset>
          <legend>Choose how to pay</legend>
          {session.offers.map((o) => (
            <div class="offer">
              <input type="radio" id={`offer-${o.product}`} name="product" value={o.product} checked={product === o.product} onChange={() => setProduct(o.product)} />
              <label for={`offer-${o.product}`}>
                <OfferText offer={o} currency={session.currency} />
              </label>
            </div>
          ))}
          {session.offers.length === 0 && <p>tranche has no offer for this amount.</p>}
        </fieldset>
        {session.offers.find((o) => o.product === product) && (
          <details>
            <summary>Payment schedule</summary>
            <ScheduleTable offer={session.offers.find((o) => o.product === product)!} currency={session.currency} />
          </details>
        )}
        <fieldset>
          <legend>About you</legend>
          <div class="form-grid">
            {field('consumer.email', 'Email', { type: 'email', autoComplete: 'email' })}
            {field('consumer.phone', 'Phone', { type: 'tel', autoComplete: 'tel' })}
            {field('consumer.given_name', 'First name', { autoComplete: 'given-name' })}
            {field('consumer.family_name', 'Last name', { autoComplete: 'family-name' })}
            {field('consumer.date_of_birth', 'Date of birth (YYYY-MM-DD)', { autoComplete: 'bday' })}
            {field('consumer.address.line1', 'Street address', { autoComplete: 'address-line1' })}
            {field('consumer.address.city', 'City', { autoComplete: 'address-level2' })}
            {field('consumer.address.postal_code', 'Postal code', { autoComplete: 'postal-code' })}
            <Select label="Country" name="consumer.address.country" value={f['consumer.address.country'] ?? 'US'} onChange={set('consumer.address.country')} options={COUNTRIES} error={errorFor(error, 'consumer.address.country')} />
          </div>
        </fieldset>
        <Alert message={formError(error, CONSUMER_FIELDS)} />
        <Alert message={declined} />
        <button type="submit" disabled={busy || session.offers.length === 0}>
          Confirm and pay with tranche
        </button>
      </form>
    </Section>
  );
}

function Shop() {
  const products = useLoad(() => call<List<Product> & { merchant: string }>('GET', '/shop/api/products'), []);
  const [cart, setCart] = useState<Record<string, number>>({});
  const [session, setSession] = useState<Session | null>(null);
  const [placed, setPlaced] = useState<{ p: Placed; offer: Offer } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = (id: string) => {
    setSession(null);
    setCart({ ...cart, [id]: Math.min(10, (cart[id] ?? 0) + 1) });
  };
  const remove = (id: string) => {
    setSession(null);
    const next = { ...cart };
    delete next[id];
    setCart(next);
  };
  const checkout = async () => {
    setError(null);
    try {
      const items = Object.entries(cart).map(([product_id, quantity]) => ({ product_id, quantity }));
      setSession(await call<Session>('POST', '/shop/api/checkout', { body: { items } }));
    } catch (err) {
      setError(err);
    }
  };
  if (placed) {
    const { p, offer } = placed;
    return (
      <main id="main" class="shop">
        <h1>Thank you!</h1>
        <Section title="Order confirmed" id="confirmed">
          <p role="status">
            Order <code>{p.order.id}</code> for {money(p.order.amount, p.order.currency)} is confirmed and paid by tranche.
            You pay tranche {productName(offer.product).toLowerCase()}:
          </p>
          <ScheduleTable offer={offer} currency={p.order.currency} />
          <p>
            See and manage your plan in the <a href="/portal/">tranche portal</a>.
          </p>
        </Section>
      </main>
    );
  }
  return (
    <Loading state={products}>
      {(list) => {
        const currency = list.data[0]?.currency ?? 'USD';
        const lines = list.data.filter((p) => cart[p.id]);
        const total = lines.reduce((sum, p) => sum + p.price * cart[p.id], 0);
        return (
          <>
            <header class="topbar shop-bar">
              <span class="brand">{list.merchant}</span>
              <span class="muted">a tranche demo shop</span>
            </header>
            <main id="main" class="shop">
              <h1>Ride more, pay over time</h1>
              <ul class="products">
                {list.data.map((p) => (
                  <li class="card product">
                    <h2>{p.name}</h2>
                    <p>{p.description}</p>
                    <p class="price">{money(p.price, p.currency)}</p>
                    <button onClick={() => add(p.id)} aria-label={`Add to cart: ${p.name}`}>
                      Add to cart
                    </button>
                  </li>
                ))}
              </ul>
              <Section title="Your cart" id="cart">
                <Table
                  caption="Cart"
                  rows={lines}
                  empty="The cart is empty."
                  columns={[
                    { title: 'Item', render: (p) => p.name },
                    { title: 'Qty', render: (p) => cart[p.id], numeric: true },
                    { title: 'Price', render: (p) => money(p.price * cart[p.id], p.currency), numeric: true },
                    { title: '', render: (p) => <button class="link" onClick={() => remove(p.id)} aria-label={`Remove ${p.name}`}>Remove</button> },
                  ]}
                />
                <p class="total">Total {money(total, currency)}</p>
                <button onClick={checkout} disabled={lines.length === 0}>
                  Check out with tranche
                </button>
                <Alert message={formError(error, [])} />
              </Section>
              {session && <Checkout session={session} onPlaced={(p, offer) => setPlaced({ p, offer })} />}
            </main>
          </>
        );
      }}
    </Loading>
  );
}

render(<Shop />, document.getElementById('app')!);
