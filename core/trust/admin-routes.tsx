import { Hono, type Context } from 'hono';
import { adminLinks } from '../admin/links.ts';
import { AdminShell } from '../admin/views/shell.tsx';
import type { AppDeps } from '../http/deps.ts';
import { fieldErrorsOf, formStrings, type FieldErrors } from '../http/validation.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { TRUST_RECOMPUTE_JOB } from './jobs.ts';
import { abilities, saveTrustSettings, trustSettings, trustSettingsSchema, type TrustSettings } from './settings.ts';
import { TrustSettingsForm, thresholdFields } from './views/settings-form.tsx';

/** Reads the flat form (t1.daysVisited, ability.postLinks…) into the settings document. */
function fromForm(form: Record<string, string>) {
  return {
    thresholds: [1, 2, 3, 4].map((level) => Object.fromEntries(thresholdFields.map((f) => [f, form[`t${level}.${f}`] ?? '']))),
    abilityLevels: Object.fromEntries(abilities.map((a) => [a, form[`ability.${a}`] ?? ''])),
    limitedLinks: form.limitedLinks ?? '',
    limitedImages: form.limitedImages ?? '',
    reportWeights: [0, 1, 2, 3, 4].map((l) => form[`weight.${l}`] ?? ''),
    staffReportWeight: form.staffReportWeight ?? '',
  };
}

/** /admin/trust: thresholds per level, what each level unlocks, report weights; recompute now. */
export function trustAdminRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  const page = (c: Context, values: TrustSettings | Record<string, string>, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const vc = viewContext(c);
    return renderPage(
      c,
      { title: vc.t('admin.trust'), status },
      <AdminShell vc={vc} links={adminLinks(c)} title={vc.t('admin.trust')}>
        {c.req.query('saved') ? (
          <p class="flash success" role="status">
            {vc.t('common.saved')}
          </p>
        ) : null}
        {c.req.query('queued') ? (
          <p class="flash success" role="status">
            {vc.t('trust.admin.queued')}
          </p>
        ) : null}
        <TrustSettingsForm vc={vc} values={values} errors={errors} />
        <form method="post" action="/admin/trust/recompute">
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="button">
            {vc.t('trust.admin.recompute')}
          </button>
        </form>
      </AdminShell>,
    );
  };

  app.get('/', async (c) => page(c, await trustSettings(deps.db)));

  app.post('/', async (c) => {
    const form = formStrings(await c.req.parseBody());
    const parsed = trustSettingsSchema.safeParse(fromForm(form));
    if (!parsed.success) return page(c, form, { _form: Object.values(fieldErrorsOf(parsed.error))[0] ?? 'validation.invalid' }, 400);
    await saveTrustSettings(deps.db, parsed.data);
    return c.redirect('/admin/trust?saved=1', 303);
  });

  app.post('/recompute', async (c) => {
    await deps.jobs.send(TRUST_RECOMPUTE_JOB, {}, { singletonKey: 'manual' });
    return c.redirect('/admin/trust?queued=1', 303);
  });

  return app;
}
