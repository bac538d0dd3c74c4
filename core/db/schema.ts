// Every core table, for drizzle-kit and for the typed query builder. Domains own their tables.
export * from '../accounts/schema.ts';
export * from '../forum/schema.ts';
export * from '../site/schema.ts';
export * from '../mail/schema.ts';
export * from '../plugins/schema.ts';
export * from '../notifications/schema.ts';
export * from '../watching/schema.ts';
export * from '../conversations/schema.ts';
export * from '../digests/schema.ts';
export * from '../activity/schema.ts';
