import { saveRuleConfig } from '../../core/moderation/service/settings.ts';
import { searchServiceOf, type SearchQuery, type SearchScope } from '../../core/search/index.ts';
import type { TestForum } from '../helpers/app.ts';

/** Applies every queued index change now (the server's worker does this every second). */
export async function drain(forum: TestForum) {
  return searchServiceOf(forum.deps).drain();
}

export function searchService(forum: TestForum) {
  return searchServiceOf(forum.deps);
}

export function query(q: string, extra: Partial<SearchQuery> = {}): SearchQuery {
  return { q, types: [], categoryIds: [], facets: [], sort: 'relevance', match: 'all', page: 1, pageSize: 20, ...extra };
}

export function everything(readableCategoryIds: number[], extraTypes: string[] = []): SearchScope {
  return { readableCategoryIds, allowedTypes: ['thread', 'post', 'member', ...extraTypes] };
}

/** Titles of the hits on a /search page (tags stripped). */
export function hitTitles(html: string): string[] {
  return [...html.matchAll(/<a class="search-hit-title" href="[^"]*">(.*?)<\/a>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
}

export function hitUrls(html: string): string[] {
  return [...html.matchAll(/<a class="search-hit-title" href="([^"]*)">/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** These tests write several posts per member within seconds: flood control (core/moderation) is not what they test. */
export async function allowQuickPosting(forum: TestForum): Promise<void> {
  await saveRuleConfig(forum.deps.db, null, { floodMaxPerMinute: 0, floodMaxPerHour: 0, floodMinSeconds: 0, duplicateWindowMinutes: 0 });
}
