import postgres, { type Sql } from 'postgres';
import type { User } from '../../core/accounts/schema.ts';
import { createSession } from '../../core/accounts/service/sessions.ts';
import { createUser } from '../../core/accounts/service/users.ts';
import { createForum, type Forum } from '../../core/bootstrap.ts';
import { loadConfig } from '../../core/config/index.ts';
import { createCategory } from '../../core/forum/service/categories.ts';
import { createLogger } from '../../core/logger.ts';
import { MAIL_SEND_JOB } from '../../core/mail/index.ts';
import { PUBLISH_THREAD_JOB, reschedule } from '../../core/scheduling/index.ts';
import { updateSiteSettings } from '../../core/site/settings.ts';
import { setCategoryWatch } from '../../core/watching/index.ts';
import events from '../../plugins/events/plugin.tsx';
import { TEST_ORIGIN, TestClient } from '../helpers/app.ts';
import { startSmtp, type TestSmtp } from '../mail/smtp.ts';
import { loadWorker, lockWaiter, skipRetryBackoff, until, type KillableWorker } from './fixtures/killable-worker.ts';

const serverUrl = process.env.DATABASE_URL;
// long enough for the child to reach the kill point with its job still its own, short enough for a test
const JOB_EXPIRE_SECONDS = 6;

