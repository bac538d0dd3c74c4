import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    globals: true,
    globalSetup: ['test/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}', 'plugins/*/test/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/setup-db.ts'],
          exclude: ['test/browser/**', 'plugins/*/test/browser/**', 'node_modules/**'],
          // one embedded database per worker, shared by its test files (PGlite takes seconds to boot)
          pool: 'forks',
          isolate: false,
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}', 'plugins/*/test/**/*.test-d.{ts,tsx}'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'plugins/*/test/browser/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
