import type { Command } from './index.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo',
  summary: 'Load the demo community (zh-CN and en categories, members, threads).',
  async run() {
    return 1;
  },
};
