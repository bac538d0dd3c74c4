import { getEmailPreferences } from '../../core/digests/index.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { category } from '../forum/helpers.ts';

let forum: TestForum;
afterEach(() => forum?.close());

const valid = { digest: 'daily', digestHour: '19', immediateReplies: 'on', immediateMessages: 'on' };

describe('/preferences/email', () => {
  it('is for signed-in members', async () => {
    forum = await createTestForum();
    const res = await forum.client().get('/preferences/email');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fpreferences%2Femail');
  });

  it('shows the defaults and saves choices (303 without JavaScript)', async () => {
    forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'alice' });
    const general = await category(forum, { name: 'General' });
    const news = await category(forum, { name: 'News' });
    const page = await (await client.get('/preferences/email')).text();
    expect(page).toContain('<option value="weekly" selected="">Weekly (Mondays)</option>');
    expect(page).toContain('<option value="8" selected="">08:00</option>');
    expect(page).toContain('In your time zone (UTC).');
    expect(page).toContain(`name="digestCategories" value="${general.id}"`);

    const saved = await client.post('/preferences/email', { ...valid, digestCategories: [String(general.id), String(news.id)], unsubscribedAll: 'on' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/preferences/email?saved=1');
    const prefs = await getEmailPreferences(forum.deps.db, user.id);
    expect(prefs).toMatchObject({ digest: 'daily', digestHour: 19, digestCategories: [general.id, news.id], immediateReplies: true, immediateMentions: false, immediateMessages: true });
    expect(prefs.unsubscribedAllAt).toBeInstanceOf(Date);
    const again = await (await client.get('/preferences/email?saved=1')).text();
    expect(again).toContain('Saved.');
    expect(again).toContain('<option value="19" selected="">19:00</option>');

    await client.post('/preferences/email', valid);
    expect((await getEmailPreferences(forum.deps.db, user.id)).unsubscribedAllAt).toBeNull();
  });

  it('refuses invalid values with inline errors and changes nothing', async () => {
    forum = await createTestForum();
    const { user, client } = await forum.member({ username: 'alice' });
    const staff = await category(forum, { name: 'Staff', readAccess: 'moderator' });
    const res = await client.post('/preferences/email', { digest: 'hourly', digestHour: '24', digestCategories: [String(staff.id)] });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Choose never, daily or weekly.');
    expect(html).toContain('Choose an hour from 0 to 23.');
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toContain('Staff</label>');

    const hidden = await client.post('/preferences/email', { ...valid, digestCategories: [String(staff.id)] });
    expect(hidden.status).toBe(400);
    expect(await hidden.text()).toContain('Choose only categories from this list.');
    const junk = await client.post('/preferences/email', { ...valid, digestCategories: ['x'] });
    expect(junk.status).toBe(400);
    expect((await getEmailPreferences(forum.deps.db, user.id)).digest).toBe('weekly');
  });

  it('answers htmx with the form alone, errors included', async () => {
    forum = await createTestForum();
    const { client } = await forum.member({ username: 'alice' });
    const bad = await client.htmx('POST', '/preferences/email', { digest: 'daily', digestHour: '-1' });
    expect(bad.status).toBe(400);
    const fragment = await bad.text();
    expect(fragment.startsWith('<form')).toBe(true);
    expect(fragment).toContain('Choose an hour from 0 to 23.');
    const ok = await client.htmx('POST', '/preferences/email', { digest: 'none', digestHour: '6' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Saved.');
  });

  it('is translated (zh-CN)', async () => {
    forum = await createTestForum();
    const { client } = await forum.member({ username: 'lilei', locale: 'zh-CN' });
    const html = await (await client.get('/preferences/email')).text();
    expect(html).toContain('邮件设置');
    expect(html).toContain('每周（周一）');
    const bad = await client.post('/preferences/email', { digest: 'x', digestHour: '8' });
    expect(await bad.text()).toContain('请选择从不、每天或每周。');
  });
});
