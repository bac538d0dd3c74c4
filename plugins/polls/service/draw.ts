import { eq } from 'drizzle-orm';
import { threads, UserError, type User } from '../../../core/plugins/api.ts';
import { pollsDraws, pollsGiveaways, type Draw, type Giveaway } from '../schema.ts';
import type { PollsApi } from '../settings.ts';
import { canonicalList, DRAW_ALGORITHM, hashList, newSeed, pickWinners } from './draw-algorithm.ts';
import { eligibleUserIds } from './eligible.ts';
import { emit } from './emit.ts';
import { paths } from '../paths.ts';

export const DRAW_JOB = 'draw';

export interface DrawJob {
  giveawayId: number;
}

/**
 * Draws a giveaway once. The draw row's primary key is the giveaway, so a second draw (a double click,
 * a job that runs twice) inserts nothing and reuses the recorded one. Winners are notified with a
 * dedupe key: however often this runs, each winner hears once.
 */
export async function drawGiveaway(
  api: PollsApi,
  giveaway: Giveaway,
  by: User | null,
  options: { refuseEmpty?: boolean; now?: Date } = {},
): Promise<Draw> {
  const now = options.now ?? new Date();
  const [thread] = await api.db.select({ id: threads.id, title: threads.title, categoryId: threads.categoryId }).from(threads).where(eq(threads.id, giveaway.threadId));
  if (!thread) throw new UserError(404, 'error.404.body');
  let [draw] = await api.db.select().from(pollsDraws).where(eq(pollsDraws.giveawayId, giveaway.id));
  let fresh = false;
  if (!draw) {
    const eligible = canonicalList(await eligibleUserIds(api.db, giveaway, now));
    if (eligible.length === 0 && options.refuseEmpty) throw new UserError(409, 'polls.error.nobodyEligible');
    const seed = newSeed();
    const [inserted] = await api.db
      .insert(pollsDraws)
      .values({
        giveawayId: giveaway.id,
        seed,
        listHash: hashList(eligible),
        eligibleIds: eligible,
        winnerIds: pickWinners(seed, eligible, giveaway.winnerCount),
        algorithm: DRAW_ALGORITHM,
        drawnById: by?.id ?? null,
        drawnAt: now,
      })
      .onConflictDoNothing()
      .returning();
    fresh = inserted !== undefined;
    [draw] = inserted ? [inserted] : await api.db.select().from(pollsDraws).where(eq(pollsDraws.giveawayId, giveaway.id));
  }
  for (const userId of draw!.winnerIds) {
    await api.notify({
      userId,
      type: 'giveawayWon',
      data: { title: giveaway.title, thread: thread.title },
      url: paths.giveawayAnchor(thread.id, giveaway.id),
      dedupeKey: `giveaway:${giveaway.id}`,
    });
  }
  if (fresh) {
    await emit(
      api,
      'giveaway.drawn',
      { giveawayId: giveaway.id, threadId: thread.id, winnerIds: draw!.winnerIds, eligibleCount: draw!.eligibleIds.length },
      { user: by, categoryId: thread.categoryId },
    );
  }
  return draw!;
}

/** The scheduled draw (a pg-boss job): only once its time has come, and only where polls are still on. */
export async function drawDueGiveaway(api: PollsApi, giveawayId: number, now = new Date()): Promise<void> {
  const [row] = await api.db
    .select({ giveaway: pollsGiveaways, categoryId: threads.categoryId })
    .from(pollsGiveaways)
    .innerJoin(threads, eq(threads.id, pollsGiveaways.threadId))
    .where(eq(pollsGiveaways.id, giveawayId));
  if (!row || !row.giveaway.drawAt || row.giveaway.drawAt.getTime() > now.getTime()) return;
  if (!api.enabledIn(row.categoryId)) {
    api.logger.info({ giveawayId }, 'scheduled draw skipped: polls are off in its category');
    return;
  }
  await drawGiveaway(api, row.giveaway, null, { now });
}
