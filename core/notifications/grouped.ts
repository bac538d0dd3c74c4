import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { notifications } from './schema.ts';
import type { NewNotification } from './service.ts';
import { emitNotified } from './events.ts';

export interface GroupedNotification extends Omit<NewNotification, 'dedupeKey'> {
  /** Events with the same key pile up in one unread notification per member. */
  groupKey: string;
  /** The number in `data` that goes up with each event ("others" for likes, "count" for messages). */
  counter: string;
  /** Whether the same actor twice in a row counts twice (messages do; a like, unlike and like again does not). */
  repeatActorCounts: boolean;
}

/**
 * Inserts the notification or, when an unread one of the same group exists, folds this event into it:
 * latest actor and text, counter + 1, and a fresh id so it moves to the top of the list. One statement,
 * so concurrent events cannot create two rows (the partial unique index arbitrates).
 */
export async function notifyGrouped(db: DbOrTx, input: GroupedNotification): Promise<void> {
  const n = notifications;
  const counter = input.counter;
  const data = JSON.stringify({ ...input.data, [counter]: input.data[counter] ?? 0 });
  const increment = input.repeatActorCounts ? sql`1` : sql`case when ${n.actorId} is not distinct from excluded.actor_id then 0 else 1 end`;
  // drizzle's upsert cannot renew a generated id, hence plain SQL
  await db.execute(sql`
    insert into ${n} (user_id, type, data, url, actor_id, group_key)
    values (${input.userId}, ${input.type}, ${data}::jsonb, ${input.url}, ${input.actorId ?? null}, ${input.groupKey})
    on conflict (user_id, group_key) where group_key is not null and read_at is null do update set
      id = default,
      data = excluded.data || jsonb_build_object(${counter}::text, coalesce((${n.data} ->> ${counter}::text)::int, 0) + ${increment}),
      url = excluded.url,
      actor_id = excluded.actor_id,
      created_at = now()`);
  emitNotified([input.userId]);
}
