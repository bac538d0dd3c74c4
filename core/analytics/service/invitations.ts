import { sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { toRange, type Period } from '../ranges.ts';

export type InvitationFigures = {
  /** Invite links members created in the period. */
  created: number;
  /** Registrations through an invite link in the period. */
  accepted: number;
};

/** Invitations sent and accepted in a period (forum time zone), counted from the invites tables. */
export async function invitationFigures(database: Database, period: Period, timeZone: string): Promise<InvitationFigures> {
  const range = toRange(period, timeZone, null);
  // as ISO text: postgres.js does not bind Date objects inside raw sql fragments
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const [row] = await database.rows<InvitationFigures>(sql`
    select (select count(*)::int from invites where created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz) as created,
           (select count(*)::int from invite_redemptions where created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz) as accepted`);
  return row ?? { created: 0, accepted: 0 };
}
