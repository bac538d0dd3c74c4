import type { DbOrTx } from '../db/index.ts';
import { registerNotificationType } from '../notifications/index.ts';
import type { HookBus } from '../plugins/hooks.ts';
import type { SlotRegistry } from '../plugins/slots.tsx';
import { registerModerationRules } from './rules/register.ts';
import { invalidateRulesCache } from './service/community-rules.ts';
import { invalidateRuleConfig } from './service/settings.ts';
import { registerModerationSlots } from './slots.tsx';

const types: [string, string][] = [
  ['moderationWarning', 'moderation.notify.warning'],
  ['moderationSilence', 'moderation.notify.silence'],
  ['moderationReport', 'moderation.notify.report'],
  ['moderationReportRemoved', 'moderation.notify.reportRemoved'],
  ['moderationReportKept', 'moderation.notify.reportKept'],
  ['moderationApproved', 'moderation.notify.approved'],
  ['moderationRejected', 'moderation.notify.rejected'],
];

/** Moderation's part of a forum: automatic rules as filters, notification types, profile links. */
export function registerModeration(hooks: HookBus, slots: SlotRegistry, db: DbOrTx): void {
  // settings are cached per process; a new forum (tests, a restart) starts from its own database
  invalidateRuleConfig();
  invalidateRulesCache();
  for (const [type, key] of types) registerNotificationType(type, key);
  registerModerationRules(hooks, db);
  registerModerationSlots(slots);
}
