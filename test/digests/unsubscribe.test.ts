import { eq } from 'drizzle-orm';
import {
  getEmailPreferences,
  sendDigest,
  signUnsubscribeToken,
  unsubscribeFor,
  type UnsubscribePurpose,
} from '../../core/digests/index.ts';
import { mailMessages, queueMail } from '../../core/mail/index.ts';
import { TEST_ORIGIN, type TestForum } from '../helpers/app.ts';
import { category, thread } from '../forum/helpers.ts';
import { header } from '../mail/smtp.ts';
import { deliverAll, mailWorld, type MailWorld } from './helpers.ts';

let world: MailWorld;
afterEach(() => world?.close());

/** What a mail client does for RFC 8058: a POST from nowhere, no cookies, no CSRF token. */
function oneClick(forum: TestForum, path: string) {
  return forum.app.request(`${TEST_ORIGIN}${path}`, {
    method: 'POST',
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
  });
}

async function withNews(forum: TestForum) {
  const { user: author } = await forum.member({ username: 'author' });
  const general = await category(forum, { name: 'General' });
  await thread(forum, author, { categoryId: general.id, title: 'Something new to read' });
}

const pathOf = (forum: TestForum, userId: number, purpose: UnsubscribePurpose) => new URL(unsubscribeFor(forum.deps, userId, purpose).url).pathname;

describe('one-click unsubscribe', () => {
  it('the link in a digest asks first (GET changes nothing) and the one-click POST unsubscribes, idempotently', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user } = await forum.member({ username: 'reader' });
    await withNews(forum);
    expect(await sendDigest(forum.deps, user.id, 'weekly:2026-W48')).toBe('queued');
    await deliverAll(forum);
    const path = new URL(header(smtp.mails[0]!.raw, 'List-Unsubscribe')!.slice(1, -1)).pathname;

    const page = await forum.client().get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop receiving digest emails from Test Forum?');
    expect(html).toContain(`<form method="post" action="${path}">`);
    expect((await getEmailPreferences(forum.deps.db, user.id)).digest).toBe('weekly');

    const done = await oneClick(forum, path);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed from digest emails.');
    expect((await getEmailPreferences(forum.deps.db, user.id)).digest).toBe('none');
    // reusing the link (our own button this time) just says so again
    const again = await forum.client().post(path);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('You are unsubscribed from digest emails.');

    // the next digest job sends nothing to this member
    expect(await sendDigest(forum.deps, user.id, 'weekly:2026-W49')).toBe('skipped');
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(1);
  });

  it('forged, altered or wrong-purpose tokens change nothing and get the same neutral page', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { user: victim } = await forum.member({ username: 'victim' });
    const { user: attacker } = await forum.member({ username: 'attacker' });
    const own = signUnsubscribeToken(forum.deps.secret, attacker.id, 'all');
    const [, , issued, sig] = own.split('.');
    const valid = signUnsubscribeToken(forum.deps.secret, victim.id, 'digest');
    const lastChar = valid.at(-1)!;
    const forgeries = [
      `${victim.id}.all.${issued}.${sig}`, // someone else's signature
      valid.slice(0, -1) + (lastChar === 'A' ? 'B' : 'A'), // altered signature (last character: spare bits)
      valid.replace('.digest.', '.all.'), // altered purpose
      signUnsubscribeToken(forum.deps.secret, victim.id, 'password' as UnsubscribePurpose), // signed, but not an unsubscribe purpose
      signUnsubscribeToken('another secret of at least thirty-two chars', victim.id, 'all'),
      signUnsubscribeToken(forum.deps.secret, 999_999, 'all'), // a member that does not exist
      'garbage',
      `${victim.id}.all.1`,
    ];
    const client = forum.client();
    const bodies = new Set<string>();
    for (const token of forgeries) {
      for (const res of [await client.get(`/unsubscribe/${encodeURIComponent(token)}`), await client.post(`/unsubscribe/${encodeURIComponent(token)}`), await oneClick(forum, `/unsubscribe/${encodeURIComponent(token)}`)]) {
        expect(res.status).toBe(400);
        const body = await res.text();
        expect(body).toContain('This unsubscribe link is not valid.');
        // the page around it names the path (language links); what it says about the token must not vary
        bodies.add(/<section class="stack narrow">[\s\S]*?<\/section>/.exec(body)![0]);
      }
    }
    expect(bodies.size).toBe(1);
    const prefs = await getEmailPreferences(forum.deps.db, victim.id);
    expect(prefs).toMatchObject({ digest: 'weekly', immediateReplies: true, unsubscribedAllAt: null });
  });

  it('each purpose turns off its own mail; "all" also cancels mail already queued', async () => {
    world = await mailWorld();
    const { forum, smtp } = world;
    const { user } = await forum.member({ username: 'reader' });
    expect((await oneClick(forum, pathOf(forum, user.id, 'replies'))).status).toBe(200);
    expect(await getEmailPreferences(forum.deps.db, user.id)).toMatchObject({
      digest: 'weekly',
      immediateReplies: false,
      immediateMentions: false,
      immediateMessages: false,
      unsubscribedAllAt: null,
    });

    await withNews(forum);
    const { id } = await queueMail(forum.deps.db, forum.deps.jobs, {
      to: user.email,
      subject: 'Queued before unsubscribing',
      text: 't',
      html: '<p>t</p>',
      kind: 'digest',
      userId: user.id,
      purpose: 'digest',
    });
    expect((await oneClick(forum, pathOf(forum, user.id, 'all'))).status).toBe(200);
    expect((await getEmailPreferences(forum.deps.db, user.id)).unsubscribedAllAt).toBeInstanceOf(Date);
    await deliverAll(forum);
    const [row] = await forum.deps.db.select().from(mailMessages).where(eq(mailMessages.id, id));
    expect(row!.status).toBe('cancelled');
    expect(await sendDigest(forum.deps, user.id, 'weekly:2026-W48')).toBe('skipped');
    await deliverAll(forum);
    expect(smtp.mails).toHaveLength(0);
  });

  it('only the unsubscribe path is exempt from the CSRF check', async () => {
    world = await mailWorld();
    const { forum } = world;
    const { client } = await forum.member({ username: 'reader' });
    const res = await client.request('/preferences/email', {
      method: 'POST',
      body: 'digest=none&digestHour=8',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.net' },
    });
    expect(res.status).toBe(403);
  });
});
