import { eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { users } from '../../accounts/schema.ts';
import type { AppDeps } from '../../http/deps.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { unsubscribe } from '../preferences.ts';
import { verifyUnsubscribeToken, type UnsubscribeClaim } from '../tokens.ts';

/**
 * /unsubscribe/:token. GET only asks (link scanners follow links and must not unsubscribe anyone); POST
 * does it, from our button or from a mail client's RFC 8058 one-click, which comes without our CSRF
 * token and from another origin: the path is exempt from the CSRF check, the signed token is the proof.
 */
export function unsubscribeRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  async function claimOf(token: string): Promise<UnsubscribeClaim | null> {
    const claim = verifyUnsubscribeToken(deps.secret, token);
    if (!claim) return null;
    const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, claim.userId));
    return user ? claim : null;
  }

  app.get('/unsubscribe/:token', async (c) => {
    const claim = await claimOf(c.req.param('token'));
    if (!claim) return invalid(c);
    const vc = viewContext(c);
    const { t } = vc;
    return page(
      c,
      <>
        <p>{t(`digests.unsub.confirm.${claim.purpose}`, { forum: vc.site.forumName })}</p>
        <form method="post" action={c.req.path}>
          <input type="hidden" name="_csrf" value={vc.csrfToken} />
          <button type="submit" class="button primary">
            {t(`digests.unsub.button.${claim.purpose}`)}
          </button>
        </form>
      </>,
    );
  });

  app.post('/unsubscribe/:token', async (c) => {
    const claim = await claimOf(c.req.param('token'));
    if (!claim) return invalid(c);
    await unsubscribe(deps.db, claim.userId, claim.purpose);
    c.get('log').info({ userId: claim.userId, purpose: claim.purpose }, 'unsubscribed');
    return page(c, <p role="status">{viewContext(c).t(`digests.unsub.done.${claim.purpose}`)}</p>);
  });

  return app;
}

function page(c: Context, body: Child, status: 200 | 400 = 200) {
  const vc = viewContext(c);
  const title = vc.t('digests.unsub.title');
  return renderPage(
    c,
    { title, status },
    <section class="stack narrow">
      <h1>{title}</h1>
      {body}
      <p>
        <a href="/preferences/email">{vc.t('digests.unsub.settings')}</a>
      </p>
    </section>,
  );
}

/** The same answer for a forged, altered or stale token, whoever it names. */
function invalid(c: Context) {
  return page(c, <p>{viewContext(c).t('digests.unsub.invalid')}</p>, 400);
}
