import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { definePlugin } from '../../core/plugins/api.ts';
import { attachComposerPoll, validateComposerPoll } from './hooks/composer-poll.ts';
import en from './locales/en.ts';
import zhCN from './locales/zh-CN.ts';
import { closePollRoute, reopenPollRoute } from './routes/close.tsx';
import { createForm, createSubmit } from './routes/create.tsx';
import { deleteGiveawayRoute, deletePollRoute } from './routes/delete.tsx';
import { drawRoute } from './routes/draw.tsx';
import { editForm, editSubmit } from './routes/edit.tsx';
import { exportRoute } from './routes/export.ts';
import { leaderboardRoute } from './routes/leaderboard.tsx';
import { resultsRoute } from './routes/results.tsx';
import { showGiveaway, showPoll } from './routes/show.tsx';
import { verifyRoute } from './routes/verify.tsx';
import { votePoll } from './routes/vote.tsx';
import { pollsChoices, pollsDraws, pollsGiveaways, pollsOptions, pollsPolls, pollsQuestions, pollsResponses, pollsTextAnswers } from './schema.ts';
import { registerPollAnalytics } from './service/analytics.ts';
import { closeDuePoll } from './service/close-poll.ts';
import { DRAW_JOB, drawDueGiveaway, type DrawJob } from './service/draw.ts';
import { CLOSE_JOB, type CloseJob } from './service/schedule-close.ts';
import { pollsSettings } from './settings.ts';
import { composerPoll } from './views/composer-slot.tsx';
import { threadPolls } from './views/thread-polls.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Polls, surveys, quizzes and giveaways (投票、问卷、有奖竞猜、抽奖) in threads, switched on per category. */
export default definePlugin({
  id: 'polls',
  version: '1.0.0',
  coreApi: '^1.4.0',
  scope: 'category',
  settings: pollsSettings,
  categorySettings: ['whoCanCreate', 'maxOptions', 'allowAnonymous', 'defaultResultsVisibility', 'giveawayMaxWinners'],
  tables: { pollsPolls, pollsQuestions, pollsOptions, pollsResponses, pollsChoices, pollsTextAnswers, pollsGiveaways, pollsDraws },
  migrations: path.join(here, 'migrations'),
  locales: { en, 'zh-CN': zhCN },
  assets: { 'polls.css': path.join(here, 'assets', 'polls.css') },
  setup(api) {
    // UI
    api.slot('head', 'polls.css', () => <link rel="stylesheet" href={api.assetUrl('polls.css')} />, { shared: true });
    const pollsBlock = threadPolls(api);
    api.slot('thread.belowFirstPost', 'polls.thread', pollsBlock.render, { preload: pollsBlock.preload });
    api.slot('composer.extras', 'polls.composer', composerPoll(api), { shared: true });

    // a poll attached while starting a thread
    api.filter('thread.beforeCreate', validateComposerPoll(api));
    api.action('thread.created', attachComposerPoll(api));

    // adding, voting, managing (every route is tied to a readable thread in a category where polls are on)
    const thread = api.scope.thread();
    api.routes.get('/t/:threadId/new', thread, createForm(api));
    api.routes.post('/t/:threadId/new', thread, createSubmit(api));
    api.routes.get('/t/:threadId/p/:pollId', thread, showPoll(api));
    api.routes.post('/t/:threadId/p/:pollId/vote', thread, votePoll(api));
    api.routes.post('/t/:threadId/p/:pollId/close', thread, closePollRoute(api));
    api.routes.post('/t/:threadId/p/:pollId/reopen', thread, reopenPollRoute(api));
    api.routes.get('/t/:threadId/p/:pollId/edit', thread, editForm(api));
    api.routes.post('/t/:threadId/p/:pollId/edit', thread, editSubmit(api));
    api.routes.post('/t/:threadId/p/:pollId/delete', thread, deletePollRoute(api));
    api.routes.get('/t/:threadId/p/:pollId/results', thread, resultsRoute(api));
    api.routes.get('/t/:threadId/p/:pollId/export.csv', thread, exportRoute(api));
    api.routes.get('/t/:threadId/p/:pollId/leaderboard', thread, leaderboardRoute(api));
    api.routes.get('/t/:threadId/g/:giveawayId', thread, showGiveaway(api));
    api.routes.post('/t/:threadId/g/:giveawayId/draw', thread, drawRoute(api));
    api.routes.post('/t/:threadId/g/:giveawayId/delete', thread, deleteGiveawayRoute(api));
    api.routes.get('/t/:threadId/g/:giveawayId/verify', thread, verifyRoute(api));

    // scheduled work (pg-boss): closing at the closing time, drawing at the draw time
    api.job<CloseJob>(CLOSE_JOB, (data) => closeDuePoll(api, data.pollId));
    api.job<DrawJob>(DRAW_JOB, (data) => drawDueGiveaway(api, data.giveawayId));
    api.notificationType('giveawayWon', { messageKey: 'polls.notification.giveawayWon' });

    // figures on /admin/analytics
    registerPollAnalytics(api);
  },
});
