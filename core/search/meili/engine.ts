import { Meilisearch, type Index, type Task } from 'meilisearch';
import type { SearchDoc } from '../documents.ts';
import type { EngineResult } from '../builtin-engine.ts';
import type { SearchQuery, SearchScope } from '../query.ts';
import { buildFilter } from './filters.ts';
import { parseHighlighted, POST, PRE, toMeiliDocument, type MeiliDocument } from './documents.ts';

export interface MeiliOptions {
  url: string;
  apiKey?: string;
  /** Index uid (default "forum"). */
  index?: string;
  /** Filterable facet attributes declared by plugins (`f_<key>`). */
  facetAttributes?: string[];
  /** Per-request timeout in ms. */
  timeoutMs?: number;
}

/** The settings the code owns: applied at start, so an index never drifts from what the queries need. */
export function indexSettings(facetAttributes: string[]) {
  return {
    searchableAttributes: ['title', 'tags', 'body', 'authorName'],
    filterableAttributes: ['type', 'categoryId', 'threadId', 'authorId', 'tags', 'createdAt', 'indexedAt', ...facetAttributes],
    sortableAttributes: ['createdAt', ...facetAttributes],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'createdAt:desc'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: ['tags'] },
    displayedAttributes: ['*'],
  };
}

/** Meilisearch through its official client; every write waits for its task to succeed. */
export class MeiliEngine {
  readonly client: Meilisearch;
  readonly uid: string;
  private readonly facetAttributes: string[];

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.timeoutMs ?? 5000 });
    this.uid = options.index ?? 'forum';
    this.facetAttributes = options.facetAttributes ?? [];
  }

  private get index(): Index<MeiliDocument> {
    return this.client.index<MeiliDocument>(this.uid);
  }

  async healthy(): Promise<boolean> {
    try {
      const health = await this.client.health();
      return health.status === 'available';
    } catch {
      return false;
    }
  }

  /** Creates the index if needed and applies the settings. */
  async applySettings(): Promise<void> {
    const created = await this.client.createIndex(this.uid, { primaryKey: 'id' }).waitTask();
    // an existing index makes this task fail with index_already_exists: that is fine
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') throw taskError(created);
    check(await this.index.updateSettings(indexSettings(this.facetAttributes)).waitTask());
  }

  async put(docs: SearchDoc[], indexedAt = Date.now()): Promise<void> {
    if (!docs.length) return;
    check(await this.index.addDocuments(docs.map((d) => toMeiliDocument(d, indexedAt)), { primaryKey: 'id' }).waitTask());
  }

  async remove(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    check(await this.index.deleteDocuments(docIds).waitTask());
  }

  /** After a full rebuild: drops every document the rebuild did not rewrite. */
  async removeOlderThan(indexedAt: number): Promise<void> {
    check(await this.index.deleteDocuments({ filter: `indexedAt < ${Math.floor(indexedAt)}` }).waitTask({ timeout: 60_000 }));
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async search(query: SearchQuery, scope: SearchScope): Promise<EngineResult> {
    const response = await this.index.search(query.q.trim() || null, {
      filter: buildFilter(query, scope),
      sort: query.sort === 'date' || !query.q.trim() ? ['createdAt:desc'] : undefined,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      attributesToRetrieve: ['id', 'type', 'sourceId', 'title', 'url', 'categoryId', 'threadId', 'authorId', 'authorName', 'createdAt', 'tags', 'f_*'],
      attributesToCrop: ['body:40'],
      attributesToHighlight: ['title', 'body'],
      highlightPreTag: PRE,
      highlightPostTag: POST,
      cropMarker: '…',
      matchingStrategy: query.match === 'any' ? 'frequency' : 'last',
    });
    const hits = response.hits.map((hit) => {
      const formatted = (hit._formatted ?? {}) as Partial<Record<'title' | 'body', string>>;
      const facets: Record<string, string | number | boolean | null> = {};
      for (const [key, value] of Object.entries(hit)) if (key.startsWith('f_')) facets[key.slice(2)] = value as string | number | boolean | null;
      return {
        docId: hit.id,
        type: hit.type,
        sourceId: hit.sourceId,
        title: parseHighlighted(formatted.title ?? hit.title),
        snippet: parseHighlighted(formatted.body ?? ''),
        url: hit.url,
        categoryId: hit.categoryId || null,
        threadId: hit.threadId ?? null,
        authorId: hit.authorId ?? null,
        authorName: hit.authorName,
        createdAt: new Date(hit.createdAt * 1000),
        tags: hit.tags ?? [],
        facets,
      };
    });
    return { hits, total: response.estimatedTotalHits ?? hits.length };
  }
}

function taskError(task: Task): Error {
  return new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no detail'}`);
}

function check(task: Task): void {
  if (task.status !== 'succeeded') throw taskError(task);
}
