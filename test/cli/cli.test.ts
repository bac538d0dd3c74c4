import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { main } from '../../core/cli/main.ts';
import { openDatabase } from '../../core/db/index.ts';

/**
 * Runs `work` with the CLI pointed at a fresh embedded database in a temp folder and console.log/error
 * captured; the environment and the folder are restored afterwards.
 */
async function withTempForum(prefix: string, work: (dir: string, out: string[]) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, BASE_URL: process.env.BASE_URL };
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  // vitest itself sets BASE_URL="/" (Vite's base path)
  delete process.env.BASE_URL;
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
  try {
    await work(dir, out);
  } finally {
    log.mockRestore();
    err.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npx forum', () => {
  it('--help lists the commands', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    expect(await main(['--help'])).toBe(0);
    spy.mockRestore();
    const text = lines.join('\n');
    for (const command of ['start', 'migrate', 'user create', 'demo']) expect(text).toContain(command);
  });

  it('refuses an unknown command with usage', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['frobnicate'])).toBe(2);
    spy.mockRestore();
  });
});

describe('npx forum user create', () => {
  it('creates an admin on the configured database (an embedded one in a temp folder here)', async () => {
    await withTempForum('forum-cli-', async (_dir, out) => {
      const created = await main(['user', 'create', '--username', 'root_admin', '--email', 'root@example.com', '--password', 'long enough pw', '--admin']);
      expect(out.join('\n')).toContain('Created admin');
      expect(created).toBe(0);
      expect(out.join('\n')).toContain('Created admin "root_admin"');
      expect(await main(['user', 'create', '--username', 'root_admin', '--email', 'x@example.com', '--password', 'long enough pw'])).toBe(1);
      expect(out.join('\n')).toContain('username');
      expect(await main(['user', 'create', '--username', 'x'])).toBe(2);
    });
  }, 120_000);
});

describe('npx forum migrate', () => {
  it('applies core and plugin migrations to a fresh embedded database', async () => {
    await withTempForum('forum-migrate-', async (dir, out) => {
      expect(await main(['migrate'])).toBe(0);
      expect(out.join('\n')).toMatch(/core and .*badges/);
      const database = await openDatabase({ dataDir: dir });
      try {
        const tables = await database.rows<{ name: string }>(
          sql`select tablename as name from pg_tables where tablename in ('threads', 'badges_members', 'polls_polls')`,
        );
        expect(tables.map((t) => t.name).sort()).toEqual(['badges_members', 'polls_polls', 'threads']);
      } finally {
        await database.close();
      }
    });
  }, 120_000);
});
