import { defineMessages } from '../i18n/index.ts';

export const notificationMessages = defineMessages({
  en: {
    'notifications.title': 'Notifications',
    'notifications.bell': 'Notifications ({count} unread)',
    'notifications.empty': 'You have no notifications yet.',
    'notifications.markAllRead': 'Mark all as read',
    'notifications.markRead': 'Mark as read',
    'notifications.unread': 'Unread',
    'notifications.older': 'Older notifications',
    'notifications.generic': 'You have a new notification.',
  },
  'zh-CN': {
    'notifications.title': '通知',
    'notifications.bell': '通知（{count} 条未读）',
    'notifications.empty': '你还没有任何通知。',
    'notifications.markAllRead': '全部标为已读',
    'notifications.markRead': '标为已读',
    'notifications.unread': '未读',
    'notifications.older': '更早的通知',
    'notifications.generic': '你有一条新通知。',
  },
});
