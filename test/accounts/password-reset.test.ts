import { eq } from 'drizzle-orm';
import { passwordResetTokens, sessions } from '../../core/accounts/schema.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { mails, resetPath, warmDatabase } from './fixtures.ts';

const neutral = 'If that matches an account, a reset link is on its way.';

async function requestReset(forum: TestForum, login: string) {
  const res = await forum.client().post('/password/forgot', { login });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain(neutral);
}

beforeAll(warmDatabase);

describe('password reset', () => {
  it('works end to end: mail, new password, old sessions ended, signed in again', async () => {
    const forum = await createTestForum();
    const { user, client: oldDevice } = await forum.member({ username: 'alice', email: 'alice@example.com' });
    await requestReset(forum, 'Alice@Example.com');

    const [mail] = await mails(forum);
    expect(mail).toMatchObject({ to: 'alice@example.com', kind: 'password-reset', status: 'outbox' });
    expect(mail!.subject).toContain('Reset your password');
    const path = resetPath(mail!.text);
    expect(mail!.text).toContain(`http://forum.test${path}`);
    expect(mail!.html).toContain(`href="http://forum.test${path}"`);
    const [stored] = await forum.deps.db.select().from(passwordResetTokens);
    expect(stored!.id).not.toContain(path.split('/').pop()!);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const browser = forum.client();
    expect((await browser.get(path)).status).toBe(200);
    const weak = await browser.post(path, { password: 'alice' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('at least 8 characters');

    const done = await browser.post(path, { password: 'a brand new secret' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/');
    expect((await browser.get('/preferences')).status).toBe(200);
    expect((await oldDevice.get('/preferences')).status).toBe(303);
    expect(await forum.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    expect((await forum.client().post('/login', { login: 'alice', password: 'correct horse battery' })).status).toBe(400);
    expect((await forum.client().post('/login', { login: 'alice', password: 'a brand new secret' })).status).toBe(303);

    // single use
    const again = await forum.client().post(path, { password: 'yet another secret' });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('invalid, has expired or was already used');
    expect(html).toContain('href="/password/forgot"');
  });

  it('refuses an expired or forged token with a clear 400 page', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'bob', email: 'bob@example.com' });
    await requestReset(forum, 'bob');
    const path = resetPath((await mails(forum))[0]!.text);
    await forum.deps.db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await forum.client().get(path)).status).toBe(400);
    expect((await forum.client().post(path, { password: 'a brand new secret' })).status).toBe(400);
    const forged = await forum.client().get('/password/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Request a new link');
    expect((await forum.client().get('/password/reset/<script>')).status).toBe(400);
  });

  it('invalidates an earlier unused link when a new one is requested', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'carol', email: 'carol@example.com' });
    await requestReset(forum, 'carol');
    await requestReset(forum, 'carol');
    const [first, second] = await mails(forum);
    expect((await forum.client().get(resetPath(first!.text))).status).toBe(400);
    expect((await forum.client().get(resetPath(second!.text))).status).toBe(200);
  });

  it('gives the same answer for an unknown account and sends nothing', async () => {
    const forum = await createTestForum();
    await requestReset(forum, 'nobody@example.com');
    await requestReset(forum, 'nobody');
    expect(await mails(forum)).toHaveLength(0);
  });

  it('writes the mail in the member’s language', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'xiaoming', email: 'xm@example.com', locale: 'zh-CN' });
    await requestReset(forum, 'xm@example.com');
    const [mail] = await mails(forum);
    expect(mail!.subject).toBe('重置你在Test Forum的密码');
    expect(mail!.text).toContain('一小时后失效');
  });

  it('stops mailing one account after a few requests without saying so', async () => {
    const forum = await createTestForum();
    await forum.member({ username: 'dave', email: 'dave@example.com' });
    for (let i = 0; i < 5; i++) await requestReset(forum, 'dave');
    expect(await mails(forum)).toHaveLength(3);
  });
});
