import type { Db } from '../db/index.ts';
import type { SlotRegistry } from '../plugins/slots.tsx';
import { isBlocking } from './service/blocks.ts';
import { ProfileMessageActions } from './views/profile-actions.tsx';

/** "Message" and Block/Unblock on profiles, placed through the profile slot like any plugin would. */
export function registerConversationSlots(slots: SlotRegistry, db: Db): void {
  slots.set('profile.summary', {
    key: 'core.conversations.actions',
    owner: 'core',
    priority: 10,
    active: () => true,
    render: async ({ vc, profile }) => {
      if (!vc.user || vc.user.id === profile.id) return null;
      const blocked = await isBlocking(db, vc.user.id, profile.id);
      return <ProfileMessageActions vc={vc} profile={profile} blocked={blocked} />;
    },
  });
}
