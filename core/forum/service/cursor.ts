/** Where a keyset page ends: the sort timestamp and id of its last thread, as `?before=<ISO>_<id>`. */
export interface Cursor {
  at: Date;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

/** Anything malformed reads as "first page" rather than an error: these URLs get hand-edited and crawled. */
export function decodeCursor(value: string | undefined): Cursor | null {
  const match = value ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_(\d{1,10})$/.exec(value) : null;
  if (!match) return null;
  const at = new Date(match[1]!);
  const id = Number(match[2]);
  if (Number.isNaN(at.getTime()) || !Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { at, id };
}
