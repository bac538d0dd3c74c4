import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../config/index.ts';
import { renderError } from '../http/errors.tsx';
import { formatSize } from './size.ts';

/** A form may carry this many images at once (e.g. a marketplace listing's photos). */
export const MAX_FILES_PER_REQUEST = 8;

/**
 * MAX_BODY_BYTES for every request, except multipart forms from signed-in members, which may carry images:
 * up to MAX_FILES_PER_REQUEST × UPLOAD_MAX_BYTES plus room for the other fields. Each file's own limit is
 * checked where it is accepted (a clear 413 message).
 */
export function requestBodyLimit(config: Config): MiddlewareHandler {
  const plain = bodyLimit({ maxSize: config.MAX_BODY_BYTES, onError: (c) => renderError(c, 413) });
  const withFiles = bodyLimit({
    maxSize: config.UPLOAD_MAX_BYTES * MAX_FILES_PER_REQUEST + config.MAX_BODY_BYTES,
    onError: (c) => renderError(c, 413, 'uploads.error.tooLarge', { max: formatSize(config.UPLOAD_MAX_BYTES) }),
  });
  return async function requestBodyLimitMiddleware(c, next) {
    // nothing reads a GET's or HEAD's body; asking for it would make @hono/node-server build a full Request
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const multipart = c.req.header('content-type')?.startsWith('multipart/form-data') ?? false;
    return multipart && c.get('user') ? withFiles(c, next) : plain(c, next);
  };
}
