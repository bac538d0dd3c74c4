import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts, threads } from '../../../core/plugins/api.ts';
import type { TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import { qaQuestions } from '../schema.ts';
import { questionStats } from '../service/stats.ts';
import { answer, ask, qaForum } from './helpers.ts';

const HOUR = 3600_000;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);

/**
 * A known history, 2026-03-02 .. 2026-03-08 (UTC), in hours after asking:
 *   Help Q1: asker's own reply 0.5 (not an answer), answers 2 and 3, the one at 3 accepted at 10
 *   Help Q2: deleted reply 1 (not an answer), answer 4, accepted at 20
 *   Help Q3: answer 9, not accepted
 *   Help Q4: a reply held for review at 1 (not an answer): unanswered
 *   Support Q5: answer 1, accepted at 2
 *   outside: Help Q6 asked 2026-03-09; a deleted question in range; a thread in the plain category
 * All: 5 questions, 3 solved (60 %), first answers 2,4,9,1 → median 3 h, acceptances 10,20,2 → median 10 h.
 * Help: 4 questions, 2 solved (50 %), first answers 2,4,9 → median 4 h, acceptances 10,20 → median 15 h.
 */
async function seed() {
  const { forum, category: help, plain, asker } = await qaForum();
  const support = await insertCategory(forum.deps.db, 'Support');
  await forum.deps.pluginHost.state.setCategory('qa', support.id, true);
  const [helper, other] = [(await forum.member()).user, (await forum.member()).user];
  const db = forum.deps.db;

  async function question(categoryId: number, createdAt: Date, replies: { by: typeof helper; hours: number; state?: 'deleted' | 'held' }[], acceptHours?: number) {
    const thread = await ask(forum, asker.user, categoryId, `Question asked at ${createdAt.toISOString()}`);
    await db.update(threads).set({ createdAt }).where(eq(threads.id, thread.id));
    await db.update(posts).set({ createdAt }).where(eq(posts.threadId, thread.id));
    const made = [];
    for (const reply of replies) {
      const post = await answer(forum, reply.by, thread.id);
      await db
        .update(posts)
        .set({ createdAt: plus(createdAt, reply.hours), deletedAt: reply.state === 'deleted' ? new Date() : null, heldAt: reply.state === 'held' ? new Date() : null })
        .where(eq(posts.id, post.id));
      made.push(post);
    }
    if (acceptHours !== undefined) {
      const accepted = made[made.length - 1]!;
      await db.update(qaQuestions).set({ acceptedPostId: accepted.id, acceptedById: asker.user.id, acceptedAt: plus(createdAt, acceptHours) }).where(eq(qaQuestions.threadId, thread.id));
    }
    return thread;
  }

  await question(help.id, at('2026-03-02T00:00:00Z'), [{ by: asker.user, hours: 0.5 }, { by: helper, hours: 2 }, { by: other, hours: 3 }], 10);
  await question(help.id, at('2026-03-03T06:00:00Z'), [{ by: helper, hours: 1, state: 'deleted' }, { by: other, hours: 4 }], 20);
  await question(help.id, at('2026-03-04T12:00:00Z'), [{ by: helper, hours: 9 }]);
  await question(help.id, at('2026-03-05T18:00:00Z'), [{ by: helper, hours: 1, state: 'held' }]);
  await question(support.id, at('2026-03-08T22:00:00Z'), [{ by: helper, hours: 1 }], 2);
  await question(help.id, at('2026-03-09T00:00:00Z'), [{ by: helper, hours: 1 }], 1);
  const deleted = await question(help.id, at('2026-03-06T00:00:00Z'), [{ by: helper, hours: 1 }], 1);
  await db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deleted.id));
  const chat = await ask(forum, asker.user, plain.id, 'Anyone around?');
  await db.update(threads).set({ createdAt: at('2026-03-04T00:00:00Z') }).where(inArray(threads.id, [chat.id]));
  return { forum, help, support };
}

const range = { start: at('2026-03-02T00:00:00Z'), end: at('2026-03-09T00:00:00Z') };

function figure(html: string, key: string): string | undefined {
  return html.match(new RegExp(`data-metric="qa.${key}"><dt>[^<]*</dt><dd><span class="analytics-value">([^<]*)<`))?.[1];
}

async function dashboard(forum: TestForum, query: string): Promise<string> {
  const { client } = await forum.member({ role: 'admin' });
  const response = await client.get(`/admin/analytics?range=custom&from=2026-03-02&to=2026-03-08${query}`);
  const html = await response.text();
  expect(response.status, html.slice(0, 2000)).toBe(200);
  return html;
}

describe('Q&A analytics', () => {
  it('computes questions, solve rate and median times for the period and per category', async () => {
    const { forum, help, support } = await seed();
    expect(await questionStats(forum.deps.db, range)).toEqual({ questions: 5, solved: 3, medianFirstAnswerSeconds: 3 * 3600, medianAcceptanceSeconds: 10 * 3600 });
    expect(await questionStats(forum.deps.db, { ...range, categoryId: help.id })).toEqual({
      questions: 4,
      solved: 2,
      medianFirstAnswerSeconds: 4 * 3600,
      medianAcceptanceSeconds: 15 * 3600,
    });
    expect(await questionStats(forum.deps.db, { ...range, categoryId: support.id })).toEqual({ questions: 1, solved: 1, medianFirstAnswerSeconds: 3600, medianAcceptanceSeconds: 7200 });
    expect(await questionStats(forum.deps.db, { start: at('2026-02-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z') })).toEqual({
      questions: 0,
      solved: 0,
      medianFirstAnswerSeconds: null,
      medianAcceptanceSeconds: null,
    });
  });

  it('shows the panel on /admin/analytics for an admin, in English and Chinese, honouring the category filter', async () => {
    const { forum, help } = await seed();
    const html = await dashboard(forum, '');
    expect(html).toContain('>Questions and answers</h2>');
    expect([figure(html, 'questions'), figure(html, 'solveRate'), figure(html, 'timeToFirstAnswer'), figure(html, 'timeToAcceptance')]).toEqual(['5', '60 %', '3 h', '10 h']);
    const narrowed = await dashboard(forum, `&category=${help.id}`);
    expect([figure(narrowed, 'questions'), figure(narrowed, 'solveRate'), figure(narrowed, 'timeToFirstAnswer'), figure(narrowed, 'timeToAcceptance')]).toEqual([
      '4',
      '50 %',
      '4 h',
      '15 h',
    ]);
    const empty = await (await (await forum.member({ role: 'admin' })).client.get('/admin/analytics?range=custom&from=2026-01-01&to=2026-01-07')).text();
    expect(figure(empty, 'solveRate')).toBe('—');

    const { client } = await forum.member({ role: 'admin', locale: 'zh-CN' });
    const zh = await (await client.get('/admin/analytics?range=custom&from=2026-03-02&to=2026-03-08')).text();
    expect(zh).toContain('>问答</h2>');
    expect(zh).toMatch(/data-metric="qa.solveRate"><dt>解决率（已采纳答案）<\/dt>/);

    const member = await forum.member();
    expect((await member.client.get('/admin/analytics')).status).toBe(403);
  });
});
