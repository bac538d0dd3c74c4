// The moderation domain's public surface.
export * from './schema.ts';
export { logModerationAction, listModerationLog, type ModerationAction } from './service/log.ts';
export { registerQueueSource } from './service/queue.ts';
export type { QueueItem, QueueSource } from './service/queue-types.ts';
export { reportWeight } from './service/weight.ts';
export { applySanction, liftSanction, sanctionsOf, activeSanction, canSanction } from './service/sanctions.ts';
export { fileReport, resolveReports } from './service/reports.ts';
export { registerReportable, type Reportable, type ReportableItem } from './service/reportables.ts';
export { holdPost, releasePost } from './service/held.ts';
export { currentRules, mustAcceptRules, acceptRules, publishRules } from './service/community-rules.ts';
export { ruleConfigFor, saveRuleConfig, type RuleConfig } from './service/settings.ts';
export { moveThread, mergeThreads, splitThread, setUnlisted } from './service/thread-tools.ts';
export { moderationRoutes } from './routes/index.tsx';
export { standingMiddleware, type MemberStanding } from './standing.ts';
export { registerModeration } from './register.ts';
export { moderationMessages } from './messages.ts';
