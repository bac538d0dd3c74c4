/** Notification type → i18n key of its one-line text. Core registers its types; plugins add theirs. */
const messageKeys = new Map<string, string>();

export function registerNotificationType(type: string, messageKey: string): void {
  messageKeys.set(type, messageKey);
}

export function notificationMessageKey(type: string): string {
  return messageKeys.get(type) ?? 'notifications.generic';
}
