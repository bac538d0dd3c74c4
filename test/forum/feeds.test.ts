import { createTestForum } from '../helpers/app.ts';
import { category, thread } from './helpers.ts';

/** Loose well-formedness: one root, every tag closed in order, no bare "&" or "<" in text. */
function assertWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const [, close, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)(?:\s+[\w:.-]+="[^"<]*")*\s*(\/?)>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  const text = body.replace(/<[^>]*>/g, '');
  expect(text).not.toMatch(/&(?!(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);)/i);
  expect(text).not.toContain('<');
}

async function setup() {
  const forum = await createTestForum();
  const { user } = await forum.member({ displayName: 'Ann & <Co>' });
  const open = await category(forum, { name: '技术 & Tech', description: 'Code <and> chips' });
  const hidden = await category(forum, { name: 'Back office', readAccess: 'member' });
  const members = await thread(forum, user, { categoryId: hidden.id, title: 'Members only memo' });
  const pub = await thread(forum, user, { categoryId: open.id, title: 'Fish & chips <b>不是</b> "bold"', raw: 'Tom & Jerry say **hi** <script>x</script>' });
  return { forum, open, hidden, members, pub };
}

describe('feeds', () => {
  it('serves latest threads as well-formed, escaped RSS 2.0 without non-public categories', async () => {
    const { forum, pub } = await setup();
    const { client } = await forum.member(); // feeds are the guest view even for members
    const res = await client.get('/latest.rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await res.text();
    assertWellFormed(xml);
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>Fish &#38; chips &#60;b&#62;不是&#60;/b&#62; &#34;bold&#34;</title>');
    expect(xml).toContain(`<link>http://forum.test/t/${pub.thread.id}/`);
    expect(xml).toContain('<dc:creator>Ann &#38; &#60;Co&#62;</dc:creator>');
    expect(xml).toContain('<description>Tom &#38; Jerry say hi &#60;script&#62;x&#60;/script&#62;</description>');
    expect(xml).toMatch(/<pubDate>\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT<\/pubDate>/);
    expect(xml).not.toContain('Members only memo');
    expect(xml).not.toContain('Back office');
  });

  it('serves Atom for latest and RSS per category; a non-public category has no feed', async () => {
    const { forum, open, hidden } = await setup();
    const guest = forum.client();
    const atom = await guest.get('/latest.atom');
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    const atomXml = await atom.text();
    assertWellFormed(atomXml);
    expect(atomXml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atomXml).not.toContain('Members only memo');

    const perCategory = await guest.get(`/c/${encodeURIComponent(open.slug)}.rss`);
    expect(perCategory.status).toBe(200);
    const xml = await perCategory.text();
    assertWellFormed(xml);
    expect(xml).toContain('<description>Code &#60;and&#62; chips</description>');
    expect(xml).toContain('Fish &#38; chips');
    expect((await guest.get(`/c/${hidden.slug}.rss`)).status).toBe(404);
    const { client: member } = await forum.member();
    expect((await member.get(`/c/${hidden.slug}.rss`)).status).toBe(404);
  });

  it('is announced on listing and category pages', async () => {
    const { forum, open } = await setup();
    const home = await (await forum.client().get('/')).text();
    expect(home).toContain('<link rel="alternate" type="application/rss+xml" title="Latest threads" href="/latest.rss"/>');
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" title="Latest threads" href="/latest.atom"/>');
    const cat = await (await forum.client().get(`/c/${encodeURIComponent(open.slug)}`)).text();
    expect(cat).toContain(`href="/c/${encodeURIComponent(open.slug)}.rss"`);
  });
});
