import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../core/cli/main.ts';
import { openDatabase } from '../../core/db/index.ts';
import { migrateCore } from '../../core/db/migrate.ts';

describe('npx forum analytics rebuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'forum-analytics-'));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, BASE_URL: process.env.BASE_URL };

  beforeAll(async () => {
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    delete process.env.BASE_URL; // vitest sets BASE_URL="/" (Vite's base path)
    const database = await openDatabase({ dataDir: dir });
    await migrateCore(database);
    await database.db.execute(sql`
      insert into users (username, username_key, display_name, email, email_key, password_hash, created_at)
      values ('early', 'early', 'early', 'e@example.com', 'e@example.com', 'x', '2026-01-10T12:00:00Z'),
             ('later', 'later', 'later', 'l@example.com', 'l@example.com', 'x', '2026-01-12T12:00:00Z')`);
    await database.close();
  }, 180_000);

  afterAll(() => {
    Object.assign(process.env, saved);
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls up the given days with a progress bar, and again without duplicating', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    try {
      expect(await main(['analytics', 'rebuild', '--from', '2026-01-10', '--to', '2026-01-14'])).toBe(0);
      expect(await main(['analytics', 'rebuild', '--from', '2026-01-12', '--to', '2026-01-13'])).toBe(0);
    } finally {
      log.mockRestore();
    }
    expect(out.join('\n')).toContain('Rolled up 5 day(s) from 2026-01-10 to 2026-01-14');
    const database = await openDatabase({ dataDir: dir });
    try {
      const rows = await database.rows<{ day: string; members_total: number; new_members: number }>(
        sql`select to_char(day, 'YYYY-MM-DD') as day, members_total, new_members from analytics_daily order by day`,
      );
      expect(rows.map((r) => [r.day, Number(r.members_total), Number(r.new_members)])).toEqual([
        ['2026-01-10', 1, 1],
        ['2026-01-11', 1, 0],
        ['2026-01-12', 2, 1],
        ['2026-01-13', 2, 0],
        ['2026-01-14', 2, 0],
      ]);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('refuses a malformed date with usage', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['analytics', 'rebuild', '--from', 'yesterday'])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
