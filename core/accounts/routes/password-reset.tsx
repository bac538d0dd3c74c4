import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { enforce, hit } from '../../http/rate-limit.ts';
import { ValidationError } from '../../http/validation.ts';
import { createTranslator, isLocale } from '../../i18n/index.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { clientIp } from '../client-ip.ts';
import { formBody, redirectAfterPost, renderFormOrPage, signIn } from '../http.tsx';
import { limits } from '../rate-limits.ts';
import { isSanctioned } from '../service/login.ts';
import { checkNewPassword } from '../service/password-rules.ts';
import { findResetTokenUser, issueResetToken, resetPassword } from '../service/password-reset.ts';
import { resetMail } from '../service/reset-mail.tsx';
import { findUserByLogin } from '../service/users.ts';
import type { User } from '../schema.ts';
import { AuthPage } from '../views/auth-page.tsx';
import { ForgotForm, ForgotSent, ResetForm, ResetInvalid } from '../views/password-forms.tsx';

export function passwordResetRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/password/forgot', (c) => {
    const vc = viewContext(c);
    const title = vc.t('account.forgot.title');
    return renderPage(
      c,
      { title },
      <AuthPage title={title} intro={vc.t('account.forgot.intro')}>
        <ForgotForm vc={vc} form={{}} />
      </AuthPage>,
    );
  });

  app.post('/password/forgot', async (c) => {
    const form = await formBody(c);
    const vc = viewContext(c);
    const title = vc.t('account.forgot.title');
    const login = (form.login ?? '').trim();
    if (!login) {
      const formView = <ForgotForm vc={vc} form={form} errors={{ login: 'validation.required' }} />;
      return renderFormOrPage(c, { title, status: 400 }, formView, <AuthPage title={title}>{formView}</AuthPage>);
    }
    await enforce(deps.database, limits.resetIp, clientIp(c));
    const user = await findUserByLogin(deps.db, login);
    // Over the per-account limit the mail is quietly not sent: a 429 here would confirm the account exists.
    if (user && (await hit(deps.database, limits.resetAccount, `u${user.id}`)).allowed) await sendResetMail(c, user);
    const sent = <ForgotSent vc={vc} />;
    return renderFormOrPage(c, { title }, sent, <AuthPage title={title}>{sent}</AuthPage>);
  });

  app.get('/password/reset/:token', async (c) => {
    const token = c.req.param('token');
    if (!(await findResetTokenUser(deps.db, token))) return invalid(c);
    return renderReset(c, token);
  });

  app.post('/password/reset/:token', async (c) => {
    const token = c.req.param('token');
    const form = await formBody(c);
    const owner = await findResetTokenUser(deps.db, token);
    if (!owner) return invalid(c);
    try {
      checkNewPassword(owner, form.password ?? '');
    } catch (error) {
      if (error instanceof ValidationError) return renderReset(c, token, error.fields);
      throw error;
    }
    const user = await resetPassword(deps.db, token, form.password ?? '');
    if (!user) return invalid(c);
    c.get('log').info({ userId: user.id }, 'password reset');
    if (isSanctioned(user)) return redirectAfterPost(c, '/login');
    await signIn(c, user);
    return redirectAfterPost(c, '/');
  });

  async function sendResetMail(c: Context, user: User): Promise<void> {
    const locale = isLocale(user.locale) ? user.locale : c.get('site').defaultLocale;
    const tr = createTranslator(locale, user.timeZone ?? c.get('site').timeZone);
    const token = await issueResetToken(deps.db, user.id);
    const mail = await resetMail(tr, user, c.get('site').forumName, `${deps.origin}/password/reset/${token}`);
    await deps.mailer.send(mail);
  }

  return app;
}

function renderReset(c: Context, token: string, errors?: Record<string, string>) {
  const vc = viewContext(c);
  const title = vc.t('account.reset.title');
  const formView = <ResetForm vc={vc} token={token} errors={errors} />;
  return renderFormOrPage(c, { title, status: errors ? 400 : 200 }, formView, <AuthPage title={title}>{formView}</AuthPage>);
}

function invalid(c: Context) {
  const vc = viewContext(c);
  const title = vc.t('account.reset.title');
  const body = <ResetInvalid vc={vc} />;
  return renderFormOrPage(c, { title, status: 400 }, body, <AuthPage title={title}>{body}</AuthPage>);
}
