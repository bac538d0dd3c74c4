import cliProgress from 'cli-progress';
import { createForum } from '../../bootstrap.ts';
import type { Config } from '../../config/index.ts';
import { createLogger } from '../../logger.ts';
import { searchServiceOf, type SearchStatus } from '../../search/index.ts';
import type { Command } from './index.ts';

async function withSearch<T>(config: Config, run: (service: ReturnType<typeof searchServiceOf>) => Promise<T>): Promise<T> {
  // the whole forum, so plugins declare their search types (and Meilisearch gets their facets)
  const forum = await createForum({ config, logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL) });
  try {
    return await run(searchServiceOf(forum.deps));
  } finally {
    await forum.close();
  }
}

export const searchReindexCommand: Command = {
  name: 'search reindex',
  usage: 'search reindex',
  summary: 'Rebuild the search index from the database (and Meilisearch when MEILI_URL is set).',
  async run(_args, config) {
    const bar = new cliProgress.SingleBar({ format: 'Indexing [{bar}] {value}/{total} rows · ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
    const started = Date.now();
    let barStarted = false;
    try {
      return await withSearch(config, async (service) => {
        const done = await service.reindex(({ done: value, total }) => {
          if (!barStarted) {
            bar.start(total, value);
            barStarted = true;
          } else bar.update(value);
        });
        bar.stop();
        const status = await service.status();
        const documents = Object.values(status.documents).reduce((a, b) => a + b, 0);
        console.log(
          `Indexed ${done.done} rows into ${documents} documents (${service.engineName}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        return 0;
      });
    } catch (error) {
      bar.stop();
      throw error;
    }
  },
};

export function formatStatus(status: SearchStatus): string {
  const lines = [
    `Engine:     ${status.engine}${status.degraded ? ' (DEGRADED: searches use the built-in engine)' : ''}`,
    `Documents:  ${Object.entries(status.documents).map(([type, n]) => `${type} ${n}`).join(', ') || 'none'}`,
  ];
  if (status.engineDocuments !== null) lines.push(`Meilisearch documents: ${status.engineDocuments}`);
  lines.push(`Queue:      ${status.outbox} change(s) waiting, ${status.enginePending} document(s) not yet in Meilisearch`);
  lines.push(`Lag:        ${status.lagSeconds} s`);
  if (status.lastError) lines.push(`Last error: ${status.lastError}`);
  return lines.join('\n');
}

export const searchStatusCommand: Command = {
  name: 'search status',
  usage: 'search status',
  summary: 'Show the search engine, document counts and queue lag.',
  async run(_args, config) {
    return withSearch(config, async (service) => {
      const status = await service.status();
      console.log(formatStatus(status));
      return status.degraded ? 1 : 0;
    });
  },
};
