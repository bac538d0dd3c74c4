import { hashToken } from './tokens.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(value: string): string {
  for (const { segment } of segmenter.segment(value)) return segment;
  return '';
}

/** "Ada Lovelace" → "AL", "小明" → "小", "ada" → "A": two initials only for names written in words. */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const latinLike = words.length > 1 && words.every((w) => /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(w));
  const picked = latinLike ? firstGrapheme(words[0]!) + firstGrapheme(words.at(-1)!) : firstGrapheme(words[0] ?? '');
  return (picked || '?').toLocaleUpperCase();
}

/** A stable hue per username, so a member keeps their colour when they change their display name. */
export function avatarHue(usernameKey: string): number {
  return parseInt(hashToken(usernameKey).slice(0, 4), 16) % 360;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A square SVG: initials on a coloured background. Text only, no scripts or external references. */
export function avatarSvg(displayName: string, usernameKey: string): string {
  const hue = avatarHue(usernameKey);
  const letters = initials(displayName);
  const size = [...segmenter.segment(letters)].length > 1 ? 52 : 60;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128" role="img">',
    `<rect width="128" height="128" fill="hsl(${hue} 55% 42%)"/>`,
    `<text x="64" y="66" fill="#fff" font-family="system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Noto Sans CJK SC', sans-serif" font-size="${size}" font-weight="600" text-anchor="middle" dominant-baseline="central">${escapeXml(letters)}</text>`,
    '</svg>',
  ].join('');
}

/** Where a member's avatar is served: their uploaded picture (core/uploads) when they have one and the row
 * carries it; otherwise the generated one, whose version changes with the display name so caches refresh. */
export function avatarUrl(user: { username: string; displayName: string; avatarKey?: string | null }): string {
  if (user.avatarKey) return `/uploads/${user.avatarKey}-a256.webp`;
  return `/avatar/${encodeURIComponent(user.username)}.svg?v=${nameVersion(user.displayName)}`;
}

// every page shows a few dozen authors: their names' hashes are kept rather than recomputed per render
const nameVersions = new Map<string, string>();
function nameVersion(displayName: string): string {
  let version = nameVersions.get(displayName);
  if (version === undefined) {
    if (nameVersions.size >= 10_000) nameVersions.clear();
    version = hashToken(displayName).slice(0, 8);
    nameVersions.set(displayName, version);
  }
  return version;
}
