import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { User } from '../schema.ts';

/** Why a suspended or banned member cannot sign in, and until when. */
export const SanctionNotice: FC<{ vc: ViewContext; user: Pick<User, 'status' | 'statusReason' | 'statusUntil'> }> = ({ vc, user }) => {
  const { t } = vc;
  const kind = user.status === 'banned' ? 'banned' : 'suspended';
  return (
    <div class="flash error sanction" role="alert">
      <p>
        <strong>
          {user.statusUntil
            ? t(`account.sanction.${kind}Until`, { until: vc.tr.date(user.statusUntil, 'long') })
            : t(`account.sanction.${kind}`)}
        </strong>
      </p>
      {user.statusReason ? <p>{t('account.sanction.reason', { reason: user.statusReason })}</p> : null}
    </div>
  );
};
