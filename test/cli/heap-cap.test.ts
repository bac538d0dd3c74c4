import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const caps = (text: string) => [...text.matchAll(/--max-old-space-size=(\d+)/g)].map((match) => match[1]);

// The heap cap is what keeps a busy server near 200 MB (docs/performance.md): every way of starting the
// forum must pass the same one, or operators get different memory behaviour depending on how they start it.
describe('the heap cap', () => {
  it('is the same for npm start, the forum command, docker compose and the systemd example', () => {
    const startScript = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    const [cap] = caps(startScript);
    expect(cap).toBeDefined();
    expect(caps(read('core/cli/bin.js').split('\n')[0]!)).toEqual([cap]);
    expect(caps(read('docker-compose.yml'))).toEqual([cap]);
    const systemd = read('docs/deployment.md').split('\n').filter((line) => line.startsWith('ExecStart='));
    expect(systemd.length).toBeGreaterThan(0);
    for (const line of systemd) expect(caps(line)).toEqual([cap]);
  });
});
