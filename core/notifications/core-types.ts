import { registerNotificationType, type NotificationData } from './types.ts';

/** Every notification type core sends; plugin types are '<pluginId>.<name>'. */
export const coreNotificationTypes = {
  reply: 'reply',
  mention: 'mention',
  quote: 'quote',
  watching: 'watching',
  newThread: 'newThread',
  like: 'like',
  message: 'message',
  messageReport: 'messageReport',
} as const;

export type CoreNotificationType = (typeof coreNotificationTypes)[keyof typeof coreNotificationTypes];

const count = (data: NotificationData, field: string) => Number(data[field] ?? 0);

registerNotificationType('reply', 'notifications.type.reply');
registerNotificationType('mention', 'notifications.type.mention');
registerNotificationType('quote', 'notifications.type.quote');
registerNotificationType('watching', 'notifications.type.watching');
registerNotificationType('newThread', 'notifications.type.newThread');
registerNotificationType('like', (data) => {
  const others = count(data, 'others');
  return others === 0 ? 'notifications.type.like' : others === 1 ? 'notifications.type.likePair' : 'notifications.type.likeMany';
});
registerNotificationType('message', (data) => (count(data, 'count') > 1 ? 'notifications.type.messageMany' : 'notifications.type.message'));
registerNotificationType('messageReport', 'notifications.type.messageReport');
