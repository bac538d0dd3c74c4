export { buildDigest, digestCategoryIds, isEmptyDigest, type DigestContent, type DigestThread } from './content.ts';
export { IMMEDIATE_JOB, sendImmediateEmails } from './immediate.ts';
export { mailAllowed, registerEmailJobs } from './jobs.ts';
export { duePeriod, localTime, periodKey } from './periods.ts';
export {
  allowsPurpose,
  defaultEmailPreferences,
  getEmailPreferences,
  patchEmailPreferences,
  saveEmailPreferences,
  unsubscribe,
  type EmailChoices,
} from './preferences.ts';
export { previewDigest, type DigestPreviewResult } from './preview.ts';
export { recipientOf, unsubscribeFor, type EmailDeps, type Recipient } from './recipient.ts';
export { digestRoutes, isUnsubscribePath } from './routes.tsx';
export { DIGEST_SCHEDULE_JOB, scheduleDigests } from './schedule.ts';
export { emailJobCursors, emailPreferences, notificationEmails, type EmailPreferences } from './schema.ts';
export { DIGEST_SEND_JOB, digestDedupeKey, sendDigest } from './send.ts';
export { getImmediateDelayMinutes, immediateDelaySchema, setImmediateDelayMinutes } from './settings.ts';
export { signUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribePurpose } from './tokens.ts';
export { countDormantMembers, currentMonth, sendWeMissYou, WEMISSYOU_JOB, weMissYouKey } from './wemissyou.ts';
export { digestMessages } from './messages.ts';
