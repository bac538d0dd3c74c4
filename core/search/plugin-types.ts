/** What plugins use to make their own content searchable (api.search); see docs/plugins.md. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { posts, threads } from '../forum/schema.ts';
import { clipBody, docIdOf, type FacetValue, type SearchDoc } from './documents.ts';
import { FACET_KEY } from './meili/filters.ts';
import { deleteDocs, markPending, writeDocs } from './store.ts';

export type SearchFacetKind = 'keyword' | 'number' | 'date' | 'boolean';

export interface SearchFacetDefinition {
  /** Letters, digits and _; unique within the forum's search (prefix it with your plugin's name if generic). */
  key: string;
  kind: SearchFacetKind;
  labelKey: string;
  /** For keyword facets: the values offered in a select (otherwise a text box). */
  values?: readonly { value: string; labelKey: string }[];
}

export interface SearchTypeDefinition {
  /** Lower-case letters, digits and _; the full type id is `<pluginId>_<name>`. */
  name: string;
  /** i18n key of the type's name in the /search type filter. */
  labelKey: string;
  facets?: readonly SearchFacetDefinition[];
}

export interface RegisteredSearchType extends SearchTypeDefinition {
  /** Full type id. */
  type: string;
  pluginId: string;
}

export interface PluginSearchDocument {
  /** The `name` given to api.search.type(). */
  type: string;
  /** Number, or letters/digits/_ (up to 100). */
  id: string | number;
  title: string;
  /** Plain text (markup is not stripped). */
  body: string;
  /** A same-origin path. */
  url: string;
  createdAt: Date;
  /** Only viewers who can read this category find it. */
  categoryId?: number | null;
  /** Hidden while this thread is deleted, held, unlisted or scheduled; takes the thread's category. */
  threadId?: number | null;
  authorId?: number | null;
  authorName?: string;
  tags?: string[];
  facets?: Record<string, string | number | boolean | Date | null>;
}

export interface SearchWriteOptions {
  /** Write in this transaction (yours), so the index changes exactly when your content does. */
  tx?: DbOrTx;
}

export interface SearchApi {
  type(definition: SearchTypeDefinition): void;
  index(documents: PluginSearchDocument[], options?: SearchWriteOptions): Promise<void>;
  remove(type: string, ids: (string | number)[], options?: SearchWriteOptions): Promise<void>;
}

/** Plugin search types per plugin host (one forum instance). */
const registries = new WeakMap<object, Map<string, RegisteredSearchType>>();

export function searchTypeRegistry(host: object): Map<string, RegisteredSearchType> {
  let registry = registries.get(host);
  if (!registry) registries.set(host, (registry = new Map()));
  return registry;
}

export function fullTypeId(pluginId: string, name: string): string {
  return `${pluginId.replace(/-/g, '_')}_${name}`;
}

const TYPE_NAME = /^[a-z][a-z0-9_]{0,30}$/;

export function createSearchApi(pluginId: string, host: object, db: DbOrTx): SearchApi {
  const registry = searchTypeRegistry(host);
  const typeOf = (name: string): RegisteredSearchType => {
    const found = registry.get(fullTypeId(pluginId, name));
    if (!found || found.pluginId !== pluginId) throw new Error(`${pluginId}: search type "${name}" is not declared (api.search.type)`);
    return found;
  };
  return {
    type(definition) {
      if (!TYPE_NAME.test(definition.name)) throw new Error(`${pluginId}: invalid search type name "${definition.name}"`);
      for (const facet of definition.facets ?? []) {
        if (!FACET_KEY.test(facet.key)) throw new Error(`${pluginId}: invalid search facet key "${facet.key}"`);
      }
      const type = fullTypeId(pluginId, definition.name);
      registry.set(type, { ...definition, type, pluginId });
    },
    async index(documents, options = {}) {
      const target = options.tx ?? db;
      const docs = documents.map((d) => toDoc(typeOf(d.type), d));
      await applyThreadState(target, docs);
      await writeDocs(target, docs);
      await markPending(target, docs.map((d) => d.docId));
    },
    async remove(name, ids, options = {}) {
      const target = options.tx ?? db;
      const type = typeOf(name).type;
      const docIds = ids.map((id) => docIdOf(type, id));
      await deleteDocs(target, docIds);
      await markPending(target, docIds);
    },
  };
}

function toDoc(type: RegisteredSearchType, input: PluginSearchDocument): SearchDoc {
  const declared = new Map((type.facets ?? []).map((f) => [f.key, f]));
  const facets: Record<string, FacetValue> = {};
  for (const [key, value] of Object.entries(input.facets ?? {})) {
    const facet = declared.get(key);
    if (!facet) throw new Error(`${type.pluginId}: facet "${key}" is not declared for search type "${type.name}"`);
    facets[key] = value instanceof Date ? value.getTime() : value;
  }
  return {
    docId: docIdOf(type.type, input.id),
    type: type.type,
    sourceId: String(input.id),
    title: input.title,
    body: clipBody(input.body),
    tags: input.tags ?? [],
    url: input.url.startsWith('/') && !input.url.startsWith('//') ? input.url : '/',
    categoryId: input.categoryId ?? null,
    threadId: input.threadId ?? null,
    authorId: input.authorId ?? null,
    authorName: input.authorName ?? '',
    createdAt: input.createdAt,
    facets,
    hidden: false,
  };
}

/** A document on a thread is visible only while the thread is, and lives in the thread's category. */
async function applyThreadState(db: DbOrTx, docs: SearchDoc[]): Promise<void> {
  const ids = [...new Set(docs.map((d) => d.threadId).filter((id): id is number => id !== null))];
  if (!ids.length) return;
  const visible = await db
    .select({ id: threads.id, categoryId: threads.categoryId })
    .from(threads)
    .innerJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
    .where(
      and(
        inArray(threads.id, ids),
        isNull(threads.deletedAt),
        isNull(threads.heldAt),
        isNull(threads.publishAt),
        eq(threads.unlisted, false),
        isNull(posts.deletedAt),
        isNull(posts.heldAt),
      ),
    );
  const category = new Map(visible.map((t) => [t.id, t.categoryId]));
  for (const doc of docs) {
    if (doc.threadId === null) continue;
    const categoryId = category.get(doc.threadId);
    if (categoryId === undefined) doc.hidden = true;
    else doc.categoryId = categoryId;
  }
}
