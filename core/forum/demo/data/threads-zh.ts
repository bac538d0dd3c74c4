import type { DemoThread } from '../types.ts';

export const zhThreads: DemoThread[] = [
  {
    category: 'announcements',
    author: 'admin',
    title: '欢迎来到社区！请先阅读社区规则',
    daysAgo: 27,
    pinned: 'global',
    locked: true,
    likes: 9,
    tags: ['社区规则', '公告'],
    raw: `大家好，欢迎加入我们的社区 👋

为了让每个人都能愉快地交流，请花两分钟读一下这几条规则：

1. **友善交流**：对事不对人，禁止人身攻击。
2. **不刷屏、不发广告**：重复内容和推广链接会被删除。
3. **转载请注明出处**：发帖时可以填写“来源”。
4. **发错分类没关系**：版主会帮你移动。

遇到违规内容，请使用举报功能，或者在 [意见箱](/c/feedback) 留言。

> 社区是大家的，规则也欢迎大家一起完善。

祝玩得开心！`,
  },
  {
    category: 'getting-started',
    author: 'moderator',
    title: '新人报到帖：来做个自我介绍吧',
    daysAgo: 26,
    pinned: 'category',
    featured: true,
    likes: 7,
    tags: ['自我介绍'],
    raw: `新朋友们好！我是版主 @moderator，在这里跟帖介绍一下自己吧：

- 怎么称呼你？
- 在哪座城市？
- 平时喜欢什么？为什么来到这里？

第一次发帖的同学也可以在这里练练手 😄`,
    replies: [
      { author: 'xiaoming', raw: '大家好，我是小明，在杭州做前端开发，平时喜欢跑步和拍照。希望在这里多学习！', likes: 3 },
      { author: '韩梅梅', raw: '我是韩梅梅，成都人，刚毕业，对产品设计很感兴趣，请多关照～', likes: 4 },
      { author: 'lilei', raw: '李雷报到！后端工程师，写 Go 和 Rust。@韩梅梅 成都的朋友，下次线下活动见！', likes: 2 },
      { author: 'alice', raw: 'Hi everyone, I am Alice from Singapore. 我的中文还在学习中，请多多包涵！', likes: 5 },
    ],
  },
  {
    category: 'tech',
    author: 'lilei',
    title: 'Rust 所有权机制入门：一篇讲清楚借用检查',
    daysAgo: 21,
    featured: true,
    likes: 8,
    tags: ['rust', '编程语言'],
    raw: `很多人学 Rust 卡在所有权上，其实记住三条规则就够了：

1. 每个值都有一个**所有者**；
2. 同一时间只能有一个所有者；
3. 所有者离开作用域，值就被释放。

来看一个最常见的报错：

\`\`\`rust
fn main() {
    let s = String::from("你好");
    let t = s;          // 所有权移动到 t
    println!("{}", s);  // 编译错误：value borrowed here after move
}
\`\`\`

解决办法是借用（\`&s\`）或者克隆（\`s.clone()\`）。借用的规则是：**要么多个不可变引用，要么一个可变引用**。

有问题欢迎在下面讨论！`,
    replies: [
      { author: 'zhangwei', raw: '讲得很清楚！想问一下，生命周期标注什么时候必须写？', likes: 1 },
      {
        author: 'lilei',
        raw: '当函数返回引用、而编译器推断不出它和哪个参数关联时就要写，比如：\n\n```rust\nfn longest<\'a>(a: &\'a str, b: &\'a str) -> &\'a str {\n    if a.len() > b.len() { a } else { b }\n}\n```',
        likes: 4,
      },
      { author: 'bob_dev', raw: 'Great write-up. The borrow checker felt like a wall to me at first, now it feels like a pair programmer.', likes: 2 },
    ],
  },
  {
    category: 'frontend',
    author: 'xiaoming',
    title: 'CSS 居中的五种写法，你最常用哪一种？',
    daysAgo: 18,
    likes: 5,
    tags: ['css', '前端'],
    raw: `整理了一下常用的居中方法：

\`\`\`css
/* 1. Flex */
.parent { display: flex; justify-content: center; align-items: center; }

/* 2. Grid */
.parent { display: grid; place-items: center; }

/* 3. 绝对定位 + transform */
.child { position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%); }
\`\`\`

另外还有 \`margin: auto\` 和 \`text-align: center\`（行内元素）。我现在基本只用 Grid，一行搞定。`,
    replies: [
      { author: 'wangfang', raw: '`place-items: center` 真的太香了，收藏了！', likes: 2 },
      { author: 'emma', raw: 'Flexbox for me, mostly out of habit. Grid is cleaner though.', likes: 1 },
    ],
  },
  {
    category: 'marketplace',
    author: 'zhangwei',
    title: '【出】九成新机械键盘，青轴，杭州同城自提',
    daysAgo: 15,
    tags: ['键盘', '杭州'],
    raw: `用了半年的 87 键机械键盘，青轴，无磨损，原盒配件都在。

- 价格：**280 元**（原价 499）
- 地点：杭州西湖区，同城自提或顺丰到付
- 有意私信，不议价，谢谢 🙏`,
    replies: [
      { author: 'xiaoming', raw: '还在吗？周末可以去看看吗？' },
      { author: 'zhangwei', raw: '@xiaoming 在的，周六下午都有空，私信你地址。' },
    ],
  },
  {
    category: 'events',
    author: 'moderator',
    title: '【线下活动】本周六杭州技术沙龙，欢迎报名',
    daysAgo: 9,
    pinned: 'category',
    likes: 6,
    tags: ['线下活动', '杭州'],
    raw: `### 活动信息

- **时间**：周六 14:00–17:00
- **地点**：西湖区文三路某咖啡馆（报名后私信具体地址）
- **主题**：前端工程化 & Rust 在 Web 中的应用
- **名额**：20 人，先到先得

在下面回复“报名 + 称呼”即可。现场有茶歇 ☕`,
    replies: [
      { author: 'xiaoming', raw: '报名 + 小明', likes: 1 },
      { author: 'lilei', raw: '报名 + 李雷，可以分享一下 Rust + WebAssembly 的实践。', likes: 3 },
      { author: 'chenjing', raw: '报名 + 陈静，第一次参加线下活动，有点期待！' },
    ],
  },
  {
    category: 'qa',
    author: 'chenjing',
    title: 'Git 提交错了分支怎么办？',
    daysAgo: 6,
    tags: ['git', '求助'],
    raw: '刚才在 `main` 分支上提交了本来应该在 `feature` 分支的改动，还没有 push。怎么把这次提交挪过去？',
    replies: [
      {
        author: 'lilei',
        raw: '还没 push 的话很简单：\n\n```bash\ngit branch feature        # 在当前位置建分支（如果还没有）\ngit reset --hard HEAD~1    # main 回退一个提交\ngit switch feature\n```\n\n如果 feature 已经存在，用 `git cherry-pick <提交哈希>` 把提交拿过去。',
        likes: 4,
      },
      { author: 'chenjing', raw: '解决了，谢谢 @lilei！原来 `reset --hard` 要小心用。', quoteFirst: false, likes: 1 },
    ],
  },
  {
    category: 'feedback',
    author: '韩梅梅',
    title: '建议：手机上回复框能不能大一点？',
    daysAgo: 4,
    tags: ['建议', '移动端'],
    likes: 3,
    raw: '在手机上写长回复的时候，输入框只有几行，来回滚动很不方便。希望能自适应高度，或者有个全屏编辑模式。',
    replies: [
      { author: 'moderator', raw: '收到，已经记录下来了。下个版本会优化移动端的编辑体验，感谢反馈！', likes: 2 },
      { author: 'wangfang', raw: '+1，同样的困扰。', quoteFirst: true },
    ],
  },
  {
    category: 'getting-started',
    author: 'wangfang',
    title: '怎么设置头像和个人简介？',
    daysAgo: 3,
    tags: ['新手'],
    raw: '刚注册，找了一圈没找到在哪里改个人资料，求指路～',
    replies: [
      { author: 'xiaoming', raw: '点右上角你的名字进入个人主页，再点“偏好设置”就可以改简介和显示名称了。', likes: 2 },
      { author: 'wangfang', raw: '找到了，谢谢！' },
    ],
  },
  {
    category: 'tech',
    author: 'zhangwei',
    title: 'PostgreSQL 分页为什么不建议用 OFFSET？',
    daysAgo: 2,
    tags: ['postgresql', '数据库'],
    likes: 4,
    source: 'https://use-the-index-luke.com/no-offset',
    raw: `读到一篇文章（见来源），总结一下：

\`OFFSET 100000\` 意味着数据库要先数出前十万行再丢掉，越往后越慢。推荐用**键集分页**（keyset pagination）：

\`\`\`sql
SELECT * FROM threads
WHERE (last_post_at, id) < ($1, $2)
ORDER BY last_post_at DESC, id DESC
LIMIT 30;
\`\`\`

配合 \`(last_post_at DESC, id DESC)\` 的索引，每一页都一样快。`,
    replies: [
      { author: 'bob_dev', raw: 'Also gives stable pages when new rows arrive: no duplicates when someone posts while you scroll.', likes: 3 },
      { author: 'lilei', raw: '我们的社区列表页就是这么做的 😄' },
    ],
  },
  {
    category: 'events',
    author: 'chenjing',
    title: '周日早上西湖夜跑改晨跑，有人一起吗？',
    daysAgo: 1,
    tags: ['跑步', '杭州'],
    raw: '周日早上 7 点断桥集合，绕湖 10 公里，配速 6 分左右，新手友好。跑完一起吃早饭 🥟',
    replies: [{ author: 'xiaoming', raw: '我来！正好在练半马。' }],
  },
  {
    category: 'staff',
    author: 'moderator',
    title: '本月版务记录与待办',
    daysAgo: 5,
    tags: ['版务'],
    raw: `- 处理举报 12 条，其中广告 9 条
- 新人首帖审核：通过 30，退回 2
- 待办：整理“新手入门”置顶帖，补充常见问题

@admin 下周例会讨论一下积分规则？`,
    replies: [{ author: 'admin', raw: '好的，周三晚上 8 点线上碰一下。' }],
  },
  {
    category: 'tech',
    author: 'lilei',
    title: 'Docker 镜像体积优化的几个小技巧',
    daysAgo: 13,
    likes: 4,
    tags: ['docker', '运维'],
    raw: `把一个 Node 服务的镜像从 1.2 GB 降到 180 MB，主要做了这些：

1. 多阶段构建，只把产物拷进最终镜像；
2. 基础镜像换成 \`node:20-slim\`；
3. \`npm ci --omit=dev\`，并加上 \`.dockerignore\`。

\`\`\`dockerfile
FROM node:20 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:20-slim
COPY --from=build /app/dist /app
CMD ["node", "/app/server.js"]
\`\`\``,
    replies: [{ author: 'bob_dev', raw: 'Also worth trying distroless images if you do not need a shell.', likes: 2 }],
  },
  {
    category: 'marketplace',
    author: 'chenjing',
    title: '【求】二手 27 寸 2K 显示器，预算 800 以内',
    daysAgo: 11,
    tags: ['显示器', '求购'],
    raw: '最好是 IPS 屏，有 Type-C 接口更好。杭州或上海同城优先，可以自提。',
    replies: [{ author: 'zhangwei', raw: '我有一台闲置的，私信你型号和照片。' }],
  },
  {
    category: 'qa',
    author: 'wangfang',
    title: 'Python 虚拟环境用 venv 还是 conda？',
    daysAgo: 8,
    tags: ['python', '求助'],
    raw: '刚开始学数据分析，看到教程有的用 venv 有的用 conda，该选哪个？',
    replies: [
      { author: 'zhangwei', raw: '做数据分析、需要装科学计算的二进制包，用 conda 省心；写普通项目用 venv 就够了。', likes: 3 },
      { author: 'alice', raw: 'These days I use `uv` for plain Python projects, it is very fast.', likes: 1 },
    ],
  },
  {
    category: 'getting-started',
    author: '韩梅梅',
    title: '怎么在帖子里提到别人？',
    daysAgo: 7,
    tags: ['新手'],
    raw: '看到有人的回复里名字是蓝色的链接，这是怎么做到的？',
    replies: [{ author: 'moderator', raw: '输入 @ 加上对方的用户名就可以了，比如 @xiaoming，对方会收到提醒。', likes: 2 }],
  },
];
