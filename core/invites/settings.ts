import { z } from 'zod';
import type { DbOrTx } from '../db/index.ts';
import { readJsonSetting, writeJsonSetting } from '../trust/json-setting.ts';

const int = (min: number, max: number) =>
  z.coerce.number({ error: 'invites.settings.number' }).int('invites.settings.number').min(min, 'invites.settings.number').max(max, 'invites.settings.number');

export const inviteSettingsSchema = z.object({
  /** Members from this trust level may invite (staff always may). */
  minTrustLevel: int(0, 4).default(1),
  /** The most uses one link may have, and the longest it may live. */
  maxUses: int(1, 1000).default(20),
  maxDays: int(1, 365).default(30),
  /** Links one member may have open at once. */
  maxOpenPerMember: int(1, 1000).default(10),
});
export type InviteSettings = z.infer<typeof inviteSettingsSchema>;

const KEY = 'community.invites';

export function inviteSettings(db: DbOrTx): Promise<InviteSettings> {
  return readJsonSetting(db, KEY, inviteSettingsSchema);
}

export function saveInviteSettings(db: DbOrTx, value: z.input<typeof inviteSettingsSchema>): Promise<InviteSettings> {
  return writeJsonSetting(db, KEY, inviteSettingsSchema, value);
}
