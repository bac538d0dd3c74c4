import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config/index.ts';
import { startServer } from '../../core/server.ts';

describe('graceful shutdown', () => {
  it('finishes the request in flight, then stops listening and closes the database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forum-stop-'));
    // an embedded database of its own in a temp folder, whatever DATABASE_URL says
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const running = await startServer(config);
    const url = `http://127.0.0.1:${running.port}`;
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const received = new Promise((resolve) => running.server.once('request', resolve));
      const inFlight = fetch(`${url}/setup`);
      await received;
      const stopping = running.stop();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<form');
      await stopping;
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      await expect(running.forum.deps.database.ping()).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
