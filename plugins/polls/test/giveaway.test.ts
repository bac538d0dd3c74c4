import { sql } from 'drizzle-orm';
import { canonicalList, hashList, pickWinners } from '../service/draw-algorithm.ts';
import { addPoll, count, optionIds, pollPath, pollsForum, reply, threadUrl } from './helpers.ts';

type Forum = Awaited<ReturnType<typeof pollsForum>>['forum'];

async function addGiveaway(client: { post(path: string, fields: Record<string, string>): Promise<Response> }, threadId: number, fields: Record<string, string>) {
  const res = await client.post(`/plugins/polls/t/${threadId}/new`, { polls_kind: 'giveaway', polls_title: 'Two concert tickets', polls_winners: '2', polls_rule: 'replied', ...fields });
  if (res.status !== 303) throw new Error(`giveaway not created: ${res.status} ${await res.text()}`);
  return Number(/polls-giveaway-(\d+)/.exec(res.headers.get('location')!)![1]);
}

async function drawRow(forum: Forum, giveawayId: number) {
  const rows = await forum.deps.database.rows<{ seed: string; listHash: string; eligible: number[]; winners: number[]; algorithm: string }>(
    sql`select seed, list_hash as "listHash", eligible_ids as eligible, winner_ids as winners, algorithm from polls_draws where giveaway_id = ${giveawayId}`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const winNotifications = (forum: Forum) =>
  forum.deps.database.rows<{ userId: number; n: number }>(sql`select user_id as "userId", count(*)::int as n from notifications where type = 'polls.giveawayWon' group by user_id order by user_id`);

describe('giveaways', () => {
  it('draws among repliers (not the author, not banned members, not accounts after the cut-off), verifiably and once', async () => {
    const { forum, author, thread } = await pollsForum();
    const members = await Promise.all([1, 2, 3, 4].map(() => forum.member()));
    for (const m of members) await reply(forum, m.user, thread.id);
    await reply(forum, author.user, thread.id);
    const banned = await forum.member();
    await reply(forum, banned.user, thread.id);
    await forum.deps.database.rows(sql`update users set status = 'banned' where id = ${banned.user.id}`);
    const late = await forum.member();
    await reply(forum, late.user, thread.id);
    await forum.deps.database.rows(sql`update users set created_at = now() + interval '1 day' where id = ${late.user.id}`);

    const cutoff = new Date(Date.now() + 3600_000).toISOString().slice(0, 16);
    const giveawayId = await addGiveaway(author.client, thread.id, { polls_registered_before: cutoff });
    expect((await members[0]!.client.post(`/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`)).status).toBe(403);
    const drawn = await author.client.htmx('POST', `/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    expect(drawn.status).toBe(200);
    const fragment = await drawn.text();
    expect(fragment).toContain('Verify this draw');

    const draw = await drawRow(forum, giveawayId);
    expect(draw.eligible).toEqual(members.map((m) => m.user.id).sort((a, b) => a - b));
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.listHash).toBe(hashList(canonicalList(draw.eligible)));
    expect(draw.winners).toHaveLength(2);
    expect(draw.winners).toEqual(pickWinners(draw.seed, canonicalList(draw.eligible), 2));
    for (const id of draw.winners) expect(draw.eligible).toContain(id);

    // a second draw (double click) changes nothing and notifies nobody again
    await author.client.post(`/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    expect((await drawRow(forum, giveawayId)).seed).toBe(draw.seed);
    expect(await winNotifications(forum)).toEqual([...draw.winners].sort((a, b) => a - b).map((userId) => ({ userId, n: 1 })));

    const verify = await (await forum.client().get(`/plugins/polls/t/${thread.id}/g/${giveawayId}/verify`)).text();
    expect(verify).toContain(draw.seed);
    expect(verify).toContain(draw.listHash);
    expect(verify).toContain('the hash and the winners match');
    expect(verify).toContain(draw.eligible.join(','));
    const page = await (await forum.client().get(threadUrl(thread))).text();
    const names = members.filter((m) => draw.winners.includes(m.user.id)).map((m) => m.user.displayName);
    for (const name of names) expect(page).toContain(name);
  });

  it('a draw happens once: the database refuses a second draw row', async () => {
    const { forum, author, thread } = await pollsForum();
    const m = await forum.member();
    await reply(forum, m.user, thread.id);
    const giveawayId = await addGiveaway(author.client, thread.id, { polls_winners: '1' });
    await author.client.post(`/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    await expect(
      forum.deps.database.rows(sql`insert into polls_draws (giveaway_id, seed, list_hash, eligible_ids, winner_ids, algorithm) values (${giveawayId}, 'x', 'y', '{}', '{}', 'z')`),
    ).rejects.toThrow();
  });

  it('voters of a linked public poll are eligible; an anonymous poll cannot be linked; nobody eligible is refused', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id);
    const secret = await addPoll(author.client, thread.id, { polls_anonymous: 'on' });
    const refused = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'giveaway', polls_title: 'Prize', polls_winners: '1', polls_rule: 'voted', polls_poll: String(secret) });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('An anonymous poll cannot decide a giveaway');

    const giveawayId = await addGiveaway(author.client, thread.id, { polls_rule: 'voted', polls_poll: String(pollId), polls_winners: '5' });
    const empty = await author.client.htmx('POST', `/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    expect(empty.status).toBe(409);
    expect(await empty.text()).toContain('Nobody is eligible yet');

    const [first] = await optionIds(forum, pollId);
    const voters = await Promise.all([1, 2, 3].map(() => forum.member()));
    for (const v of voters) await v.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) });
    await reply(forum, (await forum.member()).user, thread.id);
    await author.client.post(`/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    const draw = await drawRow(forum, giveawayId);
    expect(draw.eligible).toEqual(voters.map((v) => v.user.id).sort((a, b) => a - b));
    expect([...draw.winners].sort((a, b) => a - b)).toEqual(draw.eligible);
  });

  it('"registered before" takes every member who joined before the cut-off', async () => {
    const { forum, author, thread } = await pollsForum();
    const old = await forum.member();
    const fresh = await forum.member();
    await forum.deps.database.rows(sql`update users set created_at = now() - interval '10 days' where id in (${old.user.id}, ${author.user.id})`);
    await forum.deps.database.rows(sql`update users set created_at = now() - interval '1 day' where id = ${fresh.user.id}`);
    const cutoff = new Date(Date.now() - 5 * 86400_000).toISOString().slice(0, 16);
    const missing = await author.client.post(`/plugins/polls/t/${thread.id}/new`, { polls_kind: 'giveaway', polls_title: 'Prize', polls_winners: '1', polls_rule: 'registered' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Give the registration date.');
    const giveawayId = await addGiveaway(author.client, thread.id, { polls_rule: 'registered', polls_registered_before: cutoff, polls_winners: '1' });
    await author.client.post(`/plugins/polls/t/${thread.id}/g/${giveawayId}/draw`);
    expect((await drawRow(forum, giveawayId)).eligible).toEqual([old.user.id]);
  });

  it('a scheduled draw runs as a job at its time, once, and notifies each winner once even when the job runs twice', async () => {
    const { forum, author, thread } = await pollsForum();
    const members = await Promise.all([1, 2, 3].map(() => forum.member()));
    for (const m of members) await reply(forum, m.user, thread.id);
    const at = new Date(Date.now() + 86400_000).toISOString().slice(0, 16);
    const giveawayId = await addGiveaway(author.client, thread.id, { polls_draw_at: at });
    const queued = await forum.deps.database.rows<{ key: string }>(sql`select singleton_key as key from pgboss.job where name = 'polls.draw'`);
    expect(queued).toEqual([{ key: `draw:${giveawayId}` }]);
    expect(await (await forum.client().get(threadUrl(thread))).text()).toContain('The draw takes place on');

    // a job that fires early does nothing
    await forum.deps.jobs.send('polls.draw', { giveawayId });
    expect(await forum.deps.jobs.drain('polls.draw')).toBe(1);
    expect(await count(forum, sql`select count(*)::int as n from polls_draws`)).toBe(0);

    await forum.deps.database.rows(sql`update polls_giveaways set draw_at = now() - interval '1 second' where id = ${giveawayId}`);
    await forum.deps.jobs.send('polls.draw', { giveawayId });
    await forum.deps.jobs.send('polls.draw', { giveawayId });
    expect(await forum.deps.jobs.drain('polls.draw')).toBe(2);
    const draw = await drawRow(forum, giveawayId);
    expect(draw.winners).toHaveLength(2);
    expect(await winNotifications(forum)).toEqual([...draw.winners].sort((a, b) => a - b).map((userId) => ({ userId, n: 1 })));
    const [note] = await forum.deps.database.rows<{ url: string; data: Record<string, string> }>(sql`select url, data from notifications where type = 'polls.giveawayWon' limit 1`);
    expect(note!.url).toBe(`/t/${thread.id}#polls-giveaway-${giveawayId}`);
    expect(note!.data).toEqual({ title: 'Two concert tickets', thread: thread.title });
  });

  it('the draw is a pure function of seed and list, as the verify page documents it', () => {
    const ids = canonicalList([42, 7, 19, 7, 3, 88, 61]);
    expect(ids).toEqual([3, 7, 19, 42, 61, 88]);
    // sha256("3,7,19,42,61,88") and the winners for seed aa…aa, computed by the verify page's script
    expect(hashList(ids)).toBe('6a992afec9e7f2ee71d8775014f67deb536688196b7494beccf78f98320dce18');
    expect(pickWinners('a'.repeat(64), ids, 3)).toEqual([61, 19, 3]);
    expect(pickWinners('b'.repeat(64), ids, 6).sort((a, b) => a - b)).toEqual(ids);
    expect(pickWinners('a'.repeat(64), [], 3)).toEqual([]);
  });
});
