// Trust levels (人治 → 自治) and category-scoped moderators: the public surface for other domains.
export { trustLevelChanges, categoryModerators, type TrustLevelChange } from './schema.ts';
export { trustLevelOf, can, reportWeight } from './abilities.ts';
export { trustSettings, saveTrustSettings, trustSettingsSchema, abilities, type Ability, type TrustSettings, type TrustLevel } from './settings.ts';
export { recomputeTrustLevel, recomputeAllTrustLevels, setTrustLevel, trustHistory } from './service.ts';
export { computeTrustLevel, type TrustStats } from './compute.ts';
export { trustStatsFor } from './stats.ts';
export { addCategoryModerator, removeCategoryModerator, moderatedCategories } from './moderators.ts';
export { TRUST_RECOMPUTE_JOB } from './jobs.ts';
export { registerTrust } from './register.tsx';
export { trustMessages } from './messages.ts';
