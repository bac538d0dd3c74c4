import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes('test'))
    .map((file) => path.join(folder, file));
}

// Hono's `c.var` is a getter that copies every context variable into a new object on each read
// (`Object.fromEntries`): read a few dozen times per request, it was 8 % of a signed-in listing's CPU.
describe('context variables', () => {
  it('are read with c.get(), which copies nothing', async () => {
    const app = new Hono<{ Variables: { n: number } }>();
    let copies: unknown[] = [];
    app.get('/', (c) => {
      c.set('n', 1);
      copies = [c.var, c.var];
      return c.text(String(c.get('n')));
    });
    expect(await (await app.request('/')).text()).toBe('1');
    expect(copies[0]).not.toBe(copies[1]);

    const offenders = [...sources('core'), ...sources('plugins')].filter((file) => /\bc\.var\b/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
