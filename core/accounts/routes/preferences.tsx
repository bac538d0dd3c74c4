import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../http/deps.ts';
import { enforce } from '../../http/rate-limit.ts';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { formBody, isHtmx, redirectAfterPost } from '../http.tsx';
import { limits } from '../rate-limits.ts';
import type { User } from '../schema.ts';
import { changePassword, updatePreferences } from '../service/preferences.ts';
import { PasswordForm, PreferencesForm, SessionsForm } from '../views/preferences-forms.tsx';

function currentValues(user: User): Record<string, string> {
  return { displayName: user.displayName, bio: user.bio, locale: user.locale ?? '', theme: user.theme, timeZone: user.timeZone ?? '' };
}

export function preferencesRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  // Guests are sent to sign in and brought back here.
  app.use('/preferences', membersOnly);
  app.use('/preferences/*', membersOnly);

  app.get('/preferences', (c) => {
    const saved = c.req.query('saved');
    return renderPreferences(c, { profile: currentValues(c.get('user')!), profileSaved: saved === 'profile', passwordSaved: saved === 'password' });
  });

  app.post('/preferences', async (c) => {
    const form = await formBody(c);
    try {
      await updatePreferences(deps.db, c.get('user')!, {
        displayName: form.displayName ?? '',
        bio: form.bio ?? '',
        locale: form.locale ?? '',
        theme: form.theme ?? '',
        timeZone: form.timeZone ?? '',
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (isHtmx(c)) return c.html(<PreferencesForm vc={viewContext(c)} form={form} errors={error.fields} />, 400);
      return renderPreferences(c, { profile: form, profileErrors: error.fields }, 400);
    }
    // a full reload even with htmx: language and theme change the whole page
    return redirectAfterPost(c, '/preferences?saved=profile');
  });

  app.post('/preferences/password', async (c) => {
    const form = await formBody(c);
    const user = c.get('user')!;
    await enforce(deps.database, limits.passwordChange, `u${user.id}`);
    try {
      await changePassword(deps.db, user, c.get('session')!.id, form.currentPassword ?? '', form.newPassword ?? '');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      if (isHtmx(c)) return c.html(<PasswordForm vc={viewContext(c)} errors={error.fields} />, 400);
      return renderPreferences(c, { profile: currentValues(user), passwordErrors: error.fields }, 400);
    }
    c.get('log').info({ userId: user.id }, 'password changed');
    if (isHtmx(c)) return c.html(<PasswordForm vc={viewContext(c)} saved />);
    return c.redirect('/preferences?saved=password', 303);
  });

  return app;
}

const membersOnly: MiddlewareHandler = async function membersOnly(c, next) {
  if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
  await next();
};

interface PreferencesState {
  profile: Record<string, string>;
  profileErrors?: FieldErrors;
  profileSaved?: boolean;
  passwordErrors?: FieldErrors;
  passwordSaved?: boolean;
}

function renderPreferences(c: Context, state: PreferencesState, status: 200 | 400 = 200) {
  const vc = viewContext(c);
  const title = vc.t('nav.preferences');
  return renderPage(
    c,
    { title, status },
    <section class="preferences stack">
      <h1>{title}</h1>
      <p>
        <a href="/preferences/email">{vc.t('digests.prefs.title')}</a>
      </p>
      <PreferencesForm vc={vc} form={state.profile} errors={state.profileErrors} saved={state.profileSaved} />
      <PasswordForm vc={vc} errors={state.passwordErrors} saved={state.passwordSaved} />
      <SessionsForm vc={vc} />
    </section>,
  );
}
