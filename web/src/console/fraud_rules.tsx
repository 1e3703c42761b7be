// The fraud rule editor: the current rules in a text area with their score thresholds,
// saved as the next version (PUT); when the rules do not check, every error the parser
// found is listed beside the editor with its line and column, and choosing one puts
// the cursor there. "Backtest" replays the text in the editor, unsaved, on the stored
// decisions since a date and shows what it would have blocked, reviewed and allowed,
// what changes, and what the labels say. Below: the features rules may use and the
// version history, any version of which can be loaded back into the editor.
import { useRef, useState } from 'preact/hooks';
import { ApiError, type List, type TextError } from '../lib/api';
import { dateTime, money } from '../lib/format';
import { Alert, Field, Loading, Section, Table, errorFor, formError, useLoad, useSubmit } from '../lib/ui';
import { op } from './session';
import type { BacktestBucket, FraudBacktest, FraudRules } from './types';

interface Draft {
  version: number;
  source: string;
  review_threshold: number;
  block_threshold: number;
  // Changes whenever a draft is loaded, so the editor starts again from it.
  generation: number;
}

// The UTF-16 offset in `text` of a 1-based line and 1-based byte column (the API counts
// bytes of UTF-8).
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); ++i) offset += lines[i].length + 1;
  const target = lines[Math.min(line - 1, lines.length - 1)] ?? '';
  const encoder = new TextEncoder();
  let bytes = 0;
  let units = 0;
  for (const ch of target) {
    if (bytes >= column - 1) break;
    bytes += encoder.encode(ch).length;
    units += ch.length;
  }
  return offset + units;
}

function count(rules: number): string {
  return `${rules} ${rules === 1 ? 'rule' : 'rules'}`;
}

// A threshold as typed: a number when it is one, else the text, for the API to refuse
// with its own message.
function threshold(text: string): number | string {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : text;
}

function RuleErrors({ error, onJump }: { error: ApiError; onJump: (e: TextError) => void }) {
  return (
    <>
      <p class="field-error-title">{error.message}</p>
      <ul class="rule-errors">
        {error.errors.map((e) => (
          <li>
            <button type="button" class="link" onClick={() => onJump(e)}>
              Line {e.line}, column {e.column}
            </button>
            : {e.message}
          </li>
        ))}
        {error.moreErrors > 0 && <li>and {error.moreErrors} more</li>}
      </ul>
    </>
  );
}

// The UTC date `days` before today, as the API takes it (YYYY-MM-DD).
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

