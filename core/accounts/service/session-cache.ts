import { sharedReadsFor } from '../../cache/shared-reads.ts';
import type { DbOrTx } from '../../db/index.ts';
import type { PageCache } from '../../http/middleware/page-cache.ts';
import { hashToken } from './tokens.ts';
import { validateSessionToken, type SessionValidation } from './sessions.ts';

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
  const store = sharedReadsFor<SessionValidation | null>(deps, 'sessions', 20_000);
  const id = hashToken(token);
  let loadedHere = false;
  const load = () => {
    loadedHere = true;
    return validateSessionToken(deps.db, token);
  };
  let result = await store.get(id, load, now);
  if (result && now >= result.session.expiresAt.getTime()) {
    store.forget(id);
    loadedHere = false;
    result = await store.get(id, load, now);
  }
  if (!result) return null;
  // only the request that renewed the session sends the new cookie
  return loadedHere ? result : { ...result, renewed: false };
}
