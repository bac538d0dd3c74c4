import { Hono } from 'hono';
import type { AppDeps } from '../http/deps.ts';
import { blockRoutes } from './routes/blocks.tsx';
import { composeRoutes } from './routes/compose.tsx';
import { conversationRoutes } from './routes/conversation.tsx';
import { membersOnly } from './routes/http.ts';
import { inboxRoutes } from './routes/inbox.tsx';

/** Private messages (/messages…) and blocking (/u/:username/block). Members only. */
export function conversationsRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/messages', membersOnly);
  app.use('/messages/*', membersOnly);
  app.route('/', inboxRoutes(deps));
  app.route('/', composeRoutes(deps));
  app.route('/', conversationRoutes(deps));
  app.route('/', blockRoutes(deps));
  return app;
}
