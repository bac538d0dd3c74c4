import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { User } from '../../accounts/schema.ts';
import { KeptValue } from '../../cache/kept-value.ts';
import type { Db, DbOrTx } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow } from '../../http/validation.ts';
import { renderMarkdown } from '../../markdown/index.ts';
import { moderationRules, moderationRulesAcceptances, type RulesVersion } from '../schema.ts';
import { logModerationAction } from './log.ts';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());

export const rulesInputSchema = z.object({
  raw: z.string().trim().min(1, 'moderation.rules.raw.required').max(50_000, 'moderation.rules.raw.long'),
  requireAcceptance: checkbox.default(false),
});

const CACHE_MS = 2000;
const inForce = new KeptValue(CACHE_MS, async (db: DbOrTx): Promise<RulesVersion | null> => {
  const [row] = await db.select().from(moderationRules).orderBy(desc(moderationRules.createdAt), desc(moderationRules.id)).limit(1);
  return row ?? null;
});
const latestRequiringAcceptance = new KeptValue(CACHE_MS, async (db: DbOrTx): Promise<RulesVersion | null> => {
  const [row] = await db
    .select()
    .from(moderationRules)
    .where(eq(moderationRules.requireAcceptance, true))
    .orderBy(desc(moderationRules.createdAt), desc(moderationRules.id))
    .limit(1);
  return row ?? null;
});

/** The rules in force (the newest version), or null before an admin writes any. Read on every page view. */
export function currentRules(db: DbOrTx): Promise<RulesVersion | null> {
  return inForce.get(db);
}

export function invalidateRulesCache(): void {
  inForce.clear();
  latestRequiringAcceptance.clear();
}

/** Admins publish a new version; with requireAcceptance, members accept it before they post again. */
export async function publishRules(db: Db, input: { actor: User; raw: string; requireAcceptance?: unknown }): Promise<RulesVersion> {
  if (input.actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  const data = parseOrThrow(rulesInputSchema, input);
  const previous = await currentRules(db);
  const html = renderMarkdown(data.raw).html;
  const version = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(moderationRules)
      .values({ raw: data.raw, html, requireAcceptance: data.requireAcceptance, editedById: input.actor.id, createdAt: new Date() })
      .returning();
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: 'rules.update',
      targetType: 'rules',
      targetId: row!.id,
      before: previous ? { id: previous.id, raw: previous.raw } : null,
      after: { id: row!.id, raw: row!.raw, requireAcceptance: row!.requireAcceptance },
    });
    return row!;
  });
  invalidateRulesCache();
  return version;
}

/**
 * Whether the member still has to accept the rules: the newest version that required acceptance is newer
 * than what they accepted. Later versions without the flag (typo fixes) do not ask again.
 */
export async function mustAcceptRules(db: DbOrTx, user: Pick<User, 'id' | 'role'>): Promise<RulesVersion | null> {
  const rules = await currentRules(db);
  if (!rules || user.role !== 'member') return null;
  const required = rules.requireAcceptance ? rules : await latestRequiringAcceptance.get(db);
  if (!required) return null;
  const [accepted] = await db.select().from(moderationRulesAcceptances).where(eq(moderationRulesAcceptances.userId, user.id)).limit(1);
  return accepted && accepted.rulesId >= required.id ? null : rules;
}

/**
 * mustAcceptRules without waiting, when the cached rules answer it: false when no rules require acceptance
 * (or the member is staff), undefined when it takes a read (the member's acceptance).
 */
export function rulesPendingIfKnown(user: Pick<User, 'role'>, now = Date.now()): false | undefined {
  const rules = inForce.ifHeld(now);
  if (!rules) return undefined;
  if (!rules.value || user.role !== 'member') return false;
  if (rules.value.requireAcceptance) return undefined;
  const requiring = latestRequiringAcceptance.ifHeld(now);
  if (!requiring) return undefined;
  return requiring.value ? undefined : false;
}

export async function acceptRules(db: DbOrTx, user: Pick<User, 'id'>): Promise<void> {
  const rules = await currentRules(db);
  if (!rules) return;
  await db
    .insert(moderationRulesAcceptances)
    .values({ userId: user.id, rulesId: rules.id, acceptedAt: new Date() })
    .onConflictDoUpdate({ target: moderationRulesAcceptances.userId, set: { rulesId: rules.id, acceptedAt: new Date() } });
}
