import type { FC } from 'hono/jsx';
import type { Category, ViewContext } from '../../../core/plugins/api.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import type { PollsApi } from '../settings.ts';
import { ComposerExtras } from './composer-extras.tsx';

/** The composer.extras slot: a poll for new threads only, with the chosen category's settings. */
export function composerPoll(api: PollsApi): FC<{ vc: ViewContext; category: Category | null; mode: 'thread' | 'reply' }> {
  return async function ComposerPoll({ vc, category, mode }) {
    if (mode !== 'thread' || !vc.user) return null;
    const settings = await api.settings(category?.id ?? null);
    return <ComposerExtras vc={vc} settings={settings} timeZone={validTimeZone(vc.user.timeZone ?? vc.site.timeZone)} />;
  };
}
