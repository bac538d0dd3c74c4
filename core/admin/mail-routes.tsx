import { desc, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { findUserByUsername } from '../accounts/index.ts';
import {
  countDormantMembers,
  currentMonth,
  getImmediateDelayMinutes,
  immediateDelaySchema,
  previewDigest,
  setImmediateDelayMinutes,
  WEMISSYOU_JOB,
} from '../digests/index.ts';
import { DigestPreview, DigestPreviewForm, ImmediateDelayForm, WeMissYouConfirm, WeMissYouSection } from '../digests/views/admin-tools.tsx';
import { UserError } from '../http/errors.tsx';
import { fieldErrorsOf, formStrings, type FieldErrors } from '../http/validation.ts';
import { enqueueMail } from '../mail/index.ts';
import { mailMessages } from '../mail/schema.ts';
import { mailQueueState } from '../mail/state.ts';
import { MailLog, QueueState, RetryButton } from '../mail/views/mail-log.tsx';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { adminLinks } from './links.ts';
import { AdminShell } from './views/shell.tsx';

// HTML parts are shown as their own documents, sandboxed: mail HTML never runs script on our origin.
const sandboxed = "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'";

/** The mail log and queue, digest previews and "we miss you"; with no SMTP_URL also the outbox (its links work). */
export function mailAdminRoutes(): Hono {
  const app = new Hono();

  app.get('/', (c) => overview(c, {}));

  app.post('/settings', async (c) => {
    const form = formStrings(await c.req.parseBody());
    const parsed = immediateDelaySchema.safeParse(form.delay);
    if (!parsed.success) return overview(c, { delay: form.delay ?? '', delayErrors: { delay: fieldErrorsOf(parsed.error)._form ?? 'mail.admin.delay.invalid' } }, 400);
    await setImmediateDelayMinutes(c.get('deps').db, parsed.data);
    return c.redirect('/admin/mail?saved=delay', 303);
  });

  app.get('/preview', async (c) => {
    const username = (c.req.query('username') ?? '').trim();
    const user = username ? await findUserByUsername(c.get('deps').db, username) : undefined;
    if (!user) return overview(c, { username, previewErrors: { username: username ? 'digests.admin.noSuchMember' : 'validation.required' } }, 400);
    const preview = await previewDigest(c.get('deps'), user);
    const vc = viewContext(c);
    const title = vc.t('digests.admin.previewOf', { name: user.username });
    return renderPage(
      c,
      { title },
      <AdminShell vc={vc} links={adminLinks(c)} title={title}>
        <DigestPreview vc={vc} preview={{ ...preview, username: user.username }} />
      </AdminShell>,
    );
  });

  app.get('/preview/html', async (c) => {
    const user = await findUserByUsername(c.get('deps').db, c.req.query('username') ?? '');
    if (!user) throw new UserError(404, 'error.404.body');
    const preview = await previewDigest(c.get('deps'), user);
    c.header('Content-Security-Policy', sandboxed);
    return c.html(preview.html);
  });

  app.get('/wemissyou', async (c) => {
    const month = await currentMonth(c.get('deps').db);
    const eligible = await countDormantMembers(c.get('deps').db, month);
    const vc = viewContext(c);
    const title = vc.t('digests.admin.wemissyou');
    return renderPage(
      c,
      { title },
      <AdminShell vc={vc} links={adminLinks(c)} title={title}>
        <WeMissYouConfirm vc={vc} eligible={eligible} month={month} />
      </AdminShell>,
    );
  });

  app.post('/wemissyou', async (c) => {
    const { db, jobs } = c.get('deps');
    const form = formStrings(await c.req.parseBody());
    const month = await currentMonth(db);
    // a confirmation page left open across a month boundary must not mail for the new month unseen
    if (form.month !== month) return c.redirect('/admin/mail/wemissyou', 303);
    const eligible = await countDormantMembers(db, month);
    if (eligible > 0) await jobs.send(WEMISSYOU_JOB, { month }, { singletonKey: `wemissyou:${month}` });
    c.get('log').info({ month, eligible, by: c.get('user')?.id }, 'we-miss-you mail queued');
    return c.redirect(`/admin/mail?wemissyou=${eligible}`, 303);
  });

  app.post('/:id{[0-9]+}/retry', async (c) => {
    const id = Number(c.req.param('id'));
    const [mail] = await c.get('deps').db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.id, id));
    if (!mail) throw new UserError(404, 'error.404.body');
    await enqueueMail(c.get('deps').jobs, id);
    return c.redirect('/admin/mail', 303);
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const vc = viewContext(c);
    const { t } = vc;
    const [mail] = await c.get('deps').db.select().from(mailMessages).where(eq(mailMessages.id, Number(c.req.param('id'))));
    if (!mail) throw new UserError(404, 'error.404.body');
    return renderPage(
      c,
      { title: mail.subject },
      <AdminShell vc={vc} links={adminLinks(c)} title={mail.subject}>
        <p>
          <a href="/admin/mail">{t('admin.mail.back')}</a>
        </p>
        <dl class="meta-list">
          <dt>{t('admin.mail.to')}</dt>
          <dd>{mail.to}</dd>
          <dt>{t('admin.mail.date')}</dt>
          <dd>{vc.tr.date(mail.createdAt, 'long')}</dd>
          <dt>{t('admin.mail.kind')}</dt>
          <dd>{mail.kind}</dd>
          <dt>{t('admin.mail.status')}</dt>
          <dd>
            {t(`mail.status.${mail.status}`)} <RetryButton vc={vc} mail={mail} />
          </dd>
          <dt>{t('mail.admin.attempts')}</dt>
          <dd>{vc.tr.number(mail.attempts)}</dd>
          {mail.error ? (
            <>
              <dt>{t('mail.admin.error')}</dt>
              <dd class="error-text">{mail.error}</dd>
            </>
          ) : null}
        </dl>
        <h2>{t('admin.mail.text')}</h2>
        <pre class="mail-text">{mail.text}</pre>
        <p>
          <a href={`/admin/mail/${mail.id}/html`}>{t('admin.mail.html')}</a>
        </p>
      </AdminShell>,
    );
  });

  app.get('/:id{[0-9]+}/html', async (c) => {
    const [mail] = await c.get('deps').db.select().from(mailMessages).where(eq(mailMessages.id, Number(c.req.param('id'))));
    if (!mail) throw new UserError(404, 'error.404.body');
    c.header('Content-Security-Policy', sandboxed);
    return c.html(mail.html);
  });

  return app;
}

