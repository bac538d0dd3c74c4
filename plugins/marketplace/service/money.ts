/** Digits after the decimal point for a currency (2 for CNY and USD, 0 for JPY), from the ICU data. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const amountShape = /^\d{1,9}(?:[.,]\d{1,2})?$/;

/** "99.5" → 9950 (minor units) for a 2-digit currency; null when the text is not an amount. */
export function parseAmount(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (!amountShape.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.replace(',', '.').split('.');
  const digits = currencyDigits(currency);
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** 9950 CNY → "¥99.50" (en) / "¥99.50" (zh-CN): the viewer's number format, the listing's currency. */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits }).format(
    minor / 10 ** digits,
  );
}
