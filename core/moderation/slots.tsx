import type { SlotRegistry } from '../plugins/slots.tsx';
import { isStaffViewer } from '../forum/permissions.ts';

/** "Report" and, for staff, "Moderate" on profiles, placed through the profile slot like a plugin would. */
export function registerModerationSlots(slots: SlotRegistry): void {
  slots.set('profile.summary', {
    key: 'core.moderation.actions',
    owner: 'core',
    priority: 20,
    active: () => true,
    render: ({ vc, profile }) => {
      if (!vc.user || vc.user.id === profile.id) return null;
      return (
        <p class="profile-moderation small">
          <a href={`/report/user/${profile.id}`} rel="nofollow">
            {vc.t('moderation.report.link')}
          </a>
          {isStaffViewer(vc.user) ? (
            <>
              {' · '}
              <a href={`/review/users/${encodeURIComponent(profile.username)}`}>{vc.t('moderation.member.link')}</a>
            </>
          ) : null}
        </p>
      );
    },
  });
}
