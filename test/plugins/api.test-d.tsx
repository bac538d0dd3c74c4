import { z } from 'zod';
import { definePlugin, type ActionHooks, type FilterHooks } from '../../core/plugins/api.ts';
import './fixtures/greeter/plugin.tsx';

describe('plugin API types', () => {
  it('types settings from the zod schema', () => {
    definePlugin({
      id: 'typed',
      version: '1.0.0',
      coreApi: '^1.0.0',
      scope: 'global',
      settings: z.object({ limit: z.number().default(3) }),
      setup(api) {
        api.routes.get('/', async (c) => {
          const s = await c.get('plugin').settings();
          expectTypeOf(s.limit).toEqualTypeOf<number>();
          // @ts-expect-error unknown setting
          void s.nope;
          return c.text('ok');
        });
      },
    });
  });

  it('refuses a wrong hook payload and an unknown hook', () => {
    definePlugin({
      id: 'hooks',
      version: '1.0.0',
      coreApi: '^1.0.0',
      scope: 'global',
      setup(api) {
        api.filter('post.beforeCreate', (v) => ({ ...v, raw: v.raw.trim() }));
        // @ts-expect-error a filter must return the same shape
        api.filter('post.beforeCreate', () => ({ nope: true }));
        // @ts-expect-error no such hook
        api.action('post.exploded', () => {});
        api.action('post.created', (payload) => {
          expectTypeOf(payload.post.id).toEqualTypeOf<number>();
        });
      },
    });
    expectTypeOf<FilterHooks['post.render']>().toEqualTypeOf<{ html: string; raw: string }>();
    expectTypeOf<ActionHooks['greeter.greeted']>().toEqualTypeOf<{ threadId: number; greeting: string }>();
  });

  it('refuses an unknown slot name and wrong slot props', () => {
    definePlugin({
      id: 'slots',
      version: '1.0.0',
      coreApi: '^1.0.0',
      scope: 'global',
      setup(api) {
        api.slot('thread.header', 'k', ({ thread }) => <b>{thread.title}</b>);
        // @ts-expect-error no such slot
        api.slot('thread.nowhere', 'k2', () => null);
        // @ts-expect-error sidebar has no thread prop
        api.slot('sidebar', 'k3', ({ thread }: { thread: { title: string } }) => <b>{thread.title}</b>);
      },
    });
  });

  it('refuses a wrong settings type in categorySettings', () => {
    definePlugin({
      id: 'cats',
      version: '1.0.0',
      coreApi: '^1.0.0',
      scope: 'category',
      settings: z.object({ a: z.boolean().default(true) }),
      // @ts-expect-error not a setting
      categorySettings: ['b'],
      setup() {},
    });
  });
});
