import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { UserError } from '../http/errors.tsx';
import { mailMessages } from '../mail/schema.ts';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { adminLinks } from './links.ts';
import { AdminShell } from './views/shell.tsx';

/** The mail log, and with no SMTP_URL the outbox where admins read mail (its links work). */
export function mailAdminRoutes(): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const vc = viewContext(c);
    const { t } = vc;
    const rows = await c.var.deps.db.select().from(mailMessages).orderBy(desc(mailMessages.id)).limit(100);
    return renderPage(
      c,
      { title: t('admin.mail') },
      <AdminShell vc={vc} links={adminLinks(c)} title={t('admin.mail')}>
        <p>{t('admin.mail.intro')}</p>
        <p class="muted">{t(`admin.mail.mode.${c.var.deps.mailer.mode}`)}</p>
        {rows.length === 0 ? (
          <p class="empty">{t('admin.mail.empty')}</p>
        ) : (
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.mail.date')}</th>
                <th scope="col">{t('admin.mail.to')}</th>
                <th scope="col">{t('admin.mail.subject')}</th>
                <th scope="col">{t('admin.mail.kind')}</th>
                <th scope="col">{t('admin.mail.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>
                    <time datetime={m.createdAt.toISOString()}>{vc.tr.date(m.createdAt, 'long')}</time>
                  </td>
                  <td>{m.to}</td>
                  <td>
                    <a href={`/admin/mail/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{m.kind}</td>
                  <td>{t(`admin.mail.status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AdminShell>,
    );
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const vc = viewContext(c);
    const { t } = vc;
    const [mail] = await c.var.deps.db.select().from(mailMessages).where(eq(mailMessages.id, Number(c.req.param('id'))));
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
          <dt>{t('admin.mail.status')}</dt>
          <dd>{t(`admin.mail.status.${mail.status}`)}</dd>
        </dl>
        <h2>{t('admin.mail.text')}</h2>
        <pre class="mail-text">{mail.text}</pre>
        <p>
          <a href={`/admin/mail/${mail.id}/html`}>{t('admin.mail.html')}</a>
        </p>
      </AdminShell>,
    );
  });

  // The HTML part as its own document, sandboxed: mail HTML never runs script on our origin.
  app.get('/:id{[0-9]+}/html', async (c) => {
    const [mail] = await c.var.deps.db.select().from(mailMessages).where(eq(mailMessages.id, Number(c.req.param('id'))));
    if (!mail) throw new UserError(404, 'error.404.body');
    c.header('Content-Security-Policy', "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'");
    return c.html(mail.html);
  });

  return app;
}
