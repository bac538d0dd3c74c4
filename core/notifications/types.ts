export type NotificationData = Record<string, string | number>;

/** A fixed i18n key, or one chosen from the notification's data (e.g. "A liked" vs "A and 2 others liked"). */
export type NotificationMessage = string | ((data: NotificationData) => string);

/** Notification type → its one-line text. Core registers its types (core-types.ts); plugins add theirs. */
const messageKeys = new Map<string, NotificationMessage>();

export function registerNotificationType(type: string, messageKey: NotificationMessage): void {
  messageKeys.set(type, messageKey);
}

export function notificationMessageKey(type: string, data: NotificationData = {}): string {
  const message = messageKeys.get(type);
  if (message === undefined) return 'notifications.generic';
  return typeof message === 'string' ? message : message(data);
}

export function isRegisteredNotificationType(type: string): boolean {
  return messageKeys.has(type);
}
