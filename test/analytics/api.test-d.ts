import { expectTypeOf, test } from 'vitest';
import { definePlugin, type AnalyticsRange } from '../../core/plugins/api.ts';

test('api.analytics is typed', () => {
  definePlugin({
    id: 'typed',
    version: '1.0.0',
    coreApi: '^1.0.0',
    scope: 'global',
    setup(api) {
      api.analytics.metric({
        key: 'a',
        labelKey: 'typed.a',
        format: 'percent',
        total: async (range) => {
          expectTypeOf(range).toEqualTypeOf<AnalyticsRange>();
          expectTypeOf(range.categoryId).toEqualTypeOf<number | null>();
          return range.days.length > 0 ? 0.5 : null;
        },
        daily: async (range) => range.days.map((day) => ({ day, value: 1 })),
      });
      // @ts-expect-error an unknown format
      api.analytics.metric({ key: 'b', labelKey: 'typed.b', format: 'money', total: async () => 1 });
      // @ts-expect-error a figure is a number
      api.analytics.metric({ key: 'c', labelKey: 'typed.c', total: async () => 'many' });
      // @ts-expect-error a panel lists its metrics
      api.analytics.panel({ key: 'p', titleKey: 'typed.p' });
      api.analytics.panel({ key: 'p', titleKey: 'typed.p', metrics: ['a'], categoryFilter: true });
    },
  });
});
