import type { FC } from 'hono/jsx';
import type { Post, ViewContext } from '../../../core/plugins/api.ts';
import { flairLoader } from '../service/member-info.ts';
import type { BadgesApi } from '../settings.ts';
import { BadgeChip, LevelLabel } from './bits.tsx';

/** post.byline: the author's level, title and chosen badge; all posts of a page share one query. */
export function bylineFlair(api: BadgesApi): FC<{ vc: ViewContext; post: Post }> {
  return async function BadgesByline({ vc, post }) {
    const flair = await flairLoader(api.db, vc).load(post.authorId);
    if (!flair) return null;
    return (
      <span class="badges-byline">
        <LevelLabel vc={vc} level={flair.level} />
        {flair.title ? <span class="badges-title">{flair.title}</span> : null}
        {flair.badge ? <BadgeChip vc={vc} badge={flair.badge} small /> : null}
      </span>
    );
  };
}
