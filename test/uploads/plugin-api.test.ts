import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { definePlugin, UserError, type StoredUpload } from '../../core/plugins/api.ts';
import { createTestForum } from '../helpers/app.ts';
import { pngBytes, uploadEnv } from './helpers.ts';

/** A plugin that takes photos through api.uploads, the way a marketplace or events plugin does. */
function photoPlugin(received: { last?: StoredUpload; byIds?: Map<number, StoredUpload> }) {
  return definePlugin({
    id: 'photos',
    version: '1.0.0',
    coreApi: '^1.0.0',
    scope: 'global',
    settings: z.object({}),
    setup(api) {
      api.routes.post('/photo', async (c) => {
        const user = c.get('user' as never) as Parameters<typeof api.uploads.accept>[0]['owner'] | null;
        if (!user) throw new UserError(403, 'error.403.body');
        const body = await c.req.parseBody();
        const upload = await api.uploads.accept({ owner: user, file: body.file as File, purpose: 'photo' });
        received.last = upload;
        received.byIds = await api.uploads.byIds([upload.id]);
        return c.json({ id: upload.id, maxBytes: api.uploads.maxBytes });
      });
    },
  });
}

describe('api.uploads', () => {
  it('accepts an image for a plugin under its own purpose and looks uploads up by id', async () => {
    const received: { last?: StoredUpload; byIds?: Map<number, StoredUpload> } = {};
    const forum = await createTestForum({ env: uploadEnv({ UPLOAD_MAX_BYTES: '1048576' }), plugins: [photoPlugin(received)] });
    const { client } = await forum.member();
    const form = new FormData();
    form.set('_csrf', await client.csrf());
    form.set('file', new File([new Uint8Array(await pngBytes(500, 400))], 'p.gif', { type: 'image/gif' }));
    const res = await client.request('/plugins/photos/photo', { method: 'POST', body: form, headers: { origin: 'http://forum.test' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ maxBytes: 1048576 });
    expect(received.last).toMatchObject({ purpose: 'plugin:photos:photo', contentType: 'image/png', width: 500, height: 400 });
    expect(received.byIds?.get(received.last!.id)?.urls.thumb).toBe(received.last!.urls.thumb);

    const bad = new FormData();
    bad.set('_csrf', await client.csrf());
    bad.set('file', new File([new TextEncoder().encode('<html></html>')], 'x.png', { type: 'image/png' }));
    expect((await client.request('/plugins/photos/photo', { method: 'POST', body: bad, headers: { origin: 'http://forum.test' } })).status).toBe(415);
  });
});
