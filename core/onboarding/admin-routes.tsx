import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { adminLinks } from '../admin/links.ts';
import { AdminShell } from '../admin/views/shell.tsx';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import { fieldErrorsOf, formStrings, ValidationError, type FieldErrors } from '../http/validation.ts';
import { inviteSettings, inviteSettingsSchema, saveInviteSettings } from '../invites/settings.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { approveRegistration, pendingRegistrations, rejectRegistration } from './approvals.ts';
import { addQuestion, deleteQuestion, listQuestions, updateQuestion } from './questions.ts';
import { onboardingSettings, saveOnboardingSettings } from './settings.ts';
import { ApprovalsPage, OnboardingPage, staffAccounts } from './views/admin.tsx';

const welcomeForm = z.object({
  welcomeEnabled: z.boolean(),
  welcomeSenderId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
  welcomeTitle: z.string().trim().max(200, 'validation.tooLong'),
  welcomeBody: z.string().max(20000, 'validation.tooLong'),
});

function id(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError(404, 'error.404.body');
  return n;
}

/** /admin/onboarding: the entry questionnaire, the welcome message and invitation limits. */
export function onboardingAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const { db } = deps;

  const shell = (c: Context, title: string, body: Child, status: 200 | 400 | 404 | 409 = 200) => {
    const vc = viewContext(c);
    return renderPage(c, { title, status }, <AdminShell vc={vc} links={adminLinks(c)} title={title}>{body}</AdminShell>);
  };

  const page = async (c: Context, errors: FieldErrors = {}, form: Record<string, string> = {}, status: 200 | 400 = 200) => {
    const vc = viewContext(c);
    const [questions, welcome, invites, staff] = await Promise.all([listQuestions(db), onboardingSettings(db), inviteSettings(db), staffAccounts(db)]);
    return shell(
      c,
      vc.t('admin.onboarding'),
      <OnboardingPage vc={vc} questions={questions} welcome={welcome} invites={invites} staff={staff} errors={errors} form={form} saved={c.req.query('saved') === '1'} />,
      status,
    );
  };

  const saving = (path: string, work: (form: Record<string, string>) => Promise<void>) =>
    app.post(path, async (c) => {
      const form = formStrings(await c.req.parseBody());
      try {
        await work(form);
      } catch (error) {
        if (error instanceof ValidationError) return page(c, error.fields, form, 400);
        if (error instanceof z.ZodError) return page(c, fieldErrorsOf(error), form, 400);
        throw error;
      }
      return c.redirect('/admin/onboarding?saved=1', 303);
    });

  app.get('/', (c) => page(c));

  saving('/questions', async (form) => {
    await addQuestion(db, { prompt: form.prompt ?? '', help: form.help ?? '', required: form.required });
  });
  app.post('/questions/:id{[0-9]+}', async (c) => {
    const form = formStrings(await c.req.parseBody());
    try {
      await updateQuestion(db, id(c.req.param('id')), { prompt: form.prompt ?? '', help: form.help ?? '', required: form.required });
    } catch (error) {
      if (error instanceof ValidationError) return page(c, error.fields, form, 400);
      throw error;
    }
    return c.redirect('/admin/onboarding?saved=1', 303);
  });
  app.post('/questions/:id{[0-9]+}/delete', async (c) => {
    await deleteQuestion(db, id(c.req.param('id')));
    return c.redirect('/admin/onboarding?saved=1', 303);
  });
  saving('/welcome', async (form) => {
    const data = welcomeForm.parse({ ...form, welcomeEnabled: form.welcomeEnabled === 'on' });
    await saveOnboardingSettings(db, data);
  });
  saving('/invites', async (form) => {
    const parsed = inviteSettingsSchema.safeParse(form);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    await saveInviteSettings(db, parsed.data);
  });

  return app;
}

/** /admin/approvals: registrations waiting for staff, with their questionnaire answers. */
export function approvalAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const approvalDeps = { db: deps.db, jobs: deps.jobs, hooks: deps.plugins.hooks, origin: deps.origin, logger: deps.logger };

  const page = async (c: Context, error?: string, status: 200 | 404 | 409 = 200) => {
    const vc = viewContext(c);
    const rows = await pendingRegistrations(deps.db);
    return renderPage(
      c,
      { title: vc.t('admin.approvals'), status },
      <AdminShell vc={vc} links={adminLinks(c)} title={vc.t('admin.approvals')}>
        <ApprovalsPage vc={vc} rows={rows} error={error} done={c.req.query('done') ?? null} />
      </AdminShell>,
    );
  };

  app.get('/', (c) => page(c));

  app.post('/:id{[0-9]+}', async (c) => {
    const form = formStrings(await c.req.parseBody());
    const requestId = id(c.req.param('id'));
    try {
      if (form.action === 'approve') await approveRegistration(approvalDeps, c.get('user')!, requestId);
      else if (form.action === 'reject') await rejectRegistration(approvalDeps, c.get('user')!, requestId, form.reason ?? '');
      else throw new UserError(400, 'error.400.body');
    } catch (error) {
      if (error instanceof UserError && (error.status === 404 || error.status === 409)) return page(c, error.messageKey, error.status);
      throw error;
    }
    return c.redirect(`/admin/approvals?done=${form.action}`, 303);
  });

  return app;
}
