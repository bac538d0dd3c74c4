import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import { htmlAsPrimitiveString } from '../html-response.ts';
import { setResponseHeader } from '../response-headers.ts';

const validRequestId = /^[\w.-]{1,64}$/;

/** Gives each request an id (honouring a proxy's X-Request-Id) and a child logger, and logs it once done. */
export function requestContext(deps: AppDeps): MiddlewareHandler {
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && validRequestId.test(incoming) ? incoming : randomUUID();
    const log = deps.logger.child({ reqId: requestId });
    htmlAsPrimitiveString(c);
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    setResponseHeader(c, 'X-Request-Id', requestId);
    log.debug(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  };
}
