import { eq } from 'drizzle-orm';
import { UserError } from '../../http/errors.tsx';
import { canAct, isStaffViewer } from '../permissions.ts';
import { pinEnum, threads, type Thread } from '../schema.ts';
import type { WriteContext } from './context.ts';
import { canSeeThread, findThreadContext } from './lookup.ts';

export type Pin = (typeof pinEnum.enumValues)[number];

export type ThreadFlags = Partial<{ pinned: Pin; locked: boolean; featured: boolean }>;

export function isPin(value: unknown): value is Pin {
  return typeof value === 'string' && (pinEnum.enumValues as readonly string[]).includes(value);
}

/** Pinning, locking and featuring (加精) are staff tools. */
export async function setThreadFlags(ctx: Pick<WriteContext, 'db' | 'user'>, threadId: number, flags: ThreadFlags): Promise<Thread> {
  const { db, user } = ctx;
  const found = await findThreadContext(db, threadId);
  if (!found || !canSeeThread(user, found)) throw new UserError(404, 'error.404.body');
  if (!isStaffViewer(user) || !canAct(user)) throw new UserError(403, 'error.403.body');
  const [thread] = await db.update(threads).set(flags).where(eq(threads.id, threadId)).returning();
  return thread!;
}
