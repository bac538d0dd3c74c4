import { eq } from 'drizzle-orm';
import type { User } from '../../../core/accounts/schema.ts';
import { createTestForum, type TestClient, type TestForum } from '../../../test/helpers/app.ts';
import { insertCategory } from '../../../test/plugins/helpers.ts';
import { saveRuleConfig } from '../../../core/moderation/service/settings.ts';
import { postFiles, pngBytes, uploadEnv } from '../../../test/uploads/helpers.ts';
import marketplace from '../plugin.tsx';
import { marketplaceListings, type Listing } from '../schema.ts';
import type { MarketplaceApi } from '../settings.ts';

export { marketplace, pngBytes, postFiles };

/** A forum with the marketplace on in one category ("Market") and off in another ("Chat"). */
export async function marketForum(options: { settings?: Record<string, unknown>; env?: Record<string, string> } = {}) {
  let captured: MarketplaceApi | undefined;
  // the same plugin, with its api kept for calling services (e.g. the job's function) directly
  const plugin = { ...marketplace, setup: (api: MarketplaceApi) => ((captured = api), marketplace.setup(api)) };
  const forum = await createTestForum({ plugins: [plugin as unknown as typeof marketplace], env: uploadEnv(options.env) });
  const category = await insertCategory(forum.deps.db, 'Market');
  const other = await insertCategory(forum.deps.db, 'Chat');
  await forum.deps.pluginHost.state.setCategory('marketplace', category.id, true);
  // these tests publish several listings per member within seconds: flood control (core/moderation) is not under test
  await saveRuleConfig(forum.deps.db, null, { floodMaxPerMinute: 0, floodMaxPerHour: 0, floodMinSeconds: 0, duplicateWindowMinutes: 0 });
  if (options.settings) await forum.deps.pluginHost.state.setSettings('marketplace', options.settings);
  return { forum, category, other, api: captured! };
}

export interface ListingInput {
  title?: string;
  raw?: string;
  kind?: string;
  price?: string;
  currency?: string;
  condition?: string;
  location?: string;
  serviceType?: string;
}

/** Submits the new-listing form (multipart, with photos) and returns the response. */
export async function submitListing(client: TestClient, categoryId: number, input: ListingInput = {}, photos: Buffer[] = []): Promise<Response> {
  const fields: Record<string, string> = {
    title: input.title ?? 'Bicycle, barely used',
    raw: input.raw ?? 'A city bike in great shape. Pick-up near the north gate.',
    kind: input.kind ?? 'sell',
    price: input.price ?? '350',
    currency: input.currency ?? 'CNY',
    condition: input.condition ?? 'like_new',
    location: input.location ?? 'North campus',
    serviceType: input.serviceType ?? '',
  };
  return postFiles(
    client,
    `/plugins/marketplace/c/${categoryId}/new`,
    photos.map((bytes, i) => ({ field: 'photos', name: `photo${i}.png`, type: 'image/png', bytes })),
    { fields },
  );
}

/** Creates a listing through the form; returns the row. */
export async function createListing(forum: TestForum, client: TestClient, categoryId: number, input: ListingInput = {}, photos: Buffer[] = []): Promise<Listing> {
  const res = await submitListing(client, categoryId, input, photos);
  if (res.status !== 303) throw new Error(`listing not created: ${res.status} ${[...(await res.text()).matchAll(/(?:flash error" role="alert">|error-text" role="alert">)([^<]*)/g)].map((m) => m[1]).join(" / ")}`);
  const threadId = Number(/^\/t\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
  const [row] = await forum.deps.db.select().from(marketplaceListings).where(eq(marketplaceListings.threadId, threadId));
  return row!;
}

export async function listingRow(forum: TestForum, id: number): Promise<Listing> {
  const [row] = await forum.deps.db.select().from(marketplaceListings).where(eq(marketplaceListings.id, id));
  return row!;
}

export type Member = { user: User; client: TestClient };
