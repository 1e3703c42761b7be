// The Models page: each model the server runs (credit champion, challenger, fraud) with
// what training measured on held-out rows and how it does on the window's decisions —
// ROC curves, calibration (predicted against observed), PSI of its score by week with
// the 0.1 and 0.25 bands — and the credit deciders side by side. Every chart has the
// same figures in a table beside it.
import { useState } from 'preact/hooks';
import { Chart, XYChart, dayToUnix } from '../lib/chart';
import { dateTime, label } from '../lib/format';
import { Alert, Field, Loading, Section, Table, errorFor, formError, useLoad } from '../lib/ui';
import { op } from './session';

interface CalibrationBin {
  min_pd: number;
  max_pd: number;
  count: number;
  mean_pd: number;
  observed_rate: number;
}

interface Curves {
  rows: number;
  positives: number;
  auc: number | null;
  roc: Array<[number, number]>;
  calibration: CalibrationBin[];
}

interface PsiPoint {
  week_start: string;
  count: number;
  psi: number | null;
  verdict: string | null;
}

interface ModelCard {
  kind: 'credit' | 'fraud';
  role: 'champion' | 'challenger' | 'fraud';
  version: string;
  written_at: string | null;
  features: number;
  training_rows: number;
  held_out: (Curves & { method: string }) | null;
  live: { scored: number; psi: PsiPoint[]; outcomes: Curves };
}

interface VersionRow {
  decider_version: string;
  shadow: boolean;
  decisions: number;
  approved: number;
  approval_rate: number | null;
  mean_pd: number | null;
  matured: number;
  defaulted: number;
  default_rate: number | null;
}

interface ModelsReport {
  since: string;
  until: string;
  matured_by: string;
  decisions: { credit: number; credit_capped: boolean; credit_cap: number; fraud: number; fraud_capped: boolean; fraud_cap: number };
  psi_bands: { investigate: number; significant: number };
  models: ModelCard[];
  champion_challenger: {
    mode: 'shadow' | 'share' | null;
    share: number | null;
    versions: VersionRow[];
    head_to_head: { matured: number; defaulted: number; champion_auc: number | null; challenger_auc: number | null } | null;
  };
}

