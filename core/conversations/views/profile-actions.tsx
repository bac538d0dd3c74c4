import type { FC } from 'hono/jsx';
import type { User } from '../../accounts/schema.ts';
import type { ViewContext } from '../../ui/view-context.ts';

/**
 * On a member's profile, for a signed-in visitor who is someone else: "Message" and Block/Unblock.
 * htmx swaps the block form in place; without JavaScript the form posts and comes back to the profile.
 */
export const ProfileMessageActions: FC<{ vc: ViewContext; profile: Pick<User, 'id' | 'username' | 'role'>; blocked: boolean }> = ({
  vc,
  profile,
  blocked,
}) => {
  if (!vc.user || vc.user.id === profile.id) return null;
  const staff = profile.role === 'moderator' || profile.role === 'admin';
  return (
    <div class="profile-message-actions" id="profile-message-actions">
      {blocked ? null : (
        <a class="button" href={`/messages/new?to=${encodeURIComponent(profile.username)}`}>
          {vc.t('conversations.messageMember')}
        </a>
      )}
      {staff ? null : <BlockButton vc={vc} username={profile.username} blocked={blocked} />}
    </div>
  );
};

export const BlockButton: FC<{ vc: ViewContext; username: string; blocked: boolean; done?: boolean }> = ({ vc, username, blocked, done }) => {
  const action = `/u/${encodeURIComponent(username)}/${blocked ? 'unblock' : 'block'}`;
  return (
    <form method="post" action={action} hx-post={action} hx-target="this" hx-swap="outerHTML" class="inline block-form">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <button type="submit" class="small" data-confirm={blocked ? undefined : vc.t('conversations.blockConfirm', { name: username })}>
        {vc.t(blocked ? 'conversations.unblock' : 'conversations.block')}
      </button>
      {done ? (
        <small class="help" role="status">
          {vc.t(blocked ? 'conversations.blockedNotice' : 'conversations.unblockedNotice')}
        </small>
      ) : null}
    </form>
  );
};
