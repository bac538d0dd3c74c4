import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { TEST_ORIGIN, type TestClient } from '../helpers/app.ts';

/** A fresh DATA_DIR per forum, so stored files never mix between tests. */
export function uploadEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'forum-uploads-')), ...extra };
}

/** Posts files as multipart/form-data the way a browser form (or uploads.js) does. */
export async function postFiles(
  client: TestClient,
  url: string,
  files: { field?: string; name: string; type: string; bytes: Uint8Array }[],
  options: { json?: boolean; fields?: Record<string, string | string[]> } = {},
): Promise<Response> {
  const form = new FormData();
  const token = await client.csrf();
  form.set('_csrf', token);
  for (const [k, v] of Object.entries(options.fields ?? {})) for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
  for (const f of files) form.append(f.field ?? 'file', new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const headers: Record<string, string> = { origin: TEST_ORIGIN };
  if (options.json) headers.accept = 'application/json';
  return client.request(url, { method: 'POST', body: form, headers });
}

export function pngBytes(width = 64, height = 48, colour = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

/** A JPEG carrying GPS coordinates and a camera model in its EXIF, and orientation 6 (rotate 90° to show). */
export function jpegWithGps(width = 80, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#aa3300' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Spy 3000' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' },
    })
    .toBuffer();
}
