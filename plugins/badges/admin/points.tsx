import type { Context } from 'hono';
import { z } from 'zod';
import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { grant } from '../service/points.ts';
import type { BadgesApi } from '../settings.ts';
import { Csrf, Notice } from '../views/bits.tsx';
import { adminForm, AdminTabs, adminVc, memberByName, noticeFrom, type AdminNotice } from './shared.tsx';

const manualSchema = z.object({
  username: z.string().trim().min(1).max(60),
  points: z.coerce
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0),
  note: z.string().trim().min(1).max(200),
  /** A random token per form: a double submit records once. */
  nonce: z.string().regex(/^[a-z0-9-]{8,64}$/),
});

const notices: Record<string, AdminNotice> = {
  done: { key: 'badges.admin.points.done' },
  invalid: { key: 'badges.admin.points.invalid', error: true },
  member: { key: 'badges.admin.member', error: true },
  repeat: { key: 'badges.admin.points.repeat', error: true },
};

/** /admin/plugins/badges/points — grant or take points by hand, with a note (kept in the ledger). */
export function pointsAdmin(api: BadgesApi) {
  return async function badgesPointsAdmin(c: Context) {
    const back = (notice: string) => c.redirect(`${paths.admin('points')}?notice=${notice}`, 303);
    if (c.req.method === 'POST') {
      const parsed = manualSchema.safeParse(await adminForm(c));
      if (!parsed.success) return back('invalid');
      const member = await memberByName(api.db, parsed.data.username);
      if (!member) return back('member');
      const done = await grant(api, {
        userId: member.id,
        points: parsed.data.points,
        reason: 'manual',
        sourceType: 'user',
        sourceId: member.id,
        actorId: c.get('user')!.id,
        note: parsed.data.note,
        key: `manual:${parsed.data.nonce}`,
      });
      return back(done ? 'done' : 'repeat');
    }
    const vc = adminVc(c);
    const { t } = vc;
    return renderPage(
      c,
      { title: t('badges.admin.points') },
      <section class="stack">
        <h1>{t('badges.admin.points')}</h1>
        <AdminTabs vc={vc} current="points" />
        <Notice vc={vc} notice={noticeFrom(c, notices)} />
        <form method="post" class="card stack">
          <Csrf vc={vc} />
          <input type="hidden" name="nonce" value={crypto.randomUUID()} />
          <div class="field">
            <label for="badges-points-user">{t('badges.admin.username')}</label>
            <input id="badges-points-user" name="username" required maxlength={60} />
          </div>
          <div class="field">
            <label for="badges-points-points">{t('badges.ledger.points')}</label>
            <input id="badges-points-points" name="points" type="number" required />
            <small class="help">{t('badges.admin.points.help')}</small>
          </div>
          <div class="field">
            <label for="badges-points-note">{t('badges.admin.note')}</label>
            <input id="badges-points-note" name="note" required maxlength={200} />
          </div>
          <p>
            <button type="submit" class="primary">
              {t('badges.admin.points.submit')}
            </button>
          </p>
        </form>
      </section>,
    );
  };
}
