import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { profilePath } from '../forum/views/bits.tsx';
import type { AppDeps } from '../http/deps.ts';
import { UserError } from '../http/errors.tsx';
import { renderPage } from '../ui/page.tsx';
import { viewContext } from '../ui/view-context.ts';
import { acceptUpload, type IncomingFile } from './service/accept.ts';
import { removeAvatar, uploadAvatar } from './service/avatar.ts';
import { isUploadFileName } from './storage.ts';
import { formatSize } from './size.ts';
import { UploadPage } from './views/upload-page.tsx';

const typesByExtension: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/** Serves stored files. Mounted before sessions: an image needs no cookie, and must never set one. */
export function uploadFileRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/uploads/:file{[a-z0-9-]+\\.[a-z]+}', async (c) => {
    const file = c.req.param('file');
    if (!isUploadFileName(file)) return c.text('Not found', 404);
    const etag = `"${file}"`;
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    // an image opened directly is a document: give it nothing to run
    c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const body = await deps.uploads.storage.get(file);
    if (!body) {
      c.header('Cache-Control', 'no-store');
      return c.text('Not found', 404);
    }
    c.header('Content-Type', typesByExtension[file.slice(file.lastIndexOf('.') + 1)]!);
    return c.body(new Uint8Array(body));
  });
  return app;
}

const membersOnly: MiddlewareHandler = async function membersOnly(c, next) {
  if (!c.get('user')) {
    if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    throw new UserError(403, 'uploads.error.forbidden');
  }
  await next();
};

function maxMb(deps: AppDeps): string {
  return formatSize(deps.uploads.limits.maxBytes);
}

async function uploadedFile(c: Context): Promise<IncomingFile> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) throw new UserError(400, 'uploads.error.empty');
  return file;
}

function wantsJson(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** The composer's upload endpoint (JSON for uploads.js, a page for the plain form), and avatars. */
export function uploadRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('/uploads/new', membersOnly);
  app.use('/uploads', membersOnly);
  app.use('/uploads/avatar', membersOnly);
  app.use('/uploads/avatar/*', membersOnly);

  app.get('/uploads/new', (c) => renderPage(c, { title: c.get('t').t('uploads.page.title') }, <UploadPage vc={viewContext(c)} maxMb={maxMb(deps)} />));

  app.post('/uploads', async (c) => {
    try {
      const upload = await acceptUpload(deps.uploads, { owner: c.get('user')!, file: await uploadedFile(c), purpose: 'post' });
      const markdown = `![](${upload.urls.display})`;
      if (wantsJson(c)) {
        return c.json({ id: upload.id, url: upload.urls.display, full: upload.urls.full, thumb: upload.urls.thumb, width: upload.width, height: upload.height, markdown });
      }
      return renderPage(c, { title: c.get('t').t('uploads.page.title') }, <UploadPage vc={viewContext(c)} maxMb={maxMb(deps)} done={{ markdown, thumb: upload.urls.thumb }} />);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const message = c.get('t').t(error.messageKey, error.params);
      const status = error.status as ContentfulStatusCode;
      if (wantsJson(c)) return c.json({ error: message }, status);
      return renderPage(c, { title: c.get('t').t('uploads.page.title'), status }, <UploadPage vc={viewContext(c)} maxMb={maxMb(deps)} error={message} />);
    }
  });

  app.post('/uploads/avatar', async (c) => {
    const user = c.get('user')!;
    await uploadAvatar(deps.uploads, user, await uploadedFile(c));
    return c.redirect(`${profilePath(user)}?avatar=saved`, 303);
  });

  app.post('/uploads/avatar/remove', async (c) => {
    const user = c.get('user')!;
    await removeAvatar(deps.db, user.id);
    return c.redirect(`${profilePath(user)}?avatar=removed`, 303);
  });

  return app;
}
