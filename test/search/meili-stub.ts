import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny in-process stand-in for the few Meilisearch endpoints the adapter calls (documented API:
 * /health, POST /indexes, PATCH settings, documents add / delete-batch / delete-by-filter, /tasks/:uid,
 * /search, /stats). It is for the fault test only: search is a plain substring match honouring the
 * `type IN [...]` and `categoryId IN [...]` filters; the real engine is covered when MEILI_URL is set.
 */
export interface MeiliStub {
  port: number;
  docs: Map<string, Record<string, unknown>>;
  settings: Record<string, unknown> | null;
  requests: string[];
  close(): Promise<void>;
}

export async function startMeiliStub(port = 0): Promise<MeiliStub> {
  const docs = new Map<string, Record<string, unknown>>();
  const tasks = new Map<number, Record<string, unknown>>();
  const requests: string[] = [];
  let settings: Record<string, unknown> | null = null;
  let next = 0;
  const task = (type: string, error: Record<string, string> | null = null) => {
    const uid = next++;
    const now = new Date().toISOString();
    tasks.set(uid, { uid, batchUid: uid, indexUid: 'forum', status: error ? 'failed' : 'succeeded', type, canceledBy: null, details: {}, error, duration: 'PT0S', enqueuedAt: now, startedAt: now, finishedAt: now });
    return { taskUid: uid, indexUid: 'forum', status: 'enqueued', type, enqueuedAt: now };
  };
  let indexExists = false;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      requests.push(`${req.method} ${url.pathname}`);
      const json = body ? JSON.parse(body) : null;
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const p = url.pathname;
      if (p === '/health') return send(200, { status: 'available' });
      if (p === '/indexes' && req.method === 'POST') {
        const t = task('indexCreation', indexExists ? { code: 'index_already_exists', message: 'exists', type: 'invalid_request', link: '' } : null);
        indexExists = true;
        return send(202, t);
      }
      if (p === '/indexes/forum/settings' && req.method === 'PATCH') {
        settings = json;
        return send(202, task('settingsUpdate'));
      }
      if (p === '/indexes/forum/documents' && req.method === 'POST') {
        for (const d of json as Record<string, unknown>[]) docs.set(String(d.id), d);
        return send(202, task('documentAdditionOrUpdate'));
      }
      if (p === '/indexes/forum/documents/delete-batch') {
        for (const id of json as string[]) docs.delete(id);
        return send(202, task('documentDeletion'));
      }
      if (p === '/indexes/forum/documents/delete') {
        const m = /indexedAt < (\d+)/.exec(String(json.filter));
        if (m) for (const [id, d] of docs) if (Number(d.indexedAt) < Number(m[1])) docs.delete(id);
        return send(202, task('documentDeletion'));
      }
      const taskMatch = /^\/tasks\/(\d+)$/.exec(p);
      if (taskMatch) return send(200, tasks.get(Number(taskMatch[1])));
      if (p === '/indexes/forum/stats') return send(200, { numberOfDocuments: docs.size, isIndexing: false, fieldDistribution: {} });
      if (p === '/indexes/forum/search') {
        const filters: string[] = json.filter ?? [];
        const inList = (attr: string) => {
          const f = filters.find((x) => x.startsWith(`${attr} IN [`));
          return f ? JSON.parse(f.slice(f.indexOf('['))) as unknown[] : null;
        };
        const types = inList('type');
        const categories = inList('categoryId');
        const q = String(json.q ?? '').toLowerCase();
        const hits = [...docs.values()].filter(
          (d) =>
            (!types || types.includes(d.type)) &&
            (!categories || categories.includes(d.categoryId)) &&
            (`${d.title} ${d.body}`.toLowerCase().includes(q)),
        );
        return send(200, {
          hits: hits.slice(json.offset ?? 0, (json.offset ?? 0) + (json.limit ?? 20)).map((d) => ({ ...d, _formatted: { title: d.title, body: d.body } })),
          query: json.q,
          processingTimeMs: 0,
          limit: json.limit,
          offset: json.offset,
          estimatedTotalHits: hits.length,
        });
      }
      send(404, { message: `stub: ${req.method} ${p}`, code: 'not_found', type: 'invalid_request', link: '' });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    docs,
    get settings() {
      return settings;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nobody listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const stub = await startMeiliStub();
  await stub.close();
  return stub.port;
}
