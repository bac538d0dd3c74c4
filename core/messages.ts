import { accountMessages } from './accounts/messages.ts';
import { adminMessages } from './admin/messages.ts';
import { setupMessages } from './admin/setup-messages.ts';
import { forumMessages } from './forum/messages.ts';
import { httpMessages } from './http/messages.ts';
import { registerMessages } from './i18n/index.ts';
import { liveMessages } from './live/messages.ts';
import { uiMessages } from './ui/messages.ts';
import { notificationMessages } from './notifications/messages.ts';
import { mailMessagesText } from './mail/messages.ts';
import { digestMessages } from './digests/messages.ts';
import { watchingMessages } from './watching/messages.ts';
import { conversationTexts } from './conversations/messages.ts';
import { analyticsMessages } from './analytics/messages.ts';
import { uploadMessages } from './uploads/messages.ts';
import { searchMessages } from './search/messages.ts';
import { trustMessages } from './trust/messages.ts';
import { schedulingMessages } from './scheduling/messages.ts';
import { inviteMessages } from './invites/messages.ts';
import { onboardingMessages } from './onboarding/messages.ts';
import { communityAdminMessages } from './admin/members/messages.ts';
import { moderationMessages } from './moderation/messages.ts';

/** Every core domain's strings, registered once at start. */
export function registerCoreMessages(): void {
  for (const set of [httpMessages, uiMessages, accountMessages, setupMessages, forumMessages, adminMessages, notificationMessages, watchingMessages, conversationTexts, mailMessagesText, digestMessages, liveMessages, analyticsMessages, uploadMessages, trustMessages, schedulingMessages, inviteMessages, onboardingMessages, communityAdminMessages, moderationMessages, searchMessages]) {
    registerMessages(set);
  }
}
