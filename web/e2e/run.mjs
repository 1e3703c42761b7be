// End-to-end tests of the web front end in Debian's Chromium (playwright-core; nothing
// downloads a browser). Starts one real `tranche demo` (with the assistant, whose BNPL
// intent model it trains on first run) on a free loopback port with a temporary data
// directory, then works the three pages as people would: an operator logs in and looks
// up a consumer, a consumer logs in with a one-time code, pays an instalment and reports
// a problem, the operator decides that dispute, a shopper checks out in the demo shop,
// an operator works a fraud review that a rule opened, edits and backtests the rules, and a
// consumer chats with the assistant until it hands off to a person, whom the operator
// answers and closes from the console. Every page gets an accessibility check
// (axe-core: labels, contrast, ARIA) and a keyboard check; bad input must show the
// API's message beside its field. Screenshots go to the artefacts directory.
//
//   node e2e/run.mjs --binary build/tranche --web-dir web/dist --artefacts build/e2e
//
// Exit 0 when every test passed, 1 otherwise, 77 when a prerequisite is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const binary = resolve(arg('binary', join(here, '../../build/tranche')));
const webDir = resolve(arg('web-dir', join(here, '../dist')));
const artefacts = resolve(arg('artefacts', join(here, '../../build/e2e')));
const chromiumPath = arg('chromium', process.env.CHROMIUM ?? '/usr/bin/chromium');

for (const [what, path] of [['tranche binary', binary], ['built web front end', join(webDir, 'console/index.html')], ['chromium', chromiumPath]]) {
  if (!existsSync(path)) {
    console.log(`SKIP: no ${what} at ${path}`);
    process.exit(77);
  }
}

if (Number(process.versions.node.split('.')[0]) < 20) {
  console.log(`SKIP: playwright-core needs Node.js 20 or later, this is ${process.version}`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch {
  console.log('SKIP: web/node_modules is missing: run scripts/build-web.sh');
  process.exit(77);
}
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(artefacts, { recursive: true });

// ---- the server ----

const dataDir = mkdtempSync(join(tmpdir(), 'tranche-e2e-'));
const keysFile = join(dataDir, 'keys.json');

function startServer() {
  const child = spawn(binary, ['demo', '--data-dir', dataDir, '--port', '0', '--keys-file', keysFile,
    '--credit-model', 'none', '--access-log', 'off', '--web-dir', webDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolvePromise, reject) => {
    // First start trains the assistant's intent model and the fraud model (about 12 s and
    // 17 s on an idle machine).
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 180 s:\n${err}`)), 180_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, base: m[1], banner: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${err}`)));
  });
}

// ---- a tiny test runner ----

const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
  }
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

// ---- helpers ----

let server;
let keys;
let browser;

async function api(method, path, token, body) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(server.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

// A page that fails its test on any CSP violation or script error.
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) page.problems.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  return page;
}

