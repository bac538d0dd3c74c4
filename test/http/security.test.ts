import { createTestForum, TEST_ORIGIN } from '../helpers/app.ts';

describe('security baseline', () => {
  it('sends CSP and hardening headers on every page', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });

  it("refuses a signed-in member's state-changing request without the CSRF token", async () => {
    const forum = await createTestForum();
    const { client } = await forum.member();
    await client.csrf();
    const res = await client.request('/locale', {
      method: 'POST',
      body: new URLSearchParams({ locale: 'zh-CN', next: '/' }),
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Your form expired');
  });

  it("takes a guest's form on its Origin alone, and refuses one that names no origin", async () => {
    const forum = await createTestForum();
    const guest = forum.client();
    const page = await guest.get('/');
    expect(page.headers.get('set-cookie')).toBeNull();
    const form = (headers: Record<string, string>) =>
      guest.request('/locale', {
        method: 'POST',
        body: new URLSearchParams({ locale: 'zh-CN', next: '/' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    expect((await form({})).status).toBe(403);
    expect((await form({ referer: 'https://evil.example/page' })).status).toBe(403);
    expect((await form({ origin: 'null' })).status).toBe(403);
    expect((await form({ origin: TEST_ORIGIN })).status).toBe(303);
    expect(guest.cookies.get('locale')).toBe('zh-CN');
  });

  it('refuses a request from another origin even with the token', async () => {
    const forum = await createTestForum();
    const client = forum.client();
    const res = await client.post('/locale', { locale: 'zh-CN', next: '/' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('accepts the token as the htmx header', async () => {
    const forum = await createTestForum();
    const { client } = await forum.member();
    const res = await client.htmx('POST', '/locale', { locale: 'zh-CN', next: '/' });
    expect(res.status).not.toBe(403);
  });

  it('answers oversized bodies with 413', async () => {
    const forum = await createTestForum({ env: { MAX_BODY_BYTES: '2048' } });
    const res = await forum.client().post('/locale', { locale: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
  });

  it('renders a 404 page without a stack trace', async () => {
    const forum = await createTestForum();
    const res = await forum.client().get('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });
});
