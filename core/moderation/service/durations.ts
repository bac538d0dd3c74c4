import { z } from 'zod';

/** The lengths staff pick from; 'permanent' means until lifted. */
export const sanctionDurations = ['1h', '6h', '1d', '3d', '7d', '30d', '365d', 'permanent'] as const;
export type SanctionDuration = (typeof sanctionDurations)[number];

export const durationSchema = z.enum(sanctionDurations, { error: 'moderation.sanction.duration.invalid' });

const HOUR = 3600_000;

/** When a sanction of this length that starts now ends; null for permanent. */
export function endOf(duration: SanctionDuration, from: Date): Date | null {
  if (duration === 'permanent') return null;
  const n = Number(duration.slice(0, -1));
  const unit = duration.endsWith('h') ? HOUR : 24 * HOUR;
  return new Date(from.getTime() + n * unit);
}
