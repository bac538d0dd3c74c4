// A second yardstick beside the hello-world: a server that answers a signed-in request with only the
// reads a thread page makes for its viewer (session, header counts, likes on the page, watch level), on
// the forum's own database and functions, and renders nothing. What a signed-in page costs above this is
// the page itself; this is the ceiling for any page that reads per-viewer state from the database.
import { serve } from '@hono/node-server';
import { and, asc, eq, lte } from 'drizzle-orm';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { validateSessionToken } from '../../core/accounts/service/sessions.ts';
import { SESSION_COOKIE } from '../../core/http/cookies.ts';
import { openDatabase } from '../../core/db/index.ts';
import { likedByViewer } from '../../core/forum/service/likes.ts';
import { posts } from '../../core/forum/schema.ts';
import { headerCounts } from '../../core/notifications/middleware.ts';
import { watchLevel } from '../../core/watching/index.ts';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? './data' });
const { db } = database;
const threadId = Number(process.env.BENCH_THREAD_ID);
const pagePosts = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.threadId, threadId), lte(posts.number, 20))).orderBy(asc(posts.number));
const postIds = pagePosts.map((p) => p.id);

const app = new Hono();
app.get('/healthz', (c) => c.text('ok'));
app.get('/', async (c) => {
  const session = await validateSessionToken(db, getCookie(c, SESSION_COOKIE) ?? '');
  if (!session) return c.text('signed out', 401);
  const viewer = session.user.id;
  const [counts, liked, watch] = await Promise.all([headerCounts(db, viewer), likedByViewer(db, viewer, postIds), watchLevel(db, viewer, threadId)]);
  return c.html(`<p>${counts.notifications} ${counts.conversations} ${liked.size} ${watch}</p>`);
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' });
process.on('SIGTERM', () => server.close(() => void database.close().then(() => process.exit(0))));
