import { HookRejection, isStaff, ValidationError, type ActionHooks, type FilterHooks, type HookContext } from '../../../core/plugins/api.ts';
import { hasEventFields, parseEventForm, type NewEvent } from '../input/event-form.ts';
import { createEvent } from '../service/create-event.ts';
import { findMembers } from '../service/organisers.ts';
import type { EventsApi } from '../settings.ts';

async function eventFromComposer(api: EventsApi, ctx: HookContext, categoryId: number): Promise<NewEvent> {
  const settings = await api.settings(categoryId);
  const site = await api.site();
  return parseEventForm(ctx.form ?? {}, { defaultTimeZone: ctx.user?.timeZone ?? site.timeZone, maxOccurrences: settings.maxOccurrences, now: new Date() });
}

/** thread.beforeCreate: an invalid event, or one the member may not create, stops the thread with the first problem. */
export function validateComposerEvent(api: EventsApi) {
  return async function eventsValidateComposer(value: FilterHooks['thread.beforeCreate'], ctx: HookContext): Promise<FilterHooks['thread.beforeCreate']> {
    if (!ctx.form || !hasEventFields(ctx.form)) return value;
    const settings = await api.settings(value.categoryId);
    if (settings.whoCanCreate === 'staff' && !isStaff(ctx.user)) throw new HookRejection('events.error.createNotAllowed');
    let event: NewEvent;
    try {
      event = await eventFromComposer(api, ctx, value.categoryId);
    } catch (error) {
      if (error instanceof ValidationError) throw new HookRejection(Object.values(error.fields)[0] ?? 'events.error.starts');
      throw error;
    }
    const { missing } = await findMembers(api.db, event.organiserNames);
    if (missing.length > 0) throw new HookRejection('events.error.unknownOrganiser', { names: missing.join(', ') });
    return value;
  };
}

/** thread.created: stores the event the filter accepted, organised by the thread's starter. */
export function attachComposerEvent(api: EventsApi) {
  return async function eventsAttachComposer(payload: ActionHooks['thread.created'], ctx: HookContext): Promise<void> {
    if (!ctx.form || !hasEventFields(ctx.form)) return;
    const event = await eventFromComposer(api, ctx, payload.category.id);
    const { ids } = await findMembers(api.db, event.organiserNames);
    await createEvent(api, {
      threadId: payload.thread.id,
      categoryId: payload.category.id,
      createdById: payload.thread.authorId,
      event,
      organiserIds: ids,
      title: payload.thread.title,
      description: payload.post.raw,
    });
  };
}
