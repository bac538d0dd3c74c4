#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=8
// The `forum` command. The heap caps (also in package.json's start script) make V8 collect instead of
// growing: see docs/performance.md.
// `forum start` runs the server compiled to JavaScript (core/cli/build.js): no transpiler in the server's
// memory. Every other command runs the TypeScript sources through tsx's loader, as `npm run dev` does.
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const main = argv[0] === 'start' ? await compiledMain() : await sourceMain();
process.exitCode = await main(argv);

/** @returns {Promise<(argv: string[]) => Promise<number>>} */
async function compiledMain() {
  const { productionBuild } = await import('./build.js');
  let folder;
  try {
    folder = await productionBuild({ log: (message) => console.log(message) });
  } catch (error) {
    console.error(`The server could not be compiled:\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  return (await import(pathToFileURL(`${folder}/core/cli/main.js`).href)).main;
}

/** @returns {Promise<(argv: string[]) => Promise<number>>} */
async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}
