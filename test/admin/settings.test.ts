import { getSiteSettings } from '../../core/site/settings.ts';
import { createTestForum } from '../helpers/app.ts';

describe('/admin/settings', () => {
  it('lets an admin rename the forum, pick the language and time zone, and restrict tags', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ role: 'admin' });
    const page = await (await client.get('/admin/settings')).text();
    expect(page).toContain('name="forumName"');
    const res = await client.post('/admin/settings', {
      forumName: '邻里社区',
      description: 'Neighbours helping neighbours',
      defaultLocale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      restrictTags: 'on',
    });
    expect(res.status).toBe(303);
    expect(await getSiteSettings(forum.deps.db)).toMatchObject({
      forumName: '邻里社区',
      defaultLocale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      restrictTags: true,
      setupComplete: true,
    });
  });

  it('validates on the server and keeps the old values', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ role: 'admin' });
    const res = await client.post('/admin/settings', { forumName: '', description: '', defaultLocale: 'en', timeZone: 'Mars/Olympus' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Give your forum a name.');
    expect(html).toContain('Choose a time zone from the list.');
    expect((await getSiteSettings(forum.deps.db)).forumName).toBe('Test Forum');
  });

  it('is for admins only', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member({ role: 'moderator' });
    expect((await client.get('/admin/settings')).status).toBe(403);
    expect((await client.post('/admin/settings', { forumName: 'x' })).status).toBe(403);
  });
});
