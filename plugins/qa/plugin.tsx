import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePlugin } from '../../core/plugins/api.ts';
import { registerAnalytics } from './analytics.ts';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { acceptRoute, unacceptRoute } from './routes/accept.tsx';
import { addCommentRoute, deleteCommentRoute } from './routes/comments.tsx';
import { listingRoute } from './routes/listing.tsx';
import { voteRoute } from './routes/vote.tsx';
import { qaComments, qaQuestions, qaScores, qaVotes } from './schema.ts';
import { unacceptAnswer } from './service/accept.ts';
import { AUTO_CLOSE_JOB, autoCloseSolved, REMIND_JOB, sendReminders } from './service/jobs.ts';
import { questionPostOrder } from './service/order.ts';
import { declareSearchType, indexQuestion } from './service/search.ts';
import { qaSettings } from './settings.ts';
import { registerSlots } from './views/slots.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Questions and answers (问答): votes, accepted answers (采纳), solved (已解决) listings; switched on per category. */
export default definePlugin({
  id: 'qa',
  version: '1.0.0',
  coreApi: '^1.4.0',
  scope: 'category',
  settings: qaSettings,
  categorySettings: ['whoMayAccept', 'autoCloseDays', 'remindAfterDays'],
  tables: { qaQuestions, qaScores, qaVotes, qaComments },
  migrations: path.join(here, 'migrations'),
  locales: { en, 'zh-CN': zhCN },
  assets: { 'qa.css': path.join(here, 'assets', 'qa.css') },
  setup(api) {
    registerSlots(api);
    registerAnalytics(api);

    // a question page lists the question, the accepted answer, then answers by votes
    api.filter('thread.postOrder', async (value) => ({ ...value, postIds: await questionPostOrder(api.db, value.thread.id) }));
    api.action('thread.created', async ({ thread }) => {
      await api.db.insert(qaQuestions).values({ threadId: thread.id, categoryId: thread.categoryId }).onConflictDoNothing();
      await indexQuestion(api, thread.id);
    });
    // an accepted answer that is deleted is no longer accepted (badges take back what they gave)
    api.action('post.deleted', async ({ post, thread }, ctx) => {
      if (post.number > 1) await unacceptAnswer(api, { thread, by: ctx.user, onlyPostId: post.id, skipPermission: true });
      await indexQuestion(api, thread.id);
    });
    // search documents follow the answer count and the question's text
    declareSearchType(api);
    api.action('post.created', ({ thread }) => indexQuestion(api, thread.id));
    api.action('post.edited', ({ post, thread }) => (post.number === 1 ? indexQuestion(api, thread.id) : undefined));

    const thread = api.scope.thread();
    api.routes.post('/t/:threadId/p/:postId/vote', thread, voteRoute(api));
    api.routes.post('/t/:threadId/p/:postId/accept', thread, acceptRoute(api));
    api.routes.post('/t/:threadId/unaccept', thread, unacceptRoute(api));
    api.routes.post('/t/:threadId/p/:postId/comments', thread, addCommentRoute(api));
    api.routes.post('/t/:threadId/comments/:commentId/delete', thread, deleteCommentRoute(api));
    api.routes.get('/c/:categoryId/questions', api.scope.category(), listingRoute(api));

    api.notificationType('accepted', { messageKey: 'qa.notification.accepted' });
    api.notificationType('commented', { messageKey: 'qa.notification.commented' });
    api.notificationType('remindAccept', { messageKey: 'qa.notification.remindAccept' });
    api.job(REMIND_JOB, () => sendReminders(api).then(() => undefined), { cron: '17 * * * *' });
    api.job(AUTO_CLOSE_JOB, () => autoCloseSolved(api).then(() => undefined), { cron: '47 * * * *' });
  },
});
