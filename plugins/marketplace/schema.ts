import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { categories, threads, users } from '../../core/plugins/api.ts';

export const listingKinds = ['sell', 'wanted', 'free', 'service'] as const;
export type ListingKind = (typeof listingKinds)[number];
/** 拼车, 代收, 维修, or anything else offered as a service. */
export const serviceTypes = ['carpool', 'pickup', 'repair', 'other'] as const;
export type ServiceType = (typeof serviceTypes)[number];
export const conditions = ['new', 'like_new', 'good', 'fair'] as const;
export type Condition = (typeof conditions)[number];
/** available → reserved → sold (a sale) or closed (other kinds, or withdrawn); expired when not renewed. */
export const listingStatuses = ['available', 'reserved', 'sold', 'closed', 'expired'] as const;
export type ListingStatus = (typeof listingStatuses)[number];
/** Statuses shown by default and counted against the per-member limit. */
export const activeStatuses: readonly ListingStatus[] = ['available', 'reserved'];

/** A listing is a thread (its title and first post) plus these fields. */
export const marketplaceListings = pgTable(
  'marketplace_listings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id').notNull().unique().references(() => threads.id, { onDelete: 'cascade' }),
    /** Copied from the thread (and kept in step on thread.moved) so a category's cards need no join to filter. */
    categoryId: integer('category_id').notNull().references(() => categories.id, { onDelete: 'cascade' }),
    sellerId: integer('seller_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ListingKind>().notNull(),
    serviceType: text('service_type').$type<ServiceType>(),
    /** In minor units (fen, cents); null for give-aways and "price on request". */
    priceMinor: bigint('price_minor', { mode: 'number' }),
    currency: text('currency'),
    condition: text('condition').$type<Condition>(),
    location: text('location').notNull().default(''),
    /** Upload ids (core/uploads), in display order; the first is the cover. At most 8. */
    photoIds: integer('photo_ids').array().notNull().default(sql`'{}'::integer[]`),
    status: text('status').$type<ListingStatus>().notNull().default('available'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the renewal reminder for the current expiry went out; cleared on renewal. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Hidden pending review (the moderation queue: enough reports, or a hold); cleared when staff approve. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('marketplace_listings_category_idx').on(t.categoryId, t.status, t.createdAt, t.id),
    index('marketplace_listings_price_idx').on(t.categoryId, t.status, t.priceMinor, t.id),
    index('marketplace_listings_seller_idx').on(t.sellerId, t.status),
    index('marketplace_listings_expiry_idx').on(t.status, t.expiresAt),
  ],
);

/** Every status change, who made it and when: the history staff see, and proof nothing changed twice. */
export const marketplaceStatusChanges = pgTable(
  'marketplace_status_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    listingId: integer('listing_id').notNull().references(() => marketplaceListings.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<ListingStatus>().notNull(),
    toStatus: text('to_status').$type<ListingStatus>().notNull(),
    /** Null when the system changed it (expiry). */
    byId: integer('by_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('marketplace_status_changes_listing_idx').on(t.listingId, t.at)],
);

export type Listing = typeof marketplaceListings.$inferSelect;