describe.skipIf(!serverUrl)('a job worker killed with SIGKILL mid-job: the job is retried, its side effects happen once (runs with DATABASE_URL)', () => {
  let env: Record<string, string>;
  /** The test's forum: sets up data and queues jobs, runs no workers until it takes over a killed one's job. */
  let forum: Forum;
  /** The test's own connection: row locks that freeze the child at a known statement, and inspection. */
  let sql: Sql;
  let smtp: TestSmtp;
  /** One child process per test, loaded ahead of time (loading the code is most of a start). */
  let workers: KillableWorker[] = [];
  let worker: KillableWorker | undefined;
  let rescuer: Forum | undefined;
  let serial = 0;

  beforeAll(async () => {
    const name = `${process.env.FORUM_TEST_RUN ?? 'forum_test'}_killed_${process.pid}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    // a backend whose client was killed while it waited for a lock gives up, as if the kill had come just
    // before that statement, instead of running it once the lock is free (PostgreSQL's default)
    await admin.unsafe(`alter database "${name}" set client_connection_check_interval = 100`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    smtp = await startSmtp();
    env = {
      NODE_ENV: 'test',
      BASE_URL: TEST_ORIGIN,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      SMTP_URL: smtp.url,
      PAGE_CACHE_MS: '0',
      SECRET: 'killed-workers-share-one-secret-0123456789',
      JOB_EXPIRE_SECONDS: String(JOB_EXPIRE_SECONDS),
    };
    [forum, ...workers] = await Promise.all([
      createForum({ config: loadConfig(env), logger: createLogger('silent'), plugins: [events] }),
      loadWorker(env),
      loadWorker(env),
    ]);
    await updateSiteSettings(forum.deps.db, { setupComplete: true, forumName: 'Killed', setupToken: null });
    sql = postgres(url.toString(), { max: 3, onnotice: () => {} });
  });

  afterEach(async () => {
    await worker?.kill();
    worker = undefined;
    await rescuer?.close();
    rescuer = undefined;
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await forum?.close();
    await sql?.end();
    await smtp?.close();
  });

  async function member(role?: 'moderator'): Promise<{ user: User; client: TestClient }> {
    serial += 1;
    const user = await createUser(forum.deps.db, { username: `member${serial}`, email: `member${serial}@example.com`, password: 'correct horse battery', role });
    const client = new TestClient(forum);
    client.cookies.set('session', (await createSession(forum.deps.db, user.id)).token);
    return { user, client };
  }

  /** Holds `for update` on a member's row: inserting anything that references them waits (foreign-key check). */
  async function lockMember(userId: number): Promise<() => Promise<void>> {
    const conn = await sql.reserve();
    await conn`begin`;
    await conn`select 1 from users where id = ${userId} for update`;
    return async () => {
      await conn`rollback`;
      conn.release();
    };
  }

  /**
   * SIGKILLs the child once its `job` waits at `statement` (and `alsoWaitFor` holds), and waits until
   * PostgreSQL has dropped the dead child's backend.
   */
  async function killAt(job: string, statement: string, alsoWaitFor: () => Promise<boolean> = async () => true): Promise<void> {
    let backend: number | undefined;
    await until(async () => (backend = await lockWaiter(sql, statement)) !== undefined && (await alsoWaitFor()), 15_000, `child waiting at ${statement}`);
    // still the child's own: what brings it back must be pg-boss noticing the dead worker, not its time limit
    expect(await sql`select 1 from pgboss.job where name = ${job} and state = 'active'`).toHaveLength(1);
    expect(await worker!.kill()).toBe('SIGKILL');
    await until(async () => (await sql`select 1 from pg_stat_activity where pid = ${backend!}`).length === 0, 5000, 'dead backend dropped');
  }

  async function retried(job: string): Promise<boolean> {
    return (await sql`select 1 from pgboss.job where name = ${job} and state = 'completed' and retry_count > 0`).length === 1;
  }

  /** A forum on this database with job workers on, as a second instance would run them. */
  async function takeOver(): Promise<Forum> {
    rescuer = await createForum({ config: loadConfig(env), logger: createLogger('silent'), plugins: [events], runJobs: true });
    return rescuer;
  }

  /** Waits until pg-boss has expired the killed worker's jobs, retried and finished every job of these queues. */
  async function settled(names: string[]): Promise<void> {
    await until(
      async () => {
        await skipRetryBackoff(sql, names);
        // jobs queued for later (e.g. the thread's original publication time) are not this test's business
        const open = await sql`
          select 1 from pgboss.job where name in ${sql(names)}
          and state not in ('completed', 'cancelled', 'failed') and (state = 'retry' or start_after <= now())`;
        return open.length === 0;
      },
      JOB_EXPIRE_SECONDS * 1000 + 15_000,
      `jobs ${names.join(', ')} done`,
    );
  }

  it('publishing a scheduled thread, killed between making it visible and notifying its watchers', async () => {
    const { db } = forum.deps;
    const { user: staff, client } = await member('moderator');
    const { user: watcher } = await member();
    const category = await createCategory(db, { name: 'Announcements', slug: 'announcements' });
    await setCategoryWatch(db, watcher.id, category.id, 'watching');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    expect((await client.post('/new', { categoryId: String(category.id), title: 'Market day on Saturday', raw: 'Come along!', publishAt: tomorrow })).status).toBe(303);
    const [thread] = await sql<{ id: number }[]>`select id from threads where title = 'Market day on Saturday'`;

    // the child publishes, then stops at the watcher's notification
    const unlock = await lockMember(watcher.id);
    await reschedule(forum.deps, staff, thread!.id, new Date());
    worker = workers.shift()!;
    await worker.start();
    await killAt(PUBLISH_THREAD_JOB, 'insert into "notifications"');
    await unlock();
    // whatever the dead worker left behind, a published thread has been announced
    const [left] = await sql<{ published: boolean; announced: boolean }[]>`
      select (select publish_at is null from threads where id = ${thread!.id}) as published,
             exists (select 1 from notifications where user_id = ${watcher.id}) as announced`;
    expect(left!.announced).toBe(left!.published);

    await takeOver();
    await settled([PUBLISH_THREAD_JOB]);
    expect(await retried(PUBLISH_THREAD_JOB)).toBe(true);
    const [published] = await sql<{ publish_at: Date | null }[]>`select publish_at from threads where id = ${thread!.id}`;
    expect(published!.publish_at).toBeNull();
    const notices = await sql<{ type: string }[]>`select type from notifications where user_id = ${watcher.id}`;
    expect(notices.map((n) => n.type)).toEqual(['newThread']);
    const [counts] = await sql<{ category: number; author: number }[]>`
      select (select thread_count from categories where id = ${category.id}) as category, (select thread_count from users where id = ${staff.id}) as author`;
    expect(counts).toEqual({ category: 1, author: 1 });
  });

  it("sending event reminders, killed between two members, after the first one's email went out", async () => {
    const { db } = forum.deps;
    const category = await createCategory(db, { name: 'Meetups', slug: 'meetups' });
    await forum.deps.pluginHost.state.setCategory('events', category.id, true);
    const { client: organiser } = await member();
    const starts = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await organiser.post('/new', {
      categoryId: String(category.id),
      title: 'Board game night',
      raw: 'Bring your favourite game.',
      events_tz: 'UTC',
      events_starts: `${starts}T18:00`,
      events_ends: `${starts}T21:00`,
      events_venue: 'Community hall',
    });
    expect(created.status).toBe(303);
    const [event] = await sql<{ id: number; thread_id: number }[]>`select id, thread_id from events_events`;
    for (let i = 0; i < 3; i++) {
      const { client } = await member();
      expect((await client.post(`/plugins/events/t/${event!.thread_id}/e/${event!.id}/rsvp`, { choice: 'going' })).status).toBe(303);
    }
    // the reminder (24 hours before) is due now
    await sql`update events_events set starts_at = now() + interval '3 hours', ends_at = now() + interval '5 hours' where id = ${event!.id}`;
    const going = await sql<{ id: number; email: string }[]>`
      select u.id, u.email from events_rsvps r join users u on u.id = r.user_id where r.event_id = ${event!.id} and r.status = 'going' order by u.id`;
    expect(going.length).toBeGreaterThanOrEqual(3);
    const [first, second] = going;

    // the child notifies and mails the first member (its mail worker sends that mail), then stops at the second
    const unlock = await lockMember(second!.id);
    await forum.deps.jobs.send('events.remind', { eventId: event!.id });
    worker = workers.shift()!;
    await worker.start();
    const firstMailSent = async () => (await sql`select 1 from mail_messages where user_id = ${first!.id} and status = 'sent'`).length === 1;
    await killAt('events.remind', 'insert into "notifications"', firstMailSent);
    await unlock();
    expect(smtp.mails.filter((m) => m.to.includes(first!.email))).toHaveLength(1);

    await takeOver();
    await settled(['events.remind', MAIL_SEND_JOB]);
    expect(await retried('events.remind')).toBe(true);
    const arrived = () => going.map((m) => smtp.mails.filter((mail) => mail.to.includes(m.email)).length);
    // no mail job is left to run: what has arrived is all that will
    expect(arrived()).toEqual(going.map(() => 1));
    const notices = await sql<{ user_id: number; n: number }[]>`
      select user_id, count(*)::int as n from notifications where type = 'events.reminder' group by user_id order by user_id`;
    expect(notices).toEqual(going.map((m) => ({ user_id: m.id, n: 1 })));
    const mails = await sql<{ user_id: number; status: string }[]>`select user_id, status from mail_messages where kind = 'plugin:events' order by user_id`;
    expect(mails).toEqual(going.map((m) => ({ user_id: m.id, status: 'sent' })));
    expect(await sql`select 1 from events_events where id = ${event!.id} and reminded_at is not null`).toHaveLength(1);
  });
});
