import { sql } from 'drizzle-orm';
import type { Db } from '../../../core/plugins/api.ts';
import { loadGiveaways } from '../service/load-giveaways.ts';
import { loadPolls } from '../service/load-polls.ts';
import { addPoll, optionIds, pollPath, pollsForum, reply } from './helpers.ts';

/** The database handle, counting the statements started through it. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value === 'function' && ['select', 'selectDistinct', 'execute', 'insert', 'update', 'delete'].includes(String(prop))) {
        return (...args: unknown[]) => {
          n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, count: () => n };
}

async function queriesFor(db: Db, threadId: number, viewerId: number) {
  const probe = counting(db);
  const [polls, giveaways] = await Promise.all([loadPolls(probe.db, { threadId, viewerId }), loadGiveaways(probe.db, { threadId })]);
  return { queries: probe.count(), polls: polls.length, giveaways: giveaways.length };
}

describe('the thread slot loads in a fixed number of queries', () => {
  it('however many polls, options, voters and giveaways the thread has', async () => {
    const { forum, author, thread, category } = await pollsForum();
    await forum.deps.pluginHost.state.setCategory('polls', category.id, true, { whoCanCreate: 'anyone' });
    const voters = await Promise.all([1, 2, 3].map(() => forum.member()));
    const vote = async (pollId: number) => {
      const options = await optionIds(forum, pollId);
      for (const [i, v] of voters.entries()) {
        const o = options[i % options.length]!;
        await v.client.post(pollPath(thread.id, pollId, '/vote'), { [`q${o.questionId}`]: String(o.optionId) });
      }
    };
    await vote(await addPoll(author.client, thread.id));
    await reply(forum, voters[0]!.user, thread.id);
    const giveaway = async () => {
      const [g] = await forum.deps.database.rows<{ id: number }>(sql`insert into polls_giveaways (thread_id, author_id, title, winner_count, rule) values (${thread.id}, ${author.user.id}, 'Prize', 1, 'replied') returning id`);
      await author.client.post(`/plugins/polls/t/${thread.id}/g/${g!.id}/draw`);
    };
    await giveaway();
    const small = await queriesFor(forum.deps.db, thread.id, voters[0]!.user.id);

    for (let i = 0; i < 4; i++) await vote(await addPoll(author.client, thread.id, { polls_options: 'A\nB\nC\nD\nE', polls_max: '2' }));
    for (let i = 0; i < 3; i++) await giveaway();
    const large = await queriesFor(forum.deps.db, thread.id, voters[0]!.user.id);
    expect(large).toMatchObject({ polls: 5, giveaways: 4 });
    expect(large.queries).toBe(small.queries);
  });
});
