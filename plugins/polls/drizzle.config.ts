import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/polls/schema.ts',
  out: './plugins/polls/migrations',
  strict: true,
});
