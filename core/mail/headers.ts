/** Line breaks in a header value would let input add headers of its own. */
export function headerSafe(value: string): string {
  return value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

// RFC 5322 field names: printable ASCII except ':'; we allow the usual letters, digits and hyphens only
const fieldName = /^[A-Za-z][A-Za-z0-9-]{0,75}$/;

/** Keeps well-formed header names and strips line breaks from every value. */
export function safeHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (fieldName.test(name)) out[name] = headerSafe(value);
  }
  return out;
}

// one bare address: no display name, list, group or comment syntax that could add recipients
const bareAddress = /^[^\s@,;:<>"()[\]\\]+@[^\s@,;:<>"()[\]\\]+$/;

/** The recipient as one bare address, or an error: a list or group here would mail someone else too. */
export function singleRecipient(to: string): string {
  const address = to.trim();
  if (address.length > 254 || !bareAddress.test(address)) throw new Error('mail recipient must be one plain address');
  return address;
}
