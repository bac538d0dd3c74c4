/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry at all. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