function share(ratio: number | null): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(1)} %`;
}

function amounts(b: BacktestBucket): string {
  return b.amounts.length === 0 ? '–' : b.amounts.map((a) => money(a.amount, a.currency)).join(', ');
}

// What a backtest found: the buckets with their labels and examples, the change against
// what was decided, and each rule's hits.
function BacktestResult({ result }: { result: FraudBacktest }) {
  const rows: Array<[string, BacktestBucket]> = [
    ['Would block', result.would_block],
    ['Would review', result.would_review],
    ['Would allow', result.would_allow],
    ['Newly blocked', result.newly_blocked],
    ['Newly reviewed', result.newly_reviewed],
    ['Newly allowed', result.newly_allowed],
  ];
  return (
    <div class="backtest" aria-live="polite">
      <p>
        {result.replayed} decisions replayed from {result.since} to {result.until}
        {result.limit_reached && ` (the limit of ${result.max_decisions} was reached: only the oldest were replayed)`};{' '}
        {result.unchanged} decided as they were.
      </p>
      <p>
        Fraud caught: {result.fraud_caught} of {result.labelled_fraud} labelled fraud (recall {share(result.recall)}; the
        stored decisions caught {result.fraud_caught_before}); precision over labelled decisions {share(result.precision)};{' '}
        {result.labelled_legitimate} labelled legitimate.
      </p>
      <p class="muted">
        Lists are read as they are now{result.lists.length > 0 ? ` (${result.lists.map((l) => `@${l}`).join(', ')})` : ''}; score
        thresholds are {result.thresholds}.
      </p>
      <Table
        caption="Backtest"
        rows={rows}
        columns={[
          { title: 'Outcome', render: ([name]) => name },
          { title: 'Decisions', render: ([, b]) => b.count, numeric: true },
          { title: 'Labelled fraud', render: ([, b]) => b.labelled_fraud, numeric: true },
          { title: 'Labelled legitimate', render: ([, b]) => b.labelled_legitimate, numeric: true },
          { title: 'Unlabelled', render: ([, b]) => b.unlabelled, numeric: true },
          { title: 'Amount', render: ([, b]) => amounts(b) },
          {
            title: 'Examples',
            render: ([, b]) => (b.example_decision_ids.length === 0 ? '–' : b.example_decision_ids.map((id) => <code>{id} </code>)),
          },
        ]}
      />
      <Table
        caption="Backtest by rule"
        rows={result.rules}
        empty="No rules: the score's thresholds decide."
        columns={[
          { title: 'Line', render: (r) => r.line, numeric: true },
          { title: 'Rule', render: (r) => <code>{r.text}</code> },
          { title: 'Fired', render: (r) => r.fired, numeric: true },
          { title: 'Decided', render: (r) => r.decided, numeric: true },
          { title: 'On labelled fraud', render: (r) => r.fired_on_labelled_fraud, numeric: true },
        ]}
      />
    </div>
  );
}

function Editor({ draft, onSaved }: { draft: Draft; onSaved: (message: string) => void }) {
  const [source, setSource] = useState(draft.source);
  const [review, setReview] = useState(String(draft.review_threshold));
  const [block, setBlock] = useState(String(draft.block_threshold));
  const [since, setSince] = useState(daysAgo(30));
  const [backtest, setBacktest] = useState<FraudBacktest | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const { error, busy, submit } = useSubmit(onSaved);
  const tested = useSubmit();
  const jump = (e: TextError) => {
    const el = area.current;
    if (!el) return;
    const at = offsetOf(el.value, e.line, e.column);
    el.focus();
    el.setSelectionRange(at, at);
  };
  // The rules' errors, from saving (param `source`) or backtesting (param `rules`).
  const rulesError = (e: unknown, param: string) =>
    e instanceof ApiError && e.param === param
      ? e.errors.length > 0
        ? <RuleErrors error={e} onJump={jump} />
        : e.message
      : '';
  const sourceError = rulesError(error, 'source') || rulesError(tested.error, 'rules');
  const runBacktest = () =>
    tested.submit(async () => {
      setBacktest(null);
      setBacktest(await op<FraudBacktest>('POST', '/v1/admin/fraud/backtest', { body: { rules: source, since } }));
    });
  return (
    <>
      <form
        aria-label="Edit the fraud rules"
        onSubmit={(e) => {
          e.preventDefault();
          submit(async () => {
            const saved = await op<FraudRules>('PUT', '/v1/admin/fraud/rules', {
              body: { source, review_threshold: threshold(review), block_threshold: threshold(block) },
            });
            return `Saved as version ${saved.version} with ${count(saved.rule_count)}.`;
          });
        }}
      >
        <Field
          label="Rules"
          name="source"
          value={source}
          onInput={setSource}
          rows={Math.min(24, Math.max(8, source.split('\n').length + 2))}
          code
          textareaRef={area}
          hint='One rule a line: allow|block|review if <expression>, e.g. review if amount > 100000 and ip_country != billing_country. Lists as @name; # starts a comment; "" removes every rule.'
          error={sourceError}
        />
        <div class="inline-form">
          <Field label="Review at score" name="review_threshold" inputMode="numeric" value={review} onInput={setReview} error={errorFor(error, 'review_threshold')} />
          <Field label="Block at score (100: never)" name="block_threshold" inputMode="numeric" value={block} onInput={setBlock} error={errorFor(error, 'block_threshold')} />
          <button type="submit" disabled={busy}>
            Save as a new version
          </button>
        </div>
        <Alert message={formError(error, ['source', 'review_threshold', 'block_threshold'])} />
      </form>
      <form
        aria-label="Backtest the rules"
        onSubmit={(e) => {
          e.preventDefault();
          runBacktest();
        }}
      >
        <div class="inline-form">
          <Field
            label="Backtest since"
            name="since"
            type="date"
            value={since}
            onInput={setSince}
            hint="Replays the rules above, unsaved, on the decisions from this day (UTC) until today."
            error={errorFor(tested.error, 'since')}
          />
          <button type="submit" class="secondary" disabled={tested.busy}>
            Backtest
          </button>
        </div>
        <Alert message={formError(tested.error, ['rules', 'since'])} />
        {backtest && <BacktestResult result={backtest} />}
      </form>
    </>
  );
}

export function FraudRulesPage() {
  const [tick, setTick] = useState(0);
  const [saved, setSaved] = useState('');
  const [loaded, setLoaded] = useState<Draft | null>(null);
  const current = useLoad(() => op<FraudRules>('GET', '/v1/admin/fraud/rules'), [tick]);
  const versions = useLoad(() => op<List<FraudRules>>('GET', '/v1/admin/fraud/rules/versions?limit=20'), [tick]);
  const load = (v: FraudRules) => {
    setSaved('');
    setLoaded({ ...v, generation: (loaded?.generation ?? 0) + 1 });
  };
  return (
    <>
      <h1>Fraud rules</h1>
      <Section title="Current rules" id="rules">
        <Loading state={current}>
          {(rules) => {
            const draft = loaded ?? { ...rules, generation: 0 };
            return (
              <>
                <p class="muted">
                  {rules.version === 0
                    ? 'No rules saved yet.'
                    : `Version ${rules.version}, saved by ${rules.created_by} at ${dateTime(rules.created_at ?? '')}: ${count(rules.rule_count)}.`}
                  {loaded && ` The editor holds version ${loaded.version}; saving makes it the newest.`}
                </p>
                <Editor
                  key={`${rules.version}-${draft.generation}`}
                  draft={draft}
                  onSaved={(message) => {
                    setSaved(message);
                    setLoaded(null);
                    setTick((t) => t + 1);
                  }}
                />
                <Alert kind="ok" message={saved} />
                <details>
                  <summary>Features rules can use ({rules.features?.length ?? 0})</summary>
                  <Table
                    caption="Features"
                    rows={rules.features ?? []}
                    columns={[
                      { title: 'Name', render: (f) => <code>{f.name}</code> },
                      { title: 'Type', render: (f) => f.type },
                      { title: 'Meaning', render: (f) => f.description },
                    ]}
                  />
                </details>
              </>
            );
          }}
        </Loading>
      </Section>
      <Section title="Version history, newest first" id="versions">
        <Loading state={versions}>
          {(list) => (
            <Table
              caption="Rule versions"
              rows={list.data}
              empty="No version saved yet."
              columns={[
                { title: 'Version', render: (v) => v.version, numeric: true },
                { title: 'Saved by', render: (v) => v.created_by ?? '–' },
                { title: 'When', render: (v) => (v.created_at ? dateTime(v.created_at) : '–') },
                { title: 'Rules', render: (v) => v.rule_count, numeric: true },
                { title: 'Review / block at', render: (v) => `${v.review_threshold} / ${v.block_threshold}` },
                {
                  title: 'Text',
                  render: (v) => (
                    <details>
                      <summary>Show the rules</summary>
                      <pre class="json">{v.source || '(no rules)'}</pre>
                    </details>
                  ),
                },
                {
                  title: 'Editor',
                  render: (v) => (
                    <button type="button" class="secondary" onClick={() => load(v)} aria-label={`Load version ${v.version} into the editor`}>
                      Load
                    </button>
                  ),
                },
              ]}
            />
          )}
        </Loading>
      </Section>
    </>
  );
}