const fixed = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)} %`);

const TITLES: Record<ModelCard['role'], string> = {
  champion: 'Credit model (champion)',
  challenger: 'Credit model (challenger)',
  fraud: 'Fraud model',
};

const METHODS: Record<string, string> = {
  validation_split: 'a validation split the training never saw',
  nested_cv: 'nested cross-validation',
  cross_validated: 'out-of-fold rows (optimistic: the search chose on them)',
};

function Roc({ title, curves }: { title: string; curves: Curves }) {
  const x = curves.roc.map((p) => p[0]);
  return (
    <>
      <XYChart
        title={`${title}: AUC ${fixed(curves.auc)} on ${curves.rows} rows, ${curves.positives} positive`}
        x={x}
        xLabel="false-positive rate"
        yLabel="true-positive rate"
        series={[
          { label: 'model', color: '#1f4e79', values: curves.roc.map((p) => p[1]) },
          { label: 'chance', color: '#6b6b6b', values: x, dash: [6, 4] },
        ]}
      />
      <details>
        <summary>{title}: the curve's points</summary>
        <Table
          caption={`${title}: points`}
          rows={curves.roc}
          columns={[
            { title: 'False-positive rate', render: (p) => p[0].toFixed(3), numeric: true },
            { title: 'True-positive rate', render: (p) => p[1].toFixed(3), numeric: true },
          ]}
        />
      </details>
    </>
  );
}

function Calibration({ title, bins }: { title: string; bins: CalibrationBin[] }) {
  const x = bins.map((b) => b.mean_pd);
  const top = Math.min(1, Math.max(0.05, ...bins.map((b) => Math.max(b.mean_pd, b.observed_rate))) * 1.1);
  return (
    <>
      <XYChart
        title={title}
        x={x}
        xLabel="predicted probability"
        yLabel="observed rate"
        range={[0, top]}
        series={[
          { label: 'observed', color: '#b3261e', values: bins.map((b) => b.observed_rate), points: true },
          { label: 'perfect calibration', color: '#6b6b6b', values: x, dash: [6, 4] },
        ]}
      />
      <Table
        caption={`${title}: bins`}
        rows={bins}
        columns={[
          { title: 'Predicted from', render: (b) => fixed(b.min_pd), numeric: true },
          { title: 'to', render: (b) => fixed(b.max_pd), numeric: true },
          { title: 'Rows', render: (b) => b.count, numeric: true },
          { title: 'Mean predicted', render: (b) => fixed(b.mean_pd), numeric: true },
          { title: 'Observed', render: (b) => fixed(b.observed_rate), numeric: true },
        ]}
      />
    </>
  );
}

function Psi({ model, bands }: { model: ModelCard; bands: ModelsReport['psi_bands'] }) {
  const weeks = model.live.psi;
  if (weeks.length === 0) return <p class="muted">This model recorded no training baseline, so its drift cannot be measured.</p>;
  const title = `PSI of the score against training, by week (above ${bands.investigate}: investigate; above ${bands.significant}: a significant shift)`;
  return (
    <>
      <Chart
        title={title}
        days={weeks.map((w) => dayToUnix(w.week_start))}
        valueLabel={(v) => v.toFixed(2)}
        series={[
          { label: 'PSI', color: '#1f4e79', values: weeks.map((w) => w.psi), points: true },
          { label: 'investigate', color: '#7a4f01', values: weeks.map(() => bands.investigate), dash: [6, 4] },
          { label: 'significant shift', color: '#b3261e', values: weeks.map(() => bands.significant), dash: [2, 4] },
        ]}
      />
      <Table
        caption={`PSI by week, ${TITLES[model.role]}`}
        rows={weeks.filter((w) => w.count > 0)}
        empty="No decisions scored by this model in the window."
        columns={[
          { title: 'Week from', render: (w) => w.week_start },
          { title: 'Decisions', render: (w) => w.count, numeric: true },
          { title: 'PSI', render: (w) => fixed(w.psi), numeric: true },
          { title: 'Verdict', render: (w) => (w.verdict ? label(w.verdict.replace(/ /g, '_')) : '–') },
        ]}
      />
    </>
  );
}

function Card({ model, report }: { model: ModelCard; report: ModelsReport }) {
  const outcome = model.kind === 'credit' ? `matured decisions (an instalment due by ${report.matured_by})` : 'decisions labelled by reviews, disputes and chargebacks';
  const live = model.live.outcomes;
  const id = `model-${model.role}`;
  return (
    <Section title={`${TITLES[model.role]} ${model.version}`} id={id}>
      <dl class="kpis">
        <div><dt>Version</dt><dd><code>{model.version}</code></dd></div>
        <div><dt>Trained</dt><dd>{model.written_at ? dateTime(model.written_at) : '–'}</dd></div>
        <div><dt>Features</dt><dd>{model.features}</dd></div>
        <div><dt>Training rows</dt><dd>{model.training_rows}</dd></div>
        <div><dt>Held-out AUC</dt><dd>{fixed(model.held_out?.auc ?? null)}</dd></div>
        <div><dt>Scored in window</dt><dd>{model.live.scored}</dd></div>
        <div><dt>Live AUC</dt><dd>{fixed(live.auc)}</dd></div>
      </dl>
      <h3>At training</h3>
      {model.held_out ? (
        <>
          <p>Measured on {METHODS[model.held_out.method] ?? model.held_out.method}.</p>
          {model.held_out.roc.length > 0 && <Roc title={`ROC at training, ${TITLES[model.role]}`} curves={model.held_out} />}
          {model.held_out.calibration.length > 0 && (
            <Calibration title={`Calibration at training, ${TITLES[model.role]}`} bins={model.held_out.calibration} />
          )}
        </>
      ) : (
        <p class="muted">This model was trained before curves were recorded; train it again to see them.</p>
      )}
      <h3>Live, {report.since} to {report.until}</h3>
      <p>
        {live.rows} of {model.live.scored} scored decisions have a known outcome ({outcome}); {live.positives} positive.
      </p>
      {live.roc.length > 0 ? (
        <Roc title={`ROC on live outcomes, ${TITLES[model.role]}`} curves={live} />
      ) : (
        <p class="muted">No ROC yet: it needs known outcomes of both kinds.</p>
      )}
      {live.calibration.length > 0 && <Calibration title={`Calibration on live outcomes, ${TITLES[model.role]}`} bins={live.calibration} />}
      <Psi model={model} bands={report.psi_bands} />
    </Section>
  );
}

function ChampionChallenger({ report }: { report: ModelsReport }) {
  const cc = report.champion_challenger;
  const h = cc.head_to_head;
  return (
    <Section title="Credit deciders side by side" id="deciders">
      <p>
        {cc.mode === 'shadow' && 'The challenger scores every application in shadow; the champion decides.'}
        {cc.mode === 'share' && `The challenger decides for ${percent(cc.share)} of consumers.`}
        {cc.mode === null && 'No challenger runs.'} Default: an instalment still unpaid that fell due by {report.matured_by}.
      </p>
      <Table
        caption="Credit deciders side by side"
        rows={cc.versions}
        empty="No credit decisions in the window."
        columns={[
          { title: 'Decider', render: (v) => <code>{v.decider_version}</code> },
          { title: 'Role', render: (v) => (v.shadow ? 'shadow' : 'decided') },
          { title: 'Decisions', render: (v) => v.decisions, numeric: true },
          { title: 'Approval rate', render: (v) => percent(v.approval_rate), numeric: true },
          { title: 'Mean PD', render: (v) => fixed(v.mean_pd), numeric: true },
          { title: 'Matured', render: (v) => v.matured, numeric: true },
          { title: 'Default rate', render: (v) => percent(v.default_rate), numeric: true },
        ]}
      />
      {h && (
        <p>
          On the {h.matured} matured decisions both scored ({h.defaulted} defaulted): champion AUC {fixed(h.champion_auc)},
          challenger AUC {fixed(h.challenger_auc)}.
        </p>
      )}
    </Section>
  );
}

export function Models() {
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [query, setQuery] = useState('');
  const report = useLoad(() => op<ModelsReport>('GET', `/v1/admin/models${query}`), [query]);
  // A refused window shows beside its field (or above the form), not again below.
  const error = report.error;
  const submit = (e: Event) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (since.trim()) q.set('since', since.trim());
    if (until.trim()) q.set('until', until.trim());
    setQuery(q.toString() ? `?${q}` : '');
  };
  return (
    <>
      <h1>Models</h1>
      <form onSubmit={submit} class="inline-form" aria-label="Window of decisions">
        <Field label="Since" name="since" value={since} onInput={setSince} hint="YYYY-MM-DD; default 90 days to until" error={errorFor(error, 'since')} />
        <Field label="Until" name="until" value={until} onInput={setUntil} hint="YYYY-MM-DD; default today" error={errorFor(error, 'until')} />
        <button type="submit">Show</button>
        <Alert message={formError(error, ['since', 'until'])} />
      </form>
      {!error && <Loading state={report}>
        {(r) => (
          <>
            <p>
              Decisions from {r.since} to {r.until}: {r.decisions.credit} credit, {r.decisions.fraud} fraud.
              {r.decisions.credit_capped && ` Only the first ${r.decisions.credit_cap} credit decisions were read.`}
              {r.decisions.fraud_capped && ` Only the first ${r.decisions.fraud_cap} fraud decisions were read.`}
            </p>
            {r.models.length === 0 && <p class="muted">This server runs no credit or fraud model.</p>}
            <div class="grid">
              {r.models.map((m) => (
                <Card model={m} report={r} />
              ))}
              <ChampionChallenger report={r} />
            </div>
          </>
        )}
      </Loading>}
    </>
  );
}
