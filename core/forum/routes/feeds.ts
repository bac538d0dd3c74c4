import { Hono, type Context } from 'hono';
import { UserError } from '../../http/errors.tsx';
import type { Category } from '../schema.ts';
import { feedEntries, type FeedEntry } from '../service/feeds.ts';
import { categoryPath, threadPath } from '../service/slug.ts';
import { xmlEscape as x } from '../service/xml.ts';
import { guestAccess } from './context.ts';

/** RSS 2.0 for latest and per category, Atom for latest. Feeds show what a guest may read, whoever asks. */
export function feedRoutes(): Hono {
  const app = new Hono();

  app.get('/latest.rss', async (c) => {
    const entries = await feedEntries(c.get('deps').db, await guestAccess(c));
    return xml(c, 'application/rss+xml', rss(c, { title: c.get('site').forumName, path: '/', self: '/latest.rss', entries }));
  });

  app.get('/latest.atom', async (c) => {
    const entries = await feedEntries(c.get('deps').db, await guestAccess(c));
    return xml(c, 'application/atom+xml', atom(c, entries));
  });

  app.get('/c/:file{.+\\.rss}', async (c) => {
    const slug = c.req.param('file').slice(0, -'.rss'.length);
    const readable = await guestAccess(c);
    const category = readable.bySlug(slug);
    if (!category) throw new UserError(404, 'error.404.body');
    const ids = [category.id, ...readable.childrenOf(category.id).map((s) => s.id)];
    const entries = await feedEntries(c.get('deps').db, readable, ids);
    const title = `${category.name} · ${c.get('site').forumName}`;
    return xml(c, 'application/rss+xml', rss(c, { title, path: categoryPath(category), self: `${categoryPath(category)}.rss`, entries, category }));
  });

  return app;
}

function xml(c: Context, type: string, body: string): Response {
  c.header('Content-Type', `${type}; charset=utf-8`);
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(body);
}

interface RssOptions {
  title: string;
  path: string;
  self: string;
  entries: FeedEntry[];
  category?: Category;
}

function rss(c: Context, o: RssOptions): string {
  const origin = c.get('deps').origin;
  const description = o.category?.description || c.get('site').description || o.title;
  const items = o.entries.map((e) => {
    const link = `${origin}${threadPath(e.thread)}`;
    return [
      '<item>',
      `<title>${x(e.thread.title)}</title>`,
      `<link>${x(link)}</link>`,
      `<guid isPermaLink="true">${x(link)}</guid>`,
      `<pubDate>${e.thread.createdAt.toUTCString()}</pubDate>`,
      e.author ? `<dc:creator>${x(e.author.displayName)}</dc:creator>` : '',
      `<category>${x(e.category.name)}</category>`,
      `<description>${x(e.summary)}</description>`,
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${x(o.title)}</title>`,
    `<link>${x(origin + o.path)}</link>`,
    `<description>${x(description)}</description>`,
    `<atom:link href="${x(origin + o.self)}" rel="self" type="application/rss+xml"/>`,
    `<language>${x(c.get('site').defaultLocale)}</language>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(c: Context, entries: FeedEntry[]): string {
  const origin = c.get('deps').origin;
  const updated = (entries[0]?.thread.createdAt ?? new Date(0)).toISOString();
  const items = entries.map((e) => {
    const link = `${origin}${threadPath(e.thread)}`;
    return [
      '<entry>',
      `<title>${x(e.thread.title)}</title>`,
      `<link href="${x(link)}"/>`,
      `<id>${x(link)}</id>`,
      `<published>${e.thread.createdAt.toISOString()}</published>`,
      `<updated>${e.thread.createdAt.toISOString()}</updated>`,
      e.author ? `<author><name>${x(e.author.displayName)}</name></author>` : '',
      `<category term="${x(e.category.name)}"/>`,
      `<summary>${x(e.summary)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>${x(c.get('site').forumName)}</title>`,
    `<link href="${x(origin)}/"/>`,
    `<link rel="self" href="${x(origin)}/latest.atom"/>`,
    `<id>${x(origin)}/</id>`,
    `<updated>${updated}</updated>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
