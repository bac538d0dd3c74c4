import { Hono, type Context } from 'hono';
import { viewerReadsFor } from '../../cache/viewer-reads.ts';
import type { AppDeps } from '../../http/deps.ts';
import { UserError } from '../../http/errors.tsx';
import { markGroupRead } from '../../notifications/index.ts';
import { renderPage } from '../../ui/page.tsx';
import { viewContext } from '../../ui/view-context.ts';
import { openConversation } from '../service/access.ts';
import { leaveConversation, setConversationMuted } from '../service/membership.ts';
import { markConversationRead, messagesPage, withAuthors } from '../service/messages.ts';
import { conversationGroupKey } from '../service/notify.ts';
import { replyToConversation } from '../service/reply.ts';
import { reportMessage } from '../service/report.ts';
import { ConversationPage, titleOf, type ConversationPageProps } from '../views/conversation-page.tsx';
import { MessageItem } from '../views/message-item.tsx';
import { problemOf } from '../views/problem.tsx';
import { headerCounts } from '../../notifications/middleware.ts';
import { ConversationReplyForm } from '../views/reply-form.tsx';
import { formBody, idOf, isHtmx, optionalId, redirectAfterPost } from './http.ts';

type Extras = Pick<ConversationPageProps, 'reply' | 'reported' | 'problem'>;

/** The conversation page; participants' reading marks it (and its notification) read. */
async function showConversation(c: Context, id: number, before: number | undefined, extras: Extras = {}, status: 200 | 400 | 403 | 422 | 429 = 200) {
  const { db } = c.get('deps');
  const user = c.get('user')!;
  const view = await openConversation(db, user, id);
  if (!view) throw new UserError(404, 'error.404.body');
  const { items, older } = await messagesPage(db, id, before);
  const newest = items.at(-1)?.message.id;
  if (view.mode === 'participant' && newest !== undefined) {
    await markConversationRead(db, user.id, id, newest);
    if (before === undefined) await markGroupRead(db, user.id, conversationGroupKey(id));
    // the header counts were taken before this page marked things read
    viewerReadsFor(c.get('deps')).forget(user.id);
    const counts = await headerCounts(db, user.id);
    c.set('unreadNotifications', counts.notifications);
    c.set('unreadConversations', counts.conversations);
  }
  const vc = viewContext(c);
  return renderPage(c, { title: titleOf(vc, view), status }, <ConversationPage vc={vc} view={view} messages={items} older={older} {...extras} />);
}

export function conversationRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/messages/:id{[0-9]+}', (c) =>
    showConversation(c, idOf(c.req.param('id')), optionalId(c.req.query('before')), { reported: c.req.query('reported') === '1' }),
  );

  app.post('/messages/:id{[0-9]+}/reply', async (c) => {
    const id = idOf(c.req.param('id'));
    const user = c.get('user')!;
    const form = await formBody(c);
    try {
      const message = await replyToConversation(deps.db, { from: user, conversationId: id, raw: form.raw ?? '' });
      if (!isHtmx(c)) return c.redirect(`/messages/${id}#message-${message.id}`, 303);
      const [view] = await withAuthors(deps.db, [message]);
      return c.html(<MessageItem vc={viewContext(c)} view={view!} conversationId={id} canReport={false} />);
    } catch (error) {
      const { problem, status } = problemOf(error);
      if (!isHtmx(c)) return showConversation(c, id, undefined, { reply: { value: form.raw ?? '', problem } }, status);
      // the form was aimed at the message list; put the answer back on the form instead
      c.header('HX-Retarget', '#message-reply-form');
      c.header('HX-Reswap', 'outerHTML');
      return c.html(<ConversationReplyForm vc={viewContext(c)} conversationId={id} value={form.raw} problem={problem} />, status);
    }
  });

  app.post('/messages/:id{[0-9]+}/leave', async (c) => {
    await leaveConversation(deps.db, c.get('user')!.id, idOf(c.req.param('id')));
    return redirectAfterPost(c, '/messages');
  });

  app.post('/messages/:id{[0-9]+}/mute', async (c) => {
    const id = idOf(c.req.param('id'));
    const form = await formBody(c);
    await setConversationMuted(deps.db, c.get('user')!.id, id, form.muted === '1');
    return redirectAfterPost(c, `/messages/${id}`);
  });

  app.post('/messages/:id{[0-9]+}/report', async (c) => {
    const id = idOf(c.req.param('id'));
    const form = await formBody(c);
    const messageId = idOf(form.messageId);
    try {
      await reportMessage(deps.db, { reporter: c.get('user')!, conversationId: id, messageId, reason: form.reason ?? '' });
    } catch (error) {
      const { problem, status } = problemOf(error);
      return showConversation(c, id, undefined, { problem: problem.fields ? { message: { key: 'conversations.report.reason' } } : problem }, status);
    }
    return redirectAfterPost(c, `/messages/${id}?reported=1#message-${messageId}`);
  });

  return app;
}
