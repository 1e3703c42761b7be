// Small shared pieces: labelled fields that show the API's message beside themselves,
// a form-level alert for the rest, tables, and a loader hook.
import type { ComponentChildren, Ref } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';

// The error a form shows: beside the field the API named (`param`), or above the form.
export function errorFor(error: unknown, param: string): string {
  return error instanceof ApiError && error.param === param ? error.message : '';
}

export function formError(error: unknown, fields: string[]): string {
  if (!error) return '';
  if (error instanceof ApiError && fields.includes(error.param)) return '';
  return error instanceof Error ? error.message : String(error);
}

let fieldCounter = 0;
function useFieldId(name: string): string {
  const [id] = useState(() => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-${++fieldCounter}`);
  return id;
}

// What a control needs to be tied to its label, hint and message.
interface ControlIds {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

// The frame every field shares: the label, the control, a hint and the API's message
// for it (announced when it appears; `data-param` names the field for tests).
function Labelled({ name, label, hint, error, control }: {
  name: string;
  label: string;
  hint?: string;
  error?: ComponentChildren;
  control: (ids: ControlIds) => ComponentChildren;
}) {
  const id = useFieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described || undefined })}
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {error && (
        <div id={`${id}-error`} class="field-error" role="alert" data-param={name}>
          {error}
        </div>
      )}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  // A string, or richer content (the rule editor's list of positions).
  error?: ComponentChildren;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'text' | 'tel';
  hint?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  // A text area of this many rows instead of a one-line input; `code` sets it in a
  // fixed-width face without spell-checking.
  rows?: number;
  code?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function Field(p: FieldProps) {
  const onInput = (e: Event) => p.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return (
    <Labelled
      name={p.name}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(ids) =>
        p.rows ? (
          <textarea
            {...ids}
            ref={p.textareaRef}
            name={p.name}
            rows={p.rows}
            class={p.code ? 'code' : undefined}
            spellcheck={p.code ? false : undefined}
            value={p.value}
            onInput={onInput}
          />
        ) : (
          <input
            {...ids}
            ref={p.inputRef}
            name={p.name}
            type={p.type ?? 'text'}
            value={p.value}
            autoComplete={p.autoComplete}
            inputMode={p.inputMode}
            required={p.required}
            onInput={onInput}
          />
        )
      }
    />
  );
}

interface SelectProps {
  label: string;
  name: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
  error?: string;
}

export function Select(p: SelectProps) {
  return (
    <Labelled
      name={p.name}
      label={p.label}
      error={p.error}
      control={(ids) => (
        <select {...ids} name={p.name} value={p.value} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}>
          {p.options.map(([value, text]) => (
            <option value={value} key={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function Alert({ message, kind = 'error' }: { message: string; kind?: 'error' | 'ok' }) {
  if (!message) return null;
  return (
    <p class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {message}
    </p>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

export interface Column<T> {
  title: string;
  render: (row: T) => ComponentChildren;
  numeric?: boolean;
}

export function Table<T>({ rows, columns, caption, empty }: { rows: T[]; columns: Column<T>[]; caption: string; empty?: string }) {
  if (rows.length === 0) return <p class="muted">{empty ?? 'Nothing yet.'}</p>;
  return (
    // Focusable so a keyboard can scroll a table wider than the screen.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? 'num' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {columns.map((c) => (
                <td class={c.numeric ? 'num' : undefined}>{c.render(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pill({ text }: { text: string }) {
  return <span class={`pill pill-${text.replace(/[^a-z0-9_]/gi, '')}`}>{text.replace(/_/g, ' ')}</span>;
}

// A form's submission: busy while `step` runs, its error kept for the fields, and the
// message it resolves to (if any) handed to `onDone`.
export function useSubmit(onDone: (message: string) => void = () => undefined) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (step: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    try {
      onDone((await step()) ?? '');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, submit };
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Runs `load` now and whenever `deps` change; reload() runs it again.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) return <Alert message={state.error instanceof Error ? state.error.message : String(state.error)} />;
  if (state.data === null) return <p class="muted" aria-live="polite">Loading…</p>;
  return <>{children(state.data)}</>;
}

// The id after the page in a route: "/consumers/abc" → "abc" ("" when none).
export function routeId(route: string): string {
  return decodeURIComponent(route.split('/')[2] ?? '');
}

// The hash route ("#/consumers" → "/consumers"), updated on navigation.
export function useHashRoute(): string {
  const read = () => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

// An operator's decision with an optional note: the note, a button that agrees and a
// (danger) button that refuses; the note's error beside it, any other below.
export function DecisionForm({ label, note, onNote, busy, error, agree, refuse }: {
  label: string;
  note: string;
  onNote: (value: string) => void;
  busy: boolean;
  error: unknown;
  agree: { text: string; onClick: () => void };
  refuse: { text: string; onClick: () => void };
}) {
  return (
    <form aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Note"
        name="note"
        rows={3}
        value={note}
        onInput={onNote}
        hint="Optional; up to 1,000 characters. Kept with the decision."
        error={errorFor(error, 'note')}
      />
      <div class="actions">
        <button type="button" disabled={busy} onClick={agree.onClick}>
          {agree.text}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={refuse.onClick}>
          {refuse.text}
        </button>
      </div>
      <Alert message={formError(error, ['note'])} />
    </form>
  );
}
