import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/events/schema.ts',
  out: './plugins/events/migrations',
  strict: true,
});
