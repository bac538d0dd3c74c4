import { and, asc, eq, inArray } from 'drizzle-orm';
import { users, type Db } from '../../../core/plugins/api.ts';
import { pollsDraws, pollsGiveaways, pollsPolls, type Draw, type Giveaway } from '../schema.ts';

export interface Winner {
  id: number;
  username: string;
  displayName: string;
}

export interface GiveawayView {
  giveaway: Giveaway;
  draw: Draw | null;
  /** Title of the linked poll (rule 'voted'). */
  pollTitle: string | null;
  /** In draw order. */
  winners: Winner[];
}

/** A thread's giveaways with their draws and winners: two queries. */
export async function loadGiveaways(db: Db, where: { threadId: number; giveawayId?: number }): Promise<GiveawayView[]> {
  const rows = await db
    .select({ giveaway: pollsGiveaways, draw: pollsDraws, pollTitle: pollsPolls.title })
    .from(pollsGiveaways)
    .leftJoin(pollsDraws, eq(pollsDraws.giveawayId, pollsGiveaways.id))
    .leftJoin(pollsPolls, eq(pollsPolls.id, pollsGiveaways.pollId))
    .where(
      and(
        eq(pollsGiveaways.threadId, where.threadId),
        where.giveawayId === undefined ? undefined : eq(pollsGiveaways.id, where.giveawayId),
      ),
    )
    .orderBy(asc(pollsGiveaways.id));
  const winnerIds = [...new Set(rows.flatMap((r) => r.draw?.winnerIds ?? []))];
  const people = winnerIds.length
    ? await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, winnerIds))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    giveaway: r.giveaway,
    draw: r.draw,
    pollTitle: r.pollTitle,
    winners: (r.draw?.winnerIds ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
  }));
}
