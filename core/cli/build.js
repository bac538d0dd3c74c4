// @ts-check
// What `forum start` runs: the TypeScript sources compiled to plain JavaScript once, so the server process
// carries no transpiler (tsx's loader keeps a second V8 isolate alive for the life of the process: about
// 60 MB of a busy server's RSS, docs/performance.md). Other commands, `npm run dev` and the tests run the
// sources through tsx.
//
// Each module is compiled on its own (esbuild, every relative import left as an import of the compiled
// file), so the compiled tree has the same modules, the same layout and the same `import.meta.url`
// arithmetic as the sources. A build is named by the hash of what went into it and made in a temporary
// folder renamed into place, so starting two instances at once, or again after a `git pull`, is safe.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Folders whose modules and files make the server; `migrations` is copied as it is. */
const SOURCE_FOLDERS = ['core', 'plugins', 'themes'];
const COMPLETE = '.complete';
/** Builds kept besides the current one: a server started from an older build may still be running. */
const KEEP_OLDER = 2;
/** A temporary folder this old was left by a build that died. */
const ABANDONED_MS = 10 * 60_000;

/** @param {string} name */
const isModule = (name) => /\.tsx?$/.test(name);

/**
 * Every file under the source folders but tests and drizzle-kit's configs, in a stable order.
 * @param {string} folder
 * @param {string[]} [found]
 */
function filesUnder(folder, found = []) {
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test' && entry.name !== 'node_modules') filesUnder(file, found);
    } else if (!/\.(test|d)\.tsx?$|^drizzle\.config\.ts$/.test(entry.name)) found.push(file);
  }
  return found;
}

/**
 * The folder holding the compiled server for the sources as they are now, compiled first when no such
 * build exists. Throws esbuild's error (with the file and line) when a module does not compile.
 * `buildsFolder` must be inside the project (as `.build` is): the compiled modules find their packages in
 * its node_modules.
 * @param {{ buildsFolder?: string, log?: (message: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function productionBuild(options = {}) {
  const buildsFolder = options.buildsFolder ?? path.join(root, '.build');
  const files = SOURCE_FOLDERS.flatMap((folder) => filesUnder(path.join(root, folder)));
  const { version: esbuildVersion } = JSON.parse(readFileSync(path.join(root, 'node_modules/esbuild/package.json'), 'utf8'));
  const nodeMajor = process.versions.node.split('.')[0];
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion} node ${nodeMajor}\n`);
  for (const file of [...files, ...filesUnder(path.join(root, 'migrations'))]) {
    hash.update(`${path.relative(root, file)}\n`).update(readFileSync(file));
  }
  const name = hash.digest('hex').slice(0, 16);
  const target = path.join(buildsFolder, name);
  if (existsSync(path.join(target, COMPLETE))) return target;

  const started = Date.now();
  const temporary = path.join(buildsFolder, `${name}.${process.pid}.tmp`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  const esbuild = await import('esbuild');
  try {
    await esbuild.build({
      entryPoints: files.filter((file) => isModule(path.basename(file))),
      outdir: temporary,
      outbase: root,
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      target: `node${nodeMajor}`,
      jsx: 'automatic',
      jsxImportSource: 'hono/jsx',
      logLevel: 'silent',
      plugins: [
        {
          name: 'one-module-per-file',
          setup(build) {
            // a relative import stays an import of the other compiled module (bundling it would copy it)
            build.onResolve({ filter: /^\.\.?\// }, (args) => ({ path: args.path.replace(/\.tsx?$/, '.js'), external: true }));
          },
        },
      ],
    });
  } finally {
    await esbuild.stop();
  }
  for (const file of files.filter((file) => !isModule(path.basename(file)))) {
    const copy = path.join(temporary, path.relative(root, file));
    mkdirSync(path.dirname(copy), { recursive: true });
    cpSync(file, copy);
  }
  cpSync(path.join(root, 'migrations'), path.join(temporary, 'migrations'), { recursive: true });
  writeFileSync(path.join(temporary, COMPLETE), `${new Date().toISOString()}\n`);
  try {
    renameSync(temporary, target);
  } catch (error) {
    // another process made the same build at the same time: theirs is as good as ours
    rmSync(temporary, { recursive: true, force: true });
    if (!existsSync(path.join(target, COMPLETE))) throw error;
  }
  options.log?.(`Compiled the server to ${path.relative(process.cwd(), target) || target} in ${Date.now() - started} ms`);
  pruneOlderBuilds(buildsFolder, name);
  return target;
}

/**
 * @param {string} buildsFolder
 * @param {string} current
 */
function pruneOlderBuilds(buildsFolder, current) {
  const entries = readdirSync(buildsFolder)
    .filter((entry) => entry !== current)
    .map((entry) => ({ entry, time: statSync(path.join(buildsFolder, entry)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  const abandoned = entries.filter(({ entry, time }) => entry.endsWith('.tmp') && Date.now() - time > ABANDONED_MS);
  const older = entries.filter(({ entry }) => !entry.endsWith('.tmp')).slice(KEEP_OLDER);
  for (const { entry } of [...abandoned, ...older]) rmSync(path.join(buildsFolder, entry), { recursive: true, force: true });
}
