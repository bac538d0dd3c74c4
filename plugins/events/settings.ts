import { z } from 'zod';
import type { PluginApi } from '../../core/plugins/api.ts';

export const eventsSettings = z.object({
  /** Who may make a new thread an event: any member who may start threads there, or staff only. */
  whoCanCreate: z.enum(['members', 'staff']).default('members'),
  /** Attendees are reminded this many hours before the start (in-app and by email). */
  reminderHours: z.number().int().min(1).max(336).default(24),
  /** Most occurrences a weekly or monthly series may have. */
  maxOccurrences: z.number().int().min(2).max(52).default(12),
});

export type EventsSettings = z.infer<typeof eventsSettings>;
export type EventsApi = PluginApi<EventsSettings>;
