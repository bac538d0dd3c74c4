import { gunzipSync } from 'node:zlib';
import { threadPath } from '../../core/forum/service/slug.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { createTestForum } from '../helpers/app.ts';

const gzipOk = { 'accept-encoding': 'gzip, deflate, br' };

describe('signed-in pages are gzipped', () => {
  it('sends a member’s page gzipped when the browser takes gzip, and the same page plain when it does not', async () => {
    const forum = await createTestForum();
    const { user: author } = await forum.member({ username: 'author' });
    const { client: member, user } = await forum.member({ username: 'zipped' });
    const c = await category(forum, { name: 'General', slug: 'general' });
    const { thread: t } = await thread(forum, author, { categoryId: c.id, title: 'A long thread worth compressing' });
    for (let i = 0; i < 5; i++) await reply(forum, author, t.id, `Reply number ${i} with a little text to make the page longer.`);

    const zipped = await member.get(threadPath(t), gzipOk);
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('content-type')).toContain('text/html');
    expect(zipped.headers.get('x-request-id')).toBeTruthy();
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const page = gunzipSync(bytes).toString();
    expect(page).toContain('A long thread worth compressing');
    expect(page).toContain(user.displayName);
    expect(page).toContain(member.cookies.get('csrf')!);
    expect(bytes.length).toBeLessThan(page.length / 3);

    const plain = await member.get(threadPath(t));
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('A long thread worth compressing');

    const refused = await member.get(threadPath(t), { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('compresses htmx fragments and error pages for members too, and leaves guests to the page cache', async () => {
    const forum = await createTestForum();
    const { client: member } = await forum.member({ username: 'fragments' });
    const missing = await member.get('/t/999999/nothing-here', gzipOk);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString()).toContain('<html');

    const guest = await forum.client().get('/t/999999/nothing-here', gzipOk);
    expect(guest.status).toBe(404);
    expect(guest.headers.get('content-encoding')).toBeNull();
  });
});
