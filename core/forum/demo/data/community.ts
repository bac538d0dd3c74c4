import type { DemoCategory, DemoMember } from '../types.ts';

export const demoCategories: DemoCategory[] = [
  {
    slug: 'announcements',
    name: '公告 Announcements',
    description: '社区公告与规则更新 · News and rule updates from the team.',
    color: '#dc2626',
    startAccess: 'moderator',
  },
  {
    slug: 'getting-started',
    name: '新手入门 Getting started',
    description: '第一次来？从这里开始，自我介绍、提问都欢迎。 New here? Say hello and ask anything.',
    color: '#16a34a',
  },
  { slug: 'tech', name: '技术交流 Tech talk', description: '编程、工具与开源 · Programming, tools and open source.', color: '#2563eb' },
  { slug: 'frontend', parent: 'tech', name: '前端开发 Frontend', description: 'HTML, CSS, JavaScript 与浏览器。', color: '#0891b2' },
  {
    slug: 'marketplace',
    name: '二手交易 Marketplace',
    description: '闲置转让、拼车与本地服务，请注明价格和所在地。 Buy, sell and share rides.',
    color: '#d97706',
  },
  { slug: 'events', name: '活动 Events', description: '线上线下活动与报名 · Meetups, online and offline.', color: '#9333ea' },
  { slug: 'qa', name: '问答 Q&A', description: '有问必答，采纳最佳答案。 Ask a question, get answers.', color: '#0d9488' },
  { slug: 'feedback', name: '意见箱 Feedback', description: '对社区的建议和问题反馈。 Tell us how to do better.', color: '#64748b' },
  {
    slug: 'staff',
    name: '管理组 Staff room',
    description: '仅管理人员可见 · Moderators and admins only.',
    color: '#1f2937',
    readAccess: 'moderator',
    startAccess: 'moderator',
    replyAccess: 'moderator',
  },
];

export const demoMembers: DemoMember[] = [
  { username: 'admin', displayName: '站长 Admin', role: 'admin', locale: 'zh-CN' },
  { username: 'moderator', displayName: '林版主', role: 'moderator', locale: 'zh-CN' },
  { username: 'xiaoming', displayName: '小明', locale: 'zh-CN' },
  { username: '韩梅梅', displayName: '韩梅梅', locale: 'zh-CN' },
  { username: 'lilei', displayName: '李雷', locale: 'zh-CN' },
  { username: 'zhangwei', displayName: '张伟', locale: 'zh-CN' },
  { username: 'wangfang', displayName: '王芳', locale: 'zh-CN' },
  { username: 'chenjing', displayName: '陈静', locale: 'zh-CN' },
  { username: 'alice', displayName: 'Alice Chen', locale: 'en' },
  { username: 'bob_dev', displayName: 'Bob Martin', locale: 'en' },
  { username: 'emma', displayName: 'Emma Wilson', locale: 'en' },
  { username: 'carlos', displayName: 'Carlos Ruiz', locale: 'en' },
];
