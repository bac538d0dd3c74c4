import type { FC } from 'hono/jsx';
import type { User } from '../../accounts/schema.ts';
import type { Category } from '../../forum/schema.ts';
import type { Group } from '../../groups/schema.ts';
import type { Sanction } from '../../moderation/schema.ts';
import type { EntryAnswer } from '../../onboarding/schema.ts';
import type { TrustLevelChange } from '../../trust/schema.ts';
import type { ViewContext } from '../../ui/view-context.ts';

type Found = Pick<User, 'id' | 'username' | 'displayName' | 'email' | 'role' | 'status' | 'trustLevel' | 'postCount' | 'createdAt' | 'lastSeenAt'>;

export const MemberSearch: FC<{ vc: ViewContext; q: string; items: Found[]; next: number | null }> = ({ vc, q, items, next }) => {
  const { t, tr } = vc;
  return (
    <>
      <form method="get" action="/admin/members" class="search-form" role="search">
        <label for="f-q">{t('admin.members.search')}</label> <input id="f-q" type="search" name="q" value={q} placeholder={t('admin.members.searchHelp')} />{' '}
        <button type="submit" class="button">
          {t('admin.members.searchSubmit')}
        </button>
      </form>
      {items.length === 0 ? (
        <p class="empty">{t('admin.members.none')}</p>
      ) : (
        <table class="data-table members-table">
          <thead>
            <tr>
              <th>{t('admin.members.name')}</th>
              <th>{t('admin.members.email')}</th>
              <th>{t('admin.members.role')}</th>
              <th>{t('admin.members.trust')}</th>
              <th>{t('admin.members.posts')}</th>
              <th>{t('admin.members.joined')}</th>
              <th>{t('admin.members.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr>
                <td>
                  <a href={`/admin/members/${m.id}`}>{m.displayName}</a> <span class="muted">@{m.username}</span>
                </td>
                <td>{m.email}</td>
                <td>{t(`account.role.${m.role}`)}</td>
                <td>{t(`trust.level.${m.trustLevel}`)}</td>
                <td>{tr.number(m.postCount)}</td>
                <td>{tr.date(m.createdAt)}</td>
                <td>{m.lastSeenAt ? tr.relative(m.lastSeenAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <p>
          <a href={`/admin/members?q=${encodeURIComponent(q)}&before=${next}`}>{t('admin.members.more')}</a>
        </p>
      ) : null}
    </>
  );
};

export interface MemberPageProps {
  vc: ViewContext;
  member: User;
  counts: { days: number; invites: number; invitees: number };
  history: TrustLevelChange[];
  groups: Group[];
  allGroups: Group[];
  moderates: { id: number; name: string }[];
  categories: Category[];
  inviter: { id: number; username: string } | null;
  answers: EntryAnswer[];
  sanctions: Sanction[];
  error?: string;
  saved: boolean;
}

export const MemberPage: FC<MemberPageProps> = (p) => {
  const { vc, member } = p;
  const { t, tr } = vc;
  const csrf = <input type="hidden" name="_csrf" value={vc.csrfToken} />;
  const base = `/admin/members/${member.id}`;
  const stats: [string, string][] = [
    ['admin.members.joined', tr.date(member.createdAt)],
    ['admin.members.lastSeen', member.lastSeenAt ? tr.date(member.lastSeenAt, 'long') : '—'],
    ['admin.members.daysVisited', tr.number(p.counts.days)],
    ['admin.members.threads', tr.number(member.threadCount)],
    ['admin.members.posts', tr.number(member.postCount)],
    ['admin.members.likesGiven', tr.number(member.likesGiven)],
    ['admin.members.likesReceived', tr.number(member.likesReceived)],
    ['admin.members.invites', tr.number(p.counts.invites)],
    ['admin.members.invitees', tr.number(p.counts.invitees)],
  ];
  return (
    <div class="member-admin">
      {p.saved ? (
        <p class="flash success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {p.error ? (
        <p class="flash error" role="alert">
          {t(p.error)}
        </p>
      ) : null}
      <p>
        <a href={`/u/${encodeURIComponent(member.username)}`}>{t('admin.members.profile')}</a> · {member.email} · {t(`account.role.${member.role}`)} ·{' '}
        {t(`trust.level.${member.trustLevel}`)}
        {member.trustLevelLocked ? ` (${t('admin.members.locked')})` : ''}
        {p.inviter ? (
          <>
            {' · '}
            {t('admin.members.invitedBy')} <a href={`/admin/members/${p.inviter.id}`}>@{p.inviter.username}</a>
          </>
        ) : null}
      </p>
      <dl class="stat-grid">
        {stats.map(([key, value]) => (
          <div class="stat">
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h2>{t('admin.members.role')}</h2>
      <form method="post" action={`${base}/role`} class="stack narrow">
        {csrf}
        <div class="field">
          <label for="f-role">{t('admin.members.role')}</label>
          <select id="f-role" name="role">
            {(['member', 'moderator', 'admin'] as const).map((r) => (
              <option value={r} selected={member.role === r}>
                {t(`account.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-role-reason">{t('admin.members.reason')}</label>
          <input id="f-role-reason" name="reason" maxlength={500} />
        </div>
        <button type="submit" class="button" data-confirm={t('admin.members.role.confirm')}>
          {t('admin.members.role.submit')}
        </button>
      </form>

      <h2>{t('admin.members.trust')}</h2>
      <form method="post" action={`${base}/trust`} class="stack narrow">
        {csrf}
        <div class="field">
          <label for="f-level">{t('admin.members.trust')}</label>
          <select id="f-level" name="level">
            {[0, 1, 2, 3, 4].map((l) => (
              <option value={String(l)} selected={member.trustLevel === l}>
                {t(`trust.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field checkbox">
          <input type="checkbox" id="f-locked" name="locked" checked={member.trustLevelLocked} />
          <label for="f-locked">{t('admin.members.lock')}</label>
        </div>
        <div class="field">
          <label for="f-note">{t('admin.members.reason')}</label>
          <input id="f-note" name="note" maxlength={500} />
        </div>
        <button type="submit" class="button">
          {t('common.save')}
        </button>
      </form>
      <form method="post" action={`${base}/recompute`}>
        {csrf}
        <button type="submit" class="button">
          {t('admin.members.recompute')}
        </button>
      </form>
      {p.history.length > 0 ? (
        <ul class="trust-history">
          {p.history.map((h) => (
            <li>
              {tr.date(h.createdAt, 'long')}: {t(`trust.level.${h.fromLevel}`)} → {t(`trust.level.${h.toLevel}`)} ({t(`trust.reason.${h.reason}`)})
              {h.note ? ` — ${h.note}` : ''}
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t('admin.groups')}</h2>
      <ul class="member-groups">
        {p.groups.map((g) => (
          <li>
            {g.name}{' '}
            <form method="post" action={`${base}/groups/remove`} class="inline">
              {csrf}
              <input type="hidden" name="groupId" value={String(g.id)} />
              <button type="submit" class="link danger" data-confirm={t('admin.members.groups.removeConfirm', { group: g.name })}>
                {t('admin.members.groups.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {p.allGroups.length > 0 ? (
        <form method="post" action={`${base}/groups`} class="inline">
          {csrf}
          <label for="f-groupId">{t('admin.members.groups.add')}</label>{' '}
          <select id="f-groupId" name="groupId">
            {p.allGroups
              .filter((g) => !member.groupIds.includes(g.id))
              .map((g) => (
                <option value={String(g.id)}>{g.name}</option>
              ))}
          </select>{' '}
          <button type="submit" class="button">
            {t('admin.members.groups.addSubmit')}
          </button>
        </form>
      ) : (
        <p class="muted">
          <a href="/admin/groups">{t('admin.members.groups.none')}</a>
        </p>
      )}

      <h2>{t('admin.members.moderates')}</h2>
      <ul>
        {p.moderates.map((cat) => (
          <li>
            {cat.name}{' '}
            <form method="post" action={`${base}/moderates/remove`} class="inline">
              {csrf}
              <input type="hidden" name="categoryId" value={String(cat.id)} />
              <button type="submit" class="link danger" data-confirm={t('admin.members.moderates.removeConfirm', { category: cat.name })}>
                {t('admin.members.groups.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/moderates`} class="inline">
        {csrf}
        <label for="f-categoryId">{t('admin.members.moderates.add')}</label>{' '}
        <select id="f-categoryId" name="categoryId">
          {p.categories
            .filter((cat) => !member.moderatedCategoryIds.includes(cat.id))
            .map((cat) => (
              <option value={String(cat.id)}>{cat.name}</option>
            ))}
        </select>{' '}
        <button type="submit" class="button">
          {t('admin.members.groups.addSubmit')}
        </button>
      </form>

      {p.answers.length > 0 ? (
        <>
          <h2>{t('admin.members.answers')}</h2>
          <dl class="answers">
            {p.answers.map((a) => (
              <>
                <dt>{a.prompt}</dt>
                <dd>{a.answer}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}

      <h2>{t('admin.members.sanctions')}</h2>
      {p.sanctions.length === 0 ? (
        <p class="muted">{t('admin.members.sanctions.none')}</p>
      ) : (
        <ul>
          {p.sanctions.map((s) => (
            <li>
              {tr.date(s.startsAt, 'long')}: {s.kind} — {s.reason}
              {s.endsAt ? ` (→ ${tr.date(s.endsAt, 'long')})` : ''}
              {s.revokedAt ? ` (${t('admin.members.sanctions.lifted')})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/u/${encodeURIComponent(member.username)}`}>{t('admin.members.sanctions.manage')}</a>
      </p>
    </div>
  );
};
