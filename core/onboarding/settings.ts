import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { readJsonSetting, writeJsonSetting } from '../trust/json-setting.ts';

export const onboardingSettingsSchema = z.object({
  /** Send the welcome private message (迎新) on registration. */
  welcomeEnabled: z.boolean().default(true),
  /** The staff account it comes from; none: the first administrator. */
  welcomeSenderId: z.number().int().positive().nullable().default(null),
  /** Markdown; empty uses the built-in text in the member's language. {name}, {forum} and {rules} are filled in. */
  welcomeTitle: z.string().max(200).default(''),
  welcomeBody: z.string().max(20000).default(''),
});
export type OnboardingSettings = z.infer<typeof onboardingSettingsSchema>;

const KEY = 'community.onboarding';

export function onboardingSettings(db: DbOrTx): Promise<OnboardingSettings> {
  return readJsonSetting(db, KEY, onboardingSettingsSchema);
}

export function saveOnboardingSettings(db: DbOrTx, value: z.input<typeof onboardingSettingsSchema>): Promise<OnboardingSettings> {
  return writeJsonSetting(db, KEY, onboardingSettingsSchema, value);
}
