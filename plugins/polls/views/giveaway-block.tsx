import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../../core/plugins/api.ts';
import { giveawayDomId, paths } from '../paths.ts';
import type { GiveawayView } from '../service/load-giveaways.ts';
import { canManage } from '../service/permissions.ts';
import { Csrf } from './inputs.tsx';
import { plural } from './plural.ts';

export function ruleText(vc: ViewContext, view: GiveawayView): string {
  const { giveaway } = view;
  const rule =
    giveaway.rule === 'voted'
      ? vc.t('polls.giveaway.eligible.voted', { poll: view.pollTitle ?? '—' })
      : giveaway.rule === 'registered'
        ? vc.t('polls.giveaway.eligible.registered', { date: giveaway.registeredBefore ? vc.tr.date(giveaway.registeredBefore, 'long') : '—' })
        : vc.t('polls.giveaway.eligible.replied');
  if (giveaway.rule !== 'registered' && giveaway.registeredBefore) {
    return `${rule} ${vc.t('polls.giveaway.eligible.cutoff', { date: vc.tr.date(giveaway.registeredBefore, 'long') })}`;
  }
  return rule;
}

/** A giveaway in its thread: the rule, the schedule, and once drawn the winners and a link to verify. */
export const GiveawayBlock: FC<{ vc: ViewContext; view: GiveawayView; threadId: number; problem?: string }> = ({ vc, view, threadId, problem }) => {
  const { giveaway, draw, winners } = view;
  const id = giveawayDomId(giveaway.id);
  const manager = canManage(vc.user, giveaway);
  return (
    <section id={id} class="polls-block polls-giveaway" aria-labelledby={`${id}-title`}>
      <header class="polls-head">
        <span class="badge">{vc.t('polls.kind.giveaway')}</span>
        <h2 id={`${id}-title`}>{giveaway.title}</h2>
      </header>
      <p class="polls-status meta">
        <span>{plural(vc, 'polls.giveaway.winnerCount', giveaway.winnerCount)}</span>
        <span>{ruleText(vc, view)}</span>
      </p>
      {problem ? (
        <div class="flash error" role="alert">
          {vc.t(problem)}
        </div>
      ) : null}
      {draw ? (
        <div class="polls-drawn">
          <p>{vc.t('polls.giveaway.drawnAt', { date: vc.tr.date(draw.drawnAt, 'long'), eligible: vc.tr.number(draw.eligibleIds.length) })}</p>
          {winners.length ? (
            <>
              <h3>{vc.t('polls.giveaway.winnersHeading')}</h3>
              <ol class="polls-winners">
                {winners.map((w) => (
                  <li>
                    <a href={`/u/${encodeURIComponent(w.username)}`}>{w.displayName}</a>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p class="muted">{vc.t('polls.giveaway.nobody')}</p>
          )}
          <p>
            <a href={paths.verify(threadId, giveaway.id)}>{vc.t('polls.giveaway.verifyLink')}</a>
          </p>
        </div>
      ) : (
        <p class="muted">
          {giveaway.drawAt ? vc.t('polls.giveaway.scheduled', { date: vc.tr.date(giveaway.drawAt, 'long') }) : vc.t('polls.giveaway.manual')}
        </p>
      )}
      {manager && !draw ? (
        <div class="polls-manage">
          <form method="post" action={paths.draw(threadId, giveaway.id)} hx-post={paths.draw(threadId, giveaway.id)} hx-target={`#${id}`} hx-swap="outerHTML" class="inline">
            <Csrf vc={vc} />
            <button type="submit" class="small primary" data-confirm={vc.t('polls.giveaway.drawConfirm')}>
              {vc.t('polls.giveaway.drawNow')}
            </button>
          </form>
          <form method="post" action={paths.removeGiveaway(threadId, giveaway.id)} hx-post={paths.removeGiveaway(threadId, giveaway.id)} hx-target={`#${id}`} hx-swap="outerHTML" class="inline">
            <Csrf vc={vc} />
            <button type="submit" class="small danger" data-confirm={vc.t('polls.manage.deleteConfirm')}>
              {vc.t('polls.manage.delete')}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
};
