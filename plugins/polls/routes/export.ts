import { exportCsv } from '../service/export-csv.ts';
import type { PollsApi } from '../settings.ts';
import { findPoll, requireManager, type PollsContext } from './context.ts';

/** GET /t/:threadId/p/:pollId/export.csv — for the author and staff. */
export function exportRoute(api: PollsApi) {
  return async function pollsExport(c: PollsContext) {
    const view = await findPoll(api, c);
    requireManager(c, view.poll);
    const csv = await exportCsv(api.db, view, c.get('t').t);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${view.poll.kind}-${view.poll.id}.csv"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(csv);
  };
}
