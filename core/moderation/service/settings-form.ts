import type { User } from '../../accounts/schema.ts';
import type { Db } from '../../db/index.ts';
import { UserError } from '../../http/errors.tsx';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { logModerationAction } from './log.ts';
import { categoryOverrides, categoryRuleKeys, ruleConfigFor, ruleConfigSchema, saveRuleConfig, type RuleConfig, type RuleConfigKey } from './settings.ts';

const booleans: readonly RuleConfigKey[] = ['holdLinkOnly', 'approveNewMemberPosts'];

/**
 * Reads the settings form. Forum-wide every field is required (checkboxes absent mean off); for a category an
 * empty field (or "inherit" for a checkbox select) keeps the forum-wide value.
 */
export function parseRuleForm(form: Record<string, string>, scope: 'forum' | 'category'): Partial<RuleConfig> {
  const keys = scope === 'forum' ? (Object.keys(ruleConfigSchema.shape) as RuleConfigKey[]) : categoryRuleKeys;
  const out: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const key of keys) {
    let value: unknown = form[key];
    if (booleans.includes(key)) {
      if (scope === 'category' && (value === undefined || value === '' || value === 'inherit')) continue;
      value = value === 'on' || value === 'true';
    } else if (value === undefined || value === '') {
      if (scope === 'category') continue;
      value = undefined;
    }
    const parsed = ruleConfigSchema.shape[key].safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else errors[key] = 'moderation.settings.invalid';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return out as Partial<RuleConfig>;
}

export async function saveRuleForm(db: Db, input: { actor: User; categoryId: number | null; form: Record<string, string> }): Promise<void> {
  if (input.actor.role !== 'admin') throw new UserError(403, 'error.403.body');
  const config = parseRuleForm(input.form, input.categoryId ? 'category' : 'forum');
  const before = input.categoryId ? await categoryOverrides(db, input.categoryId) : await ruleConfigFor(db);
  await saveRuleConfig(db, input.categoryId, config);
  await logModerationAction(db, {
    actorId: input.actor.id,
    action: 'settings.update',
    targetType: input.categoryId ? 'category' : 'forum',
    targetId: input.categoryId,
    before,
    after: config,
  });
}
