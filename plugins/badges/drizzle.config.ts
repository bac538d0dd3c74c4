import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/badges/schema.ts',
  out: './plugins/badges/migrations',
  strict: true,
});
