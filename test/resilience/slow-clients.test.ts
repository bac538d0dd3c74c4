import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config/index.ts';
import { startServer, type RunningServer } from '../../core/server.ts';

/** Opens a socket that sends a request's headers one line at a time, never finishing them. */
function slowLoris(port: number, closed: () => void): net.Socket {
  const socket = net.connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
  const drip = setInterval(() => socket.writable && socket.write(`X-Drip-${Date.now()}: 1\r\n`), 300);
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(drip);
    closed();
  });
  return socket;
}

describe('slow and oversized clients', () => {
  let running: RunningServer;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'forum-slow-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', NODE_ENV: 'test', MAX_BODY_BYTES: '65536' });
    running = await startServer(config, { headersMs: 1500, requestMs: 3000, checkEveryMs: 250 });
    url = `http://127.0.0.1:${running.port}`;
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps serving others while 200 slow-loris clients drip headers, then drops them', async () => {
    let closed = 0;
    const sockets = Array.from({ length: 200 }, () => slowLoris(running.port, () => closed++));
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    const deadline = Date.now() + 5000;
    while (closed < sockets.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(sockets.length);
  });

  it('drops a client that sends its body too slowly', async () => {
    let closedAt = 0;
    const opened = Date.now();
    const socket = net.connect(running.port, '127.0.0.1', () => {
      // the setup form (this forum is not set up yet) reads its body before answering
      socket.write(`POST /setup HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\nOrigin: http://127.0.0.1:${running.port}\r\n\r\n`);
    });
    const drip = setInterval(() => socket.writable && socket.write('a'), 200);
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => {});
    await new Promise<void>((resolve) =>
      socket.on('close', () => {
        closedAt = Date.now();
        clearInterval(drip);
        resolve();
      }),
    );
    expect(answer.split('\r\n')[0]).toMatch(/408|^$/);
    // held until the request timeout (3 s), not forever
    expect(closedAt - opened).toBeGreaterThan(2500);
    expect(closedAt - opened).toBeLessThan(6000);
  });

  it('refuses an oversized body with 413 and oversized headers with 431', async () => {
    const big = await fetch(`${url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: `login=${'x'.repeat(200_000)}`,
    });
    expect(big.status).toBe(413);
    const huge = await fetch(`${url}/`, { headers: { 'x-padding': 'y'.repeat(20_000) } });
    expect(huge.status).toBe(431);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
