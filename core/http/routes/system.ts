import { Hono, type Context } from 'hono';
import { compressedAsset } from '../../ui/compress.ts';
import { getAsset } from '../../ui/assets.ts';
import type { AppDeps } from '../deps.ts';

export type HealthCheck = () => Promise<{ name: string; state: string; ok: boolean; critical?: boolean }>;

/** Routes that must answer before (and without) sessions, CSRF or site settings. */
export function systemRoutes(deps: AppDeps, extraChecks: HealthCheck[] = []): Hono {
  const app = new Hono();

  app.get('/healthz', async (c) => {
    const started = performance.now();
    let dbOk = true;
    try {
      await Promise.race([
        deps.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
    } catch {
      dbOk = false;
    }
    const checks: Record<string, string> = { db: dbOk ? 'up' : 'down', mail: deps.mailer.mode };
    let healthy = dbOk;
    for (const check of extraChecks) {
      const result = await check().catch(() => ({ name: 'check', state: 'error', ok: false, critical: false }));
      checks[result.name] = result.state;
      if (!result.ok && result.critical) healthy = false;
    }
    c.header('Cache-Control', 'no-store');
    return c.json(
      { status: healthy ? 'ok' : 'unavailable', checks, ms: Math.round(performance.now() - started) },
      healthy ? 200 : 503,
    );
  });

  app.get('/assets/:hash/:name', (c) => serveAsset(c, c.req.param('name'), c.req.param('hash')));

  return app;
}

/** Serves a registered asset; the content hash in the URL makes it cacheable forever. */
export function serveAsset(c: Context, name: string, hash: string): Response {
  const asset = getAsset(name);
  if (!asset) return c.text('Not found', 404);
  const immutable = hash === asset.hash;
  c.header('Content-Type', asset.contentType);
  c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  c.header('ETag', `"${asset.hash}"`);
  if (c.req.header('if-none-match') === `"${asset.hash}"`) return c.body(null, 304);
  const body = compressedAsset(asset, c.req.header('accept-encoding') ?? '');
  if (body.encoding) {
    c.header('Content-Encoding', body.encoding);
    c.header('Vary', 'Accept-Encoding');
  }
  return c.body(new Uint8Array(body.bytes));
}
