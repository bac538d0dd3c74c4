import { createTestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';
import { allowQuickPosting, drain } from './helpers.ts';

async function setup() {
  const forum = await createTestForum();
  await allowQuickPosting(forum);
  const { user, client } = await forum.member({ username: 'asker' });
  const cat = await category(forum, { name: 'Help', slug: 'help' });
  await thread(forum, user, { categoryId: cat.id, title: 'How do I reset my password?', raw: 'The email never arrives.' });
  await drain(forum);
  return { forum, client, guest: forum.client() };
}

describe('search pages', () => {
  it('puts a search box in the header of every page and answers htmx with the results region only', async () => {
    const { guest } = await setup();
    const home = await (await guest.get('/latest')).text();
    expect(home).toMatch(/<form class="header-search" method="get" action="\/search" role="search">/);
    const full = await (await guest.get('/search?q=password')).text();
    expect(full).toContain('id="search-form"');
    expect(full).toContain('hx-push-url="true"');
    expect(full).toContain('<mark>password</mark>');
    const part = await guest.htmx('GET', '/search?q=password');
    const html = await part.text();
    expect(html.startsWith('<section id="search-results"')).toBe(true);
    expect(html).not.toContain('<html');
    // the address bar gets only the fields that mean something, not the form's empty filters
    const typed = await guest.htmx('GET', '/search?q=password&type=&category=&tag=&author=&from=&to=&sort=relevance');
    expect(typed.headers.get('hx-push-url')).toBe('/search?q=password');
    const paged = await guest.htmx('GET', '/search?q=password&type=thread&sort=date&page=2');
    expect(paged.headers.get('hx-push-url')).toBe('/search?q=password&type=thread&sort=date&page=2');
    // a Back-button restore asks for the whole page
    const restore = await guest.get('/search?q=password', { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
    expect(await restore.text()).toContain('<html');
  });

  it('shows a no-results page with suggestions, escapes the query, and rejects bad filters with 400', async () => {
    const { guest } = await setup();
    const none = await (await guest.get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}&type=post`)).text();
    expect(none).toContain('class="search-none"');
    expect(none).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(none).not.toContain('<script>alert(1)');
    expect(none).toContain('/search?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E');
    const zh = guest;
    zh.headers['accept-language'] = 'zh-CN';
    expect(await (await zh.get('/search?q=zzzzqqq')).text()).toContain('没有找到与“zzzzqqq”相关的结果');
    const bad = await guest.get('/search?q=x&from=yesterday&page=999');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('from, page');
  });

  it('suggests similar threads while a title is composed', async () => {
    const { client } = await setup();
    const composer = await (await client.get('/new')).text();
    expect(composer).toContain('hx-get="/search/similar"');
    const similar = await (await client.htmx('GET', `/search/similar?title=${encodeURIComponent('reset password not working')}`)).text();
    expect(similar).toContain('How do I <mark>reset</mark> my <mark>password</mark>?');
    expect(await (await client.htmx('GET', '/search/similar?title=ab')).text()).toBe('');
  });

  it('reports the engine on /healthz', async () => {
    const { guest } = await setup();
    const health = await (await guest.get('/healthz')).json();
    expect(health.checks.search).toBe('builtin');
  });
});
