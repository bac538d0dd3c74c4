import { POSTS_PER_PAGE } from '../../forum/service/thread-page.ts';

/** Jump to a post by number: its page of the thread and its anchor (the thread route adds the slug). */
export function postNumberUrl(threadId: number, number: number): string {
  const page = Math.max(1, Math.ceil(number / POSTS_PER_PAGE));
  return `/t/${threadId}${page > 1 ? `?page=${page}` : ''}#post-${number}`;
}
