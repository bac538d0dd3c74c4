import { and, isNull, sql, type SQL } from 'drizzle-orm';
import { posts, threads } from '../schema.ts';

/**
 * What everyone (members and guests alike) may see, before category permissions are applied:
 * not deleted, not held for review, not waiting for its scheduled publication.
 * Listings and search add `listedThread` (unlisted threads are reachable only by link).
 */
export function publicThread(): SQL {
  return and(isNull(threads.deletedAt), isNull(threads.heldAt), isNull(threads.publishAt)) as SQL;
}

export function listedThread(): SQL {
  return and(publicThread(), sql`not ${threads.unlisted}`) as SQL;
}

export function publicPost(): SQL {
  return and(isNull(posts.deletedAt), isNull(posts.heldAt)) as SQL;
}
