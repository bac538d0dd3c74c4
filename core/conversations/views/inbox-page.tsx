import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { UNREAD_CAP, type InboxEntry } from '../service/inbox.ts';
import { conversationTitle } from './title.ts';

/** Rows and the "older" link; htmx swaps this whole run in place of the previous link. */
export const InboxItems: FC<{ vc: ViewContext; items: InboxEntry[]; next?: number }> = ({ vc, items, next }) => (
  <>
    {items.map((item) => (
      <li class={item.unread > 0 ? 'conversation-row unread' : 'conversation-row'}>
        <a class="conversation-title" href={`/messages/${item.id}`}>
          {conversationTitle(vc, item.title, item.others)}
        </a>
        {item.unread > 0 ? (
          <span class="badge unread-count">
            {vc.t('conversations.unread', { count: item.unread >= UNREAD_CAP ? `${UNREAD_CAP}+` : vc.tr.number(item.unread) })}
          </span>
        ) : null}
        <p class="conversation-excerpt muted">
          {item.lastAuthor ? <strong>{item.lastAuthor}: </strong> : null}
          {item.excerpt}
        </p>
        <time datetime={item.lastMessageAt.toISOString()} title={vc.tr.date(item.lastMessageAt, 'long')}>
          {vc.tr.relative(item.lastMessageAt)}
        </time>
      </li>
    ))}
    <li class="load-more" id="inbox-more">
      {next ? (
        <a class="button" href={`/messages?before=${next}`} hx-get={`/messages?before=${next}`} hx-target="#inbox-more" hx-swap="outerHTML">
          {vc.t('conversations.older')}
        </a>
      ) : null}
    </li>
  </>
);

export const InboxPage: FC<{ vc: ViewContext; items: InboxEntry[]; next?: number }> = ({ vc, items, next }) => (
  <section class="inbox">
    <header class="page-header">
      <h1>{vc.t('conversations.inbox')}</h1>
      <a class="button primary" href="/messages/new">
        {vc.t('conversations.new')}
      </a>
    </header>
    {items.length === 0 ? <p class="empty">{vc.t('conversations.empty')}</p> : null}
    <ol class="conversation-list" id="inbox">
      <InboxItems vc={vc} items={items} next={next} />
    </ol>
  </section>
);
