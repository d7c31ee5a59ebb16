import { z } from 'zod';
import { Id, Timestamp } from './common';
import { BeadStatus } from './bead';
import { openEnum } from './tolerant';

/** Production's escalation severities (DOMAIN.md); an unknown one is read as itself. */
export const EscalationSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type EscalationSeverity = z.infer<typeof EscalationSeverity>;

/** Null for a field production leaves out. */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/**
 * An escalation bead (type `escalation`) with its side-table row: how severe, whether an operator has
 * acknowledged it, and how often it was raised again since it was first raised.
 */
export const Escalation = z.object({
  bead_id: Id,
  title: z.string(),
  status: openEnum(BeadStatus),
  severity: openEnum(EscalationSeverity),
  acknowledged: z.boolean(),
  acknowledged_at: nullish(Timestamp),
  /** Who acknowledged it: an admin's name (through the panel) or what production recorded. */
  acknowledged_by: nullish(z.string()),
  re_escalation_count: z.number().int().nonnegative(),
  /** The bead the escalation is about (a stuck issue), when it names one. */
  source_bead_id: nullish(Id),
  created_at: Timestamp,
  last_escalated_at: nullish(Timestamp),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationList = z.object({ items: z.array(Escalation) });
export type EscalationList = z.infer<typeof EscalationList>;
