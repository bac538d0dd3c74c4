import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { uploads } from '../schema.ts';
import { withUrls, type StoredUpload } from './accept.ts';

/** Uploads by id in one query (e.g. a page of listings' photos). */
export async function uploadsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, StoredUpload>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(uploads).where(inArray(uploads.id, wanted));
  return new Map(rows.map((r) => [r.id, withUrls(r)]));
}
