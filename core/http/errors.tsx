import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { raw } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { hasMessage } from '../i18n/index.ts';
import { renderPage } from '../ui/page.tsx';

const known = new Set([400, 403, 404, 409, 413, 429, 500, 503]);

/**
 * A failure the member should read: an HTTP status and an i18n key. Thrown from services and routes;
 * rendered as an error page, or as an inline message for htmx requests.
 */
export class UserError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(status, { message: messageKey });
  }
}

/** True for errors that mean the database is unreachable (connection refused, reset, terminated). */
export function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', 'CONNECTION_DESTROYED'].includes(code)) {
    return true;
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isDatabaseDown(cause);
}

export const onError: ErrorHandler = (error, c) => {
  let status: ContentfulStatusCode = 500;
  let messageKey: string | undefined;
  let params: Record<string, string | number> = {};
  if (error instanceof UserError) {
    status = error.status as ContentfulStatusCode;
    messageKey = error.messageKey;
    params = error.params;
  } else if (error instanceof HTTPException) {
    status = error.status as ContentfulStatusCode;
    messageKey = error.message || undefined;
  } else if (isDatabaseDown(error)) {
    status = 503;
    c.header('Retry-After', '5');
  }
  if (status >= 500) c.get('log')?.error({ err: error, path: c.req.path }, 'request failed');
  return renderError(c, status, messageKey, params);
};

export const onNotFound: NotFoundHandler = (c) => renderError(c, 404);

export function renderError(
  c: Context,
  status: ContentfulStatusCode,
  messageKey?: string,
  params: Record<string, string | number> = {},
): Response | Promise<Response> {
  const pageStatus = known.has(status) ? status : status >= 500 ? 500 : 400;
  // Before the request context is complete (e.g. the database failed in a middleware) fall back to plain HTML.
  if (!c.get('t') || !c.get('site') || c.get('csrfToken') === undefined) return plainError(c, status);
  const t = c.get('t').t;
  const title = t(`error.${pageStatus}.title`);
  const detail = messageKey && hasMessage(c.get('locale'), messageKey) ? t(messageKey, params) : t(`error.${pageStatus}.body`);
  if (c.req.header('hx-request') === 'true') {
    return c.html(
      <div class="flash error" role="alert">
        {detail}
      </div>,
      status,
    );
  }
  return renderPage(
    c,
    { title, status },
    <section class="error-page">
      <h1>{title}</h1>
      <p>{detail}</p>
      {pageStatus >= 500 ? <p class="muted">{t('error.requestId', { id: c.get('requestId') })}</p> : null}
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>,
  );
}

function plainError(c: Context, status: ContentfulStatusCode): Response {
  const text = status === 503 ? 'Service temporarily unavailable' : status >= 500 ? 'Internal error' : 'Error';
  return c.html(raw(`<!doctype html><html lang="en"><title>${status}</title><h1>${status} ${text}</h1></html>`), status);
}
