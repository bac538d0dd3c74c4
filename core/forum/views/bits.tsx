import type { FC } from 'hono/jsx';
import { avatarUrl } from '../../accounts/index.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Category, Thread } from '../schema.ts';
import { Flairs } from '../../groups/views/flairs.tsx';
import type { Author } from '../service/people.ts';
import { categoryPath, tagPath } from '../service/slug.ts';

/** "3 hours ago", with the exact time for machines and on hover. */
export const Time: FC<{ vc: ViewContext; date: Date }> = ({ vc, date }) => (
  <time datetime={date.toISOString()} title={vc.tr.date(date, 'long')}>
    {vc.tr.relative(date)}
  </time>
);

export function profilePath(author: Pick<Author, 'username'>): string {
  return `/u/${encodeURIComponent(author.username)}`;
}

export const Avatar: FC<{ author: Author | undefined; size?: 'small' | 'large' }> = ({ author, size }) => (
  <span class={size ? `avatar ${size}` : 'avatar'} aria-hidden="true">
    {author ? <img src={avatarUrl(author)} alt="" width={40} height={40} loading="lazy" /> : null}
  </span>
);

/** Display name, then @username linking to the profile. */
export const AuthorName: FC<{ vc: ViewContext; author: Author | undefined }> = ({ vc, author }) =>
  author ? (
    <span class="author-name">
      <a class="author" href={profilePath(author)}>
        {author.displayName}
      </a>{' '}
      <a class="username" href={profilePath(author)}>
        @{author.username}
      </a>
      <Flairs flairs={author.flairs} />
    </span>
  ) : (
    <span class="author-name muted">{vc.t('forum.post.unknownAuthor')}</span>
  );

/** The colour comes from the generated /assets/categories.css (our CSP has no inline styles). */
export const CategoryChip: FC<{ category: Category }> = ({ category }) => (
  <a class={`category-chip cat-${category.id}`} href={categoryPath(category)}>
    {category.name}
  </a>
);

export const TagLinks: FC<{ vc: ViewContext; tags: string[] }> = ({ vc, tags }) =>
  tags.length ? (
    <span class="tags" aria-label={vc.t('forum.tags.label')}>
      {tags.map((name) => (
        <a class="tag" href={tagPath(name)} rel="tag">
          {name}
        </a>
      ))}
    </span>
  ) : null;

export const ThreadBadges: FC<{ vc: ViewContext; thread: Thread }> = ({ vc, thread }) => (
  <>
    {thread.pinned !== 'none' ? (
      <span class="badge pinned">{vc.t(thread.pinned === 'global' ? 'forum.badge.pinnedGlobal' : 'forum.badge.pinned')}</span>
    ) : null}
    {thread.featured ? <span class="badge featured">{vc.t('forum.badge.featured')}</span> : null}
    {thread.locked ? <span class="badge locked">{vc.t('forum.badge.locked')}</span> : null}
    {thread.deletedAt ? <span class="badge deleted">{vc.t('forum.badge.deleted')}</span> : null}
  </>
);

/** "1 reply" / "3 replies": keys ending in ".one" hold the singular (the same text in Chinese). */
export function countText(vc: ViewContext, key: string, count: number): string {
  return vc.t(count === 1 ? `${key}.one` : key, { count: vc.tr.number(count) });
}
