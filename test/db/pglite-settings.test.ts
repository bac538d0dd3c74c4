import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../core/db/index.ts';

describe('the embedded database', () => {
  it('starts with a page cache sized for a small community, not PostgreSQL’s 128 MB', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'forum-pglite-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      const [row] = await database.rows<{ shared_buffers: string }>(sql`show shared_buffers`);
      expect(row?.shared_buffers).toBe('32MB');
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
