import { startServer } from '../../server.ts';
import type { Command } from './index.ts';

export const startCommand: Command = {
  name: 'start',
  usage: 'start',
  summary: 'Start the forum server (migrations apply automatically).',
  async run(_args, config) {
    const running = await startServer(config);
    await new Promise<void>((resolve) => {
      const shutdown = () => {
        void running.stop().then(resolve);
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    });
    return 0;
  },
};
