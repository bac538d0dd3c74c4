import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { forumTimeZone } from '../../analytics/jobs.ts';
import { firstForumDay, rollupRange } from '../../analytics/service/rollup.ts';
import { addDays, dayOf } from '../../analytics/time.ts';
import { openDatabase } from '../../db/index.ts';
import { migrateCore } from '../../db/migrate.ts';
import { CliUsageError } from '../main.ts';
import type { Command } from './index.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const analyticsRebuildCommand: Command = {
  name: 'analytics rebuild',
  usage: 'analytics rebuild [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  summary: 'Recompute the daily analytics roll-ups (default: from the first member to yesterday).',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } });
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && (!isoDay.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
        throw new CliUsageError(`--${name} must be a date like 2026-03-01.`);
      }
    }
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const bar = new cliProgress.SingleBar({ format: 'Rolling up [{bar}] {value}/{total} days {day} · ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
    try {
      await migrateCore(database);
      const timeZone = await forumTimeZone(database);
      const from = values.from ?? (await firstForumDay(database, timeZone));
      // today is not over: the dashboard computes it live
      const to = values.to ?? addDays(dayOf(new Date(), timeZone), -1);
      if (!from || from > to) {
        console.log('Nothing to roll up.');
        return 0;
      }
      const started = Date.now();
      let total = 0;
      await rollupRange(database, from, to, timeZone, (day, done, count) => {
        if (done === 1) bar.start(count, 0, { day });
        total = count;
        bar.update(done, { day });
      });
      bar.stop();
      console.log(`Rolled up ${total} day(s) from ${from} to ${to} (${timeZone}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } catch (error) {
      bar.stop();
      throw error;
    } finally {
      await database.close();
    }
  },
};
