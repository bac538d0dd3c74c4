#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=8
// The `forum` command. Source is TypeScript; tsx's loader runs it without a build step.
// The heap cap (also in package.json's start script) makes V8 collect instead of growing: see docs/performance.md.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
