import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const caps = (text: string) => [...text.matchAll(/--max-(old|semi)-space-size=(\d+)/g)].map((match) => match[0]);

// The heap caps (old and young generation) are what keep a busy server near 200 MB (docs/performance.md):
// every way of starting the forum must pass the same ones, or operators get different memory behaviour
// depending on how they start it.
describe('the heap caps', () => {
  it('are the same for npm start, the forum command, docker compose and the systemd example', () => {
    const startScript = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    const expected = caps(startScript);
    expect(expected).toEqual([expect.stringMatching(/^--max-old-space-size=/), expect.stringMatching(/^--max-semi-space-size=/)]);
    expect(caps(read('core/cli/bin.js').split('\n')[0]!)).toEqual(expected);
    expect(caps(read('docker-compose.yml'))).toEqual(expected);
    const systemd = read('docs/deployment.md').split('\n').filter((line) => line.startsWith('ExecStart='));
    expect(systemd.length).toBeGreaterThan(0);
    for (const line of systemd) expect(caps(line)).toEqual(expected);
  });
});
