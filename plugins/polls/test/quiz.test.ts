import { sql } from 'drizzle-orm';
import { optionIds, pollPath, pollsForum, threadUrl } from './helpers.ts';

describe('quizzes', () => {
  it('score each member after submitting and rank them: most right first, ties by earliest submission', async () => {
    const { forum, author, thread } = await pollsForum();
    const bad = await author.client.post(`/plugins/polls/t/${thread.id}/new`, {
      polls_kind: 'quiz',
      polls_title: 'Capitals',
      polls_questions: '1',
      polls_q1_prompt: 'Capital of France?',
      polls_q1_options: 'Lyon\nParis',
      polls_q1_correct: '3',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('There is no option with that number.');

    const created = await author.client.post(`/plugins/polls/t/${thread.id}/new`, {
      polls_kind: 'quiz',
      polls_title: 'Capitals',
      polls_questions: '2',
      polls_q1_prompt: 'Capital of France?',
      polls_q1_kind: 'single',
      polls_q1_options: 'Lyon\nParis\nNice',
      polls_q1_correct: '2',
      polls_q2_prompt: 'Which are in China?',
      polls_q2_kind: 'multiple',
      polls_q2_options: 'Beijing\nTokyo\nShanghai',
      polls_q2_min: '1',
      polls_q2_max: '3',
      polls_q2_correct: '1, 3',
    });
    expect(created.status).toBe(303);
    const pollId = Number(/polls-poll-(\d+)/.exec(created.headers.get('location')!)![1]);
    const options = await optionIds(forum, pollId);
    const id = (label: string) => String(options.find((o) => o.label === label)!.optionId);
    const [q1, q2] = [...new Set(options.map((o) => o.questionId))];

    const first = await forum.member({ displayName: 'First Perfect' });
    const second = await forum.member({ displayName: 'Second Perfect' });
    const partial = await forum.member({ displayName: 'Half Right' });
    const sheet = await first.client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: id('Paris'), [`q${q2}`]: id('Beijing') });
    // the htmx answer shows the score at once (one pick of two right ones: half marks); start again without it
    expect(sheet.status).toBe(200);
    expect(await sheet.text()).toContain('Your score: 1 of 2');
    await forum.deps.database.rows(sql`delete from polls_responses where poll_id = ${pollId}`);

    await first.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: id('Paris'), [`q${q2}`]: [id('Beijing'), id('Shanghai')] });
    await second.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: id('Paris'), [`q${q2}`]: [id('Shanghai'), id('Beijing')] });
    await partial.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: id('Paris'), [`q${q2}`]: [id('Beijing'), id('Tokyo')] });
    const scores = await forum.deps.database.rows<{ userId: number; score: number }>(sql`select user_id as "userId", score from polls_responses where poll_id = ${pollId} order by id`);
    expect(scores.map((s) => s.score)).toEqual([2, 2, 1]);
    const mine = await (await first.client.get(threadUrl(thread))).text();
    expect(mine).toContain('Your score: 2 of 2');
    expect(mine).not.toContain('polls-correct');

    const board = async () => {
      const html = await (await forum.client().get(pollPath(thread.id, pollId, '/leaderboard'))).text();
      return ['First Perfect', 'Second Perfect', 'Half Right'].sort((a, b) => html.indexOf(a) - html.indexOf(b));
    };
    expect(await board()).toEqual(['First Perfect', 'Second Perfect', 'Half Right']);
    // equal scores: whoever submitted earlier ranks first, whatever the row order
    await forum.deps.database.rows(sql`update polls_responses set created_at = now() - interval '1 hour' where poll_id = ${pollId} and user_id = ${second.user.id}`);
    expect(await board()).toEqual(['Second Perfect', 'First Perfect', 'Half Right']);

    await author.client.post(pollPath(thread.id, pollId, '/close'));
    const closed = await (await partial.client.get(threadUrl(thread))).text();
    expect(closed).toContain('polls-correct');
    expect(closed).toContain('Your score: 1 of 2');
  });
});
