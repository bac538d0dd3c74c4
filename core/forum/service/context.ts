import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import type { HookBus } from '../../plugins/hooks.ts';

/** What a write needs: the database, the plugin hooks, and who is acting. */
export interface WriteContext {
  db: Db;
  hooks: HookBus;
  user: User;
  /** When it happens; defaults to now (the demo loader back-dates its content). */
  at?: Date;
  /** The submitted form, handed to hooks so plugins read their own composer fields. */
  form?: Readonly<Record<string, string | string[]>>;
}

/**
 * Timestamps are written from JavaScript, never by `now()`: listings page by (timestamp, id) cursors that
 * travel through URLs with millisecond precision, so stored values must not carry microseconds.
 */
export function writeTime(ctx: { at?: Date }): Date {
  return new Date((ctx.at ?? new Date()).getTime());
}
