import type { FC } from 'hono/jsx';
import type { Post, SlotPreload, ViewContext } from '../../../core/plugins/api.ts';
import { flairLoader, type MemberFlair } from '../service/member-info.ts';
import type { BadgesApi } from '../settings.ts';
import { BadgeChip, LevelLabel } from './bits.tsx';

/**
 * post.byline: the author's level, title and chosen badge. The preload loads every author of the page in
 * one query before the page renders (or takes them from the shared reads); each byline then renders without waiting.
 */
export function bylineFlair(api: BadgesApi): { render: FC<{ vc: ViewContext; post: Post }>; preload: SlotPreload<'post.byline'> } {
  return {
    // flair is the same for every viewer: the page's authors are read once per PAGE_CACHE_MS
    preload: ({ vc, places }) => flairLoader(api.db, vc, api.sharedReads('flair', 200)).prime(places.map(({ post }) => post.authorId)),
    render: function BadgesByline({ vc, post }) {
      const loader = flairLoader(api.db, vc);
      const known = loader.peek(post.authorId);
      if (known !== 'unknown') return <Flair vc={vc} flair={known} />;
      return loader.load(post.authorId).then((flair) => <Flair vc={vc} flair={flair} />);
    },
  };
}

const Flair: FC<{ vc: ViewContext; flair: MemberFlair | undefined }> = ({ vc, flair }) => {
  if (!flair) return null;
  return (
    <span class="badges-byline">
      <LevelLabel vc={vc} level={flair.level} />
      {flair.title ? <span class="badges-title">{flair.title}</span> : null}
      {flair.badge ? <BadgeChip vc={vc} badge={flair.badge} small /> : null}
    </span>
  );
};
