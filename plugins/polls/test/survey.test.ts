import { sql } from 'drizzle-orm';
import type { TestClient } from '../../../test/helpers/app.ts';
import { count, optionIds, pollPath, pollsForum, threadUrl } from './helpers.ts';

const surveyForm = (extra: Record<string, string> = {}) => ({
  polls_kind: 'survey',
  polls_title: 'Community survey',
  polls_questions: '3',
  polls_q1_prompt: 'How often do you visit?',
  polls_q1_kind: 'single',
  polls_q1_options: 'Daily\nWeekly\nRarely',
  polls_q2_prompt: 'Which sections do you read?',
  polls_q2_kind: 'multiple',
  polls_q2_options: 'News\nHelp\nOff-topic',
  polls_q2_min: '1',
  polls_q2_max: '2',
  polls_q3_prompt: 'Anything else?',
  polls_q3_kind: 'text',
  ...extra,
});

async function createSurvey(client: TestClient, threadId: number, extra: Record<string, string> = {}) {
  const res = await client.post(`/plugins/polls/t/${threadId}/new`, surveyForm(extra));
  expect(res.status).toBe(303);
  return Number(/polls-poll-(\d+)/.exec(res.headers.get('location')!)![1]);
}

describe('surveys', () => {
  it('the form grows by one question without JavaScript and validates each question inline', async () => {
    const { author, thread } = await pollsForum();
    const grown = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { ...surveyForm(), polls_action: 'addQuestion' });
    expect(grown.status).toBe(200);
    const html = await grown.text();
    expect(html).toContain('name="polls_q4_prompt"');
    expect(html).toContain('Community survey');
    const bad = await author.client.post(`/plugins/polls/t/${thread.id}/new`, surveyForm({ polls_q2_options: 'Only one', polls_q1_prompt: '' }));
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Write the question.');
    expect(text).toContain('Give at least two options, one per line.');
  });

  it('takes one response per member; the author and staff see aggregated results and a CSV', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await createSurvey(author.client, thread.id);
    const options = await optionIds(forum, pollId);
    const [q1, q2] = [...new Set(options.map((o) => o.questionId))];
    const [q3] = await forum.deps.database.rows<{ id: number }>(sql`select id from polls_questions where poll_id = ${pollId} and kind = 'text'`);
    const answer = (o: typeof options) => ({
      [`q${q1}`]: String(o.find((x) => x.label === 'Weekly')!.optionId),
      [`q${q2}`]: [String(o.find((x) => x.label === 'News')!.optionId), String(o.find((x) => x.label === 'Help')!.optionId)],
      [`q${q3!.id}`]: 'More events, please; and "meetups"',
    });
    const { client } = await forum.member({ username: 'surveyor', displayName: 'Survey Taker' });
    const tooLong = await client.post(pollPath(thread.id, pollId, '/vote'), { ...answer(options), [`q${q3!.id}`]: 'x'.repeat(501) });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('The answer is too long (500 characters at most).');
    expect((await client.post(pollPath(thread.id, pollId, '/vote'), answer(options))).status).toBe(303);
    const again = await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: String(options[0]!.optionId), [`q${q2}`]: String(options[3]!.optionId) });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('You have already taken part; each member answers once.');
    expect(await count(forum, sql`select count(*)::int as n from polls_responses where poll_id = ${pollId}`)).toBe(1);

    const memberView = await (await client.get(threadUrl(thread))).text();
    expect(memberView).toContain('Thank you, your response was recorded.');
    expect(memberView).toContain('Only the author and staff see the answers.');
    expect(memberView).not.toContain('polls-count');
    expect((await client.get(pollPath(thread.id, pollId, '/results'))).status).toBe(403);

    const results = await (await author.client.get(pollPath(thread.id, pollId, '/results'))).text();
    expect(results).toContain('1 vote · 100%');
    expect(results).toContain('More events, please; and &quot;meetups&quot;');
    expect(results).toContain('Survey Taker');
    const csv = await (await author.client.get(pollPath(thread.id, pollId, '/export.csv'))).text();
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Username,Name,Submitted at (UTC),How often do you visit?,Which sections do you read?,Anything else?');
    expect(row).toMatch(/^surveyor,Survey Taker,\d{4}-\d\d-\d\dT[^,]+,Weekly,News; Help,"More events, please; and ""meetups"""$/);
  });

  it('anonymous surveys: text answers are listed without names, grouped, and the CSV has no member column', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await createSurvey(author.client, thread.id, { polls_anonymous: 'on' });
    const options = await optionIds(forum, pollId);
    const [q1, q2] = [...new Set(options.map((o) => o.questionId))];
    const [q3] = await forum.deps.database.rows<{ id: number }>(sql`select id from polls_questions where poll_id = ${pollId} and kind = 'text'`);
    for (const [name, text] of [['alice', 'Keep it up'], ['bob', 'Keep it up'], ['carol', 'Less spam\nplease']] as const) {
      const { client } = await forum.member({ username: name, displayName: `${name} Person` });
      await client.post(pollPath(thread.id, pollId, '/vote'), { [`q${q1}`]: String(options[0]!.optionId), [`q${q2}`]: String(options[3]!.optionId), [`q${q3!.id}`]: text });
    }
    const results = await (await author.client.get(pollPath(thread.id, pollId, '/results'))).text();
    const csv = await (await author.client.get(pollPath(thread.id, pollId, '/export.csv'))).text();
    for (const out of [results, csv]) {
      for (const name of ['alice', 'bob', 'carol']) expect(out).not.toContain(name);
    }
    expect(results).toContain('Keep it up');
    expect(results).toContain('×2');
    expect(csv).toContain('Anything else?,Keep it up,2');
    expect(csv).toContain('Anything else?,"Less spam\nplease",1');
    expect(csv).toContain('How often do you visit?,Daily,3');
    expect(csv).toContain('Responses,,3');
  });
});
