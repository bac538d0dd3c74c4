import en from '../locales/en.ts';
import zhCN from '../locales/zh-CN.ts';
import { pollsSettings } from '../settings.ts';
import { addPoll, optionIds, pollPath, pollsForum, threadUrl } from './helpers.ts';

describe('polls in Simplified Chinese', () => {
  it('renders the thread block, the vote fragment and its errors in zh-CN', async () => {
    const { forum, author, thread } = await pollsForum();
    const pollId = await addPoll(author.client, thread.id, { polls_title: '周末去哪儿？', polls_options: '爬山\n看电影\n桌游' });
    const [first] = await optionIds(forum, pollId);
    const { client } = await forum.member({ locale: 'zh-CN' });
    const page = await (await client.get(threadUrl(thread))).text();
    expect(page).toContain('周末去哪儿？');
    expect(page).toContain('请选择一项。');
    expect(page).toContain('>投票<');
    const invalid = await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), {});
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('请选择一项。');
    const voted = await (await client.htmx('POST', pollPath(thread.id, pollId, '/vote'), { [`q${first!.questionId}`]: String(first!.optionId) })).text();
    expect(voted).toContain('投票成功。');
    expect(voted).toContain('1 票 · 100%');
    expect(voted).toContain('修改投票');
    const starter = await (await author.client.get(threadUrl(thread), { 'accept-language': 'zh-CN' })).text();
    expect(starter).toContain('发起问卷');
    const chinese = forum.client();
    chinese.headers['accept-language'] = 'zh-CN,zh;q=0.9';
    const { client: zhAuthor } = await forum.member({ locale: 'zh-CN' });
    expect(await (await zhAuthor.get(`/plugins/polls/t/${thread.id}/new`)).text()).toContain('你不能在这个主题中添加投票');
    expect(await (await chinese.get(threadUrl(thread))).text()).toContain('登录后参与');
  });

  it('translates every key, including each setting and enum option', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, field] of Object.entries(pollsSettings.shape)) {
      expect(en).toHaveProperty(`polls.settings.${key}`);
      const options = (field as unknown as { unwrap?: () => { options?: string[] } }).unwrap?.().options ?? [];
      for (const option of options) expect(zhCN).toHaveProperty([`polls.settings.${key}.${option}`]);
    }
    expect(Object.keys(en).every((k) => k.startsWith('polls.'))).toBe(true);
  });
});
