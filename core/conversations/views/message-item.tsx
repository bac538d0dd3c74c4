import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { ViewContext } from '../../ui/view-context.ts';
import type { MessageView } from '../service/messages.ts';

export interface MessageItemProps {
  vc: ViewContext;
  view: MessageView;
  conversationId: number;
  /** Participants may report other people's messages. */
  canReport: boolean;
  /** Staff reading a reported conversation see which messages were reported. */
  reportReasons?: string[];
}

export const MessageItem: FC<MessageItemProps> = ({ vc, view, conversationId, canReport, reportReasons }) => {
  const { message, author } = view;
  const reported = reportReasons && reportReasons.length > 0;
  return (
    <li class={reported ? 'message reported' : 'message'} id={`message-${message.id}`}>
      <header class="message-meta">
        {author ? <a href={`/u/${encodeURIComponent(author.username)}`}>{author.displayName}</a> : <span>{vc.t('conversations.deletedMember')}</span>}{' '}
        <time datetime={message.createdAt.toISOString()} title={vc.tr.date(message.createdAt, 'long')}>
          {vc.tr.relative(message.createdAt)}
        </time>
      </header>
      {/* sanitised when written (renderMarkdown) */}
      <div class="message-body cooked">{raw(message.html)}</div>
      {reported ? (
        <ul class="report-reasons">
          {reportReasons.map((reason) => (
            <li>
              {vc.t('conversations.reportedFor')} {reason}
            </li>
          ))}
        </ul>
      ) : null}
      {canReport ? (
        <details class="report-message">
          <summary>{vc.t('conversations.report')}</summary>
          <form method="post" action={`/messages/${conversationId}/report`} class="stack">
            <input type="hidden" name="_csrf" value={vc.csrfToken} />
            <input type="hidden" name="messageId" value={String(message.id)} />
            <label for={`report-${message.id}`}>{vc.t('conversations.reportReason')}</label>
            <textarea id={`report-${message.id}`} name="reason" required minlength={3} maxlength={500}></textarea>
            <button type="submit" class="small">
              {vc.t('conversations.reportSubmit')}
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
};
