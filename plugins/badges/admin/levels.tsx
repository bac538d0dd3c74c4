import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { badgesBadges, badgesLevels, badgesMembers, type Badge, type Level } from '../schema.ts';
import { forgetCachedLevels, loadLevels } from '../service/levels.ts';
import type { BadgesApi } from '../settings.ts';
import { badgeName, Csrf, levelName, Notice } from '../views/bits.tsx';
import { adminForm, AdminTabs, adminVc, isUniqueViolation, noticeFrom, type AdminNotice } from './shared.tsx';

const levelSchema = z.object({
  level: z.coerce.number().int().min(1).max(100),
  name: z.string().trim().max(40),
  minPoints: z.coerce.number().int().min(0).max(100_000_000),
  badgeId: z.union([z.literal(''), z.coerce.number().int().positive()]),
});

const notices: Record<string, AdminNotice> = {
  saved: { key: 'badges.admin.saved' },
  deleted: { key: 'badges.admin.deleted' },
  invalid: { key: 'badges.admin.levels.invalid', error: true },
  clash: { key: 'badges.admin.levels.clash', error: true },
  first: { key: 'badges.admin.levels.first', error: true },
};

/** Recomputes every member's stored level after thresholds change (one statement). */
async function relevel(api: BadgesApi): Promise<void> {
  await api.db.execute(sql`
    update ${badgesMembers} m set level = coalesce(
      (select l.level from ${badgesLevels} l where l.min_points <= m.lifetime order by l.min_points desc limit 1), 1)`);
}

/** /admin/plugins/badges/levels — names, thresholds and the badge each level grants. */
export function levelsAdmin(api: BadgesApi) {
  return async function badgesLevelsAdmin(c: Context) {
    if (c.req.method === 'POST') {
      const form = await adminForm(c);
      if (form.op === 'delete') {
        const level = Number(form.level);
        if (level === 1) return c.redirect(`${paths.admin('levels')}?notice=first`, 303);
        await api.db.delete(badgesLevels).where(eq(badgesLevels.level, level));
      } else {
        const parsed = levelSchema.safeParse(form);
        if (!parsed.success) return c.redirect(`${paths.admin('levels')}?notice=invalid`, 303);
        const { level, name, minPoints, badgeId } = parsed.data;
        if (level === 1 && minPoints !== 0) return c.redirect(`${paths.admin('levels')}?notice=first`, 303);
        const values = { level, name: name || null, minPoints, badgeId: badgeId === '' ? null : badgeId };
        try {
          await api.db.insert(badgesLevels).values(values).onConflictDoUpdate({ target: badgesLevels.level, set: values });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          return c.redirect(`${paths.admin('levels')}?notice=clash`, 303);
        }
      }
      await relevel(api);
      forgetCachedLevels(api.db);
      return c.redirect(`${paths.admin('levels')}?notice=${form.op === 'delete' ? 'deleted' : 'saved'}`, 303);
    }
    const [levels, badges] = await Promise.all([loadLevels(api.db), api.db.select().from(badgesBadges)]);
    const vc = adminVc(c);
    return renderPage(c, { title: vc.t('badges.admin.levels') }, <LevelsAdminPage vc={vc} levels={levels} badges={badges} notice={noticeFrom(c, notices)} />);
  };
}

const LevelsAdminPage = ({ vc, levels, badges, notice }: { vc: ReturnType<typeof adminVc>; levels: Level[]; badges: Badge[]; notice: AdminNotice }) => {
  const { t } = vc;
  const nextNumber = Math.max(0, ...levels.map((l) => l.level)) + 1;
  const row = (l: Partial<Level> & { level: number }, isNew: boolean) => (
    <tr>
      <td>
        <form method="post" id={`badges-level-${l.level}`}>
          <Csrf vc={vc} />
          <input type="hidden" name="op" value="save" />
          <input type="number" name="level" value={String(l.level)} min={1} max={100} aria-label={t('badges.admin.levels.number')} readonly={!isNew} />
        </form>
      </td>
      <td>
        <input form={`badges-level-${l.level}`} name="name" value={l.name ?? ''} maxlength={40} placeholder={isNew ? '' : levelName(vc, { level: l.level, name: null })} aria-label={t('badges.admin.levels.name')} />
      </td>
      <td>
        <input form={`badges-level-${l.level}`} type="number" name="minPoints" value={l.minPoints === undefined ? '' : String(l.minPoints)} min={0} required aria-label={t('badges.admin.levels.minPoints')} />
      </td>
      <td>
        <select form={`badges-level-${l.level}`} name="badgeId" aria-label={t('badges.admin.levels.badge')}>
          <option value="">{t('badges.admin.none')}</option>
          {badges.map((b) => (
            <option value={String(b.id)} selected={l.badgeId === b.id}>
              {badgeName(vc, b)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button form={`badges-level-${l.level}`} type="submit" class="small">
          {isNew ? t('badges.admin.add') : t('badges.admin.save')}
        </button>
        {!isNew && l.level !== 1 ? (
          <form method="post" class="inline">
            <Csrf vc={vc} />
            <input type="hidden" name="op" value="delete" />
            <input type="hidden" name="level" value={String(l.level)} />
            <button type="submit" class="small danger">
              {t('common.delete')}
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
  return (
    <section class="stack">
      <h1>{t('badges.admin.levels')}</h1>
      <AdminTabs vc={vc} current="levels" />
      <Notice vc={vc} notice={notice} />
      <p class="help">{t('badges.admin.levels.help')}</p>
      <div class="table-wrap">
        <table class="badges-table">
          <thead>
            <tr>
              <th scope="col">{t('badges.admin.levels.number')}</th>
              <th scope="col">{t('badges.admin.levels.name')}</th>
              <th scope="col">{t('badges.admin.levels.minPoints')}</th>
              <th scope="col">{t('badges.admin.levels.badge')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => row(l, false))}
            {row({ level: nextNumber }, true)}
          </tbody>
        </table>
      </div>
    </section>
  );
};
