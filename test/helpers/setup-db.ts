import { testDatabase } from './db.ts';

// Booting the worker's embedded database takes seconds: do it in a hook, not inside the first test.
beforeAll(async () => {
  await testDatabase();
}, 180_000);
