import { and, eq } from 'drizzle-orm';
import { categories, postRevisions, posts, threads } from '../../core/forum/schema.ts';
import { moderationLog } from '../../core/moderation/schema.ts';
import { searchOutbox } from '../../core/search/schema.ts';
import { addCategoryModerator, saveTrustSettings, trustSettingsSchema } from '../../core/trust/index.ts';
import { category, reply, thread } from '../forum/helpers.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';
import { setTrust } from '../moderation/helpers.ts';

/** Categories where members post, one they read but may not start threads in, one they do not see at all. */
async function setup() {
  const forum = await createTestForum();
  // the defaults (titles and categories from level 4, wiki from level 1), whatever an earlier test saved
  await saveTrustSettings(forum.deps.db, trustSettingsSchema.parse({}));
  const general = await category(forum, { name: 'General' });
  const other = await category(forum, { name: 'Other place' });
  const announcements = await category(forum, { name: 'Announcements', startAccess: 'moderator' });
  const hidden = await category(forum, { name: 'Staff room', readAccess: 'moderator' });
  const admin = await forum.member({ role: 'admin', username: 'boss' });
  const author = await forum.member({ username: 'author' });
  const leader = await forum.member({ username: 'leader' });
  const regular = await forum.member({ username: 'regular' });
  const newcomer = await forum.member({ username: 'newcomer' });
  await setTrust(forum, leader.user.id, 4);
  await setTrust(forum, regular.user.id, 3);
  await setTrust(forum, author.user.id, 1);
  const { thread: t, post: first } = await thread(forum, author.user, { categoryId: general.id, title: 'Wrong title here', raw: 'The opening text.' });
  return { forum, general, other, announcements, hidden, admin, author, leader, regular, newcomer, t, first };
}

const row = async (forum: TestForum, id: number) => (await forum.deps.db.select().from(threads).where(eq(threads.id, id)))[0]!;
const postRow = async (forum: TestForum, id: number) => (await forum.deps.db.select().from(posts).where(eq(posts.id, id)))[0]!;
const categoryRow = async (forum: TestForum, id: number) => (await forum.deps.db.select().from(categories).where(eq(categories.id, id)))[0]!;
const log = (forum: TestForum) => forum.deps.db.select().from(moderationLog).orderBy(moderationLog.id);

