import { canReadCategory, canStartThread, type Viewer } from '../permissions.ts';
import type { Category } from '../schema.ts';

/** What one viewer may see of the category tree, computed once per request from the cached list. */
export interface CategoryAccess {
  viewer: Viewer;
  /** Readable categories: each top-level one followed by its readable sub-categories. */
  readable: Category[];
  /** For SQL filters: `category_id in (...)`. */
  readableIds: number[];
  get(id: number): Category | undefined;
  bySlug(slug: string): Category | undefined;
  parentOf(category: Category): Category | null;
  childrenOf(id: number): Category[];
  topLevel(): Category[];
  canStart(category: Category): boolean;
}

export function categoryAccess(all: Category[], viewer: Viewer): CategoryAccess {
  const byId = new Map(all.map((c) => [c.id, c]));
  const parentOf = (c: Category) => (c.parentId === null ? null : (byId.get(c.parentId) ?? null));
  const isReadable = (c: Category) => canReadCategory(viewer, c, parentOf(c));
  const readable: Category[] = [];
  for (const top of all.filter((c) => c.parentId === null && isReadable(c))) {
    readable.push(top, ...all.filter((c) => c.parentId === top.id && isReadable(c)));
  }
  const readableById = new Map(readable.map((c) => [c.id, c]));
  const bySlug = new Map(readable.map((c) => [c.slug, c]));
  return {
    viewer,
    readable,
    readableIds: readable.map((c) => c.id),
    get: (id) => readableById.get(id),
    bySlug: (slug) => bySlug.get(slug),
    parentOf,
    childrenOf: (id) => readable.filter((c) => c.parentId === id),
    topLevel: () => readable.filter((c) => c.parentId === null),
    canStart: (c) => readableById.has(c.id) && canStartThread(viewer, c, parentOf(c)),
  };
}
