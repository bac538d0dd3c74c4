/**
 * URL slugs keep letters and digits of every script (so "技术交流" stays readable in the address bar;
 * browsers show it decoded) and turn everything else into single hyphens.
 */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...slug].slice(0, maxLength).join('').replace(/-+$/, '');
}

/** GET /t/:id/reply is the reply page, so no thread may use that word as its slug. */
export function threadSlug(title: string): string {
  const slug = slugify(title);
  return slug === 'reply' ? 'reply-thread' : slug;
}

/** The canonical path of a thread; an empty slug (a title of symbols only) leaves just the id. */
export function threadPath(thread: { id: number; slug: string }): string {
  return thread.slug ? `/t/${thread.id}/${encodeURIComponent(thread.slug)}` : `/t/${thread.id}`;
}

export function categoryPath(category: { slug: string }): string {
  return `/c/${encodeURIComponent(category.slug)}`;
}

export function tagPath(name: string): string {
  return `/tag/${encodeURIComponent(name)}`;
}
