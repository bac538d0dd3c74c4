import type { User } from '../../accounts/schema.ts';
import { reportWeight as trustReportWeight } from '../../trust/abilities.ts';

/**
 * How much one member's report counts towards hiding an item (人治 → 自治): reports of established members
 * weigh more, reports of brand-new accounts (trust level 0) still reach the queue but hide nothing.
 * Trust levels come from core/trust; staff reports hide at once with the default threshold.
 */
export function reportWeight(user: Pick<User, 'role' | 'trustLevel'>): number {
  // the weights per level are trust settings (admin → trust levels); defaults: 0, 1, 1, 2, 2 and staff 3
  return trustReportWeight(user);
}
