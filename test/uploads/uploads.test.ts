import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { users } from '../../core/db/schema.ts';
import { renderMarkdown } from '../../core/markdown/index.ts';
import { uploads } from '../../core/uploads/index.ts';
import { createTestForum } from '../helpers/app.ts';
import { insertCategory } from '../plugins/helpers.ts';
import { jpegWithGps, pngBytes, postFiles, uploadEnv } from './helpers.ts';

interface UploadJson {
  id: number;
  url: string;
  full: string;
  thumb: string;
  markdown: string;
  width: number;
  height: number;
  error?: string;
}

describe('image uploads', () => {
  it('accepts a PNG named .jpg by its bytes, stores clean variants and serves them safely', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    const { user, client } = await forum.member();
    const res = await postFiles(client, '/uploads', [{ name: 'holiday.jpg', type: 'image/jpeg', bytes: await pngBytes(1400, 700) }], { json: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as UploadJson;
    expect(body.full).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    expect(body.url).toMatch(/^\/uploads\/[a-f0-9]{32}-w1024\.webp$/);
    expect(body.thumb).toMatch(/^\/uploads\/[a-f0-9]{32}-w320\.webp$/);
    expect(body.markdown).toBe(`![](${body.url})`);

    const [row] = await forum.deps.db.select().from(uploads).where(eq(uploads.id, body.id));
    expect(row).toMatchObject({ ownerId: user.id, contentType: 'image/png', purpose: 'post', originalName: 'holiday.jpg', width: 1400, height: 700 });
    expect(row!.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(row!.variants.map((v) => [v.name, v.width])).toEqual([['full', 1400], ['w320', 320], ['w1024', 1024]]);

    const full = await forum.client().get(body.full);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/png');
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('set-cookie')).toBeNull();
    const thumb = await forum.client().get(body.thumb);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    // an unknown but well-formed name, and a path trick, are both plain 404s
    expect((await forum.client().get(`/uploads/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect((await forum.client().get('/uploads/..%2F..%2Fsecret.png')).status).toBe(404);
  });

  it('refuses HTML renamed .png and SVG, whatever the name or declared type', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    const { client } = await forum.member({ locale: 'en' });
    const html = new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const res = await postFiles(client, '/uploads', [{ name: 'cat.png', type: 'image/png', bytes: html }], { json: true });
    expect(res.status).toBe(415);
    expect(((await res.json()) as UploadJson).error).toBe('Only JPEG, PNG, WebP and GIF images can be uploaded.');

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    const svgRes = await postFiles(client, '/uploads', [{ name: 'logo.svg', type: 'image/svg+xml', bytes: svg }], { json: true });
    expect(svgRes.status).toBe(415);
    const svgAsPng = await postFiles(client, '/uploads', [{ name: 'logo.png', type: 'image/png', bytes: svg }], { json: true });
    expect(svgAsPng.status).toBe(415);
    expect(await forum.deps.db.$count(uploads)).toBe(0);
  });

  it('strips EXIF (GPS, camera) and applies the orientation', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    const { client } = await forum.member();
    const original = await jpegWithGps(80, 40);
    const before = await sharp(original).metadata();
    expect(before.exif?.toString('latin1')).toContain('Spy 3000');
    expect(before.orientation).toBe(6);

    const res = await postFiles(client, '/uploads', [{ name: 'IMG_0001.JPG', type: 'image/jpeg', bytes: original }], { json: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as UploadJson;
    expect(body.full).toMatch(/\.jpg$/);
    for (const url of [body.full, body.thumb]) {
      const served = Buffer.from(await (await forum.client().get(url)).arrayBuffer());
      const meta = await sharp(served).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      // orientation 6 is a quarter turn: the stored pixels are upright, 40 wide and 80 high
      expect([meta.width, meta.height]).toEqual([40, 80]);
      expect(served.toString('latin1')).not.toContain('Spy 3000');
      expect(served.toString('latin1')).not.toContain('TestCam');
    }
  });

  it('answers an oversize file with 413 and a message, JSON or page', async () => {
    const forum = await createTestForum({ env: uploadEnv({ UPLOAD_MAX_BYTES: '4096' }) });
    const { client } = await forum.member({ locale: 'en' });
    const noise = await sharp(randomBytes(120 * 120 * 3), { raw: { width: 120, height: 120, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(4096);
    const res = await postFiles(client, '/uploads', [{ name: 'big.png', type: 'image/png', bytes: noise }], { json: true });
    expect(res.status).toBe(413);
    expect(((await res.json()) as UploadJson).error).toBe('That file is too large: images may be at most 4 KB.');
    const page = await postFiles(client, '/uploads', [{ name: 'big.png', type: 'image/png', bytes: noise }]);
    expect(page.status).toBe(413);
    expect(await page.text()).toContain('That file is too large');
  });

  it('enforces the daily quota per member, reusing a repeated file, and exempts staff', async () => {
    const forum = await createTestForum({ env: uploadEnv({ UPLOAD_DAILY_COUNT: '2' }) });
    const { client } = await forum.member({ locale: 'zh-CN' });
    const first = await pngBytes(30, 30, '#ff0000');
    const ok1 = await postFiles(client, '/uploads', [{ name: 'a.png', type: 'image/png', bytes: first }], { json: true });
    const again = await postFiles(client, '/uploads', [{ name: 'a-copy.png', type: 'image/png', bytes: first }], { json: true });
    expect(((await again.json()) as UploadJson).id).toBe(((await ok1.json()) as UploadJson).id);
    expect((await postFiles(client, '/uploads', [{ name: 'b.png', type: 'image/png', bytes: await pngBytes(30, 30, '#00ff00') }], { json: true })).status).toBe(200);
    const third = await postFiles(client, '/uploads', [{ name: 'c.png', type: 'image/png', bytes: await pngBytes(30, 30, '#0000ff') }], { json: true });
    expect(third.status).toBe(429);
    expect(((await third.json()) as UploadJson).error).toBe('你今天已达到 2 张的上传上限，请明天再试。');

    // parallel requests cannot slip past the limit together
    const { client: other } = await forum.member();
    const burst = await Promise.all(
      ['#111111', '#222222', '#333333', '#444444', '#555555'].map(async (colour) =>
        postFiles(other, '/uploads', [{ name: 'x.png', type: 'image/png', bytes: await pngBytes(20, 20, colour) }], { json: true }),
      ),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(2);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(3);

    const { client: staff } = await forum.member({ role: 'moderator' });
    for (const colour of ['#123456', '#234567', '#345678']) {
      expect((await postFiles(staff, '/uploads', [{ name: 's.png', type: 'image/png', bytes: await pngBytes(20, 20, colour) }], { json: true })).status).toBe(200);
    }
  });

  it('keeps guests out and offers a plain form that works without JavaScript', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    const guest = forum.client();
    expect((await postFiles(guest, '/uploads', [{ name: 'a.png', type: 'image/png', bytes: await pngBytes() }], { json: true })).status).toBe(403);
    expect((await guest.get('/uploads/new')).status).toBe(303);

    const { client } = await forum.member({ locale: 'en' });
    const form = await client.get('/uploads/new');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('enctype="multipart/form-data"');
    const done = await postFiles(client, '/uploads', [{ name: 'a.png', type: 'image/png', bytes: await pngBytes() }]);
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/value="!\[\]\(\/uploads\/[a-f0-9]{32}-w320\.webp\)"/);
  });

  it('shows the image button in the composer and renders uploaded images in posts', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    await insertCategory(forum.deps.db, 'General');
    const { client } = await forum.member({ locale: 'en' });
    const page = await (await client.get('/new')).text();
    expect(page).toContain('class="upload-control"');
    expect(page).toContain('href="/uploads/new"');
    expect(page).toMatch(/<script src="\/assets\/[a-f0-9]+\/uploads\.js" defer/);

    const { html, images } = renderMarkdown(`Look:\n\n![my bike](/uploads/${'a'.repeat(32)}-w1024.webp)`);
    expect(images).toEqual([`/uploads/${'a'.repeat(32)}-w1024.webp`]);
    expect(html).toContain(`<img src="/uploads/${'a'.repeat(32)}-w1024.webp" alt="my bike" loading="lazy" />`);
    // the external image policy is unchanged: https only
    expect(renderMarkdown('![x](http://example.com/a.png)').html).not.toContain('<img');
  });

  it('replaces the generated avatar with an uploaded one, and back', async () => {
    const forum = await createTestForum({ env: uploadEnv() });
    const { user, client } = await forum.member({ username: 'ada', locale: 'en' });
    const profile = await (await client.get('/u/ada')).text();
    expect(profile).toContain('action="/uploads/avatar"');
    expect((await (await forum.client().get('/u/ada')).text())).not.toContain('action="/uploads/avatar"');

    const res = await postFiles(client, '/uploads/avatar', [{ name: 'me.png', type: 'image/png', bytes: await pngBytes(300, 200) }]);
    expect(res.status).toBe(303);
    const [row] = await forum.deps.db.select({ avatarKey: users.avatarKey }).from(users).where(eq(users.id, user.id));
    expect(row!.avatarKey).toMatch(/^[a-f0-9]{32}$/);
    const square = `/uploads/${row!.avatarKey}-a256.webp`;
    const meta = await sharp(Buffer.from(await (await forum.client().get(square)).arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([256, 256]);

    expect(await (await forum.client().get('/u/ada')).text()).toContain(`src="${square}"`);
    const generated = await forum.client().get('/avatar/ada.svg');
    expect(generated.status).toBe(302);
    expect(generated.headers.get('location')).toBe(square);

    expect((await client.post('/uploads/avatar/remove')).status).toBe(303);
    const back = await forum.client().get('/avatar/ada.svg');
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toContain('image/svg+xml');
  });
});
