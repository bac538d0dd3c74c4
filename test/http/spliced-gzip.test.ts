import { gunzipSync } from 'node:zlib';
import { compressSegments, gzipWithToken } from '../../core/http/spliced-gzip.ts';

describe('gzip with a token spliced between compressed segments', () => {
  const token = Buffer.from('abcdefghijklmnopqrstuvwxyz234567');

  it('decompresses to the segments joined by the token, with a valid checksum and length', () => {
    const page = `<!doctype html><meta name="t" content="@@">${'帖子内容 post body '.repeat(3000)}<input value="@@">end`;
    const gzip = compressSegments(page.split('@@').map((part) => Buffer.from(part)));
    const out = gzipWithToken(gzip, token);
    // gunzipSync checks the CRC-32 and size in the trailer: a wrong one throws
    expect(gunzipSync(out).toString()).toBe(page.replaceAll('@@', token.toString()));
    expect(out.length).toBeLessThan(Buffer.byteLength(page) / 10);
  });

  it('handles a page without a token and empty segments', () => {
    expect(gunzipSync(gzipWithToken(compressSegments([Buffer.from('plain page')]), token)).toString()).toBe('plain page');
    const edges = compressSegments(['', 'middle', ''].map((s) => Buffer.from(s)));
    expect(gunzipSync(gzipWithToken(edges, token)).toString()).toBe(`${token}middle${token}`);
  });
});
