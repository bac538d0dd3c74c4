import { createHmac, timingSafeEqual } from 'node:crypto';

export const unsubscribePurposes = ['digest', 'replies', 'all'] as const;
export type UnsubscribePurpose = (typeof unsubscribePurposes)[number];

export interface UnsubscribeClaim {
  userId: number;
  purpose: UnsubscribePurpose;
  issuedAt: number;
}

const shape = /^([1-9][0-9]{0,9})\.([a-z]{1,16})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;

// The label keeps these signatures apart from anything else the forum signs with the same secret.
function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe\n${payload}`).digest();
}

/** `<userId>.<purpose>.<issuedAt>.<HMAC-SHA256, base64url>`: not guessable, and bound to one member and purpose. */
export function signUnsubscribeToken(secret: string, userId: number, purpose: UnsubscribePurpose, issuedAt = Math.floor(Date.now() / 1000)): string {
  const payload = `${userId}.${purpose}.${issuedAt}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The claim of a genuine token, or null for anything forged, altered or for another purpose. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const match = shape.exec(token);
  if (!match) return null;
  const [, userId, purpose, issuedAt, sig] = match as unknown as [string, string, string, string, string];
  // compared as text: base64url's last character has spare bits, so two spellings can decode alike
  const expected = Buffer.from(signature(secret, `${userId}.${purpose}.${issuedAt}`).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!(unsubscribePurposes as readonly string[]).includes(purpose)) return null;
  return { userId: Number(userId), purpose: purpose as UnsubscribePurpose, issuedAt: Number(issuedAt) };
}
