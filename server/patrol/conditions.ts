import type { WorldCondition } from '../../scenarios/types';
import { all, first, fromJson, insert, str } from '../db/sql';
import type { Tick } from './tick';

type Kind = WorldCondition['kind'];

/**
 * Faults as state: the root causes of failure scenarios that no other row states (see WorldCondition).
 * A step asks whether a condition holds and keeps producing its symptom while it does; the step that
 * sees an intervention's change remove the cause (a new credential, a rebased branch, a new Mayor
 * session) clears it. Interventions never touch this table: the patrol reacts to what they write.
 */
export function condition(tick: Tick, kind: Kind, subject: string): WorldCondition | null {
  const row = first(tick.sql, 'SELECT * FROM world_conditions WHERE kind = ? AND subject = ?', kind, subject);
  return row ? { kind, subject, detail: fromJson<Record<string, unknown>>(row.detail, {}), since: str(row.since) } : null;
}

export function conditions(tick: Tick, kind: Kind): WorldCondition[] {
  return all(tick.sql, 'SELECT * FROM world_conditions WHERE kind = ? ORDER BY subject', kind).map((row) => ({
    kind,
    subject: str(row.subject),
    detail: fromJson<Record<string, unknown>>(row.detail, {}),
    since: str(row.since),
  }));
}

export function clearCondition(tick: Tick, kind: Kind, subject: string): void {
  tick.sql.exec('DELETE FROM world_conditions WHERE kind = ? AND subject = ?', kind, subject);
}

export function addCondition(tick: Tick, kind: Kind, subject: string, detail: Record<string, unknown>): void {
  insert(tick.sql, 'world_conditions', { kind, subject, detail: JSON.stringify(detail), since: tick.iso }, 'INSERT OR REPLACE');
}
