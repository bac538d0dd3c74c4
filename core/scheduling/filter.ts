import type { DbOrTx } from '../db/index.ts';
import { isStaffIn } from '../forum/permissions.ts';
import { HookRejection, type HookBus } from '../plugins/hooks.ts';
import { getSiteSettings } from '../site/settings.ts';
import { zonedLocalToDate } from './zoned-time.ts';

/** The composer field staff fill to schedule a thread. */
export const PUBLISH_AT_FIELD = 'publishAt';
const MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** Reads the field in the forum's time zone; refuses a past time, a bad value, or a member who is not staff there. */
export async function publishTimeFromForm(
  db: DbOrTx,
  value: string,
  allowed: boolean,
  now = new Date(),
): Promise<Date | null> {
  const text = value.trim();
  if (text === '') return null;
  if (!allowed) throw new HookRejection('scheduling.staffOnly');
  const { timeZone } = await getSiteSettings(db);
  const at = zonedLocalToDate(text, timeZone);
  if (!at) throw new HookRejection('scheduling.publishAt.invalid');
  if (at.getTime() <= now.getTime()) throw new HookRejection('scheduling.publishAt.past');
  if (at.getTime() - now.getTime() > MAX_AHEAD_MS) throw new HookRejection('scheduling.publishAt.tooFar');
  return at;
}

export function registerSchedulingFilter(hooks: HookBus, db: DbOrTx): void {
  hooks.addFilter(
    'thread.beforeCreate',
    async (value, ctx) => {
      const raw = ctx.form?.[PUBLISH_AT_FIELD];
      const text = typeof raw === 'string' ? raw : '';
      const publishAt = await publishTimeFromForm(db, text, isStaffIn(ctx.user, value.categoryId));
      return publishAt ? { ...value, publishAt } : value;
    },
    { owner: 'core.scheduling', priority: 10 },
  );
}
