import { Hono } from 'hono';
import { findUserByUsername } from '../../accounts/index.ts';
import { decodeCursor, encodeCursor } from '../../forum/service/cursor.ts';
import { authorsByIds } from '../../forum/service/people.ts';
import type { AppDeps } from '../../http/deps.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { listModerationLog } from '../service/log.ts';
import { LogPage } from '../views/log-page.tsx';
import { staffOnly } from './http.ts';

/** GET /review/log: read-only, filterable; there is deliberately no route that changes the log. */
export function logRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/review/log', staffOnly, async (c) => {
    const q = (key: string) => (c.req.query(key) ?? '').trim().slice(0, 200);
    const filter = { actor: q('actor'), member: q('member'), action: q('action'), q: q('q') };
    const [actor, member] = await Promise.all([
      filter.actor ? findUserByUsername(deps.db, filter.actor) : undefined,
      filter.member ? findUserByUsername(deps.db, filter.member) : undefined,
    ]);
    // an unknown username matches nothing rather than everything
    const unknown = (filter.actor && !actor) || (filter.member && !member);
    const { rows, next } = unknown
      ? { rows: [], next: null }
      : await listModerationLog(deps.db, {
          actorId: actor?.id,
          targetUserId: member?.id,
          action: filter.action || undefined,
          q: filter.q || undefined,
          before: decodeCursor(c.req.query('before')),
        });
    const people = await authorsByIds(deps.db, rows.flatMap((r) => [r.actorId, r.targetUserId]));
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    if (next) params.set('before', encodeCursor(next));
    return renderPage(
      c,
      { title: c.get('t').t('moderation.log.title') },
      <LogPage vc={viewContext(c)} rows={rows} people={people} filter={filter} nextHref={next ? `/review/log?${params}` : null} />,
    );
  });
  return app;
}
