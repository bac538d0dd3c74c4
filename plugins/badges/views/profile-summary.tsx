import type { FC } from 'hono/jsx';
import type { User, ViewContext } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { currentStreak } from '../service/checkin.ts';
import { localDay } from '../service/days.ts';
import { loadFlair } from '../service/member-info.ts';
import { memberBadges } from '../service/queries.ts';
import type { BadgesApi } from '../settings.ts';
import { badgesMembers } from '../schema.ts';
import { eq } from 'drizzle-orm';
import { BadgeChip, LevelLabel, plural } from './bits.tsx';

/** profile.summary: level, points, streak and the badge shelf. */
export function profileSummary(api: BadgesApi): FC<{ vc: ViewContext; profile: User }> {
  return async function BadgesProfile({ vc, profile }) {
    const [flair, held, [totals]] = await Promise.all([
      loadFlair(api.db, [profile.id]),
      memberBadges(api.db, profile.id),
      api.db.select().from(badgesMembers).where(eq(badgesMembers.userId, profile.id)),
    ]);
    const f = flair.get(profile.id);
    const { t } = vc;
    return (
      <section class="badges-profile card stack" aria-labelledby="badges-profile-heading">
        <h2 id="badges-profile-heading">{t('badges.profile.heading')}</h2>
        <dl class="badges-stats">
          <div>
            <dt>{t('badges.stat.level')}</dt>
            <dd>{f ? <LevelLabel vc={vc} level={f.level} /> : null}</dd>
          </div>
          <div>
            <dt>{t('badges.stat.points')}</dt>
            <dd>{vc.tr.number(f?.lifetime ?? 0)}</dd>
          </div>
          <div>
            <dt>{t('badges.stat.streak')}</dt>
            <dd>{plural(vc, 'badges.days', currentStreak(totals, localDay(new Date(), vc.site.timeZone)))}</dd>
          </div>
          <div>
            <dt>{t('badges.stat.longest')}</dt>
            <dd>{plural(vc, 'badges.days', totals?.longestStreak ?? 0)}</dd>
          </div>
        </dl>
        {f?.title ? <p class="badges-title">{f.title}</p> : null}
        <h3>{plural(vc, 'badges.profile.shelf', held.length)}</h3>
        {held.length ? (
          <ul class="badges-shelf">
            {held.map((h) => (
              <li>
                <BadgeChip vc={vc} badge={h.badge} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('badges.profile.none')}</p>
        )}
        <p class="small">
          <a href={paths.badges}>{t('badges.nav.badges')}</a>
        </p>
      </section>
    );
  };
}
