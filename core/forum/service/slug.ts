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

/**
 * Words that are routes under /t/:id/ (the reply page, staff tools, community edits, plugins' actions):
 * a thread titled "Moderate" must not get /t/5/moderate as its address.
 */
const routeWords = new Set(['reply', 'edit', 'moderate', 'move', 'merge', 'split', 'after', 'delete', 'restore', 'pin', 'lock', 'feature', 'unlist', 'watch', 'comments', 'unaccept', 'new', 'wiki', 'p', 'e', 'g']);

export function threadSlug(title: string): string {
  const slug = slugify(title);
  return routeWords.has(slug) ? `${slug}-thread` : slug;
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