interface OverviewState {
  delay?: string;
  delayErrors?: FieldErrors;
  username?: string;
  previewErrors?: FieldErrors;
}

async function overview(c: Context, state: OverviewState, status: 200 | 400 = 200) {
  const vc = viewContext(c);
  const { t } = vc;
  const { db, jobs, mailer } = c.get('deps');
  const month = await currentMonth(db);
  const [rows, queue, eligible, delay] = await Promise.all([
    db.select().from(mailMessages).orderBy(desc(mailMessages.id)).limit(100),
    mailQueueState(db, jobs),
    countDormantMembers(db, month),
    getImmediateDelayMinutes(db),
  ]);
  const queued = c.req.query('wemissyou');
  return renderPage(
    c,
    { title: t('admin.mail'), status },
    <AdminShell vc={vc} links={adminLinks(c)} title={t('admin.mail')}>
      <p>{t('admin.mail.intro')}</p>
      <p class="muted">{t(`admin.mail.mode.${mailer.mode}`)}</p>
      <QueueState vc={vc} state={queue} />
      <div class="admin-tools">
        <DigestPreviewForm vc={vc} username={state.username} errors={state.previewErrors} />
        <WeMissYouSection vc={vc} eligible={eligible} queued={queued && /^\d+$/.test(queued) ? Number(queued) : undefined} />
        <ImmediateDelayForm vc={vc} minutes={state.delay ?? String(delay)} errors={state.delayErrors} saved={c.req.query('saved') === 'delay'} />
      </div>
      <h2>{t('mail.admin.recent')}</h2>
      <MailLog vc={vc} rows={rows} />
    </AdminShell>,
  );
}
