import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { MessageBody } from './compose-page.tsx';
import { ProblemMessage, type Problem } from './problem.tsx';

/**
 * With htmx the new message is appended to #messages and forum.js empties the form (data-reset-on-success);
 * a refused reply comes back as this form, re-targeted onto itself.
 */
export const ConversationReplyForm: FC<{ vc: ViewContext; conversationId: number; value?: string; problem?: Problem }> = ({
  vc,
  conversationId,
  value,
  problem,
}) => {
  const action = `/messages/${conversationId}/reply`;
  return (
    <form id="message-reply-form" class="reply-form" method="post" action={action} hx-post={action} hx-target="#messages" hx-swap="beforeend" data-reset-on-success>
      <input type="hidden" name="_csrf" value={vc.csrfToken} />
      <ProblemMessage vc={vc} problem={problem} />
      <MessageBody vc={vc} id="message-raw" value={value} error={problem?.fields?.raw} label={vc.t('conversations.replyLabel')} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {vc.t('conversations.send')}
        </button>
      </div>
    </form>
  );
};
