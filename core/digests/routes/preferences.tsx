import { Hono, type Context } from 'hono';
import type { User } from '../../accounts/schema.ts';
import { categoryAccess } from '../../forum/service/access.ts';
import { allCategories } from '../../forum/service/category-cache.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ValidationError, type FieldErrors } from '../../http/validation.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { getEmailPreferences, saveEmailPreferences, type EmailChoices } from '../preferences.ts';
import { EmailPreferencesForm, type EmailPreferencesValues } from '../views/preferences-form.tsx';

function valuesOf(prefs: EmailChoices): EmailPreferencesValues {
  return {
    digest: prefs.digest,
    digestHour: String(prefs.digestHour),
    digestCategories: prefs.digestCategories.map(String),
    immediateReplies: prefs.immediateReplies,
    immediateMentions: prefs.immediateMentions,
    immediateMessages: prefs.immediateMessages,
    unsubscribedAll: prefs.unsubscribedAllAt !== null,
  };
}

type Body = Record<string, string | File | (string | File)[]>;
const text = (v: Body[string] | undefined) => (typeof v === 'string' ? v : '');
const list = (v: Body[string] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** The posted form as the view shows it; an unticked checkbox is simply absent. */
function formValues(body: Body): EmailPreferencesValues {
  return {
    digest: text(body.digest),
    digestHour: text(body.digestHour),
    digestCategories: list(body.digestCategories),
    immediateReplies: body.immediateReplies !== undefined,
    immediateMentions: body.immediateMentions !== undefined,
    immediateMessages: body.immediateMessages !== undefined,
    unsubscribedAll: body.unsubscribedAll !== undefined,
  };
}

/** GET/POST /preferences/email: digests, immediate emails, and "no email at all". */
export function emailPreferencesRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.use('/preferences/email', async function membersOnly(c, next) {
    if (!c.get('user')) return c.redirect('/login?next=%2Fpreferences%2Femail', 303);
    await next();
  });

  app.get('/preferences/email', async (c) => {
    const prefs = await getEmailPreferences(deps.db, c.get('user')!.id);
    return render(c, valuesOf(prefs), { saved: c.req.query('saved') === '1' });
  });

  app.post('/preferences/email', async (c) => {
    const user = c.get('user')!;
    const values = formValues((await c.req.parseBody({ all: true })) as Body);
    const readable = categoryAccess(await allCategories(deps.db), user).readableIds;
    try {
      await saveEmailPreferences(deps.db, user.id, values, readable);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return render(c, values, { errors: error.fields, status: 400 });
    }
    if (c.req.header('hx-request') === 'true') return render(c, valuesOf(await getEmailPreferences(deps.db, user.id)), { saved: true });
    return c.redirect('/preferences/email?saved=1', 303);
  });

  return app;
}

async function render(c: Context, values: EmailPreferencesValues, state: { errors?: FieldErrors; saved?: boolean; status?: 200 | 400 }) {
  const vc = viewContext(c);
  const user = c.get('user') as User;
  const categories = categoryAccess(await allCategories(c.get('deps').db), user).readable;
  const form = (
    <EmailPreferencesForm vc={vc} values={values} categories={categories} timeZone={user.timeZone ?? vc.site.timeZone} errors={state.errors} saved={state.saved} />
  );
  if (vc.isHtmx) return c.html(form, state.status ?? 200);
  const title = vc.t('digests.prefs.title');
  return renderPage(
    c,
    { title, status: state.status },
    <section class="preferences stack">
      <h1>{title}</h1>
      <p>
        <a href="/preferences">{vc.t('digests.prefs.back')}</a>
      </p>
      {form}
    </section>,
  );
}