describe('editing thread titles by trust level (editTitles)', () => {
  it('lets a level 4 member change only the title of another member’s thread, in place, with history and a log entry', async () => {
    const { forum, leader, author, t, first } = await setup();
    const page = await (await leader.client.get(`/t/${t.id}/${t.slug}`)).text();
    expect(page).toContain(`href="/t/${t.id}/edit/title"`);
    // the author without the ability has the post's own edit, not the header control
    expect(await (await author.client.get(`/t/${t.id}/${t.slug}`)).text()).not.toContain(`href="/t/${t.id}/edit/title"`);

    const form = await leader.client.htmx('GET', `/t/${t.id}/edit/title`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toMatch(/^<header class="thread-header" id="thread-header"/);
    expect(formHtml).toContain('value="Wrong title here"');
    expect(formHtml).not.toContain('name="raw"');

    const saved = await leader.client.htmx('POST', `/t/${t.id}/edit/title`, { title: 'A much better title' });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('<h1>A much better title</h1>');
    expect(await row(forum, t.id)).toMatchObject({ title: 'A much better title', slug: 'a-much-better-title' });
    expect(await postRow(forum, first.id)).toMatchObject({ raw: 'The opening text.', editCount: 1 });
    const revisions = await forum.deps.db.select().from(postRevisions).where(eq(postRevisions.postId, first.id));
    expect(revisions).toMatchObject([{ editorId: leader.user.id, raw: 'The opening text.', title: 'Wrong title here' }]);
    const entries = await log(forum);
    expect(entries).toMatchObject([
      {
        actorId: leader.user.id,
        action: 'thread.title',
        targetType: 'thread',
        targetId: t.id,
        targetUserId: author.user.id,
        before: { title: 'Wrong title here' },
        after: { title: 'A much better title', via: 'trust', trustLevel: 4 },
      },
    ]);

    // the plain form works too: 303 to the renamed thread
    const plain = await leader.client.post(`/t/${t.id}/edit/title`, { title: 'Plain form title' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/t/${t.id}/plain-form-title`);
    expect((await leader.client.get(`/t/${t.id}/edit/title`)).status).toBe(200);

    // but never the opening post's text
    expect((await leader.client.post(`/p/${first.id}/edit`, { raw: 'Hijacked text' })).status).toBe(403);
    expect((await postRow(forum, first.id)).raw).toBe('The opening text.');
  });

  it('answers bad titles with the form and a message, and refuses lower levels and locked threads', async () => {
    const { forum, admin, leader, regular, t } = await setup();
    const bad = await leader.client.htmx('POST', `/t/${t.id}/edit/title`, { title: 'no' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('The title must be between 3 and 200 characters.');
    const badPlain = await leader.client.post(`/t/${t.id}/edit/title`, { title: '' });
    expect(badPlain.status).toBe(422);
    expect(await badPlain.text()).toContain('The title must be between 3 and 200 characters.');

    expect((await regular.client.get(`/t/${t.id}/edit/title`)).status).toBe(403);
    const refused = await regular.client.post(`/t/${t.id}/edit/title`, { title: 'Level three rename' });
    expect(refused.status).toBe(403);
    expect(await (await regular.client.get(`/t/${t.id}/${t.slug}`)).text()).not.toContain(`/t/${t.id}/edit/title`);

    expect((await admin.client.post(`/t/${t.id}/lock`, { locked: '1' })).status).toBe(303);
    expect((await leader.client.post(`/t/${t.id}/edit/title`, { title: 'Locked rename' })).status).toBe(403);
    expect((await row(forum, t.id)).title).toBe('Wrong title here');
    expect((await log(forum)).map((e) => e.action)).toEqual(['thread.locked']);

    // a lower level once the admin says so
    const settings = trustSettingsSchema.parse({});
    await saveTrustSettings(forum.deps.db, { ...settings, abilityLevels: { ...settings.abilityLevels, editTitles: 3 } });
    expect((await admin.client.post(`/t/${t.id}/lock`, { locked: '0' })).status).toBe(303);
    expect((await regular.client.post(`/t/${t.id}/edit/title`, { title: 'Level three rename' })).status).toBe(303);
    expect((await row(forum, t.id)).title).toBe('Level three rename');
  });
});

describe('who else retitles from the header', () => {
  it('staff are logged as staff; the author’s own retitle is history only; a hidden thread is a 404', async () => {
    const { forum, admin, author, leader, hidden, t, first } = await setup();
    expect((await admin.client.post(`/t/${t.id}/edit/title`, { title: 'Staff retitle' })).status).toBe(303);
    expect((await author.client.post(`/t/${t.id}/edit/title`, { title: 'Author retitle' })).status).toBe(303);
    expect(await log(forum)).toMatchObject([{ actorId: admin.user.id, action: 'thread.title', after: { title: 'Staff retitle', via: 'staff' } }]);
    const revisions = await forum.deps.db.select().from(postRevisions).where(eq(postRevisions.postId, first.id)).orderBy(postRevisions.id);
    expect(revisions.map((r) => [r.editorId, r.title])).toEqual([
      [admin.user.id, 'Wrong title here'],
      [author.user.id, 'Staff retitle'],
    ]);

    const { thread: secret } = await thread(forum, admin.user, { categoryId: hidden.id, title: 'Staff only thread' });
    expect((await leader.client.get(`/t/${secret.id}/edit/title`)).status).toBe(404);
    expect((await leader.client.post(`/t/${secret.id}/edit/title`, { title: 'Peeking in' })).status).toBe(404);
    expect((await leader.client.post(`/t/${secret.id}/edit/category`, { categoryId: String(t.categoryId) })).status).toBe(404);
    // guests are sent to log in
    const guest = await forum.client().get(`/t/${t.id}/edit/title`);
    expect(guest.status).toBe(302);
    expect(guest.headers.get('location')).toContain('/login?next=');
  });
});

describe('recategorising by trust level (recategorise)', () => {
  it('lets a level 4 member move a thread where they may post, with counters, thread.moved and a log entry', async () => {
    const { forum, general, other, announcements, hidden, leader, author, t } = await setup();
    const movedTo: number[] = [];
    forum.deps.plugins.hooks.addAction('thread.moved', ({ to }) => void movedTo.push(to.id), { owner: 'test' });

    const form = await (await leader.client.get(`/t/${t.id}/edit/category`)).text();
    expect(form).toContain('Other place');
    expect(form).not.toContain('Staff room');
    expect(form).not.toContain('Announcements');

    const before = await forum.deps.db.select().from(searchOutbox);
    const res = await leader.client.htmx('POST', `/t/${t.id}/edit/category`, { categoryId: String(other.id) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Other place');
    expect((await row(forum, t.id)).categoryId).toBe(other.id);
    expect(movedTo).toEqual([other.id]);
    expect(await categoryRow(forum, general.id)).toMatchObject({ threadCount: 0, postCount: 0 });
    expect(await categoryRow(forum, other.id)).toMatchObject({ threadCount: 1, postCount: 1 });
    // search hears about it from the database trigger
    expect((await forum.deps.db.select().from(searchOutbox)).length).toBeGreaterThan(before.length);
    expect(await log(forum)).toMatchObject([
      {
        actorId: leader.user.id,
        action: 'thread.move',
        targetId: t.id,
        targetUserId: author.user.id,
        before: { categoryId: general.id, category: 'General' },
        after: { categoryId: other.id, category: 'Other place', via: 'trust', trustLevel: 4 },
      },
    ]);

    // not into a category they cannot see (told as if it did not exist) or cannot start threads in
    const intoHidden = await leader.client.post(`/t/${t.id}/edit/category`, { categoryId: String(hidden.id) });
    expect(intoHidden.status).toBe(422);
    expect(await intoHidden.text()).toContain('Choose a category.');
    const intoAnnouncements = await leader.client.htmx('POST', `/t/${t.id}/edit/category`, { categoryId: String(announcements.id) });
    expect(intoAnnouncements.status).toBe(422);
    expect(await intoAnnouncements.text()).toContain('You cannot start threads in that category');
    expect((await leader.client.post(`/t/${t.id}/edit/category`, { categoryId: 'nonsense' })).status).toBe(422);
    expect((await row(forum, t.id)).categoryId).toBe(other.id);
    expect((await log(forum)).length).toBe(1);

    // plain form: back to the thread
    const plain = await leader.client.post(`/t/${t.id}/edit/category`, { categoryId: String(general.id) });
    expect(plain.status).toBe(303);
    expect((await row(forum, t.id)).categoryId).toBe(general.id);
  });

  it('refuses members below the level, and the staff-only tools stay staff-only', async () => {
    const { forum, general, other, regular, leader, t } = await setup();
    expect((await regular.client.get(`/t/${t.id}/edit/category`)).status).toBe(403);
    expect((await regular.client.post(`/t/${t.id}/edit/category`, { categoryId: String(other.id) })).status).toBe(403);
    expect((await leader.client.post(`/t/${t.id}/move`, { categoryId: String(other.id) })).status).toBe(403);
    expect((await leader.client.post(`/t/${t.id}/lock`, { locked: '1' })).status).toBe(403);
    expect((await row(forum, t.id)).categoryId).toBe(general.id);
    expect(await categoryRow(forum, general.id)).toMatchObject({ threadCount: 1 });
    expect(await log(forum)).toEqual([]);
  });
});

describe('wiki posts', () => {
  it('staff mark a post as a wiki (logged); members from the configured level edit its text, with history', async () => {
    const { forum, admin, author, regular, newcomer, t, first } = await setup();
    const answer = await reply(forum, author.user, t.id, 'How to get here: take the bus.');
    await setTrust(forum, regular.user.id, 1);

    // members cannot mark posts; staff can, in place
    expect((await regular.client.post(`/p/${answer.id}/wiki`, { wiki: '1' })).status).toBe(403);
    expect((await admin.client.post(`/p/${answer.id}/wiki`, { wiki: 'maybe' })).status).toBe(400);
    const marked = await admin.client.htmx('POST', `/p/${answer.id}/wiki`, { wiki: '1' });
    expect(marked.status).toBe(200);
    const markedHtml = await marked.text();
    expect(markedHtml).toContain('class="badge wiki"');
    expect(markedHtml).toContain('Remove wiki');
    expect((await postRow(forum, answer.id)).wiki).toBe(true);
    expect(await log(forum)).toMatchObject([
      { actorId: admin.user.id, action: 'post.wiki', targetType: 'post', targetId: answer.id, targetUserId: author.user.id, before: { wiki: false }, after: { wiki: true } },
    ]);

    // a level 1 member sees "Edit" and edits the text; the HTML is rendered again and the old text kept
    const threadPage = await (await regular.client.get(`/t/${t.id}/${t.slug}`)).text();
    expect(threadPage).toContain(`hx-get="/p/${answer.id}/edit"`);
    expect(threadPage).not.toContain(`hx-get="/p/${first.id}/edit"`);
    const outboxBefore = (await forum.deps.db.select().from(searchOutbox).where(and(eq(searchOutbox.kind, 'post'), eq(searchOutbox.refId, answer.id)))).length;
    const edited = await regular.client.post(`/p/${answer.id}/edit`, { raw: 'How to get here: take the **number 7** bus.' });
    expect(edited.status).toBe(303);
    const post = await postRow(forum, answer.id);
    expect(post).toMatchObject({ raw: 'How to get here: take the **number 7** bus.', editCount: 1, authorId: author.user.id });
    expect(post.html).toContain('<strong>number 7</strong>');
    const revisions = await forum.deps.db.select().from(postRevisions).where(eq(postRevisions.postId, answer.id));
    expect(revisions).toMatchObject([{ editorId: regular.user.id, raw: 'How to get here: take the bus.' }]);
    const outboxAfter = (await forum.deps.db.select().from(searchOutbox).where(and(eq(searchOutbox.kind, 'post'), eq(searchOutbox.refId, answer.id)))).length;
    expect(outboxAfter).toBeGreaterThan(outboxBefore);

    // level 0 is below the default (1); a post that is not a wiki is nobody else's to edit
    expect((await newcomer.client.get(`/p/${answer.id}/edit`)).status).toBe(403);
    expect((await newcomer.client.post(`/p/${answer.id}/edit`, { raw: 'Vandalised' })).status).toBe(403);
    expect((await regular.client.post(`/p/${first.id}/edit`, { raw: 'Not a wiki' })).status).toBe(403);
    expect((await postRow(forum, answer.id)).raw).toBe('How to get here: take the **number 7** bus.');
    expect((await postRow(forum, first.id)).raw).toBe('The opening text.');

    // unmarked: editing stops, and that is logged too
    expect((await admin.client.post(`/p/${answer.id}/wiki`, { wiki: '0' })).status).toBe(303);
    expect((await regular.client.post(`/p/${answer.id}/edit`, { raw: 'One more change' })).status).toBe(403);
    expect((await log(forum)).map((e) => e.action)).toEqual(['post.wiki', 'post.unwiki']);
  });

  it('a wiki opening post: its text is editable, its title is not; moderators of the category may mark it; the level is configurable', async () => {
    const { forum, general, admin, author, regular, newcomer, t, first } = await setup();
    await setTrust(forum, regular.user.id, 2);
    const mod = await forum.member({ username: 'scoped' });
    await addCategoryModerator(forum.deps.db, admin.user, general.id, mod.user.id);
    expect((await mod.client.post(`/p/${first.id}/wiki`, { wiki: '1' })).status).toBe(303);
    expect((await postRow(forum, first.id)).wiki).toBe(true);

    const form = await (await regular.client.get(`/p/${first.id}/edit`)).text();
    expect(form).toContain('name="raw"');
    expect(form).not.toContain('name="title"');
    expect((await regular.client.post(`/p/${first.id}/edit`, { raw: 'Community text', title: 'Sneaky new title' })).status).toBe(403);
    expect((await regular.client.post(`/p/${first.id}/edit`, { raw: 'Community text' })).status).toBe(303);
    expect((await postRow(forum, first.id)).raw).toBe('Community text');
    expect((await row(forum, t.id)).title).toBe('Wrong title here');
    // the author still edits both
    expect((await author.client.post(`/p/${first.id}/edit`, { raw: 'Author text', title: 'Author title' })).status).toBe(303);

    const settings = trustSettingsSchema.parse({});
    await saveTrustSettings(forum.deps.db, { ...settings, abilityLevels: { ...settings.abilityLevels, editWiki: 3 } });
    expect((await regular.client.post(`/p/${first.id}/edit`, { raw: 'Level two again' })).status).toBe(403);
    await saveTrustSettings(forum.deps.db, { ...settings, abilityLevels: { ...settings.abilityLevels, editWiki: 0 } });
    expect((await newcomer.client.post(`/p/${first.id}/edit`, { raw: 'Anyone may edit now' })).status).toBe(303);
    // the trust settings page lists the new ability
    const admin1 = await (await admin.client.get('/admin/trust')).text();
    expect(admin1).toContain('name="ability.editWiki"');
    expect(admin1).toContain('Edit wiki posts');
  });
});
