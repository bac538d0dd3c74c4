import { defineMessages } from '../i18n/index.ts';

export const adminMessages = defineMessages({
  en: {},
  'zh-CN': {},
});
