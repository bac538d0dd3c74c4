import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.ts';
import { postRevisions } from '../schema.ts';
import { authorsByIds, type Author } from './people.ts';

export interface RevisionView {
  id: number;
  raw: string;
  title: string | null;
  createdAt: Date;
  editor: Author | undefined;
}

/** Earlier versions of a post, newest first: each holds the text as it was before that edit. */
export async function postHistory(db: DbOrTx, postId: number): Promise<RevisionView[]> {
  const rows = await db.select().from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(desc(postRevisions.createdAt), desc(postRevisions.id));
  const editors = await authorsByIds(db, rows.map((r) => r.editorId));
  return rows.map((r) => ({
    id: r.id,
    raw: r.raw,
    title: r.title,
    createdAt: r.createdAt,
    editor: r.editorId === null ? undefined : editors.get(r.editorId),
  }));
}
