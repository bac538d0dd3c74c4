import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { badgesBadges, badgesGrants, badgeTiers, type Badge } from '../schema.ts';
import { awardBadge } from '../service/award.ts';
import { allBadges } from '../service/queries.ts';
import type { BadgesApi } from '../settings.ts';
import { BadgeChip, badgeDescription, Csrf, Notice, plural } from '../views/bits.tsx';
import { adminForm, AdminTabs, adminVc, isUniqueViolation, memberByName, noticeFrom, type AdminNotice } from './shared.tsx';

const createSchema = z.object({
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(300),
  tier: z.enum(badgeTiers),
});
const grantSchema = z.object({ badgeId: z.coerce.number().int().positive(), username: z.string().trim().min(1).max(60), note: z.string().trim().max(200) });

const notices: Record<string, AdminNotice> = {
  created: { key: 'badges.admin.badges.created' },
  granted: { key: 'badges.admin.badges.granted' },
  already: { key: 'badges.admin.badges.already', error: true },
  revoked: { key: 'badges.admin.badges.revoked' },
  toggled: { key: 'badges.admin.saved' },
  invalid: { key: 'badges.admin.badges.invalid', error: true },
  duplicate: { key: 'badges.admin.badges.duplicate', error: true },
  member: { key: 'badges.admin.member', error: true },
};

/** A URL-safe slug for a custom badge; collisions with built-ins are impossible (prefix). */
function slugOf(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `custom-${base || Date.now().toString(36)}`;
}

/** /admin/plugins/badges/badges — custom badges, switching badges off, granting and revoking by hand. */
export function badgesAdmin(api: BadgesApi) {
  return async function badgesBadgesAdmin(c: Context) {
    const back = (notice: string) => c.redirect(`${paths.admin('badges')}?notice=${notice}`, 303);
    if (c.req.method === 'POST') {
      const form = await adminForm(c);
      const admin = c.get('user')!;
      if (form.op === 'create') {
        const parsed = createSchema.safeParse(form);
        if (!parsed.success) return back('invalid');
        try {
          await api.db.insert(badgesBadges).values({ ...parsed.data, description: parsed.data.description || null, slug: slugOf(parsed.data.name) });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          return back('duplicate');
        }
        return back('created');
      }
      if (form.op === 'toggle') {
        const [badge] = await api.db.select().from(badgesBadges).where(eq(badgesBadges.id, Number(form.badgeId) || 0));
        if (!badge) return back('invalid');
        await api.db.update(badgesBadges).set({ enabled: !badge.enabled }).where(eq(badgesBadges.id, badge.id));
        return back('toggled');
      }
      const parsed = grantSchema.safeParse(form);
      if (!parsed.success) return back('invalid');
      const member = await memberByName(api.db, parsed.data.username);
      if (!member) return back('member');
      const [badge] = await api.db.select().from(badgesBadges).where(eq(badgesBadges.id, parsed.data.badgeId));
      if (!badge) return back('invalid');
      if (form.op === 'revoke') {
        await api.db.delete(badgesGrants).where(and(eq(badgesGrants.badgeId, badge.id), eq(badgesGrants.userId, member.id)));
        return back('revoked');
      }
      const granted = await awardBadge(api, member.id, badge, { grantedById: admin.id, note: parsed.data.note || null });
      return back(granted ? 'granted' : 'already');
    }
    const vc = adminVc(c);
    const rows = await allBadges(api.db);
    return renderPage(c, { title: vc.t('badges.admin.badges') }, <BadgesAdminPage vc={vc} rows={rows} notice={noticeFrom(c, notices)} />);
  };
}

const BadgesAdminPage = ({ vc, rows, notice }: { vc: ReturnType<typeof adminVc>; rows: { badge: Badge; holders: number }[]; notice: AdminNotice }) => {
  const { t } = vc;
  return (
    <section class="stack">
      <h1>{t('badges.admin.badges')}</h1>
      <AdminTabs vc={vc} current="badges" />
      <Notice vc={vc} notice={notice} />
      <form method="post" class="card stack">
        <h2>{t('badges.admin.badges.grantHeading')}</h2>
        <Csrf vc={vc} />
        <div class="field">
          <label for="badges-grant-badge">{t('badges.admin.badge')}</label>
          <select id="badges-grant-badge" name="badgeId" required>
            {rows.map(({ badge }) => (
              <option value={String(badge.id)}>{badge.name ?? t(`badges.builtin.${badge.slug}.name`)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="badges-grant-user">{t('badges.admin.username')}</label>
          <input id="badges-grant-user" name="username" required maxlength={60} />
        </div>
        <div class="field">
          <label for="badges-grant-note">{t('badges.admin.note')}</label>
          <input id="badges-grant-note" name="note" maxlength={200} />
        </div>
        <p>
          <button type="submit" name="op" value="grant" class="primary">
            {t('badges.admin.badges.grant')}
          </button>{' '}
          <button type="submit" name="op" value="revoke" class="danger">
            {t('badges.admin.badges.revoke')}
          </button>
        </p>
      </form>
      <form method="post" class="card stack">
        <h2>{t('badges.admin.badges.createHeading')}</h2>
        <Csrf vc={vc} />
        <input type="hidden" name="op" value="create" />
        <div class="field">
          <label for="badges-new-name">{t('badges.admin.name')}</label>
          <input id="badges-new-name" name="name" required maxlength={60} />
        </div>
        <div class="field">
          <label for="badges-new-description">{t('badges.admin.description')}</label>
          <input id="badges-new-description" name="description" maxlength={300} />
        </div>
        <div class="field">
          <label for="badges-new-tier">{t('badges.admin.tier')}</label>
          <select id="badges-new-tier" name="tier">
            {badgeTiers.map((tier) => (
              <option value={tier}>{t(`badges.tier.${tier}`)}</option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit">{t('badges.admin.add')}</button>
        </p>
      </form>
      <div class="table-wrap">
        <table class="badges-table">
          <tbody>
            {rows.map(({ badge, holders }) => (
              <tr>
                <td>
                  <BadgeChip vc={vc} badge={badge} />
                </td>
                <td>{badgeDescription(vc, badge)}</td>
                <td>{plural(vc, 'badges.list.holders', holders)}</td>
                <td>
                  <form method="post" class="inline">
                    <Csrf vc={vc} />
                    <input type="hidden" name="op" value="toggle" />
                    <input type="hidden" name="badgeId" value={String(badge.id)} />
                    <button type="submit" class="small">
                      {badge.enabled ? t('badges.admin.disable') : t('badges.admin.enable')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
