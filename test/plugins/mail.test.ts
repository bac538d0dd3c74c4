import { sql } from 'drizzle-orm';
import { definePlugin, type PluginApi } from '../../core/plugins/api.ts';
import { createTestForum } from '../helpers/app.ts';

let captured: Pick<PluginApi<unknown>, 'mail'> | undefined;
const mailer = definePlugin({
  id: 'mailtest',
  version: '1.0.0',
  coreApi: '^1.0.0',
  scope: 'global',
  setup(api) {
    captured = api;
  },
});

describe('plugin API: mail', () => {
  it('queues a mail to the member through the core queue, once per dedupe key', async () => {
    const forum = await createTestForum({ plugins: [mailer] });
    const { user } = await forum.member({ email: 'ada@example.com' });
    const api = captured!;
    const mail = { userId: user.id, subject: 'Reminder', text: 'See you', html: '<p>See you</p>', dedupeKey: 'r:1' };
    expect(await api.mail.send(mail)).toEqual({ queued: true });
    expect(await api.mail.send(mail)).toEqual({ queued: false });
    expect(await api.mail.send({ ...mail, userId: 999_999 })).toEqual({ queued: false });
    const rows = await forum.deps.database.rows<{ to: string; kind: string; dedupe_key: string; purpose: string; user_id: number }>(
      sql`select "to", kind, dedupe_key, purpose, user_id from mail_messages`,
    );
    expect(rows).toEqual([{ to: 'ada@example.com', kind: 'plugin:mailtest', dedupe_key: 'mailtest:r:1', purpose: 'all', user_id: user.id }]);
    const jobs = await forum.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'mail.send'`);
    expect(jobs[0]?.n).toBe(1);
  });
});
