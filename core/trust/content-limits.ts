import type { User } from '../accounts/schema.ts';
import type { DbOrTx } from '../db/index.ts';
import { renderMarkdown } from '../markdown/index.ts';
import { HookRejection, type HookBus } from '../plugins/hooks.ts';
import { can } from './abilities.ts';
import { trustSettings } from './settings.ts';

const external = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Refuses a post with more links or images than the author's trust level allows. */
export async function checkContentLimits(db: DbOrTx, user: User | null, raw: string): Promise<void> {
  if (!user) return;
  const settings = await trustSettings(db);
  const linksOk = can(user, 'postLinks', settings);
  const imagesOk = can(user, 'postImages', settings);
  if (linksOk && imagesOk) return;
  const rendered = renderMarkdown(raw);
  const links = rendered.links.filter((href) => external.test(href)).length;
  if (!linksOk && links > settings.limitedLinks) {
    throw new HookRejection('trust.limit.links', { max: settings.limitedLinks });
  }
  if (!imagesOk && rendered.images.length > settings.limitedImages) {
    throw new HookRejection('trust.limit.images', { max: settings.limitedImages });
  }
}

/** Trust-level limits run as filters, like plugins' rules, so every way of posting goes through them. */
export function registerContentLimits(hooks: HookBus, db: DbOrTx): void {
  const options = { owner: 'core.trust', priority: 20 };
  hooks.addFilter('thread.beforeCreate', async (value, ctx) => {
    await checkContentLimits(db, ctx.user, value.raw);
    return value;
  }, options);
  hooks.addFilter('post.beforeCreate', async (value, ctx) => {
    await checkContentLimits(db, ctx.user, value.raw);
    return value;
  }, options);
  hooks.addFilter('post.beforeEdit', async (value, ctx) => {
    await checkContentLimits(db, ctx.user, value.raw);
    return value;
  }, options);
}
