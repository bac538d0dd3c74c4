import { and, asc, eq } from 'drizzle-orm';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage, UserError, ValidationError, type FieldErrors } from '../../../core/plugins/api.ts';
import { text, type FormInput } from '../input/fields.ts';
import { parseGiveawayForm } from '../input/giveaway-form.ts';
import { parsePollForm } from '../input/poll-form.ts';
import { MAX_QUESTIONS, parseQuestionsForm, questionCount } from '../input/questions-form.ts';
import { createKinds, giveawayDomId, paths, pollDomId, type CreateKind } from '../paths.ts';
import { pollsPolls } from '../schema.ts';
import { createGiveaway } from '../service/create-giveaway.ts';
import { createPoll } from '../service/create-poll.ts';
import { canCreate } from '../service/permissions.ts';
import type { PollsApi } from '../settings.ts';
import { CreatePage } from '../views/create-page.tsx';
import { formInput, formValues, redirectAfterPost, scopedThread, timeZoneOf, vcOf, type PollsContext } from './context.ts';

function kindOf(value: string | undefined): CreateKind {
  return createKinds.find((k) => k === value) ?? 'poll';
}

/** Who may add polls here (setting whoCanCreate), and with which settings (per category). */
async function allowed(c: PollsContext) {
  const thread = scopedThread(c);
  const settings = await c.get('plugin').settings(thread.categoryId);
  if (!c.get('user')) throw new UserError(403, 'polls.error.loginRequired');
  if (!canCreate(c.get('user'), thread, settings)) throw new UserError(403, 'polls.error.cannotCreate');
  return { thread, settings };
}

async function render(api: PollsApi, c: PollsContext, kind: CreateKind, form: FormInput, errors?: FieldErrors, status: ContentfulStatusCode = 200) {
  const { thread, settings } = await allowed(c);
  const vc = vcOf(c);
  const publicPolls =
    kind === 'giveaway'
      ? await api.db
          .select({ id: pollsPolls.id, title: pollsPolls.title })
          .from(pollsPolls)
          .where(and(eq(pollsPolls.threadId, thread.id), eq(pollsPolls.anonymous, false)))
          .orderBy(asc(pollsPolls.id))
      : [];
  const count = Math.min(questionCount(form) + (text(form, 'polls_action') === 'addQuestion' ? 1 : 0), MAX_QUESTIONS);
  return renderPage(
    c,
    { title: vc.t(`polls.create.${kind}`), status },
    <CreatePage vc={vc} thread={thread} kind={kind} settings={settings} form={formValues(form)} errors={errors} questionCount={count} publicPolls={publicPolls} />,
  );
}

/** GET /t/:threadId/new?kind=poll|survey|quiz|giveaway */
export function createForm(api: PollsApi) {
  return async function pollsCreateForm(c: PollsContext) {
    if (!c.get('user')) {
      const here = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(here.pathname + here.search)}`, 302);
    }
    const kind = kindOf(c.req.query('kind'));
    return render(api, c, kind, kind === 'survey' || kind === 'quiz' ? { polls_questions: '2' } : {});
  };
}

/** POST /t/:threadId/new: creates, or shows the form again with its errors (422) or one question more. */
export function createSubmit(api: PollsApi) {
  return async function pollsCreateSubmit(c: PollsContext) {
    const { thread, settings } = await allowed(c);
    const form = await formInput(c);
    const kind = kindOf(text(form, 'polls_kind'));
    if (text(form, 'polls_action') === 'addQuestion') return render(api, c, kind, form);
    const rules = { settings, timeZone: timeZoneOf(c), now: new Date() };
    const authorId = c.get('user')!.id;
    try {
      if (kind === 'giveaway') {
        const giveaway = await createGiveaway(api, { threadId: thread.id, authorId, giveaway: parseGiveawayForm(form, rules) });
        return redirectAfterPost(c, `${paths.thread(thread.id)}#${giveawayDomId(giveaway.id)}`);
      }
      const poll = kind === 'poll' ? parsePollForm(form, rules) : parseQuestionsForm(form, kind, rules);
      const created = await createPoll(api, { threadId: thread.id, authorId, poll });
      return redirectAfterPost(c, `${paths.thread(thread.id)}#${pollDomId(created.id)}`);
    } catch (error) {
      if (error instanceof ValidationError) return render(api, c, kind, form, error.fields, 422);
      throw error;
    }
  };
}
