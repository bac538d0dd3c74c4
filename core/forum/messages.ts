import { forumAdminMessages } from './messages/admin.ts';
import { communityEditMessages } from './messages/community.ts';
import { readingMessages } from './messages/reading.ts';
import { writingMessages } from './messages/writing.ts';

/** Every string of the forum domain; each part is checked for a complete zh-CN translation. */
export const forumMessages = {
  en: { ...readingMessages.en, ...writingMessages.en, ...forumAdminMessages.en, ...communityEditMessages.en },
  'zh-CN': { ...readingMessages['zh-CN'], ...writingMessages['zh-CN'], ...forumAdminMessages['zh-CN'], ...communityEditMessages['zh-CN'] },
};
