import { registerGlobals } from '../../core/bootstrap.ts';
import { createTranslator, negotiateLocale } from '../../core/i18n/index.ts';
import { createTestForum } from '../helpers/app.ts';

describe('i18n', () => {
  it('chooses member preference > cookie > Accept-Language > site default', () => {
    expect(negotiateLocale({ preference: 'en', cookie: 'zh-CN', acceptLanguage: 'zh-CN' })).toBe('en');
    expect(negotiateLocale({ cookie: 'zh-CN', acceptLanguage: 'en' })).toBe('zh-CN');
    expect(negotiateLocale({ acceptLanguage: 'fr;q=0.9, zh-TW;q=0.8' })).toBe('zh-CN');
    expect(negotiateLocale({ acceptLanguage: 'fr', siteDefault: 'zh-CN' })).toBe('zh-CN');
    expect(negotiateLocale({})).toBe('en');
  });

  it('formats numbers, dates and relative times per locale', () => {
    registerGlobals();
    const zh = createTranslator('zh-CN', 'Asia/Shanghai');
    const now = new Date('2026-01-10T12:00:00Z');
    expect(zh.relative(new Date('2026-01-10T11:57:00Z'), now)).toBe('3分钟前');
    expect(createTranslator('en').relative(new Date('2026-01-09T12:00:00Z'), now)).toBe('yesterday');
    expect(zh.number(12345)).toBe('12,345');
    expect(zh.t('nav.login')).toBe('登录');
  });

  it('renders pages in the negotiated language with <html lang>', async () => {
    const forum = await createTestForum();
    const client = forum.client();
    client.headers['accept-language'] = 'zh-CN,zh;q=0.9';
    const html = await (await client.get('/no-such-page')).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('页面不存在');
  });

  it('the language switcher remembers the choice in a cookie', async () => {
    const forum = await createTestForum();
    const client = forum.client();
    const res = await client.post('/locale', { locale: 'zh-CN', next: '/categories' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/categories');
    expect(client.cookies.get('locale')).toBe('zh-CN');
    expect(await (await client.get('/')).text()).toContain('lang="zh-CN"');
  });

  it('refuses an open redirect through the switcher', async () => {
    const forum = await createTestForum();
    const res = await forum.client().post('/locale', { locale: 'en', next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });
});
