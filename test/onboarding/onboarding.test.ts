import { eq } from 'drizzle-orm';
import { users } from '../../core/accounts/schema.ts';
import { conversationMessages, conversationParticipants, conversations } from '../../core/conversations/schema.ts';
import { mailMessages } from '../../core/mail/schema.ts';
import { moderationLog } from '../../core/moderation/schema.ts';
import { registrationRequests } from '../../core/onboarding/schema.ts';
import { saveOnboardingSettings } from '../../core/onboarding/settings.ts';
import { addQuestion } from '../../core/onboarding/questions.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { createTestForum, type TestForum } from '../helpers/app.ts';

const person = { username: 'newcomer', email: 'newcomer@example.com', password: 'correct horse battery' };

async function welcomeFor(forum: TestForum, userId: number) {
  return forum.deps.db
    .select({ title: conversations.title, raw: conversationMessages.raw, authorId: conversationMessages.authorId })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .innerJoin(conversationMessages, eq(conversationMessages.conversationId, conversations.id))
    .where(eq(conversationParticipants.userId, userId));
}

describe('welcome message (迎新)', () => {
  it('welcomes a new member by private message from the first admin, with the rules link', async () => {
    const forum = await createTestForum();
    const { user: admin } = await forum.member({ role: 'admin' });
    expect((await forum.client().post('/register', person)).status).toBe(303);
    const [member] = await forum.deps.db.select().from(users).where(eq(users.username, 'newcomer'));
    const [welcome] = await welcomeFor(forum, member!.id);
    expect(welcome).toMatchObject({ title: 'Welcome to Test Forum!', authorId: admin.id });
    expect(welcome!.raw).toContain('http://forum.test/rules');
  });

  it('uses the configured text and sender, in Chinese when the form was', async () => {
    const forum = await createTestForum();
    await forum.member({ role: 'admin' });
    const { user: mod } = await forum.member({ role: 'moderator' });
    await saveOnboardingSettings(forum.deps.db, { welcomeEnabled: true, welcomeSenderId: mod.id, welcomeTitle: '', welcomeBody: '欢迎 {name}！先读[规则]({rules})。' });
    const client = forum.client();
    client.headers['accept-language'] = 'zh-CN';
    expect((await client.post('/register', person)).status).toBe(303);
    const [member] = await forum.deps.db.select().from(users).where(eq(users.username, 'newcomer'));
    const [welcome] = await welcomeFor(forum, member!.id);
    expect(welcome).toMatchObject({ title: '欢迎来到 Test Forum！', authorId: mod.id, raw: '欢迎 newcomer！先读[规则](http://forum.test/rules)。' });
  });
});

describe('approval mode and the entry questionnaire (入群问卷)', () => {
  it('holds the registration with its answers; staff approve; the person is emailed, can sign in and is welcomed', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    await updateSiteSettings(db, { registrationMode: 'approval' });
    const q1 = await addQuestion(db, { prompt: 'Which building do you live in?', required: 'on' });
    await addQuestion(db, { prompt: 'Anything else?', required: '' });
    const { client: admin } = await forum.member({ role: 'admin' });

    const form = await (await forum.client().get('/register')).text();
    expect(form).toContain('Which building do you live in?');
    expect(form).toContain('approved by the staff');

    const missing = await forum.client().post('/register', { ...person, password: 'short' });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('Please answer this question.');
    expect(missingHtml).toContain('at least 8 characters');

    const res = await forum.client().post('/register', { ...person, [`q${q1.id}`]: 'Building 3, next to the park' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('waiting for the staff to approve');
    expect(await db.select().from(users).where(eq(users.username, 'newcomer'))).toHaveLength(0);
    // the same name cannot be requested twice
    expect((await forum.client().post('/register', { ...person, email: 'other@example.com', [`q${q1.id}`]: 'x' })).status).toBe(400);

    const queue = await (await admin.get('/admin/approvals')).text();
    expect(queue).toContain('Building 3, next to the park');
    const [request] = await db.select().from(registrationRequests);
    expect((await admin.post(`/admin/approvals/${request!.id}`, { action: 'approve' })).status).toBe(303);

    const [member] = await db.select().from(users).where(eq(users.username, 'newcomer'));
    expect(member).toBeDefined();
    const mails = await db.select().from(mailMessages).where(eq(mailMessages.to, 'newcomer@example.com'));
    expect(mails.map((m) => m.kind)).toEqual(['registration-approved']);
    const login = await forum.client().post('/login', { login: 'newcomer', password: person.password });
    expect(login.status).toBe(303);
    expect(await welcomeFor(forum, member!.id)).toHaveLength(1);
    const log = await db.select().from(moderationLog).where(eq(moderationLog.action, 'user.approve'));
    expect(log).toHaveLength(1);
    expect((await db.select().from(registrationRequests))[0]).toMatchObject({ status: 'approved', userId: member!.id, passwordHash: null });
  });

  it('rejects with a reason that is emailed; an invite skips approval', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    await updateSiteSettings(db, { registrationMode: 'approval' });
    const { client: admin } = await forum.member({ role: 'admin' });
    await forum.client().post('/register', person);
    const [request] = await db.select().from(registrationRequests);
    expect((await admin.post(`/admin/approvals/${request!.id}`, { action: 'reject', reason: 'Residents only' })).status).toBe(303);
    const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.to, 'newcomer@example.com'));
    expect(mail).toMatchObject({ kind: 'registration-rejected' });
    expect(mail!.text).toContain('Residents only');
    expect((await admin.post(`/admin/approvals/${request!.id}`, { action: 'approve' })).status).toBe(404);

    const created = await admin.post('/invites', { maxUses: '1', days: '7' });
    const code = new URL(created.headers.get('location')!, 'http://x').searchParams.get('created')!;
    const joined = await forum.client().post('/register', { ...person, username: 'invitee', email: 'invitee@example.com', invite: code });
    expect([joined.status, joined.headers.get('location')]).toEqual([303, '/']);
    expect(await db.select().from(users).where(eq(users.username, 'invitee'))).toHaveLength(1);
  });

  it('in open mode keeps the answers for staff on the member page', async () => {
    const forum = await createTestForum();
    const { db } = forum.deps;
    const q = await addQuestion(db, { prompt: 'How did you hear about us?', required: 'on' });
    const { client: admin } = await forum.member({ role: 'admin' });
    expect((await forum.client().post('/register', { ...person, [`q${q.id}`]: 'A neighbour told me' })).status).toBe(303);
    const [member] = await db.select().from(users).where(eq(users.username, 'newcomer'));
    const page = await (await admin.get(`/admin/members/${member!.id}`)).text();
    expect(page).toContain('How did you hear about us?');
    expect(page).toContain('A neighbour told me');
  });
});
