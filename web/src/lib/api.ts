// The public API, called from the browser. Every call goes to the same origin that
// served the page; errors come back as ApiError carrying the API's own message and the
// parameter it names, so forms can show it beside the field.

// One position in a text the API refused (the fraud rules' `invalid_rules`): 1-based
// line and column (bytes) and what was expected there.
export interface TextError {
  line: number;
  column: number;
  message: string;
}

export interface ApiErrorBody {
  type?: string;
  code?: string;
  message?: string;
  param?: string;
  errors?: TextError[];
  more_errors?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param: string;
  readonly errors: TextError[];
  readonly moreErrors: number;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message ?? `request failed (${status})`);
    this.status = status;
    this.code = body.code ?? 'unknown';
    this.param = body.param ?? '';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.moreErrors = body.more_errors ?? 0;
  }
}

export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  // POSTs get a fresh key unless one is given, so a retried click cannot act twice.
  idempotencyKey?: string;
}

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method === 'POST') headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'The server could not be reached. Try again.' });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: ApiErrorBody } | null)?.error ?? {};
    throw new ApiError(response.status, error);
  }
  return parsed as T;
}

// A token kept for this browser tab only (sessionStorage): gone when the tab closes.
export function storedToken(name: string): string {
  return sessionStorage.getItem(name) ?? '';
}

export function storeToken(name: string, token: string): void {
  if (token) sessionStorage.setItem(name, token);
  else sessionStorage.removeItem(name);
}
