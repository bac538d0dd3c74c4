import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** One stored file of an upload: the cleaned full-size image or a resized copy. */
export interface UploadVariant {
  /** 'full', 'w320', 'w1024', 'a256' (square avatar). */
  name: string;
  /** The storage file name, e.g. `<key>-w320.webp`; also the last URL segment under /uploads/. */
  file: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

export const uploads = pgTable(
  'uploads',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** 128 random bits, lower-case hex: the unguessable part of every file name. */
    key: text('key').notNull().unique(),
    ownerId: integer('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** 'post', 'avatar', or 'plugin:<id>:<purpose>'. */
    purpose: text('purpose').notNull(),
    /** The name the member's file had (display only; never used to decide anything). */
    originalName: text('original_name').notNull().default(''),
    /** The type sniffed from the bytes. */
    contentType: text('content_type').notNull(),
    /** Size of the file as received. */
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    /** SHA-256 (hex) of the bytes as received: the same member uploading the same file reuses the upload. */
    sha256: text('sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    variants: jsonb('variants').$type<UploadVariant[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('uploads_owner_created_idx').on(t.ownerId, t.createdAt), index('uploads_owner_sha_idx').on(t.ownerId, t.sha256)],
);

export type Upload = typeof uploads.$inferSelect;
