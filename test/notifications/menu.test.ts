import { notify } from '../../core/notifications/service.ts';
import { createTestForum } from '../helpers/app.ts';

async function setup(count: number) {
  const forum = await createTestForum();
  const member = await forum.member({ username: 'reader' });
  for (let i = 1; i <= count; i++) {
    await notify(forum.deps.db, { userId: member.user.id, type: 'reply', data: { actor: `Writer ${i}`, title: `Thread ${i}` }, url: `/p/${i}` });
  }
  return { forum, member };
}

describe('the notification bell menu', () => {
  it('answers htmx with the latest ten, unread highlighted, and a link to all', async () => {
    const { member } = await setup(12);
    const res = await member.client.htmx('GET', '/notifications/menu');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('id="notification-menu"');
    expect([...html.matchAll(/<li class="notification unread">/g)]).toHaveLength(10);
    expect(html).toContain('Writer 12 replied in “Thread 12”');
    expect(html).not.toContain('Writer 2 replied');
    expect(html).toContain('href="/notifications"');
    expect(html).toContain('action="/notifications/12/read"');
    // opened without JavaScript it is a page of its own
    expect(await (await member.client.get('/notifications/menu')).text()).toContain('<html');
  });

  it('marks everything read from the menu and answers with the refreshed menu', async () => {
    const { member } = await setup(3);
    const res = await member.client.htmx('POST', '/notifications/read-all', { view: 'menu' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="notification-menu"');
    expect(html).not.toContain('notification unread');
    expect([...html.matchAll(/<li class="notification read">/g)]).toHaveLength(3);
    expect(html).not.toContain('/notifications/read-all');
    const plain = await member.client.post('/notifications/read-all');
    expect(plain.headers.get('location')).toBe('/notifications');
  });

  it('marks one read and jumps to the post it is about', async () => {
    const { forum, member } = await setup(2);
    const res = await member.client.post('/notifications/2/read');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/p/2');
    const page = await (await member.client.get('/notifications')).text();
    expect([...page.matchAll(/<li class="notification unread">/g)]).toHaveLength(1);
    const other = await forum.member();
    expect((await other.client.post('/notifications/2/read')).status).toBe(404);
    expect((await member.client.post('/notifications/99999999999/read')).status).toBe(404);
    expect((await forum.client().get('/notifications/menu')).headers.get('location')).toBe('/login?next=%2Fnotifications%2Fmenu');
  });

  it('speaks Chinese to a Chinese-speaking member', async () => {
    const { member } = await setup(1);
    member.client.headers['accept-language'] = 'zh-CN';
    const html = await (await member.client.htmx('GET', '/notifications/menu')).text();
    expect(html).toContain('Writer 1 回复了“Thread 1”');
    expect(html).toContain('查看全部通知');
  });
});
