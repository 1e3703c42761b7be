// The operator's session in this tab: their key, kept in sessionStorage only.
import { call, storedToken, storeToken, type CallOptions } from '../lib/api';

const KEY = 'tranche.operator_key';

export function operatorKey(): string {
  return storedToken(KEY);
}

export function setOperatorKey(key: string): void {
  storeToken(KEY, key);
}

// An operator API call with the stored key.
export function op<T>(method: string, path: string, options: Omit<CallOptions, 'token'> = {}): Promise<T> {
  return call<T>(method, path, { ...options, token: operatorKey() });
}
