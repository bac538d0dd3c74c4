import { excerpt, renderMarkdown } from '../../markdown/index.ts';

/** Sanitised HTML, rendered once when the message is written. */
export function renderMessage(raw: string): string {
  return renderMarkdown(raw).html;
}

/** What an untitled conversation is called in notifications: the start of its first message. */
export function notificationTitle(title: string | null, raw: string): string {
  return title ?? excerpt(raw, 60);
}
