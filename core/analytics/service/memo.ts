const MAX_ENTRIES = 200;

/** Owned by one running dashboard (one forum instance), so separate forums never share figures. */
export type MemoStore = Map<string, { until: number; value: Promise<unknown> }>;

export function createMemoStore(): MemoStore {
  return new Map();
}

/**
 * A short-lived in-process memory for the dashboard's live queries: an admin flipping between ranges and
 * exports does not rerun them. Without a store nothing is remembered. Failures are not remembered.
 */
export function remember(store: MemoStore | undefined, scope: string, ttlMs: number) {
  return <T>(name: string, load: () => Promise<T>): Promise<T> => {
    if (!store) return load();
    const key = `${scope}|${name}`;
    const hit = store.get(key);
    if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
    if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
    const value = load();
    store.set(key, { until: Date.now() + ttlMs, value });
    value.catch(() => store.delete(key));
    return value;
  };
}
