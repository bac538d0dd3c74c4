/**
 * Who just got a notification, for live bell updates. Listeners are called synchronously after the
 * insert; they must not throw and should do their own (async) work in the background.
 */
type Listener = (userIds: number[]) => void;

const listeners = new Set<Listener>();

export function onNotified(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitNotified(userIds: number[]): void {
  if (userIds.length === 0) return;
  const distinct = [...new Set(userIds)];
  for (const listener of listeners) listener(distinct);
}
