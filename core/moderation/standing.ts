import type { MiddlewareHandler } from 'hono';
import { isSilenced } from '../forum/permissions.ts';
import { mustAcceptRules } from './service/community-rules.ts';
import { activeSanction } from './service/sanctions.ts';

/** What a signed-in member is told on every page about their standing. */
export interface MemberStanding {
  silence: { reason: string; until: Date | null } | null;
  /** The rules changed and they have not accepted them yet. */
  rulesPending: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    standing: MemberStanding | null;
  }
}

/**
 * Reads the member's standing for the notice on their pages. Costs nothing for members in good standing
 * beyond the cached rules check; the silence's reason is read only while they are silenced.
 */
export function standingMiddleware(): MiddlewareHandler {
  return async function standing(c, next) {
    c.set('standing', null);
    const user = c.get('user');
    if (user && c.req.method === 'GET' && c.req.header('hx-request') !== 'true') {
      const db = c.get('deps').db;
      const [silence, rules] = await Promise.all([
        isSilenced(user) ? activeSanction(db, user.id, 'silence') : undefined,
        mustAcceptRules(db, user),
      ]);
      const silenced = isSilenced(user) ? { reason: silence?.reason ?? '', until: user.silencedUntil } : null;
      if (silenced || rules) c.set('standing', { silence: silenced, rulesPending: rules !== null });
    }
    await next();
  };
}
