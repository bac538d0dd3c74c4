import { and, eq } from 'drizzle-orm';
import { renderPage, UserError } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { badgesGrants, badgesMembers } from '../schema.ts';
import { loadLevels, nextLevel } from '../service/levels.ts';
import { loadFlair } from '../service/member-info.ts';
import { checkinState } from '../service/member-state.ts';
import { ledgerPage, memberBadges, redemptionList } from '../service/queries.ts';
import type { BadgesApi } from '../settings.ts';
import { MePage } from '../views/me-page.tsx';
import { actingMember, cursorParam, formFields, forumZone, signInRedirect, vcOf, type BadgesContext } from './context.ts';

const notices: Record<string, { key: string; error?: boolean }> = {
  'checked-in': { key: 'badges.checkin.doneShort' },
  already: { key: 'badges.checkin.already' },
  featured: { key: 'badges.me.featuredSaved' },
};

/** GET /me — the signed-in member's points, level, badges and history. */
export function meRoute(api: BadgesApi) {
  return async function badgesMe(c: BadgesContext) {
    const user = c.get('user');
    if (!user) return signInRedirect(c);
    const before = cursorParam(c);
    const now = new Date();
    const [flair, levels, checkin, held, [totals], ledger, redemptions] = await Promise.all([
      loadFlair(api.db, [user.id]),
      loadLevels(api.db),
      checkinState(api.db, user.id, now, forumZone(c)),
      memberBadges(api.db, user.id),
      api.db.select().from(badgesMembers).where(eq(badgesMembers.userId, user.id)),
      ledgerPage(api.db, user.id, before),
      redemptionList(api.db, { userId: user.id }),
    ]);
    const f = flair.get(user.id)!;
    const vc = vcOf(c);
    const flag = c.req.query('checkin') ?? c.req.query('notice') ?? '';
    return renderPage(
      c,
      { title: vc.t('badges.me.heading') },
      <MePage
        vc={vc}
        flair={f}
        next={nextLevel(levels, f.lifetime)}
        checkin={checkin}
        held={held}
        featuredBadgeId={totals?.featuredBadgeId ?? null}
        entries={ledger.entries}
        nextCursor={ledger.next}
        redemptions={redemptions.rows}
        notice={notices[flag] ?? null}
      />,
    );
  };
}

/** POST /featured — the badge shown beside the member's name: one they hold, or none. */
export function featuredRoute(api: BadgesApi) {
  return async function badgesFeatured(c: BadgesContext) {
    const user = actingMember(c);
    const raw = (await formFields(c)).badgeId ?? '';
    let badgeId: number | null = null;
    if (raw !== '') {
      if (!/^\d{1,10}$/.test(raw)) throw new UserError(400, 'badges.error.badge');
      const [held] = await api.db
        .select({ id: badgesGrants.badgeId })
        .from(badgesGrants)
        .where(and(eq(badgesGrants.userId, user.id), eq(badgesGrants.badgeId, Number(raw))));
      if (!held) throw new UserError(400, 'badges.error.badge');
      badgeId = held.id;
    }
    await api.db.insert(badgesMembers).values({ userId: user.id, featuredBadgeId: badgeId }).onConflictDoUpdate({ target: badgesMembers.userId, set: { featuredBadgeId: badgeId } });
    return c.redirect(`${paths.me}?notice=featured`, 303);
  };
}
