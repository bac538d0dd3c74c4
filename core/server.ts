import { createServer, type Server } from 'node:http';
import { forumRequestListener } from './http/node-listener.ts';
import { ensureSetupToken } from './admin/setup.ts';
import { createForum, type Forum } from './bootstrap.ts';
import type { Config } from './config/index.ts';
import { createLogger } from './logger.ts';

export interface RunningServer {
  forum: Forum;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** How long a client may take; the defaults keep slow-loris clients from holding sockets. */
export interface ServerTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  /** How often Node checks the two above (its default, 30 s, would let a slow client linger). */
  checkEveryMs: number;
}

const defaultTimeouts: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(config: Config, timeouts: Partial<ServerTimeouts> = {}): Promise<RunningServer> {
  const limits = { ...defaultTimeouts, ...timeouts };
  const logger = createLogger(config.LOG_LEVEL);
  const forum = await createForum({ config, logger, runJobs: true });
  const server = createServer(
    {
      // slow clients cannot hold sockets open forever
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      keepAliveTimeout: limits.keepAliveMs,
      connectionsCheckingInterval: limits.checkEveryMs,
      maxHeaderSize: 16 * 1024,
    },
    forumRequestListener(forum, config.HOST),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, database: forum.deps.database.kind, mail: forum.deps.mailer.mode }, `forum listening on ${forum.deps.origin}`);

  const token = await ensureSetupToken(forum.deps.db);
  if (token) {
    const url = `${forum.deps.origin}/setup?token=${token}`;
    logger.info({ setupUrl: url }, `First start: finish setup at ${url}`);
    // also as a plain line: the one thing a newcomer must find in the log
    process.stdout.write(`\n  First start: finish setup at ${url}\n\n`);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: finishing in-flight requests');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // idle keep-alive sockets would hold close() open
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      });
      await forum.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return { forum, server, port, stop };
}
