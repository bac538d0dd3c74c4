import { safeRedirectPath } from '../../core/http/redirect.ts';

describe('safeRedirectPath', () => {
  it.each([
    ['/t/1/hello?page=2#post-3', '/t/1/hello?page=2#post-3'],
    ['/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
    ['/\u0000x', '/'],
    ['', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
