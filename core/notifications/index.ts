// In-app notifications: the public surface for other domains.
export { notifications, type Notification } from './schema.ts';
export { notifyStaff } from './staff.ts';
export { notify, notifyMany, unreadCount, listNotifications, recentNotifications, markRead, markAllRead, markGroupRead, type NewNotification, type NotifyOptions } from './service.ts';
export { emitNotified } from './events.ts';
export { notifyGrouped, type GroupedNotification } from './grouped.ts';
export { registerNotificationType, notificationMessageKey, type NotificationData, type NotificationMessage } from './types.ts';
export { coreNotificationTypes, type CoreNotificationType } from './core-types.ts';
export { registerCoreNotifications } from './fanout.ts';
export { fanOutPost } from './post-fanout.ts';
export { notificationRoutes } from './routes.tsx';
export { unreadCountMiddleware } from './middleware.ts';
export { notificationMessages } from './messages.ts';
export { NotificationMenu } from './views/menu.tsx';
