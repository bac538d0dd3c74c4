import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';
import { qaSettings } from '../settings.ts';
import { acceptPath, answer, qaForum, threadUrl, votePath } from './helpers.ts';

describe('Q&A in Simplified Chinese', () => {
  it('renders the question page, the listing and refusals in zh-CN', async () => {
    const { forum, asker, thread, category } = await qaForum();
    const other = await forum.member({ locale: 'zh-CN' });
    const reply = await answer(forum, other.user, thread.id);
    await asker.client.post(acceptPath(thread.id, reply.id), {});
    const page = await (await other.client.get(threadUrl(thread))).text();
    expect(page).toContain('✓ 已解决');
    expect(page).toContain('已采纳的答案');
    expect(page).toContain('1 个回答');
    expect(page).toContain('添加评论');
    const own = await other.client.htmx('POST', votePath(thread.id, reply.id), { value: '1' });
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('不能给自己的帖子投票。');
    const listing = await (await other.client.get(`/plugins/qa/c/${category.id}/questions?show=solved`)).text();
    expect(listing).toContain('Help 的问题');
    expect(listing).toContain('待回答');
    expect(listing).toContain('得票最多');
  });

  it('translates every key, including each setting and enum option', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, field] of Object.entries(qaSettings.shape)) {
      expect(en).toHaveProperty([`qa.settings.${key}`]);
      const options = (field as unknown as { unwrap?: () => { options?: string[] } }).unwrap?.().options ?? [];
      for (const option of options) expect(zhCN).toHaveProperty([`qa.settings.${key}.${option}`]);
    }
    expect(Object.keys(en).every((k) => k.startsWith('qa.'))).toBe(true);
  });
});
