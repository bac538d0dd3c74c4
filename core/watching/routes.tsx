import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { UserError } from '../http/errors.tsx';
import { safeRedirectPath } from '../http/redirect.ts';
import { formStrings } from '../http/validation.ts';
import { viewContext } from '../ui/view-context.ts';
import { watchLevels, type WatchLevel } from './schema.ts';
import { setCategoryWatch, setThreadWatch } from './service/levels.ts';
import { readableCategory, readableThread } from './service/places.ts';
import { WatchControl } from './views/watch-control.tsx';

const levelSchema = z.enum(watchLevels);

async function submitted(c: Context): Promise<{ level: WatchLevel; next: string | undefined }> {
  const form = formStrings(await c.req.parseBody());
  const parsed = levelSchema.safeParse(form.level);
  if (!parsed.success) throw new UserError(400, 'watching.invalidLevel');
  return { level: parsed.data, next: form.next };
}

function signedIn(c: Context) {
  const user = c.get('user');
  if (!user) throw new UserError(403, 'watching.loginRequired');
  return user;
}

/** POST /t/:id/watch and /c/:slug/watch: the updated control for htmx, otherwise back where the form was. */
export function watchingRoutes(): Hono {
  const app = new Hono();

  app.post('/t/:id{[0-9]{1,10}}/watch', async (c) => {
    const user = signedIn(c);
    const found = await readableThread(c.get('deps').db, user, Number(c.req.param('id')));
    if (!found) throw new UserError(404, 'error.404.body');
    const { level, next } = await submitted(c);
    await setThreadWatch(c.get('deps').db, user.id, found.thread.id, level);
    if (c.req.header('hx-request') === 'true') {
      return c.html(<WatchControl vc={viewContext(c)} thread={found.thread} level={level} next={safeRedirectPath(next)} saved />);
    }
    return c.redirect(safeRedirectPath(next, `/t/${found.thread.id}`), 303);
  });

  app.post('/c/:slug/watch', async (c) => {
    const user = signedIn(c);
    const found = await readableCategory(c.get('deps').db, user, c.req.param('slug'));
    if (!found) throw new UserError(404, 'error.404.body');
    const { level, next } = await submitted(c);
    await setCategoryWatch(c.get('deps').db, user.id, found.category.id, level);
    if (c.req.header('hx-request') === 'true') {
      return c.html(<WatchControl vc={viewContext(c)} category={found.category} level={level} next={safeRedirectPath(next)} saved />);
    }
    return c.redirect(safeRedirectPath(next, `/c/${encodeURIComponent(found.category.slug)}`), 303);
  });

  return app;
}
