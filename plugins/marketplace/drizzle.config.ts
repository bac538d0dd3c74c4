import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/marketplace/schema.ts',
  out: './plugins/marketplace/migrations',
  strict: true,
});
