import { etagMatches, weakEtag } from '../../core/http/etag.ts';

describe('weak ETags for pages', () => {
  it('are the same for the same bytes and differ for different bytes', () => {
    const page = Buffer.from('<p>hello</p>');
    expect(weakEtag(page)).toBe(weakEtag(Buffer.from('<p>hello</p>')));
    expect(weakEtag(page)).not.toBe(weakEtag(Buffer.from('<p>hello!</p>')));
    expect(weakEtag(page)).toMatch(/^W\/"[\w-]{27}"$/);
  });

  it('match If-None-Match by weak comparison, in a list, or as *', () => {
    const etag = weakEtag(Buffer.from('x'));
    const opaque = etag.slice(2);
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(opaque, etag)).toBe(true);
    expect(etagMatches(`W/"a", ${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('W/"a"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
  });
});
