import { defineMessages } from '../i18n/index.ts';

export const forumMessages = defineMessages({
  en: {},
  'zh-CN': {},
});
