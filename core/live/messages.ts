import { defineMessages } from '../i18n/index.ts';

export const liveMessages = defineMessages({
  en: {
    'live.newReply': '1 new reply — show',
    'live.newReplies': '{count} new replies — show',
    'live.newActivity': 'New activity — refresh the list',
  },
  'zh-CN': {
    'live.newReply': '有 1 条新回复，点击查看',
    'live.newReplies': '有 {count} 条新回复，点击查看',
    'live.newActivity': '有新动态，点击刷新列表',
  },
});
