import { z } from 'zod';
import type { PluginApi } from '../../core/plugins/api.ts';

export const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'TWD', 'JPY', 'SGD', 'AUD', 'CAD'] as const;

export const marketplaceSettings = z.object({
  /** Days a listing stays up before it expires unless renewed. */
  expiryDays: z.number().int().min(1).max(365).default(30),
  /** The renewal reminder goes out this many days before expiry. */
  reminderDays: z.number().int().min(0).max(30).default(3),
  /** Available or reserved listings one member may have at once (staff are exempt). */
  maxActiveListings: z.number().int().min(1).max(1000).default(10),
  defaultCurrency: z.enum(currencies).default('CNY'),
});

export type MarketplaceSettings = z.infer<typeof marketplaceSettings>;
export type MarketplaceApi = PluginApi<MarketplaceSettings>;

export const MAX_PHOTOS = 8;
export const PAGE_SIZE = 24;
