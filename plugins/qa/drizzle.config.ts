import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/qa/schema.ts',
  out: './plugins/qa/migrations',
  strict: true,
});