function noProblems(page) {
  expect(page.problems.length === 0, `the page had problems: ${page.problems.join(' | ')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
}

// axe-core runs in the page through the DevTools protocol (not a script tag, which the
// page's own CSP would rightly refuse). WCAG 2 A and AA: labels, names, contrast, ARIA.
async function accessible(page, what) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  expect(violations.length === 0, `${what} has accessibility violations:\n  ${violations.join('\n  ')}`);
}

// The message shown beside the field the API named.
async function fieldError(page, param) {
  const el = page.locator(`.field-error[data-param="${param}"]`);
  await el.waitFor({ timeout: 10_000 });
  return (await el.textContent()).trim();
}

// Tabs until the focused element matches `predicate`; fails after `max` presses.
async function tabTo(page, predicate, max = 40) {
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`keyboard focus never reached the control (${predicate})`);
}

// A new page with the console open at `hash`, logged in with the demo operator's key.
async function consoleAt(hash = '') {
  const page = await newPage();
  await page.goto(`${server.base}/console/${hash}`);
  await page.getByLabel('Operator key', { exact: true }).fill(keys.operator_key);
  await page.getByRole('button', { name: 'Log in' }).click();
  return page;
}

async function latestLoginCode(consumerId) {
  const list = await api('GET', `/v1/admin/notifications?limit=100&consumer_id=${consumerId}`, keys.operator_key);
  const codes = list.data.filter((n) => /\b\d{6}\b/.test(n.body));
  expect(codes.length > 0, 'no login code in the outbox');
  return /\b(\d{6})\b/.exec(codes[codes.length - 1].body)[1];
}

// ---- the tests ----

const ava = 'ava.larsson@example.com';
let avaOrderId = '';

async function run() {
  server = await startServer();
  keys = JSON.parse(readFileSync(keysFile, 'utf8'));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });

  await test('static files: CSP, nosniff, cache headers and the banner links', async () => {
    const page = await fetch(`${server.base}/console/`);
    expect(page.status === 200, `GET /console/ gave ${page.status}`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'), `weak CSP: ${csp}`);
    expect(page.headers.get('x-content-type-options') === 'nosniff', 'no nosniff');
    expect(page.headers.get('cache-control') === 'no-cache', 'index.html must be revalidated');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())[1];
    const a = await fetch(server.base + asset);
    expect(/immutable/.test(a.headers.get('cache-control') ?? ''), 'hashed assets must be immutable');
    const again = await fetch(`${server.base}/console/`, { headers: { 'If-None-Match': page.headers.get('etag') } });
    expect(again.status === 304, `revalidation gave ${again.status}`);
    const traversal = await fetch(`${server.base}/console/..%2f..%2fkeys.json`);
    expect(traversal.status === 404, `traversal gave ${traversal.status}`);
    for (const link of ['/console/', '/portal/', '/shop/']) expect(server.banner().includes(server.base + link), `banner lacks ${link}`);
  });

  await test('console: a wrong key is refused beside the field; keyboard login; dashboard', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/console/`);
    await accessible(page, 'the console login');
    await page.getByLabel('Operator key', { exact: true }).fill('ok_wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    const message = await fieldError(page, 'key');
    expect(message.length > 0, 'no message for a wrong key');
    await shot(page, 'console-login-refused');
    // Keyboard only: focus the key field, type, Enter.
    await page.goto(`${server.base}/console/`);
    await tabTo(page, () => document.activeElement?.getAttribute('name') === 'key');
    await page.keyboard.type(keys.operator_key);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByText('Checkouts decided').waitFor();
    await page.locator('.chart canvas').first().waitFor();
    await page.getByRole('table', { name: 'The book by status and bucket' }).waitFor();
    // The automation panel: the demo's checkouts are credit decisions the platform made
    // with no person, so the credit team has items and a share automated.
    const teams = page.getByRole('table', { name: 'Automation by team' });
    await teams.waitFor();
    const credit = teams.getByRole('row').filter({ hasText: /^credit/ });
    const cells = await credit.getByRole('cell').allTextContents();
    expect(Number(cells[1]) > 0, `no credit work items in the automation panel: ${cells.join(' | ')}`);
    expect(/^\d+(\.\d)? %$/.test(cells[2]), `credit automated share: ${cells[2]}`);
    expect(Number(cells[4]) >= Number(cells[5]), `FTE without < FTE with: ${cells.join(' | ')}`);
    await page.getByText('Share of work automated per day').waitFor();
    // Queue ages: how long the work given to people waited, or the note that none was.
    await page.getByRole('table', { name: 'Queue ages: how long work waited for a person' })
      .or(page.getByText('Nothing went to a person in this period.')).first().waitFor();
    // Fraud decisions per day: allow, review and block stacked, named in the legend, the
    // chart labelled as a figure whose numbers the table beside it holds.
    const fraud = page.getByRole('region', { name: 'Fraud decisions (30 days)' });
    await fraud.getByRole('img', { name: /^Fraud decisions per day, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d: chart/ }).waitFor();
    await fraud.locator('figure', { hasText: 'Fraud decisions per day' }).locator('canvas').first().waitFor();
    const legend = await fraud.locator('.u-legend .u-label').allTextContents();
    for (const name of ['allow', 'review', 'block']) expect(legend.includes(name), `the legend lacks ${name}: ${legend.join(', ')}`);
    await fraud.getByText('Authorizations screened').waitFor();
    // What waits for people, each linking to its queue (nothing reconciled yet: 0 open).
    const waiting = page.getByRole('region', { name: 'Waiting for people' });
    await waiting.getByRole('link', { name: 'Reconciliation exceptions open' }).waitFor();
    expect((await waiting.locator('dd').nth(2).textContent()).trim() === '0', 'open reconciliation exceptions on a new demo');
    await shot(page, 'console-dashboard');
    await accessible(page, 'the dashboard');
    // Bad input: the API's own message beside the field.
    await page.getByLabel('Days to advance').fill('0');
    await page.getByRole('button', { name: 'Advance and close' }).click();
    const days = await fieldError(page, 'days');
    expect(/days/.test(days), `unexpected message for days=0: ${days}`);
    noProblems(page);
    await page.context().close();
  });

  await test('console: look up a consumer by email, with plans, schedules and decisions', async () => {
    const page = await consoleAt();
    await page.getByRole('link', { name: 'Consumers' }).click();
    await page.getByLabel('Email or consumer id', { exact: true }).fill(ava);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('heading', { name: 'Ava Larsson' }).waitFor();
    await page.getByRole('table', { name: /Schedule of plan/ }).first().waitFor();
    await page.getByRole('table', { name: 'Credit decisions' }).waitFor();
    await shot(page, 'console-consumer');
    await accessible(page, 'the consumer look-up');
    // An unknown email is said so, not a blank page.
    await page.getByLabel('Email or consumer id', { exact: true }).fill('nobody@example.com');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText('No consumer has the email nobody@example.com.').waitFor();
    noProblems(page);
    await page.context().close();
  });

  await test('portal: one-time code login, pay an instalment, refuse an overpayment beside the field', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/portal/`);
    await accessible(page, 'the portal login');
    await page.getByLabel('Email', { exact: true }).fill(ava);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('Code', { exact: true }).waitFor();
    const consumer = (await api('GET', `/v1/admin/consumers?email=${encodeURIComponent(ava)}`, keys.operator_key)).data[0];
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.alert-error, .field-error').first().waitFor();
    await page.getByLabel('Code', { exact: true }).fill(await latestLoginCode(consumer.id));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your plans' }).waitFor();
    const plan = page.locator('section.plan').first();
    await plan.getByRole('table').waitFor();
    await shot(page, 'portal-plans');
    await accessible(page, 'the portal');
    await plan.getByRole('button', { name: 'Pay', exact: true }).click();
    await plan.getByLabel(/Amount/).fill('99999.00');
    await plan.getByRole('button', { name: 'Pay now' }).click();
    const over = await fieldError(page, 'amount');
    expect(/more than/.test(over), `unexpected overpayment message: ${over}`);
    await shot(page, 'portal-overpayment');
    await plan.getByLabel(/Amount/).fill('10.00');
    await plan.getByRole('button', { name: 'Pay now' }).click();
    await page.getByText(/Paid .*10\.00|The payment of/).waitFor();
    const payments = await page.evaluate(async () => {
      const token = sessionStorage.getItem('tranche.consumer_token');
      const plans = await (await fetch('/v1/me/plans', { headers: { Authorization: `Bearer ${token}` } })).json();
      return plans.data[0];
    });
    avaOrderId = payments.order_id;
    // Report a problem on the order (the operator decides it next).
    await plan.getByRole('button', { name: 'Report a problem' }).click();
    await plan.getByLabel('What went wrong?').selectOption('not_as_described');
    await plan.getByRole('button', { name: 'Report the problem' }).click();
    await page.getByText(/Reported\./).waitFor();
    await shot(page, 'portal-after-payment-and-dispute');
    noProblems(page);
    await page.context().close();
  });

  await test('console: decide the dispute', async () => {
    expect(avaOrderId !== '', 'the portal test made no dispute');
    const page = await consoleAt(`#/disputes`);
    await page.getByRole('heading', { name: 'Disputes', exact: true }).waitFor();
    const row = page.locator('tr', { hasText: avaOrderId });
    await row.getByRole('button', { name: /Refund consumer/ }).waitFor();
    await shot(page, 'console-disputes');
    await accessible(page, 'the disputes queue');
    // Only a purchase the consumer did not make can be written off as the lender's loss.
    expect((await row.getByRole('button', { name: /Write off as fraud/ }).count()) === 0,
      'a not_as_described dispute offers a fraud write-off');
    await row.getByRole('button', { name: /Refund consumer/ }).click();
    await row.getByText('refunded').waitFor();
    const disputes = await api('GET', '/v1/admin/disputes', keys.operator_key);
    const d = disputes.data.find((x) => x.order_id === avaOrderId);
    expect(d && d.status === 'resolved' && d.resolution === 'refunded', `dispute not decided: ${JSON.stringify(d)}`);
    noProblems(page);
    await page.context().close();
  });

  // The demo merchant subscribes a receiver that is not there, so its orders' events
  // are delivered (and fail) for the console's delivery log.
  const shopMerchant = keys.merchant_keys[0];
  await api('POST', '/v1/webhook_endpoints', shopMerchant.secret_key,
    { url: 'http://127.0.0.1:9/hooks', events: ['order.authorized', 'order.captured'] });

  await test('shop: offers with disclosures, a bad date of birth shown beside its field, checkout captured', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/shop/`);
    await page.getByRole('heading', { name: 'Ride more, pay over time' }).waitFor();
    await accessible(page, 'the shop');
    // Keyboard: reach the first "Add to cart" and press Enter.
    await tabTo(page, () => /^Add to cart/.test(document.activeElement?.getAttribute('aria-label') ?? ''));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add to cart: Waterproof panniers' }).click();
    await page.getByRole('button', { name: 'Check out with tranche' }).click();
    await page.getByRole('group', { name: 'Choose how to pay' }).waitFor();
    await page.getByText(/Pay in 4/).first().waitFor();
    await shot(page, 'shop-offers');
    await page.getByLabel('Email', { exact: true }).fill('sam.lee@example.com');
    await page.getByLabel('Phone', { exact: true }).fill('+1 555 0100');
    await page.getByLabel('First name', { exact: true }).fill('Sam');
    await page.getByLabel('Last name', { exact: true }).fill('Lee');
    await page.getByLabel(/Date of birth/).fill('1991-13-45');
    await page.getByLabel('Street address', { exact: true }).fill('1 Main St');
    await page.getByLabel('City', { exact: true }).fill('Brooklyn');
    await page.getByLabel('Postal code', { exact: true }).fill('11201');
    await page.getByRole('button', { name: 'Confirm and pay with tranche' }).click();
    const dob = await fieldError(page, 'consumer.date_of_birth');
    expect(/date_of_birth/.test(dob), `unexpected date of birth message: ${dob}`);
    await shot(page, 'shop-bad-date-of-birth');
    await accessible(page, 'the shop checkout form with an error');
    await page.getByLabel(/Date of birth/).fill('1991-05-17');
    await page.getByRole('button', { name: 'Confirm and pay with tranche' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    const text = await page.locator('[role=status]').first().textContent();
    const orderId = /(ord_[0-9A-Za-z]+)/.exec(text)?.[1];
    expect(orderId, `no order id on the confirmation: ${text}`);
    await shot(page, 'shop-confirmed');
    await accessible(page, 'the shop confirmation');
    // Captured in full by the shop's backend: the operator sees the order with its plan.
    const order = await api('GET', `/v1/admin/orders/${orderId}`, keys.operator_key);
    expect(order.status === 'captured' && order.captured_amount === order.amount && order.plans.length === 1,
      `the order was not captured: ${JSON.stringify(order).slice(0, 300)}`);
    // The page never saw a merchant secret key.
    const html = await page.content();
    expect(!html.includes('sk_') && !JSON.stringify(await page.evaluate(() => ({ ...sessionStorage, ...localStorage }))).includes('sk_'),
      'a merchant secret reached the browser');
    noProblems(page);
    await page.context().close();
  });

  await test('console: a merchant\'s webhook deliveries, replayed', async () => {
    const page = await consoleAt(`#/merchants/${shopMerchant.merchant_id}`);
    await page.getByRole('heading', { name: `${shopMerchant.name}: webhook deliveries` }).waitFor();
    const replay = page.getByRole('button', { name: /^Replay delivery/ }).first();
    await replay.waitFor({ timeout: 15_000 });
    await shot(page, 'console-merchant-webhooks');
    await accessible(page, 'the merchant page');
    await replay.click();
    await page.getByText(/queued again as delivery whd_/).waitFor();
    noProblems(page);
    await page.context().close();
  });

  await test('console: a travel merchant the onboarding check held, approved', async () => {
    const created = await api('POST', '/v1/admin/merchants', keys.operator_key,
      { name: 'Fjord Flights', country: 'SE', default_currency: 'SEK', category: 'travel' });
    expect(created.onboarding.status === 'pending_review', `not held: ${JSON.stringify(created.onboarding)}`);
    const page = await consoleAt(`#/merchants/${created.id}`);
    await page.getByRole('heading', { name: 'Fjord Flights: onboarding' }).waitFor();
    await page.getByText(/a high-risk category/).waitFor();
    await page.getByRole('region', { name: 'Waiting for onboarding review' }).getByRole('link', { name: 'Fjord Flights' }).waitFor();
    await accessible(page, 'the merchant onboarding review');
    await page.getByLabel('Note').fill('licensed and bonded travel agency');
    await page.getByRole('button', { name: /^Approve/ }).click();
    await page.getByText('Fjord Flights is active.').waitFor();
    await page.getByRole('region', { name: 'Waiting for onboarding review' }).getByRole('link', { name: 'Fjord Flights' })
      .waitFor({ state: 'detached' });
    const after = await api('GET', `/v1/admin/merchants/${created.id}`, keys.operator_key);
    expect(after.onboarding.status === 'active' && after.onboarding.note === 'licensed and bonded travel agency',
      `not approved: ${JSON.stringify(after.onboarding)}`);
    noProblems(page);
    await page.context().close();
  });

  // A demo shop put on the restricted names list goes back to review and is rejected (its
  // keys revoked): an operator refunds its customer's return, then releases its payouts.
  await test('console: a rejected merchant\'s customer refunded by an operator; its held payouts released', async () => {
    const shop = keys.merchant_keys[3];
    const buyer = await api('GET', `/v1/admin/consumers/${keys.consumer_ids[3]}`, keys.operator_key);
    const orderId = buyer.plans[0]?.order_id;
    expect(orderId, `the demo purchase at ${shop.name} was not approved: ${JSON.stringify(buyer.decisions)}`);
    await api('PUT', '/v1/admin/fraud/lists/restricted_merchant_names', keys.operator_key, { entries: [shop.name] });
    await api('POST', `/v1/admin/merchants/${shop.merchant_id}/reject`, keys.operator_key, { note: 'the listed party' });

    const page = await consoleAt(`#/orders/${orderId}`);
    const form = page.getByRole('form', { name: 'Refund for the merchant' });
    await form.waitFor();
    await form.getByLabel(/^Amount/).fill('20.00');
    // Bad input: the reason is required, and the API's message shows beside the field.
    await form.getByRole('button', { name: 'Refund' }).click();
    const missing = await fieldError(page, 'reason');
    expect(/reason/.test(missing), `unexpected message for a missing reason: ${missing}`);
    await form.getByLabel('Reason').fill('returned by post after the shop closed');
    await form.getByRole('button', { name: 'Refund' }).click();
    await page.getByText(new RegExp(`^Refunded .*20\\.00 for ${shop.name}\\.$`)).waitFor();
    await page.getByRole('region', { name: 'Refunds of this order' }).getByRole('cell', { name: 'operator' }).waitFor();
    await accessible(page, 'the order page with a refund for the merchant');
    await shot(page, 'console-order-refund-for-merchant');

    await page.getByRole('link', { name: shop.merchant_id }).click();
    const payouts = page.getByRole('region', { name: `${shop.name}: settlements and payouts` });
    await payouts.getByText('held', { exact: true }).waitFor();
    await payouts.getByRole('button', { name: 'Release payouts' }).click();
    const empty = await fieldError(page, 'reason');
    expect(/reason/.test(empty), `unexpected message for a missing reason: ${empty}`);
    await payouts.getByLabel('Reason').fill('refunds settled; the listing was a namesake');
    await payouts.getByRole('button', { name: 'Release payouts' }).click();
    await page.getByText(`${shop.name}'s payouts are released: the next close pays what it is owed.`).waitFor();
    await payouts.getByText('released', { exact: true }).waitFor();
    await accessible(page, 'the merchant page with its payouts released');
    await shot(page, 'console-merchant-payouts-released');
    const after = await api('GET', `/v1/admin/merchants/${shop.merchant_id}`, keys.operator_key);
    expect(!after.payouts_held && after.onboarding.payout_release?.reason === 'refunds settled; the listing was a namesake',
      `not released: ${JSON.stringify(after.onboarding)}`);
    noProblems(page);
    await page.context().close();
  });

  await test('console: an agent logs a phone call they handled', async () => {
    const page = await consoleAt('#/contacts');
    await page.getByRole('heading', { name: 'Customer contacts', exact: true }).waitFor();
    await accessible(page, 'the customer contacts page');
    const form = page.getByRole('form', { name: 'Log a contact' });
    await form.getByLabel('Reason').fill('late_fee');
    await form.getByLabel('Minutes handled').fill('four');
    await form.getByRole('button', { name: 'Log the contact' }).click();
    await form.getByText('Minutes handled must be a number').waitFor();
    await form.getByLabel('Reason').fill('Late Fee');
    await form.getByLabel('Minutes handled').fill('4');
    await form.getByRole('button', { name: 'Log the contact' }).click();
    expect((await fieldError(page, 'reason')).length > 0, 'no error beside the reason');
    await form.getByLabel('Reason').fill('late_fee');
    await form.getByLabel('Note').fill('explained the fee cap');
    await form.getByRole('button', { name: 'Log the contact' }).click();
    await page.getByText(/^Logged cct_/).waitFor();
    await page.getByRole('table', { name: 'Contacts' }).getByText('explained the fee cap').waitFor();
    const list = await api('GET', '/v1/admin/contacts?limit=100', keys.operator_key);
    const logged = list.data.find((c) => c.note === 'explained the fee cap');
    expect(logged && logged.reason === 'late_fee' && logged.handled_seconds === 240 && logged.channel === 'phone',
      `not logged as asked: ${JSON.stringify(list.data)}`);
    noProblems(page);
    await page.context().close();
  });

  await test('landing page', async () => {
    const page = await newPage();
    await page.goto(`${server.base}/`);
    await page.getByRole('link', { name: 'Operator console' }).waitFor();
    await accessible(page, 'the landing page');
    await shot(page, 'landing');
    noProblems(page);
    await page.context().close();
  });

  // A rule sends checkouts from one email domain to review; a shopper from it is
  // approved for credit and held. The operator opens the review from the queue, claims
  // it, reads the decision and accepts it with a note.
  const reviewRule = 'review if email_domain = "review.example"';
  let reviewId = '';
  await test('console: work a fraud review that a rule opened', async () => {
    await api('PUT', '/v1/admin/fraud/rules', keys.operator_key, { source: `${reviewRule}\n` });
    const products = await api('GET', '/shop/api/products');
    const session = await api('POST', '/shop/api/checkout', '', { items: [{ product_id: products.data[0].id, quantity: 1 }] });
    const auth = await api('POST', `/v1/checkout/sessions/${session.id}/authorize`, session.client_token, {
      product: session.offers[0].product,
      consumer: {
        email: 'kim.held@review.example', phone: '+1 555 0142', given_name: 'Kim', family_name: 'Held',
        date_of_birth: '1988-03-09', address: { line1: '2 Side St', city: 'Brooklyn', postal_code: '11201', country: 'US' },
      },
    });
    expect(auth.status === 'approved' && auth.fraud_status === 'pending', `the checkout was not held: ${JSON.stringify(auth)}`);
    const pending = await api('GET', '/v1/admin/fraud/reviews?status=pending', keys.operator_key);
    reviewId = pending.data.find((r) => r.authorization_id === auth.authorization_id)?.id ?? '';
    expect(reviewId, 'no review for the held authorization');
    const seededReviewId = pending.data.find((r) => r.id !== reviewId)?.id ?? '';
    expect(seededReviewId, `the demo world seeded no fraud review: ${JSON.stringify(pending.data)}`);

    const page = await consoleAt();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    for (const name of ['Fraud reviews', 'Fraud rules', 'Hand-offs']) await page.getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Fraud reviews', exact: true }).click();
    await page.getByRole('link', { name: reviewId }).click();
    await page.getByRole('heading', { name: `Review ${reviewId}` }).waitFor();
    const hits = page.getByRole('table', { name: 'Rule hits' });
    expect((await hits.textContent()).includes(reviewRule), 'the rule hit is not shown');
    await page.getByRole('table', { name: 'Features the rules saw' }).getByText('email_domain', { exact: true }).waitFor();
    // The demo trains its fraud model on first start: the review shows its score.
    await page.getByText(/\d+ of 99 from model/).waitFor();
    await accessible(page, 'the fraud review');
    await page.getByRole('button', { name: 'Claim this review' }).click();
    await page.getByText(`You claimed review ${reviewId}.`).waitFor();
    // Bad input: a note over the API's 1,000 characters, refused beside the field.
    await page.getByLabel('Note', { exact: true }).fill('x'.repeat(1001));
    await page.getByRole('button', { name: /^Accept/ }).click();
    const tooLong = await fieldError(page, 'note');
    expect(/note/.test(tooLong), `unexpected message for a long note: ${tooLong}`);
    await shot(page, 'console-fraud-review');
    await page.getByLabel('Note', { exact: true }).fill('Called the shopper; the order is genuine.');
    await page.getByRole('button', { name: /^Accept/ }).click();
    await page.getByText(`Review ${reviewId} accepted.`).waitFor();
    // The queue updated: the decided review left it, and the demo world's own (a large
    // purchase from a foreign IP, held by the starter rules) still waits.
    const queue = page.getByRole('region', { name: 'Review queue, oldest first' });
    await queue.getByRole('link', { name: reviewId }).waitFor({ state: 'detached' });
    await queue.getByRole('link', { name: seededReviewId }).waitFor();
    await accessible(page, 'the decided fraud review');
    const review = await api('GET', `/v1/admin/fraud/reviews/${reviewId}`, keys.operator_key);
    expect(review.status === 'accepted' && review.note === 'Called the shopper; the order is genuine.',
      `the review was not accepted: ${JSON.stringify(review).slice(0, 300)}`);
    // The dashboard's fraud decisions count the held checkout and its accepted review.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const fraud = page.getByRole('region', { name: 'Fraud decisions (30 days)' });
    const byDay = fraud.getByRole('table', { name: 'Fraud decisions by day' });
    await byDay.waitFor();
    const held = await fraud.locator('.kpis div', { hasText: 'Held for review' }).locator('dd').textContent();
    const reviews = await fraud.locator('.kpis div', { hasText: 'Reviews pending, accepted, rejected' }).locator('dd').textContent();
    expect(Number(held) >= 1, `no checkout held for review on the dashboard: ${held}`);
    expect(Number(reviews.split(',')[1]) >= 1, `no accepted review on the dashboard: ${reviews}`);
    await shot(page, 'console-dashboard-fraud');
    noProblems(page);
    await page.context().close();
  });

  // The demo trains a fraud model on first start (the credit model is off here): its
  // card shows the ROC and calibration training recorded, PSI by week, and the credit
  // deciders' table; a malformed window is refused beside its field.
  await test('console: the Models page shows the fraud model\'s curves and the deciders side by side', async () => {
    const page = await consoleAt();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await tabTo(page, () => document.activeElement?.textContent === 'Models');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Models', exact: true }).waitFor();
    await page.getByRole('heading', { name: /^Fraud model [0-9a-f]{12}$/ }).waitFor();
    const roc = page.locator('figure', { hasText: 'ROC at training, Fraud model' });
    await roc.locator('canvas').first().waitFor();
    expect(/AUC 0\.\d{3}/.test(await roc.locator('figcaption').textContent()), 'the ROC has no AUC');
    await page.getByRole('table', { name: 'Calibration at training, Fraud model: bins' }).waitFor();
    await page.locator('figure', { hasText: 'PSI of the score against training' }).locator('canvas').first().waitFor();
    const deciders = page.getByRole('table', { name: 'Credit deciders side by side' });
    await deciders.waitFor();
    expect((await deciders.locator('tbody tr').count()) > 0, 'the deciders table is empty');
    await accessible(page, 'the Models page');
    await shot(page, 'console-models');
    await page.getByLabel('Since', { exact: true }).fill('yesterday');
    await page.getByRole('button', { name: 'Show' }).click();
    const bad = await fieldError(page, 'since');
    expect(/YYYY-MM-DD/.test(bad), `unexpected message for a bad date: ${bad}`);
    noProblems(page);
    await page.context().close();
  });

  await test('console: the rule editor shows a syntax error at its line and column, then saves', async () => {
    const page = await consoleAt('#/fraud-rules');
    await page.getByRole('heading', { name: 'Fraud rules', exact: true }).waitFor();
    const editor = page.getByLabel('Rules', { exact: true });
    await editor.waitFor();
    expect((await editor.inputValue()).includes(reviewRule), 'the editor does not hold the current rules');
    await accessible(page, 'the rule editor');
    await editor.fill(`${reviewRule}\nblock if amount >> 100\n`);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const message = await fieldError(page, 'source');
    expect(/Line 2, column \d+/.test(message), `no line and column in: ${message}`);
    await shot(page, 'console-rules-error');
    await accessible(page, 'the rule editor with an error');
    // Choosing the error puts the cursor on line 2.
    await page.getByRole('button', { name: /^Line 2, column/ }).click();
    const caret = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLTextAreaElement ? el.value.slice(0, el.selectionStart).split('\n').length : 0;
    });
    expect(caret === 2, `the cursor is on line ${caret}, not 2`);
    await editor.fill(`# held for a person\n${reviewRule}\n`);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    const savedAs = page.getByText(/^Saved as version \d+ with 1 rule\.$/);
    await savedAs.waitFor();
    const newest = Number(/version (\d+)/.exec(await savedAs.textContent())[1]);
    expect(newest >= 2, `the new version is ${newest}`);
    // The history reloads with the new version on top, the earlier ones below it. (The
    // demo world starts with rules of its own, so the table had two rows before the save:
    // wait for the new version itself, not for a second row.)
    const history = page.getByRole('table', { name: 'Rule versions' });
    await history.locator('tbody tr').first().locator('td').first().filter({ hasText: new RegExp(`^\\s*${newest}\\s*$`) }).waitFor();
    await history.locator('tbody tr').nth(1).waitFor();
    // Backtest a stricter candidate, unsaved, on the stored decisions: the held checkout
    // would now be blocked.
    await editor.fill(`block if email_domain = "review.example"\n`);
    const since = page.getByLabel('Backtest since', { exact: true });
    await since.fill('2999-01-01');
    await page.getByRole('button', { name: 'Backtest', exact: true }).click();
    const future = await fieldError(page, 'since');
    expect(/after today/.test(future), `unexpected message for a future date: ${future}`);
    await since.fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Backtest', exact: true }).click();
    const summary = page.getByRole('table', { name: 'Backtest', exact: true });
    const newlyBlocked = summary.locator('tbody tr', { hasText: 'Newly blocked' });
    await newlyBlocked.waitFor();
    const cells = await newlyBlocked.locator('td').allTextContents();
    expect(Number(cells[1]) >= 1, `the held checkout is not newly blocked: ${cells.join(' | ')}`);
    expect(/frd_/.test(cells[6]), `no example decision ids: ${cells[6]}`);
    await page.getByText(/^\d+ decisions replayed from /).waitFor();
    await page.getByRole('table', { name: 'Backtest by rule' }).getByText('block if email_domain = "review.example"').waitFor();
    await accessible(page, 'the rule editor with a backtest');
    const saved = await api('GET', '/v1/admin/fraud/rules', keys.operator_key);
    expect(saved.version === newest && saved.source.includes(reviewRule), 'backtesting changed the saved rules');
    await shot(page, 'console-rules');
    noProblems(page);
    await page.context().close();
  });

  // A consumer asks the assistant to pay, confirms, then asks for a person; the operator
  // claims the hand-off, answers (the consumer's open chat shows it) and closes it with
  // an outcome.
  await test('portal chat: a confirmed payment, then a hand-off the console answers and closes', async () => {
    const noah = 'noah.bennett@example.com';
    const consumer = (await api('GET', `/v1/admin/consumers?email=${encodeURIComponent(noah)}`, keys.operator_key)).data[0];
    const portal = await newPage();
    await portal.goto(`${server.base}/portal/`);
    await portal.getByLabel('Email', { exact: true }).fill(noah);
    await portal.getByRole('button', { name: 'Send me a code' }).click();
    await portal.getByLabel('Code', { exact: true }).waitFor();
    await portal.getByLabel('Code', { exact: true }).fill(await latestLoginCode(consumer.id));
    await portal.getByRole('button', { name: 'Log in' }).click();
    await portal.getByRole('heading', { name: 'Chat with us' }).waitFor();
    // The simulated processor fails or times out about 5 % of payments from a "standard"
    // card (drawn from the collection's random id), which made this test fail now and
    // then: Noah's card is set, through the consumer API, to one that always succeeds.
    const noahToken = await portal.evaluate(() => sessionStorage.getItem('tranche.consumer_token'));
    await api('PUT', '/v1/me/payment_method', noahToken, { type: 'card', last4: '4242', profile: 'always_succeeds' });
    // Keyboard only: reach "Start a chat", press Enter; focus lands in the message field.
    await tabTo(portal, () => document.activeElement?.textContent === 'Start a chat', 80);
    await portal.keyboard.press('Enter');
    await portal.waitForFunction(() => document.activeElement?.getAttribute('name') === 'text');
    // Bad input: an empty message, refused beside the field.
    await portal.keyboard.press('Enter');
    const empty = await fieldError(portal, 'text');
    expect(/text/.test(empty), `unexpected message for an empty message: ${empty}`);
    const plan = portal.locator('section.plan').first();
    const before = await plan.locator('.muted').first().textContent();
    await portal.keyboard.type('I want to pay $10 now');
    await portal.keyboard.press('Enter');
    // The change is stated, shown as proposed, read out, and waits for an explicit yes.
    const log = portal.getByRole('list', { name: 'Your conversation' });
    await log.locator('li.msg-assistant', { hasText: 'proposed' }).waitFor();
    const live = portal.locator('[aria-live="polite"][role="status"]');
    expect(/confirm/i.test(await live.textContent()), `the proposal was not read out: ${await live.textContent()}`);
    const confirm = portal.getByRole('group', { name: 'Confirm the change the assistant described' });
    await shot(portal, 'portal-chat-confirm');
    await accessible(portal, 'the portal chat with a pending change');
    // A reload keeps the conversation and the change waiting for its yes.
    await portal.reload();
    await confirm.getByRole('button', { name: 'Yes, do it' }).waitFor();
    await confirm.getByRole('button', { name: 'Yes, do it' }).click();
    await log.locator('li.msg-assistant', { hasText: 'done' }).waitFor();
    expect(await confirm.count() === 0, 'the confirmation stayed after the yes');
    // The plan above shows the payment.
    await portal.waitForFunction(([text]) => document.querySelector('section.plan .muted')?.textContent !== text, [before]);
    await portal.getByLabel('Your message', { exact: true }).fill('I want to talk to a human');
    await portal.getByRole('button', { name: 'Send', exact: true }).click();
    await portal.getByText(/handed this to a colleague/).waitFor();
    await shot(portal, 'portal-chat-handoff');
    await accessible(portal, 'the portal chat');
    const conversationId = await portal.evaluate(() => sessionStorage.getItem('tranche.conversation'));
    expect(/^cnv_/.test(conversationId ?? ''), `no conversation id: ${conversationId}`);

    const page = await consoleAt('#/handoffs');
    await page.getByRole('heading', { name: 'Hand-offs', exact: true }).waitFor();
    const row = page.locator('tr', { hasText: conversationId });
    await row.getByText('asked for a person').waitFor();
    await row.getByRole('link', { name: conversationId }).click();
    await page.getByRole('heading', { name: `Conversation ${conversationId}` }).waitFor();
    await page.getByRole('list', { name: 'Transcript' }).getByText('I want to talk to a human').waitFor();
    // The summary: why, the intents in order, the facts gathered and what was tried.
    await page.locator('dd', { hasText: /→ human_agent$/ }).waitFor();
    const handoff = page.getByRole('region', { name: `Conversation ${conversationId}` });
    await handoff.getByRole('table', { name: "The consumer's plans the assistant looked at" }).locator('tbody tr').first().waitFor();
    await handoff.getByText('Payment proposed; Payment done').waitFor();
    await accessible(page, 'the hand-off');
    await page.getByRole('button', { name: 'Claim this conversation' }).click();
    await page.getByText('Claimed: the consumer is told a colleague is on it.').waitFor();
    await portal.getByText('A colleague is looking at this now').waitFor({ timeout: 15_000 });
    const answer = 'Hi Noah, this is Sam at tranche. Your payment went through; what else can I do for you?';
    await page.getByLabel('Reply as a person', { exact: true }).fill(answer);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(/^Sent\./).waitFor();
    await page.getByRole('list', { name: 'Transcript' }).getByText(answer).waitFor();
    // The consumer's open chat fetches the person's reply and reads it out.
    await log.locator('li.msg-agent', { hasText: answer }).waitFor({ timeout: 15_000 });
    await portal.waitForFunction((text) => document.querySelector('[aria-live="polite"][role="status"]')?.textContent?.includes(text), answer);
    // Bad input: closing needs an outcome; the API's message shows beside the field.
    await page.getByRole('button', { name: 'Close the conversation' }).click();
    const missing = await fieldError(page, 'outcome');
    expect(/outcome/.test(missing), `unexpected message for a missing outcome: ${missing}`);
    await shot(page, 'console-handoff');
    await page.getByLabel('Outcome (required)', { exact: true }).fill('Explained when the next payment is due.');
    await page.getByRole('button', { name: 'Close the conversation' }).click();
    await page.getByText(`Closed ${conversationId}: Explained when the next payment is due.`).waitFor();
    // The closed conversation left the queue; the demo world's hardship hand-off waits.
    const inbox = page.getByRole('table', { name: 'Hand-offs' });
    await inbox.getByRole('link', { name: conversationId }).waitFor({ state: 'detached' });
    await inbox.locator('tr', { hasText: 'hardship' }).first().waitFor();
    await portal.getByText('This conversation is closed.').waitFor({ timeout: 15_000 });
    await portal.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await shot(portal, 'portal-chat-closed');
    noProblems(portal);
    noProblems(page);
    await page.context().close();
    await portal.context().close();
  });

  // Near the end: it moves the demo's clock two days.
  await test('console: the close reconciles a settlement file; an exception resolved with a reason', async () => {
    // Close today with no file waiting, then drop the processor's file of that date with
    // a line nobody knows: the next close reconciles it.
    const closed = await api('POST', '/v1/admin/clock/advance', keys.operator_key, { days: 1 });
    const fileDate = closed.closed[0].business_date;
    const inbox = join(dataDir, 'recon', 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, `settlement_${fileDate}.csv`),
      'value_date,processor_reference,reference,type,currency,amount_minor,fee_minor\r\n' +
      `${fileDate},pr_e2e,col_stranger,collection,USD,4200,0\r\n`);
    const next = await api('POST', '/v1/admin/clock/advance', keys.operator_key, { days: 1 });
    expect(next.closed[0].reconciliation.files === 1, `the close did not reconcile the file: ${JSON.stringify(next.closed[0])}`);
    const page = await consoleAt('#/reconciliation');
    await page.getByRole('heading', { name: 'Reconciliation', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Latest runs, newest first' }).getByText(fileDate).waitFor();
    const row = page.locator('tr', { hasText: 'col_stranger' });
    await row.getByText('unknown reference').waitFor();
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: /^Exception rex_/ }).waitFor();
    await accessible(page, 'the reconciliation page');
    await page.getByRole('button', { name: 'Claim this exception' }).click();
    await page.getByText(/^Claimed rex_/).waitFor();
    // Bad input: a reason is required; the API's message shows beside the field.
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const missing = await fieldError(page, 'note');
    expect(/note/.test(missing), `unexpected message for a missing note: ${missing}`);
    await shot(page, 'console-reconciliation');
    await page.getByLabel('Note (required)', { exact: true }).fill('A payment for another lender; returned to the processor.');
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByText(/^Resolved rex_.*: no adjustment\./i).waitFor();
    await page.getByText('Nothing waits for a person.').waitFor();
    noProblems(page);
    await page.context().close();
  });

  // After the closes above paid the rejected shop what it was owed (its payouts were
  // released), an operator refunds the rest of its customer's order: the shop now owes
  // the lender, and an operator writes the debt off.
  await test('console: a rejected merchant\'s debt written off with a reason', async () => {
    const shop = keys.merchant_keys[3];
    const buyer = await api('GET', `/v1/admin/consumers/${keys.consumer_ids[3]}`, keys.operator_key);
    const order = await api('GET', `/v1/admin/orders/${buyer.plans[0].order_id}`, keys.operator_key);
    const rest = order.captured_amount - order.refunded_amount;
    await api('POST', `/v1/admin/orders/${order.id}/refunds`, keys.operator_key,
      { amount: rest, reason: 'the rest returned after the shop closed' });
    const payable = `merchant_payable:${shop.currency}:${shop.merchant_id}`;
    const owed = (await api('GET', `/v1/admin/ledger/accounts/${payable}`, keys.operator_key)).balance;
    expect(owed > 0, `the shop owes nothing after the refund: ${owed}`);

    const page = await consoleAt(`#/merchants/${shop.merchant_id}`);
    const debt = page.getByRole('region', { name: `${shop.name}: debt` });
    await debt.getByRole('button', { name: 'Write off' }).waitFor();
    // Bad input: a reason is required; the API's message shows beside the field.
    await debt.getByRole('button', { name: 'Write off' }).click();
    const missing = await fieldError(page, 'reason');
    expect(/reason/.test(missing), `unexpected message for a missing reason: ${missing}`);
    await debt.getByLabel('Reason').fill('the shop is insolvent; the administrator pays nothing');
    await debt.getByRole('button', { name: 'Write off' }).click();
    await page.getByText(new RegExp(`^Wrote off .* of ${shop.name}'s debt\\.$`)).waitFor();
    await debt.getByRole('cell', { name: 'the shop is insolvent; the administrator pays nothing' }).waitFor();
    await accessible(page, 'the merchant page with its debt written off');
    await shot(page, 'console-merchant-debt-written-off');
    const after = await api('GET', `/v1/admin/ledger/accounts/${payable}`, keys.operator_key);
    expect(after.balance === 0, `the debt is still on the books: ${after.balance}`);
    const listed = await api('GET', `/v1/admin/merchants/${shop.merchant_id}/write-offs`, keys.operator_key);
    expect(listed.data.length === 1 && listed.data[0].amount === owed, `not written off: ${JSON.stringify(listed)}`);
    noProblems(page);
    await page.context().close();
  });
}

let exitCode = 1;
try {
  await run();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  exitCode = failed === 0 && results.length > 0 ? 0 : 1;
} catch (e) {
  console.log(`FAIL setup: ${e.stack ?? e}`);
} finally {
  if (browser) await browser.close();
  if (server) {
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
