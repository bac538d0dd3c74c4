/** Mixed Chinese and English text for benchmark data: realistic lengths, Markdown, no real people. */
export const BENCH_PASSWORD = 'bench-password-2026';

export const BENCH_CATEGORIES = [
  { slug: 'general', name: '综合讨论 General', description: 'Everything else / 其他话题' },
  { slug: 'announcements', name: '公告 Announcements', description: 'News from the team' },
  { slug: 'help', name: '求助 Help', description: 'Ask the community' },
  { slug: 'market', name: '二手交易 Market', description: '买卖闲置' },
  { slug: 'events', name: '活动 Events', description: 'Meetups and online sessions' },
  { slug: 'dev', name: '开发 Development', description: 'Code, tools and releases' },
  { slug: 'design', name: '设计 Design', description: 'UI, UX, typography' },
  { slug: 'travel', name: '旅行 Travel', description: '路线、攻略与照片' },
  { slug: 'food', name: '美食 Food', description: 'Recipes and restaurants' },
  { slug: 'feedback', name: '反馈 Feedback', description: 'Ideas for the forum' },
] as const;

export const BENCH_TAGS = ['新手', 'question', '教程', 'release', '活动', 'bug', '分享', 'meetup', '二手', 'tips'];

export const BENCH_TITLES = [
  '出售二手自行车，九成新',
  'How do I configure the reverse proxy?',
  '周末读书会：一起读《百年孤独》',
  'Release notes for version 2.4',
  '求推荐适合新手的相机',
  'Weekly meetup at the library',
  '分享一个提高效率的小技巧',
  'Best ramen in the neighbourhood?',
  '社区规则更新说明',
  'Typography tips for long-form reading',
  '有人一起拼车去机场吗',
  'Migrating from MySQL to PostgreSQL',
];

export const BENCH_SENTENCES = [
  '我觉得这个方案可行，不过需要先确认一下预算。**周五之前**给大家答复。',
  'Thanks for sharing! I tried the same setup last week and it worked after I restarted the service.',
  '楼主说得对，补充一点：记得备份数据库，然后再升级。\n\n- 第一步：停止服务\n- 第二步：备份\n- 第三步：升级',
  'You can use `npx forum migrate` before starting the new version, it keeps the schema in sync.',
  '> 原帖：有人知道附近哪里修自行车吗？\n\n学校后门那家就不错，价格也公道。',
  'Here is a longer answer with a list:\n\n1. Check the logs\n2. Look at the slow query log\n3. Add an index on `(thread_id, number)`\n\nThat fixed it for us.',
  '+1，同问。期待后续更新 🙂',
  'I disagree a little: caching is great, but only if you invalidate it correctly when someone posts.',
  '这次活动一共来了三十多人，照片我稍后整理好发在这里。谢谢各位志愿者！',
  'Mixed 中英文 content is common here: 周末 meetup 在 café 见，bring your laptop.',
  '价格可以再商量，同城面交优先。联系我的时候请注明来自论坛。',
  'Great write-up. One question: does this work on the embedded database as well, or only on PostgreSQL?',
];
