import { sharedReadsFor } from '../../cache/shared-reads.ts';
import type { DbOrTx } from '../../db/index.ts';
import type { PageCache } from '../../http/middleware/page-cache.ts';
import { hashToken } from './tokens.ts';
import { dueForRenewal, validateSessionToken, type SessionValidation } from './sessions.ts';

interface SessionCacheDeps {
  db: DbOrTx;
  pageCache: PageCache;
  config: { PAGE_CACHE_MS: number };
}

/**
 * A session token checked against the database at most once per `PAGE_CACHE_MS`, keyed by the token's
 * hash. Revoking sessions (log out, ban, password reset) is a write, and every successful write on any
 * instance empties this store (core/http/middleware/page-cache.ts), so a revoked token is refused on the
 * next request everywhere. An expired session is never answered from memory.
 */
export async function validateSessionCached(deps: SessionCacheDeps, token: string): Promise<SessionValidation | null> {
  const now = Date.now();
  const store = sessionStore(deps);
  const id = hashOf(token);
  let loadedHere: SessionValidation | null | undefined;
  const load = () => validateSessionToken(deps.db, token).then((loaded) => (loadedHere = loaded));
  // a session that just expired from memory answers at once while it is checked again, unless the check
  // could renew it: the renewal's new expiry must reach the browser in the answer to the request that made it
  let result = await store.getOrPrevious(id, load, now, (held) => held !== null && !dueForRenewal(held.session, now));
  if (result && now >= result.session.expiresAt.getTime()) {
    store.forget(id);
    loadedHere = undefined;
    result = await store.get(id, load, now);
  }
  if (!result) return null;
  // only the request that renewed the session sends the new cookie
  return result === loadedHere ? result : { ...result, renewed: false };
}

/**
 * The session for a token if this instance holds it, loaded and unexpired: for the member lane
 * (core/http/member-pages/lane.ts), which answers without waiting when it can. Undefined means "ask
 * validateSessionCached", which may have to read the database.
 */
export function heldSessionNow(deps: SessionCacheDeps, token: string, now = Date.now()): Pick<SessionValidation, 'user' | 'session'> | undefined {
  const held = sessionStore(deps).peekNow(hashOf(token), now)?.value;
  return held && now < held.session.expiresAt.getTime() ? held : undefined;
}

function sessionStore(deps: SessionCacheDeps) {
  return sharedReadsFor<SessionValidation | null>(deps, 'sessions', 20_000);
}

/** Token hashes, remembered: a session is looked up on every page view, and SHA-256 in JavaScript costs more than the rest of the look-up. */
const hashes = new Map<string, string>();
function hashOf(token: string): string {
  let hash = hashes.get(token);
  if (hash === undefined) {
    if (hashes.size >= 20_000) hashes.delete(hashes.keys().next().value!);
    hashes.set(token, (hash = hashToken(token)));
  }
  return hash;
}
