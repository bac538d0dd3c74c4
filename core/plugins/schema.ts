import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { categories } from '../forum/schema.ts';

/** One row per installed plugin: whether it is on and its global settings. Never dropped when disabled. */
export const pluginStates = pgTable('plugin_states', {
  pluginId: text('plugin_id').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  /** Global setting values (validated against the plugin's zod schema on read). */
  settings: jsonb('settings').notNull().default({}),
  installedVersion: text('installed_version'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A category-scoped plugin is on only in the categories listed here, with optional overrides. */
export const pluginCategories = pgTable(
  'plugin_categories',
  {
    pluginId: text('plugin_id').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull().default(true),
    overrides: jsonb('overrides').notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.pluginId, t.categoryId] })],
);
