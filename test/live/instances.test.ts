import { openDatabase } from '../../core/db/index.ts';
import { createLogger } from '../../core/logger.ts';
import { createLiveBus, type LiveEvent } from '../../core/live/index.ts';
import { createTestForum } from '../helpers/app.ts';

describe('the live bus across app instances', () => {
  it('delivers an event published by one instance to the pages open on another', async () => {
    const forum = await createTestForum();
    const { database } = forum.deps;
    // on PostgreSQL a second instance has its own connection pool; PGlite is single-process by nature
    const other = database.kind === 'postgres' ? await openDatabase({ databaseUrl: database.url, dataDir: 'memory://', poolSize: 2 }) : database;
    const busA = forum.deps.live;
    const busB = other === database ? busA : await createLiveBus(other, createLogger('silent'));
    try {
      const received = new Promise<LiveEvent>((resolve) => busB.subscribe('thread:42', resolve));
      await busA.publish({ channel: 'thread:42', event: 'post', data: { threadId: 42, number: 3, postId: 99 } });
      const event = await Promise.race([received, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not delivered')), 5000))]);
      expect(event).toEqual({ channel: 'thread:42', event: 'post', data: { threadId: 42, number: 3, postId: 99 } });
    } finally {
      if (other !== database) {
        await busB.close();
        await other.close();
      }
    }
  });
});
