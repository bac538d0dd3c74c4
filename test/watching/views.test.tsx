import { createTranslator } from '../../core/i18n/index.ts';
import { registerGlobals } from '../../core/bootstrap.ts';
import type { ViewContext } from '../../core/ui/view-context.ts';
import { postNumberUrl, UnreadBadge, WatchControl } from '../../core/watching/index.ts';

function vc(locale: 'en' | 'zh-CN' = 'en'): ViewContext {
  registerGlobals();
  const tr = createTranslator(locale);
  return { t: tr.t, tr, locale, user: null, csrfToken: 'tok', site: {} as ViewContext['site'], path: '/t/5', origin: 'http://x', isHtmx: false, asset: (f) => f, unreadNotifications: 0, unreadConversations: 0 };
}

describe('watching components', () => {
  it('links the unread badge to the first unread post on its page', async () => {
    expect(postNumberUrl(5, 3)).toBe('/t/5#post-3');
    expect(postNumberUrl(5, 21)).toBe('/t/5?page=2#post-21');
    const html = String(await (<UnreadBadge vc={vc()} count={3} firstUnreadUrl={postNumberUrl(5, 21)} />));
    expect(html).toContain('href="/t/5?page=2#post-21"');
    expect(html).toContain('>3 new<');
    expect(String(await (<UnreadBadge vc={vc('zh-CN')} count={3} firstUnreadUrl="/t/5" />))).toContain('3 条新帖');
    expect(String(await (<UnreadBadge vc={vc()} count={0} firstUnreadUrl="/t/5" />))).toBe('');
  });

  it('renders a labelled, CSRF-protected form that works without JavaScript', async () => {
    const html = String(await (<WatchControl vc={vc()} thread={{ id: 5 }} level="tracking" />));
    expect(html).toContain('method="post" action="/t/5/watch"');
    expect(html).toContain('hx-post="/t/5/watch"');
    expect(html).toContain('name="_csrf" value="tok"');
    expect(html).toContain('<label for="watch-thread-5">');
    expect(html).toContain('<option value="tracking" selected="">Tracking</option>');
    expect(html).toContain('<button type="submit"');
    expect(html).toContain('name="next" value="/t/5"');
    const category = String(await (<WatchControl vc={vc('zh-CN')} category={{ slug: '生活' }} level="watching" />));
    expect(category).toContain(`action="/c/${encodeURIComponent('生活')}/watch"`);
    expect(category).toContain('此版块的通知');
  });
});
