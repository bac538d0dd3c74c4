import type { FC } from 'hono/jsx';
import { Slot } from '../../plugins/slots.tsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { User } from '../schema.ts';
import { avatarUrl } from '../service/avatar.ts';
import { ActivityItems, type ActivityItemsProps } from './activity-list.tsx';

export interface ProfilePageProps {
  vc: ViewContext;
  profile: User;
  activity: Omit<ActivityItemsProps, 'vc' | 'basePath'>;
  basePath: string;
}

export const ProfilePage: FC<ProfilePageProps> = ({ vc, profile, activity, basePath }) => {
  const { t, tr } = vc;
  const staff = profile.role === 'admin' || profile.role === 'moderator';
  return (
    <article class="profile">
      <header class="profile-header">
        <img class="avatar avatar-large" src={avatarUrl(profile)} width={96} height={96} alt="" />
        <div class="profile-summary">
          <h1>{profile.displayName}</h1>
          <p class="muted">
            @{profile.username}{' '}
            {staff ? <span class={`badge role-${profile.role}`}>{t(`account.role.${profile.role}`)}</span> : null}
          </p>
          <p class="muted">
            {t('account.profile.joined')}{' '}
            <time datetime={profile.createdAt.toISOString()}>{tr.date(profile.createdAt)}</time>
          </p>
          <dl class="profile-stats">
            <div>
              <dt>{t('account.profile.threads')}</dt>
              <dd>{tr.number(profile.threadCount)}</dd>
            </div>
            <div>
              <dt>{t('account.profile.posts')}</dt>
              <dd>{tr.number(profile.postCount)}</dd>
            </div>
            <div>
              <dt>{t('account.profile.likesReceived')}</dt>
              <dd>{tr.number(profile.likesReceived)}</dd>
            </div>
          </dl>
          <Slot name="profile.summary" vc={vc} profile={profile} />
        </div>
      </header>
      {profile.bio ? <Bio text={profile.bio} /> : null}
      <section class="profile-activity">
        <h2>{t('account.profile.activity')}</h2>
        <Slot name="profile.tabs" vc={vc} profile={profile} />
        {activity.items.length === 0 ? (
          <p class="muted">{t('account.profile.noActivity')}</p>
        ) : (
          <ol class="activity-list">
            <ActivityItems vc={vc} {...activity} basePath={basePath} />
          </ol>
        )}
      </section>
    </article>
  );
};

/** Plain text with the member's line breaks kept; every line is escaped by JSX. */
const Bio: FC<{ text: string }> = ({ text }) => {
  const lines = text.split('\n');
  return (
    <div class="profile-bio">
      {lines.map((line, i) => (
        <>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </>
      ))}
    </div>
  );
};
