import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { ConversationView } from '../service/access.ts';
import type { MessageView } from '../service/messages.ts';
import { active } from '../service/participants.ts';
import { MessageItem } from './message-item.tsx';
import { ProblemMessage, type Problem } from './problem.tsx';
import { ConversationReplyForm } from './reply-form.tsx';
import { conversationTitle } from './title.ts';

export interface ConversationPageProps {
  vc: ViewContext;
  view: ConversationView;
  messages: MessageView[];
  older?: number;
  reply?: { value: string; problem: Problem };
  reported?: boolean;
  /** A refused report, shown above the messages. */
  problem?: Problem;
}

export function titleOf(vc: ViewContext, view: ConversationView): string {
  const me = vc.user?.id;
  const others = active(view.participants).filter((p) => p.userId !== me).map((p) => p.displayName);
  return conversationTitle(vc, view.conversation.title, others);
}

export const ConversationPage: FC<ConversationPageProps> = ({ vc, view, messages, older, reply, reported, problem }) => {
  const { t } = vc;
  const id = view.conversation.id;
  const participant = view.mode === 'participant';
  const reasons = new Map<number, string[]>();
  if (view.mode === 'staff') for (const r of view.reports) reasons.set(r.messageId, [...(reasons.get(r.messageId) ?? []), r.reason]);
  const alone = participant && active(view.participants).length < 2;
  return (
    <article class="conversation">
      <header class="page-header">
        <h1>{titleOf(vc, view)}</h1>
        <p class="muted">
          {t('conversations.participants')}{' '}
          {view.participants.map((p, i) => (
            <>
              {i > 0 ? t('conversations.nameSeparator') : null}
              <a href={`/u/${encodeURIComponent(p.username)}`}>{p.displayName}</a>
              {p.leftAt ? ` ${t('conversations.left')}` : null}
            </>
          ))}
        </p>
      </header>
      {view.mode === 'staff' ? (
        <div class="flash warning" role="note">
          {t('conversations.staffBanner')}
        </div>
      ) : null}
      <ProblemMessage vc={vc} problem={problem} />
      {reported ? (
        <div class="flash success" role="status">
          {t('conversations.reported')}
        </div>
      ) : null}
      {older ? (
        <a class="button load-more" href={`/messages/${id}?before=${older}`}>
          {t('conversations.olderMessages')}
        </a>
      ) : null}
      <ol class="message-list" id="messages">
        {messages.map((m) => (
          <MessageItem
            vc={vc}
            view={m}
            conversationId={id}
            canReport={participant && m.message.authorId !== vc.user?.id}
            reportReasons={reasons.get(m.message.id)}
          />
        ))}
      </ol>
      {participant && !alone ? <ConversationReplyForm vc={vc} conversationId={id} value={reply?.value} problem={reply?.problem} /> : null}
      {alone ? <p class="muted">{t('conversations.reply.alone')}</p> : null}
      {view.mode === 'participant' ? <ConversationActions vc={vc} id={id} muted={view.me.muted} /> : null}
    </article>
  );
};

const ConversationActions: FC<{ vc: ViewContext; id: number; muted: boolean }> = ({ vc, id, muted }) => (
  <footer class="conversation-actions">
    <form method="post" action={`/messages/${id}/mute`} class="inline">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <input type="hidden" name="muted" value={muted ? '0' : '1'} />
      <button type="submit" class="small">
        {vc.t(muted ? 'conversations.unmute' : 'conversations.mute')}
      </button>
    </form>
    <form method="post" action={`/messages/${id}/leave`} class="inline">
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <button type="submit" class="small danger" data-confirm={vc.t('conversations.leaveConfirm')}>
        {vc.t('conversations.leave')}
      </button>
    </form>
  </footer>
);
