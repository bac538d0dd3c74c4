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
import { createUser } from '../service/users.ts';
import { AuthPage } from '../views/auth-page.tsx';
import { RegisterForm } from '../views/register-form.tsx';

export function registerRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/register', (c) => {
    const next = c.req.query('next') ?? '';
    if (c.var.user) return c.redirect(safeRedirectPath(next), 303);
    return render(c, { next });
  });

  app.post('/register', async (c) => {
    const form = await formBody(c);
    await enforce(deps.database, limits.registerIp, clientIp(c));
    try {
      const user = await createUser(deps.db, {
        username: form.username ?? '',
        displayName: form.displayName ?? '',
        email: form.email ?? '',
        password: form.password ?? '',
      });
      await signIn(c, user);
      c.var.log.info({ userId: user.id }, 'member registered');
      await deps.plugins.hooks.action('user.registered', { user }, { user });
      return redirectAfterPost(c, safeRedirectPath(form.next));
    } catch (error) {
      if (error instanceof ValidationError) return render(c, form, error.fields, 400);
      throw error;
    }
  });

  return app;
}

function render(c: Context, form: Record<string, string>, errors?: FieldErrors, status: ContentfulStatusCode = 200) {
  const vc = viewContext(c);
  const title = vc.t('account.register.title');
  const formView = <RegisterForm vc={vc} form={form} errors={errors} />;
  return renderFormOrPage(c, { title, status }, formView, <AuthPage title={title} intro={vc.t('account.register.intro', { forum: vc.site.forumName })}>{formView}</AuthPage>);
}
