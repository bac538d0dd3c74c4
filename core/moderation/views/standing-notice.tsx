import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';

/** The banner on a restricted member's pages: what happened, why, until when; and pending rules. */
export const StandingNotice: FC<{ vc: ViewContext }> = ({ vc }) => {
  const standing = vc.standing;
  if (!standing) return null;
  const { t } = vc;
  return (
    <div class="standing-notices">
      {standing.silence ? (
        <p class="flash error standing-notice" role="status">
          {standing.silence.until
            ? t('moderation.standing.silenced', { until: vc.tr.date(standing.silence.until, 'long'), reason: standing.silence.reason })
            : t('moderation.standing.silencedForever', { reason: standing.silence.reason })}{' '}
          <a href="/standing">{t('moderation.standing.details')}</a>
        </p>
      ) : null}
      {standing.rulesPending && vc.path !== '/rules' ? (
        <p class="flash notice rules-notice" role="status">
          {t('moderation.rules.pending')} <a href="/rules">{t('moderation.rules.read')}</a>
        </p>
      ) : null}
    </div>
  );
};
