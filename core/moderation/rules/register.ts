import type { User } from '../../accounts/schema.ts';
import type { DbOrTx } from '../../db/index.ts';
import { isStaffViewer } from '../../forum/permissions.ts';
import { HookRejection, type HookBus, type HoldRequest } from '../../plugins/hooks.ts';
import { mustAcceptRules } from '../service/community-rules.ts';
import { ruleConfigFor, type RuleConfig } from '../service/settings.ts';
import { checkFlood, type FloodVerdict } from './flood.ts';
import { checkLinks } from './links.ts';
import { isNewMember } from './new-member.ts';
import { checkWords, wordsFor } from './words.ts';

const OWNER = 'core.moderation';

interface Verdict {
  raw: string;
  title?: string;
  hold: HoldRequest | null;
}

function floodRejection(v: NonNullable<FloodVerdict>): HookRejection {
  if (v.rule === 'tooSoon') return new HookRejection('moderation.flood.tooSoon', { seconds: v.seconds });
  if (v.rule === 'duplicate') return new HookRejection('moderation.flood.duplicate');
  return new HookRejection(v.rule === 'perMinute' ? 'moderation.flood.perMinute' : 'moderation.flood.perHour', { limit: v.limit });
}

/**
 * Core's automatic rules, in the order a member would want to hear about them: rules acceptance, flood,
 * links, words; then first-post approval. A refusal names the rule; a hold keeps the post for review.
 */
async function evaluate(db: DbOrTx, user: User, categoryId: number, input: { raw: string; title?: string }): Promise<Verdict> {
  if (await mustAcceptRules(db, user)) throw new HookRejection('moderation.rules.mustAccept');
  const config: RuleConfig = await ruleConfigFor(db, categoryId);
  let hold: HoldRequest | null = null;
  const flood = await checkFlood(db, user, input.raw, config);
  if (flood) {
    if (config.floodAction === 'reject' || flood.rule === 'tooSoon') throw floodRejection(flood);
    hold = { reason: `moderation.hold.flood.${flood.rule}` };
  }
  const newMember = isNewMember(user, config);
  const links = checkLinks(input.raw, config, newMember);
  if (links?.rule === 'blocked') throw new HookRejection('moderation.links.blocked', { domain: links.domain });
  if (links?.rule === 'notAllowed') throw new HookRejection('moderation.links.notAllowed', { domain: links.domain });
  if (links?.rule === 'tooMany') throw new HookRejection('moderation.links.tooMany', { max: links.max });
  if (links?.rule === 'linkOnly') hold ??= { reason: 'moderation.hold.linkOnly' };

  const words = await wordsFor(db, categoryId);
  const body = checkWords(words, input.raw);
  const title = input.title === undefined ? undefined : checkWords(words, input.title);
  const blocked = body.block ?? title?.block;
  if (blocked) throw new HookRejection('moderation.words.blocked', { word: blocked.pattern, rule: blocked.id });
  if (body.hold ?? title?.hold) hold ??= { reason: 'moderation.hold.word' };
  if (config.approveNewMemberPosts && newMember) hold ??= { reason: 'moderation.hold.newMember' };
  return { raw: body.text, title: title?.text, hold };
}

/** Registers the rules as filters, like a plugin's: plugins add their own rules the same way. */
export function registerModerationRules(hooks: HookBus, db: DbOrTx): void {
  const options = { owner: OWNER, priority: 30 };
  hooks.addFilter(
    'thread.beforeCreate',
    async (value, ctx) => {
      if (!ctx.user || isStaffViewer(ctx.user)) return value;
      const v = await evaluate(db, ctx.user, value.categoryId, { raw: value.raw, title: value.title });
      return { ...value, raw: v.raw, title: v.title ?? value.title, hold: value.hold ?? v.hold };
    },
    options,
  );
  hooks.addFilter(
    'post.beforeCreate',
    async (value, ctx) => {
      if (!ctx.user || isStaffViewer(ctx.user)) return value;
      const v = await evaluate(db, ctx.user, value.categoryId, { raw: value.raw });
      return { ...value, raw: v.raw, hold: value.hold ?? v.hold };
    },
    options,
  );
  hooks.addFilter(
    'post.beforeEdit',
    async (value, ctx) => {
      if (!ctx.user || isStaffViewer(ctx.user)) return value;
      const words = await wordsFor(db, ctx.categoryId);
      const checked = checkWords(words, value.raw);
      // an edit cannot be held after the fact: a word that would hold new content refuses the edit
      const refused = checked.block ?? checked.hold;
      if (refused) throw new HookRejection('moderation.words.blocked', { word: refused.pattern, rule: refused.id });
      const config = await ruleConfigFor(db, ctx.categoryId);
      const links = checkLinks(value.raw, config, isNewMember(ctx.user, config));
      if (links?.rule === 'blocked') throw new HookRejection('moderation.links.blocked', { domain: links.domain });
      return { ...value, raw: checked.text };
    },
    options,
  );
  // the same words apply to a title changed later: a word that would hold or block it refuses the change
  hooks.addFilter(
    'thread.beforeRetitle',
    async (value, ctx) => {
      if (!ctx.user || isStaffViewer(ctx.user)) return value;
      const checked = checkWords(await wordsFor(db, ctx.categoryId), value.title);
      const refused = checked.block ?? checked.hold;
      if (refused) throw new HookRejection('moderation.words.blocked', { word: refused.pattern, rule: refused.id });
      return { ...value, title: checked.text };
    },
    options,
  );
}
