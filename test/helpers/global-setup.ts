import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** Names this run's throw-away databases, and drops them when the run ends. */
export default function setup(): () => Promise<void> {
  const run = `forum_test_${randomBytes(4).toString('hex')}`;
  process.env.FORUM_TEST_RUN = run;
  return async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) return;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${run}%`}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
