import type { ViewContext } from '../../ui/view-context.ts';

/** An untitled conversation is named after the other participants. */
export function conversationTitle(vc: ViewContext, title: string | null, others: string[]): string {
  if (title) return title;
  return others.length ? vc.t('conversations.with', { names: others.join(vc.t('conversations.nameSeparator')) }) : vc.t('conversations.untitled');
}
