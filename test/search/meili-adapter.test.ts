import { parseHighlighted, toMeiliDocument } from '../../core/search/meili/documents.ts';
import { indexSettings } from '../../core/search/meili/engine.ts';
import { buildFilter, facetAttribute, quote } from '../../core/search/meili/filters.ts';
import { everything, query } from './helpers.ts';

describe('Meilisearch adapter: filter expressions', () => {
  it('limits every query to the viewer’s categories (0 = no category) and the allowed types', () => {
    expect(buildFilter(query('x'), everything([3, 5]))).toEqual(['type IN ["thread", "post", "member"]', 'categoryId IN [0, 3, 5]']);
    // a category filter narrows to readable ones only: an unreadable id never widens the scope
    expect(buildFilter(query('x', { categoryIds: [5, 9] }), everything([3, 5]))).toEqual([
      'type IN ["thread", "post", "member"]',
      'categoryId IN [5]',
    ]);
    expect(buildFilter(query('x', { types: ['post', 'secret'] }), everything([1]))[0]).toBe('type IN ["post"]');
  });

  it('quotes and escapes user input, so it can never become filter syntax', () => {
    const tag = 'a" OR type = "member\\';
    const filter = buildFilter(query('', { tag }), everything([1]));
    expect(filter[2]).toBe('tags = "a\\" OR type = \\"member\\\\"');
    expect(quote('二手 "bike"')).toBe('"二手 \\"bike\\""');
    expect(buildFilter(query('', { authorId: 7, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') }), everything([]))).toEqual([
      'type IN ["thread", "post", "member"]',
      'categoryId IN [0]',
      'authorId = 7',
      'createdAt >= 1767225600',
      'createdAt < 1767312000',
    ]);
  });

  it('builds facet conditions from declared keys only, with typed literals', () => {
    const filter = buildFilter(
      query('', {
        facets: [
          { key: 'price', op: 'gte', value: 10.5 },
          { key: 'status', op: 'eq', value: 'open" OR 1=1' },
          { key: 'solved', op: 'eq', value: true },
        ],
      }),
      everything([]),
    );
    expect(filter.slice(2)).toEqual(['f_price >= 10.5', 'f_status = "open\\" OR 1=1"', 'f_solved = true']);
    expect(() => facetAttribute('price OR x')).toThrow();
    expect(() => buildFilter(query('', { authorId: Number.NaN }), everything([]))).toThrow();
  });
});

describe('Meilisearch adapter: documents and settings', () => {
  it('maps a search document to the index shape', () => {
    const doc = toMeiliDocument(
      {
        docId: 'events_event-4',
        type: 'events_event',
        sourceId: '4',
        title: 'Meetup',
        body: 'Bring 自行车',
        tags: ['cycling'],
        url: '/plugins/events/4',
        categoryId: null,
        threadId: 12,
        authorId: 3,
        authorName: 'Ann',
        createdAt: new Date('2026-01-01T00:00:10Z'),
        facets: { startsAt: 1767225600000, free: true },
        hidden: false,
      },
      99,
    );
    expect(doc).toEqual({
      id: 'events_event-4',
      type: 'events_event',
      sourceId: '4',
      title: 'Meetup',
      body: 'Bring 自行车',
      tags: ['cycling'],
      url: '/plugins/events/4',
      categoryId: 0,
      threadId: 12,
      authorId: 3,
      authorName: 'Ann',
      createdAt: 1767225610,
      indexedAt: 99,
      f_startsAt: 1767225600000,
      f_free: true,
    });
  });

  it('declares searchable, filterable and sortable attributes, ranking and typo tolerance', () => {
    const settings = indexSettings(['f_price']);
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['type', 'categoryId', 'tags', 'authorId', 'createdAt', 'indexedAt', 'f_price']));
    expect(settings.sortableAttributes).toContain('createdAt');
    expect(settings.searchableAttributes[0]).toBe('title');
    expect(settings.rankingRules).toContain('createdAt:desc');
    expect(settings.typoTolerance.enabled).toBe(true);
  });

  it('turns highlight markers into parts without trusting the text as HTML', () => {
    expect(parseHighlighted('a \u0001<b>二手</b>\u0002 c')).toEqual([
      { text: 'a ', hit: false },
      { text: '<b>二手</b>', hit: true },
      { text: ' c', hit: false },
    ]);
  });
});
