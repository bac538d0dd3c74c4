import type { FC } from 'hono/jsx';
import type { User } from '../../accounts/schema.ts';
import { Flairs } from '../../groups/views/flairs.tsx';
import type { Flair } from '../../groups/flair.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { trustLevelOf } from '../abilities.ts';

/** On a profile: the member's trust level and group flairs. */
export const ProfileTrust: FC<{ vc: ViewContext; profile: User; flairs: Flair[] }> = ({ vc, profile, flairs }) => (
  <p class="profile-trust muted">
    <span class={`trust-level tl-${trustLevelOf(profile)}`}>{vc.t(`trust.level.${trustLevelOf(profile)}`)}</span> <Flairs flairs={flairs} />
  </p>
);
