import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { productionBuild } from '../../core/cli/build.js';
import { discoverPlugins } from '../../core/plugins/discover.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));
}

// `forum start` runs the compiled server (core/cli/build.js): the same modules, in the same layout, as JavaScript.
describe('the production build', () => {
  let builds: string;
  let folder: string;

  beforeAll(async () => {
    // inside the project, as `.build` is: the compiled modules find their packages in its node_modules
    builds = mkdtempSync(path.join(root, '.build-test-'));
    folder = await productionBuild({ buildsFolder: builds });
  }, 60_000);
  afterAll(() => rmSync(builds, { recursive: true, force: true }));

  it('compiles every module to JavaScript beside the files the server reads, and leaves the tests out', () => {
    const files = filesIn(folder);
    expect(files).toContain('core/cli/main.js');
    expect(files).toContain('core/ui/assets.js');
    for (const plugin of ['badges', 'events', 'marketplace', 'polls', 'qa']) {
      expect(files).toContain(`plugins/${plugin}/plugin.js`);
      expect(files).toContain(`plugins/${plugin}/migrations/meta/_journal.json`);
    }
    expect(files).toContain('migrations/meta/_journal.json');
    expect(files).toContain('themes/default/assets/default.css');
    expect(files.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.split('/').includes('test'))).toEqual([]);
    // each module stays a module: a relative import names the other compiled file
    const thread = readFileSync(path.join(folder, 'core/http/node-listener.js'), 'utf8');
    expect(thread).toMatch(/from "\.\/guest-lane\.js"/);
    expect(thread).not.toMatch(/function guestLaneFor/);
  });

  it('finds the compiled plugins as it finds the sources', async () => {
    const compiled = await discoverPlugins(path.join(folder, 'plugins'));
    const sources = await discoverPlugins();
    expect(compiled.map((plugin) => plugin.id)).toEqual(sources.map((plugin) => plugin.id));
  });

  it('is made once for the same sources, also when two starts ask at the same time', async () => {
    const made = statSync(path.join(folder, '.complete')).mtimeMs;
    const [again, atOnce] = await Promise.all([productionBuild({ buildsFolder: builds }), productionBuild({ buildsFolder: builds })]);
    expect(again).toBe(folder);
    expect(atOnce).toBe(folder);
    expect(statSync(path.join(folder, '.complete')).mtimeMs).toBe(made);
    expect(readdirSync(builds)).toEqual([path.basename(folder)]);
  });

  it('serves the forum: `forum start` from a clean data folder answers with the setup page and its assets', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'forum-build-data-'));
    const port = 41_000 + Math.floor(Math.random() * 10_000);
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [path.join(root, 'core/cli/bin.js'), 'start'], {
      env: { ...process.env, DATA_DIR: data, DATABASE_URL: '', PORT: String(port), BASE_URL: base, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      let home: Response | undefined;
      for (let tries = 0; tries < 300 && !home; tries++) {
        if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
        home = await fetch(`${base}/`, { redirect: 'manual' }).catch(() => undefined);
        if (!home) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(home?.status, output).toBe(302);
      expect(home?.headers.get('location')).toMatch(/^\/setup/);
      const setup = await fetch(`${base}/setup`);
      expect(setup.status).toBe(200);
      const html = await setup.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
      expect(assets.some((asset) => asset.endsWith('/htmx.js'))).toBe(true);
      for (const asset of assets) expect((await fetch(`${base}${asset}`)).status, asset).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  }, 90_000);
});
