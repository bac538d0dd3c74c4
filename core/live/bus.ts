import { EventEmitter } from 'node:events';
import type { Database } from '../db/index.ts';
import type { Logger } from '../logger.ts';

export interface LiveEvent {
  /** e.g. "thread:12", "user:3", "latest". */
  channel: string;
  event: string;
  data: Record<string, string | number>;
}

export type LiveListener = (event: LiveEvent) => void;

/** Fan-out of small events to open pages, across every app instance sharing the database. */
export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  subscribe(channel: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

const PG_CHANNEL = 'forum_live';
/** Subscribing to this channel hears every event (caches use it to notice writes). */
export const ANY_CHANNEL = '*';

export async function createLiveBus(database: Database, logger: Logger): Promise<LiveBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const deliver = (event: LiveEvent) => {
    local.emit(event.channel, event);
    local.emit(ANY_CHANNEL, event);
  };

  if (database.kind === 'pglite') {
    // one process owns an embedded database: in-memory delivery is the whole story
    return {
      async publish(event) {
        deliver(event);
      },
      subscribe: (channel, listener) => subscribeLocal(local, channel, listener),
      async close() {
        local.removeAllListeners();
      },
    };
  }

  // PostgreSQL: every instance LISTENs; NOTIFY reaches them all (including the sender).
  const sql = database.client as {
    listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
    notify(channel: string, payload: string): Promise<unknown>;
  };
  const listening = await sql.listen(PG_CHANNEL, (payload) => {
    try {
      deliver(JSON.parse(payload) as LiveEvent);
    } catch (error) {
      logger.warn({ err: error }, 'bad live event payload');
    }
  });
  return {
    async publish(event) {
      try {
        await sql.notify(PG_CHANNEL, JSON.stringify(event));
      } catch (error) {
        // live updates are a nicety: a failed publish never fails the write that caused it
        logger.warn({ err: error }, 'live publish failed');
      }
    },
    subscribe: (channel, listener) => subscribeLocal(local, channel, listener),
    async close() {
      local.removeAllListeners();
      await listening.unlisten().catch(() => {});
    },
  };
}

function subscribeLocal(local: EventEmitter, channel: string, listener: LiveListener): () => void {
  local.on(channel, listener);
  return () => local.off(channel, listener);
}
