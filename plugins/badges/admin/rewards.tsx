import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { renderPage } from '../../../core/plugins/api.ts';
import { paths } from '../paths.ts';
import { badgesBadges, badgesRewards, rewardKinds, type Badge, type Reward } from '../schema.ts';
import { rewards } from '../service/queries.ts';
import type { BadgesApi } from '../settings.ts';
import { badgeName, Csrf, Notice } from '../views/bits.tsx';
import { adminForm, AdminTabs, adminVc, noticeFrom, type AdminNotice } from './shared.tsx';

const optionalInt = z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(1_000_000)]);

const rewardSchema = z
  .object({
    kind: z.enum(rewardKinds),
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(500),
    cost: z.coerce.number().int().min(1).max(10_000_000),
    stock: optionalInt,
    title: z.string().trim().max(30),
    badgeId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
    eventThreadId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
  })
  .refine((r) => r.kind !== 'title' || r.title.length > 0, { path: ['title'] })
  .refine((r) => r.kind !== 'badge' || r.badgeId !== null, { path: ['badgeId'] })
  .refine((r) => r.kind !== 'event_seat' || r.eventThreadId !== null, { path: ['eventThreadId'] });

const notices: Record<string, AdminNotice> = {
  created: { key: 'badges.admin.rewards.created' },
  saved: { key: 'badges.admin.saved' },
  invalid: { key: 'badges.admin.rewards.invalid', error: true },
};

/** /admin/plugins/badges/rewards — the catalogue: add rewards, change stock, withdraw and restore them. */
export function rewardsAdmin(api: BadgesApi) {
  return async function badgesRewardsAdmin(c: Context) {
    const back = (notice: string) => c.redirect(`${paths.admin('rewards')}?notice=${notice}`, 303);
    if (c.req.method === 'POST') {
      const form = await adminForm(c);
      const id = Number(form.rewardId) || 0;
      if (form.op === 'toggle') {
        const [reward] = await api.db.select().from(badgesRewards).where(eq(badgesRewards.id, id));
        if (!reward) return back('invalid');
        await api.db.update(badgesRewards).set({ active: !reward.active }).where(eq(badgesRewards.id, id));
        return back('saved');
      }
      if (form.op === 'stock') {
        const stock = optionalInt.safeParse(form.stock ?? '');
        if (!stock.success) return back('invalid');
        await api.db.update(badgesRewards).set({ stock: stock.data }).where(eq(badgesRewards.id, id));
        return back('saved');
      }
      const parsed = rewardSchema.safeParse({ title: '', badgeId: '', eventThreadId: '', description: '', stock: '', ...form });
      if (!parsed.success) return back('invalid');
      const r = parsed.data;
      await api.db.insert(badgesRewards).values({
        kind: r.kind,
        name: r.name,
        description: r.description,
        cost: r.cost,
        stock: r.stock,
        title: r.kind === 'title' ? r.title : null,
        badgeId: r.kind === 'badge' ? r.badgeId : null,
        eventThreadId: r.kind === 'event_seat' ? r.eventThreadId : null,
      });
      return back('created');
    }
    const vc = adminVc(c);
    const [list, badges] = await Promise.all([rewards(api.db, false), api.db.select().from(badgesBadges)]);
    return renderPage(c, { title: vc.t('badges.admin.rewards') }, <RewardsAdminPage vc={vc} rewards={list} badges={badges} notice={noticeFrom(c, notices)} />);
  };
}

const RewardsAdminPage = ({ vc, rewards: list, badges, notice }: { vc: ReturnType<typeof adminVc>; rewards: Reward[]; badges: Badge[]; notice: AdminNotice }) => {
  const { t } = vc;
  return (
    <section class="stack">
      <h1>{t('badges.admin.rewards')}</h1>
      <AdminTabs vc={vc} current="rewards" />
      <Notice vc={vc} notice={notice} />
      <div class="table-wrap">
        <table class="badges-table">
          <thead>
            <tr>
              <th scope="col">{t('badges.admin.name')}</th>
              <th scope="col">{t('badges.admin.rewards.kind')}</th>
              <th scope="col">{t('badges.admin.rewards.cost')}</th>
              <th scope="col">{t('badges.admin.rewards.stock')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr class={r.active ? '' : 'muted'}>
                <td>{r.name}</td>
                <td>{t(`badges.reward.kind.${r.kind}`)}</td>
                <td>{vc.tr.number(r.cost)}</td>
                <td>
                  <form method="post" class="inline">
                    <Csrf vc={vc} />
                    <input type="hidden" name="op" value="stock" />
                    <input type="hidden" name="rewardId" value={String(r.id)} />
                    <input type="number" name="stock" min={0} value={r.stock === null ? '' : String(r.stock)} placeholder={t('badges.rewards.unlimited')} aria-label={t('badges.admin.rewards.stock')} />
                    <button type="submit" class="small">
                      {t('badges.admin.save')}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" class="inline">
                    <Csrf vc={vc} />
                    <input type="hidden" name="op" value="toggle" />
                    <input type="hidden" name="rewardId" value={String(r.id)} />
                    <button type="submit" class="small">
                      {r.active ? t('badges.admin.disable') : t('badges.admin.enable')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" class="card stack">
        <h2>{t('badges.admin.rewards.add')}</h2>
        <Csrf vc={vc} />
        <input type="hidden" name="op" value="create" />
        <div class="field">
          <label for="badges-reward-kind">{t('badges.admin.rewards.kind')}</label>
          <select id="badges-reward-kind" name="kind">
            {rewardKinds.map((k) => (
              <option value={k}>{t(`badges.reward.kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="badges-reward-name">{t('badges.admin.name')}</label>
          <input id="badges-reward-name" name="name" required maxlength={80} />
        </div>
        <div class="field">
          <label for="badges-reward-description">{t('badges.admin.description')}</label>
          <input id="badges-reward-description" name="description" maxlength={500} />
        </div>
        <div class="field">
          <label for="badges-reward-cost">{t('badges.admin.rewards.cost')}</label>
          <input id="badges-reward-cost" name="cost" type="number" min={1} required />
        </div>
        <div class="field">
          <label for="badges-reward-stock">{t('badges.admin.rewards.stock')}</label>
          <input id="badges-reward-stock" name="stock" type="number" min={0} />
          <small class="help">{t('badges.admin.rewards.stockHelp')}</small>
        </div>
        <div class="field">
          <label for="badges-reward-title">{t('badges.admin.rewards.title')}</label>
          <input id="badges-reward-title" name="title" maxlength={30} />
        </div>
        <div class="field">
          <label for="badges-reward-badge">{t('badges.admin.badge')}</label>
          <select id="badges-reward-badge" name="badgeId">
            <option value="">{t('badges.admin.none')}</option>
            {badges.map((b) => (
              <option value={String(b.id)}>{badgeName(vc, b)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="badges-reward-event">{t('badges.admin.rewards.event')}</label>
          <input id="badges-reward-event" name="eventThreadId" type="number" min={1} />
        </div>
        <p>
          <button type="submit" class="primary">
            {t('badges.admin.add')}
          </button>
        </p>
      </form>
    </section>
  );
};
