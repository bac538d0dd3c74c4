import { HookRejection, ValidationError, type ActionHooks, type FilterHooks, type HookContext } from '../../../core/plugins/api.ts';
import { text, type FormInput } from '../input/fields.ts';
import { hasPollFields, parsePollForm, type NewPoll } from '../input/poll-form.ts';
import { createPoll } from '../service/create-poll.ts';
import { validTimeZone } from '../service/zoned-time.ts';
import type { PollsApi } from '../settings.ts';

/** The composer's poll fields (composer.extras), read as the "add a poll" page reads them. */
async function pollFromComposer(api: PollsApi, form: FormInput, ctx: HookContext, categoryId: number): Promise<NewPoll> {
  const settings = await api.settings(categoryId);
  const timeZone = validTimeZone(text(form, 'polls_tz') || ctx.user?.timeZone);
  return parsePollForm(form, { settings, timeZone, now: new Date() });
}

/** thread.beforeCreate: an invalid poll stops the thread, with the first problem as the message. */
export function validateComposerPoll(api: PollsApi) {
  return async function pollsValidateComposer(value: FilterHooks['thread.beforeCreate'], ctx: HookContext): Promise<FilterHooks['thread.beforeCreate']> {
    if (!ctx.form || !hasPollFields(ctx.form)) return value;
    try {
      await pollFromComposer(api, ctx.form, ctx, value.categoryId);
    } catch (error) {
      if (error instanceof ValidationError) throw new HookRejection(Object.values(error.fields)[0] ?? 'polls.error.invalid');
      throw error;
    }
    return value;
  };
}

/** thread.created: stores the poll the filter accepted, by the thread's starter. */
export function attachComposerPoll(api: PollsApi) {
  return async function pollsAttachComposer(payload: ActionHooks['thread.created'], ctx: HookContext): Promise<void> {
    if (!ctx.form || !hasPollFields(ctx.form)) return;
    const poll = await pollFromComposer(api, ctx.form, ctx, payload.category.id);
    await createPoll(api, { threadId: payload.thread.id, authorId: payload.thread.authorId, poll });
  };
}
