import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { pluginCategories, pluginStates } from './schema.ts';

export interface PluginStateSnapshot {
  enabled: boolean;
  settings: Record<string, unknown>;
  /** Category id → that category's overrides, for categories where the plugin is on. */
  categories: Map<number, Record<string, unknown>>;
}

/**
 * Enablement is read on every hook call and slot render, so it is kept in memory: reloaded after
 * every change made through this process, and at most a few seconds stale for other instances.
 */
export class PluginStateStore {
  private snapshot = new Map<string, PluginStateSnapshot>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  async load(): Promise<void> {
    const [states, cats] = await Promise.all([
      this.db.select().from(pluginStates),
      this.db.select().from(pluginCategories).where(eq(pluginCategories.enabled, true)),
    ]);
    const next = new Map<string, PluginStateSnapshot>();
    for (const s of states) {
      next.set(s.pluginId, { enabled: s.enabled, settings: asRecord(s.settings), categories: new Map() });
    }
    for (const c of cats) next.get(c.pluginId)?.categories.set(c.categoryId, asRecord(c.overrides));
    this.snapshot = next;
    this.loadedAt = Date.now();
  }

  /** Refreshes in the background when stale; callers never wait on the hot path. */
  private refreshIfStale(): void {
    if (Date.now() - this.loadedAt < this.ttlMs || this.loading) return;
    this.loading = this.load()
      .catch(() => {})
      .finally(() => {
        this.loading = undefined;
      });
  }

  get(pluginId: string): PluginStateSnapshot | undefined {
    this.refreshIfStale();
    return this.snapshot.get(pluginId);
  }

  async ensure(pluginId: string, version: string, enabledByDefault: boolean): Promise<void> {
    await this.db
      .insert(pluginStates)
      .values({ pluginId, enabled: enabledByDefault, installedVersion: version })
      .onConflictDoUpdate({ target: pluginStates.pluginId, set: { installedVersion: version } });
  }

  async setEnabled(pluginId: string, enabled: boolean): Promise<void> {
    await this.db.update(pluginStates).set({ enabled, updatedAt: new Date() }).where(eq(pluginStates.pluginId, pluginId));
    await this.load();
  }

  async setSettings(pluginId: string, settings: Record<string, unknown>): Promise<void> {
    await this.db.update(pluginStates).set({ settings, updatedAt: new Date() }).where(eq(pluginStates.pluginId, pluginId));
    await this.load();
  }

  async setCategory(pluginId: string, categoryId: number, enabled: boolean, overrides?: Record<string, unknown>): Promise<void> {
    await this.db
      .insert(pluginCategories)
      .values({ pluginId, categoryId, enabled, overrides: overrides ?? {} })
      .onConflictDoUpdate({
        target: [pluginCategories.pluginId, pluginCategories.categoryId],
        set: overrides ? { enabled, overrides } : { enabled },
      });
    await this.load();
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
