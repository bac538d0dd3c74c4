import { and, count, eq, gt, sum } from 'drizzle-orm';
import type { DbOrTx as Db } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { uploads } from '../schema.ts';
import { formatSize } from '../size.ts';

export interface UploadQuota {
  dailyCount: number;
  dailyBytes: number;
}

const day = 24 * 60 * 60 * 1000;

/** What a member uploaded in the last 24 hours. */
export async function recentUsage(db: Db, ownerId: number, now = new Date()): Promise<{ count: number; bytes: number }> {
  const [row] = await db
    .select({ count: count(), bytes: sum(uploads.byteSize) })
    .from(uploads)
    .where(and(eq(uploads.ownerId, ownerId), gt(uploads.createdAt, new Date(now.getTime() - day))));
  return { count: row?.count ?? 0, bytes: Number(row?.bytes ?? 0) };
}

/** Refuses (429) an upload that would take the member over either daily limit. */
export async function assertWithinQuota(db: Db, ownerId: number, incomingBytes: number, quota: UploadQuota): Promise<void> {
  const used = await recentUsage(db, ownerId);
  if (used.count + 1 > quota.dailyCount) throw new UserError(429, 'uploads.error.quotaCount', { max: quota.dailyCount });
  if (used.bytes + incomingBytes > quota.dailyBytes) {
    throw new UserError(429, 'uploads.error.quotaBytes', { max: formatSize(quota.dailyBytes) });
  }
}
