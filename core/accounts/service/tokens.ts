import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const TOKEN_BYTES = 20;
// Drawn from the system's CSPRNG a few kilobytes at a time: one call per token costs a lot on a busy
// server (member templates and submission keys draw many). Each slice is used once and encoded at once.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;

/** 20 random bytes (160 bits of entropy) as lower-case base32, as Lucia's session guide recommends. */
export function generateToken(): string {
  if (poolOffset + TOKEN_BYTES > pool.length) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database stores instead of a token: a leaked table does not yield usable tokens. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
