import type { Context } from 'hono';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';

function notice(c: Context, titleKey: string, bodyKey: string, status: 200 | 403) {
  const vc = viewContext(c);
  const title = vc.t(titleKey);
  const card = (
    <section class="narrow card auth-page" id="registration-notice">
      <h1>{title}</h1>
      <p>{vc.t(bodyKey, { forum: vc.site.forumName })}</p>
    </section>
  );
  // the registration form swaps itself with htmx: the notice takes its place
  if (c.req.header('hx-request') === 'true') return c.html(card, status);
  return renderPage(c, { title, status }, card);
}

export function renderPending(c: Context) {
  return notice(c, 'onboarding.pending.title', 'onboarding.pending.body', 200);
}

export function renderInviteOnly(c: Context) {
  return notice(c, 'onboarding.inviteOnly.title', 'onboarding.inviteOnly.body', 403);
}
