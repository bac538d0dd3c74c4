import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../../http/deps.ts';
import { enforce, reset } from '../../http/rate-limit.ts';
import { safeRedirectPath } from '../../http/redirect.ts';
import type { FieldErrors } from '../../http/validation.ts';
import { viewContext } from '../../ui/view-context.ts';
import { clientIp } from '../client-ip.ts';
import { formBody, redirectAfterPost, renderFormOrPage, signIn } from '../http.tsx';
import { limits } from '../rate-limits.ts';
import type { User } from '../schema.ts';
import { checkCredentials, loginSubject, markSeen } from '../service/login.ts';
import { findUserByLogin } from '../service/users.ts';
import { AuthPage } from '../views/auth-page.tsx';
import { LoginForm } from '../views/login-form.tsx';

export function loginRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/login', (c) => {
    const next = c.req.query('next') ?? '';
    if (c.get('user')) return c.redirect(safeRedirectPath(next), 303);
    return render(c, { next });
  });

  app.post('/login', async (c) => {
    const form = await formBody(c);
    const login = (form.login ?? '').trim();
    const password = form.password ?? '';
    const missing: FieldErrors = {};
    if (!login) missing.login = 'validation.required';
    if (!password) missing.password = 'validation.required';
    if (Object.keys(missing).length) return render(c, form, missing, undefined, 400);

    await enforce(deps.database, limits.loginIp, clientIp(c));
    const user = await findUserByLogin(deps.db, login);
    const subject = loginSubject(user, login);
    await enforce(deps.database, limits.loginAccount, subject);

    const result = await checkCredentials(user, password);
    if (result.outcome === 'invalid') return render(c, form, { _form: 'account.login.failed' }, undefined, 400);
    if (result.outcome === 'sanctioned') return render(c, form, undefined, result.user, 403);

    await reset(deps.database, limits.loginAccount, subject);
    await markSeen(deps.db, result.user.id);
    await signIn(c, result.user);
    await deps.plugins.hooks.action('user.loggedIn', { user: result.user }, { user: result.user });
    return redirectAfterPost(c, safeRedirectPath(form.next));
  });

  return app;
}

function render(
  c: Context,
  form: Record<string, string>,
  errors?: FieldErrors,
  sanctioned?: User,
  status: ContentfulStatusCode = 200,
) {
  const vc = viewContext(c);
  const title = vc.t('account.login.title');
  const formView = <LoginForm vc={vc} form={{ next: form.next ?? '', login: form.login ?? '' }} errors={errors} sanctioned={sanctioned} />;
  return renderFormOrPage(c, { title, status }, formView, <AuthPage title={title}>{formView}</AuthPage>);
}
