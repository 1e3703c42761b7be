// Display helpers. Money stays in integer minor units: it is formatted by splitting the
// digits, never by dividing into a floating-point number.

const SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', SEK: 'kr ' };

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// 12999, "USD" → "$129.99". Every supported currency has two decimals.
export function money(minor: number, currency: string): string {
  const negative = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(3, '0');
  const text = `${groupThousands(digits.slice(0, -2))}.${digits.slice(-2)}`;
  return `${negative ? '−' : ''}${SYMBOL[currency] ?? `${currency} `}${text}`;
}

// "129.99" → 12999; null when the text is not an amount with at most two decimals.
export function parseMinor(text: string): number | null {
  const m = /^\s*(\d{1,10})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

// Minor units as the plain decimal a person types back ("129.99").
export function minorToInput(minor: number): string {
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function percentFromBps(bps: number): string {
  const digits = String(bps).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)} %`;
}

export function dateTime(rfc3339: string): string {
  return rfc3339.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

export const PRODUCT_NAMES: Record<string, string> = {
  pay_in_4: 'Pay in 4',
  pay_in_30: 'Pay in 30 days',
  financing_6: 'Financing, 6 months',
  financing_12: 'Financing, 12 months',
  financing_24: 'Financing, 24 months',
};

export function productName(product: string): string {
  return PRODUCT_NAMES[product] ?? product;
}

export function label(snake: string): string {
  const s = snake.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// 3725 → "1 h 2 min"; under a minute → "under a minute".
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', days === 0 ? `${minutes % 60} min` : ''];
  return parts.filter((p) => p && p !== '0 min').join(' ');
}
