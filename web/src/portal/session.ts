// The consumer's login token in this tab (sessionStorage only).
import { call, storedToken, storeToken } from '../lib/api';

const TOKEN = 'tranche.consumer_token';

export const consumerToken = (): string => storedToken(TOKEN);
export const setConsumerToken = (token: string): void => storeToken(TOKEN, token);

// A consumer API call with the stored token.
export function me<T>(method: string, path: string, body?: unknown): Promise<T> {
  return call<T>(method, path, { token: consumerToken(), body });
}
