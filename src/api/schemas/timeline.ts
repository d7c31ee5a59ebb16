import { z } from 'zod';
import { Id, JsonRecord, Timestamp } from './common';

export const TimelineKind = z.enum(['bead', 'agent', 'dispatch', 'container', 'git', 'credential', 'admin']);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** One row of the unified town timeline, correlated by bead and agent id. */
export const TimelineEvent = z.object({
  /** `<kind>:<source id>`, unique within the town. */
  id: z.string(),
  kind: TimelineKind,
  type: z.string(),
  at: Timestamp,
  severity: z.enum(['info', 'warn', 'error']),
  bead_id: Id.nullable(),
  agent_id: Id.nullable(),
  summary: z.string(),
  details: JsonRecord,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelinePage = z.object({
  /** Newest first. */
  items: z.array(TimelineEvent),
  /** Pass back as `before` for older rows; null when there are none. */
  next_cursor: z.string().nullable(),
  total: z.number().int().nonnegative().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePage>;
