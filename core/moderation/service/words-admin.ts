import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { parseOrThrow, ValidationError } from '../../http/validation.ts';
import { moderationWords, wordActionEnum, type WatchedWord } from '../schema.ts';
import { compactWord } from '../rules/text.ts';
import { safeRegex } from '../rules/words.ts';
import { logModerationAction } from './log.ts';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());

export const wordInputSchema = z.object({
  pattern: z.string().trim().min(1, 'moderation.words.pattern.required').max(200, 'moderation.words.pattern.invalid'),
  isRegex: checkbox.default(false),
  action: z.enum(wordActionEnum.enumValues, { error: 'moderation.words.action' }),
  categoryId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()).default(null),
});

/** Form values are checked here (zod), so routes hand them over as they came. */
export async function addWord(db: Db, input: { actor: User } & { [K in keyof z.input<typeof wordInputSchema>]?: unknown }): Promise<WatchedWord> {
  if (input.actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  const data = parseOrThrow(wordInputSchema, input);
  if (data.isRegex ? !safeRegex(data.pattern) : !compactWord(data.pattern)) throw new ValidationError({ pattern: 'moderation.words.pattern.invalid' });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(moderationWords).values({ ...data, createdById: input.actor.id }).returning();
    await logModerationAction(tx, { actorId: input.actor.id, action: 'word.add', targetType: 'word', targetId: row!.id, after: data });
    return row!;
  });
}

export async function removeWord(db: Db, input: { actor: User; id: number }): Promise<void> {
  if (input.actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(moderationWords).where(eq(moderationWords.id, input.id)).returning();
    if (!row) return;
    await logModerationAction(tx, {
      actorId: input.actor.id,
      action: 'word.remove',
      targetType: 'word',
      targetId: row.id,
      before: { pattern: row.pattern, isRegex: row.isRegex, action: row.action, categoryId: row.categoryId },
    });
  });
}

export async function allWords(db: Db): Promise<WatchedWord[]> {
  return db.select().from(moderationWords).orderBy(moderationWords.id);
}
