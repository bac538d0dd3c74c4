import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../../http/deps.ts';
import { enforce } from '../../http/rate-limit.ts';
import { safeRedirectPath } from '../../http/redirect.ts';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { viewContext } from '../../ui/view-context.ts';
import { clientIp } from '../client-ip.ts';
import { formBody, redirectAfterPost, renderFormOrPage, signIn } from '../http.tsx';
import { limits } from '../rate-limits.ts';
import { registerMember, registrationContext, RegisterExtras, renderInviteOnly, renderPending, welcomeNewMember } from '../../onboarding/index.ts';
import { AuthPage } from '../views/auth-page.tsx';
import { RegisterForm } from '../views/register-form.tsx';

export function registerRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/register', async (c) => {
    const next = c.req.query('next') ?? '';
    if (c.get('user')) return c.redirect(safeRedirectPath(next), 303);
    return render(c, { next, invite: c.req.query('invite') ?? '' });
  });

  app.post('/register', async (c) => {
    const form = await formBody(c);
    await enforce(deps.database, limits.registerIp, clientIp(c));
    try {
      // core/onboarding: registration mode, invite, entry questionnaire, approval
      const result = await registerMember(deps.db, {
        username: form.username ?? '',
        displayName: form.displayName ?? '',
        email: form.email ?? '',
        password: form.password ?? '',
        invite: form.invite,
        locale: c.get('t').locale,
        form,
      });
      if (result.kind === 'pending') return renderPending(c);
      const { user } = result;
      await signIn(c, user);
      c.get('log').info({ userId: user.id }, 'member registered');
      await deps.plugins.hooks.action('user.registered', { user }, { user });
      await welcomeNewMember(deps, result, c.get('t').locale);
      return redirectAfterPost(c, safeRedirectPath(form.next));
    } catch (error) {
      if (error instanceof ValidationError) return render(c, form, error.fields, 400);
      throw error;
    }
  });

  return app;
}

async function render(c: Context, form: Record<string, string>, errors?: FieldErrors, status: ContentfulStatusCode = 200) {
  const vc = viewContext(c);
  const title = vc.t('account.register.title');
  const context = await registrationContext(c.get('deps').db, form.invite);
  if (context.mode === 'invite' && !context.invite) return renderInviteOnly(c);
  const shown: FieldErrors | undefined = context.badInvite ? { ...errors, invite: 'invites.invalid' } : errors;
  const extra = <RegisterExtras vc={vc} context={context} form={form} errors={shown} />;
  const formView = <RegisterForm vc={vc} form={form} errors={shown} extra={extra} />;
  return renderFormOrPage(c, { title, status }, formView, <AuthPage title={title} intro={vc.t('account.register.intro', { forum: vc.site.forumName })}>{formView}</AuthPage>);
}
