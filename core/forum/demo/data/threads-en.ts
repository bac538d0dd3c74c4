import type { DemoThread } from '../types.ts';

export const enThreads: DemoThread[] = [
  {
    category: 'announcements',
    author: 'admin',
    title: 'Welcome! How this community works',
    daysAgo: 27,
    pinned: 'category',
    likes: 6,
    tags: ['guidelines'],
    raw: `Hi everyone and welcome 🎉

This is a bilingual community: write in **English or Chinese**, whichever you prefer. A few pointers:

- Browse by [category](/categories) or check what is [featured](/featured).
- Use tags to make your thread easy to find.
- Mention someone with \`@username\` to get their attention.
- Quote a post with the *Quote* button to reply to a specific point.

Have fun, and be kind.`,
  },
  {
    category: 'getting-started',
    author: 'emma',
    title: 'Hello from London 👋',
    daysAgo: 24,
    likes: 4,
    tags: ['introductions'],
    raw: 'Hi all! I am Emma, a UX designer based in London. Learning Mandarin on the side — 请多指教! Looking forward to the design discussions here.',
    replies: [
      { author: '韩梅梅', raw: '欢迎 Emma！我也是做设计的，以后多交流～', likes: 2 },
      { author: 'carlos', raw: 'Welcome Emma! Greetings from Madrid.', likes: 1 },
    ],
  },
  {
    category: 'frontend',
    author: 'bob_dev',
    title: 'htmx vs. a SPA framework for a forum: my experience',
    daysAgo: 20,
    featured: true,
    likes: 9,
    tags: ['htmx', 'javascript', 'architecture'],
    raw: `I rebuilt a small community site with server-rendered HTML and htmx. Things I liked:

1. **No client state to sync.** The server renders the truth.
2. Forms work without JavaScript, then get progressively enhanced.
3. The bundle is one small library.

A reply form ends up as simple as:

\`\`\`html
<form method="post" action="/t/42/reply" hx-post="/t/42/reply" hx-target="#posts" hx-swap="beforeend">
  <textarea name="raw"></textarea>
  <button>Reply</button>
</form>
\`\`\`

Where it hurts: very interactive widgets (drag and drop, rich editors). For a forum, that is a small slice.`,
    replies: [
      { author: 'alice', raw: 'Same conclusion here. Accessibility also got easier: real links, real forms.', likes: 4 },
      { author: 'xiaoming', raw: 'We use htmx at work too. 组件复用是个问题，我们用服务端模板的 partial 来解决。', likes: 2 },
      { author: 'emma', raw: 'Curious how you handle optimistic UI, e.g. likes?', quoteFirst: true },
      { author: 'bob_dev', raw: '@emma I don\'t: the request is fast enough that swapping the button after the answer feels instant.', likes: 3 },
    ],
  },
  {
    category: 'tech',
    author: 'alice',
    title: 'TypeScript tip: let your types flow from the schema',
    daysAgo: 16,
    likes: 5,
    tags: ['typescript'],
    raw: `Instead of writing an interface *and* a validator, derive one from the other:

\`\`\`ts
import { z } from 'zod';

const newThread = z.object({
  title: z.string().trim().min(3).max(200),
  tags: z.array(z.string()).max(5),
});

type NewThread = z.infer<typeof newThread>;
\`\`\`

One source of truth, and the compiler keeps the rest honest.`,
    replies: [
      { author: 'lilei', raw: '同意，我们也用 drizzle 的 `$inferSelect`，表结构就是类型。', likes: 2 },
      { author: 'carlos', raw: 'Does this work well with form data, where everything is a string?' },
      { author: 'alice', raw: '@carlos yes, use `z.coerce.number()` for numeric fields, or a preprocess step for empty strings.', likes: 2 },
    ],
  },
  {
    category: 'marketplace',
    author: 'carlos',
    title: '[Selling] Kindle Paperwhite, barely used',
    daysAgo: 12,
    tags: ['books', 'electronics'],
    raw: `- 11th generation, 8 GB, with cover
- Price: **€60**
- Pick-up in central Madrid or shipping within Spain

Message me if interested.`,
    replies: [{ author: 'emma', raw: 'Would you ship to the UK? Happy to cover postage.' }],
  },
  {
    category: 'qa',
    author: 'emma',
    title: 'How do I write a code block in a post?',
    daysAgo: 10,
    tags: ['markdown', 'help'],
    raw: 'I want to share a snippet but it comes out as one long line. What is the trick?',
    replies: [
      {
        author: 'bob_dev',
        raw: 'Wrap it in three backticks, with the language after the first ones:\n\n````\n```js\nconsole.log("hello");\n```\n````',
        likes: 3,
      },
      { author: 'emma', raw: 'Perfect, thank you!\n\n```js\nconsole.log("it works");\n```' },
    ],
  },
  {
    category: 'events',
    author: 'alice',
    title: 'Online book club: "The Three-Body Problem", chapter 1–8',
    daysAgo: 8,
    featured: true,
    likes: 5,
    tags: ['books', 'online'],
    raw: `Our first online book club! We read Liu Cixin's *The Three-Body Problem* (三体), in English or Chinese.

**When:** Thursday 20:00 (UTC+8), on video call
**What:** chapters 1–8

Reply if you are joining, and which edition you read.`,
    replies: [
      { author: 'wangfang', raw: '我读中文版！第一次参加英文讨论，有点紧张 😅', likes: 2 },
      { author: 'carlos', raw: 'Joining with the English translation by Ken Liu.', likes: 1 },
      { author: 'lilei', raw: '三体迷报到，可以帮大家解释一些中文语境的梗。', likes: 3 },
    ],
  },
  {
    category: 'feedback',
    author: 'carlos',
    title: 'Feature request: dark mode',
    daysAgo: 7,
    likes: 6,
    tags: ['feature-request'],
    raw: 'Reading late at night is hard on the eyes. A dark theme (or following the system setting) would be lovely.',
    replies: [
      { author: 'admin', raw: 'Good news: you can already pick *Dark* or *System* in your preferences. Let us know if anything looks off!', likes: 4 },
      { author: 'carlos', raw: 'Oh nice, found it. Thanks!' },
    ],
  },
  {
    category: 'tech',
    author: 'bob_dev',
    title: 'What is in your terminal setup?',
    daysAgo: 5,
    tags: ['tools', 'terminal'],
    raw: 'Mine: **fish** shell, **tmux**, **neovim**, and `ripgrep` for everything. What do you use?',
    replies: [
      { author: 'zhangwei', raw: 'zsh + oh-my-zsh，再加一个 `fzf`，历史命令搜索神器。', likes: 2 },
      { author: 'alice', raw: 'VS Code terminal, honestly. And `lazygit`.', likes: 1 },
      { author: 'lilei', raw: 'wezterm + helix，配置文件都放在 dotfiles 仓库里。' },
    ],
  },
  {
    category: 'getting-started',
    author: 'carlos',
    title: 'Tips for writing a good question',
    daysAgo: 3,
    likes: 3,
    tags: ['help', 'guidelines'],
    raw: `From answering a lot of questions, what helps most:

> Say what you tried, what you expected, and what happened instead.

Plus: the exact error message, your versions, and the smallest example that shows the problem.`,
    replies: [{ author: 'moderator', raw: '总结得很好，我把它加到新手入门的置顶帖里了。', likes: 2 }],
  },
  {
    category: 'qa',
    author: 'alice',
    title: 'Best way to learn Chinese characters as an adult?',
    daysAgo: 2,
    tags: ['chinese', 'learning'],
    raw: 'I can speak a bit but reading is slow. Flashcards? Graded readers? What worked for you?',
    replies: [
      { author: '韩梅梅', raw: '推荐分级读物，先从 HSK 3 的开始，看不懂的字再做成卡片。', likes: 2 },
      { author: 'emma', raw: 'Spaced repetition (Anki) plus reading this forum in Chinese 😄', likes: 1 },
    ],
  },
  {
    category: 'frontend',
    author: 'emma',
    title: 'Accessible colour contrast for category labels',
    daysAgo: 1,
    tags: ['accessibility', 'css'],
    raw: 'Putting text directly on a user-chosen colour often fails WCAG contrast. A coloured dot or left border next to neutral text works for any colour. Thoughts?',
    replies: [{ author: 'xiaoming', raw: '同意，我们社区的分类标签就是用小色块 + 正常文字颜色。' }],
  },
  {
    category: 'marketplace',
    author: 'emma',
    title: '[Ride share] Heathrow on Friday morning',
    daysAgo: 6,
    tags: ['ride-share', 'london'],
    raw: 'Driving to Heathrow on Friday, leaving Camden at 6:30. Two seats free, share the petrol. Reply or message me!',
  },
  {
    category: 'events',
    author: 'bob_dev',
    title: 'Weekend hackathon: build a forum plugin in 48 hours',
    daysAgo: 4,
    likes: 4,
    tags: ['hackathon', 'online'],
    raw: `Let's build plugins for this forum over the weekend!

- Kick-off **Saturday 10:00 UTC**, demos Sunday 18:00
- Teams of 1–3, any idea welcome: polls, badges, a weather widget…
- Reply with your idea to find teammates`,
    replies: [
      { author: 'xiaoming', raw: '想做一个签到打卡插件，有人组队吗？', likes: 2 },
      { author: 'carlos', raw: 'I am in, thinking about a marketplace price history chart.' },
    ],
  },
  {
    category: 'tech',
    author: 'carlos',
    title: 'Self-hosting on a small VPS: what do you run?',
    daysAgo: 1,
    tags: ['self-hosting'],
    raw: 'I have a 2 GB VPS running Postgres, this forum and a few static sites behind Caddy. Anyone else self-hosting? What does your stack look like?',
    replies: [{ author: 'lilei', raw: '差不多：Postgres + Caddy，再加一个每天自动备份到对象存储的脚本。', likes: 1 }],
  },
];
