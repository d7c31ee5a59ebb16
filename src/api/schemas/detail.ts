import { z } from 'zod';
import { Bead, Convoy } from './bead';
import { AgentListItem, Assignment, DispatchAttempt } from './agent';
import { ReviewEntry } from './review';
import { Id } from './common';
import { Escalation } from './escalation';

/** Everything the Bead Inspector needs besides history and graph. */
export const BeadDetail = z.object({
  bead: Bead,
  hooked_agent: AgentListItem.nullable(),
  assignments: z.array(Assignment),
  merge_requests: z.array(ReviewEntry),
  dispatch_attempts: z.array(DispatchAttempt),
  /** Set when the bead is a convoy. */
  convoy: Convoy.nullable(),
  /** Convoys that track this bead. */
  member_of_convoys: z.array(z.object({ bead_id: Id, title: z.string() })),
  /** Set when the bead is an escalation: severity, acknowledgement, re-escalations. */
  escalation: Escalation.nullish().transform((v) => v ?? null),
});
export type BeadDetail = z.infer<typeof BeadDetail>;
