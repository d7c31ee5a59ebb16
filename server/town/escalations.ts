import type { Escalation, EscalationList, HealthInputs } from '../../src/api/schemas';
import type { EscalationRow } from '../../scenarios/types';
import type { SqlPort } from '../ports';
import { all, first, insert, num, str, strOrNull, type Row } from '../db/sql';

/** Most severe first, then the longest waiting. */
const SEVERITY_ORDER = `CASE e.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

const toEscalation = (row: Row): Escalation => ({
  bead_id: str(row.bead_id),
  title: str(row.title),
  status: str(row.status),
  severity: str(row.severity),
  acknowledged: num(row.acknowledged) === 1,
  acknowledged_at: strOrNull(row.acknowledged_at),
  acknowledged_by: strOrNull(row.acknowledged_by),
  re_escalation_count: num(row.re_escalation_count),
  source_bead_id: strOrNull(row.source_bead_id),
  created_at: str(row.created_at),
  last_escalated_at: strOrNull(row.last_escalated_at),
});

const SELECT = `SELECT e.*, b.title, b.status, b.created_at FROM escalations e JOIN beads b ON b.id = e.bead_id`;

/** The town's escalations: open ones first (most severe, unacknowledged first), then the finished ones. */
export function listEscalations(sql: SqlPort): EscalationList {
  return {
    items: all(
      sql,
      `${SELECT} ORDER BY b.status IN ('closed', 'failed'), e.acknowledged, ${SEVERITY_ORDER}, b.created_at, b.id LIMIT 500`,
    ).map(toEscalation),
  };
}

export function getEscalation(sql: SqlPort, beadId: string): Escalation | null {
  const row = first(sql, `${SELECT} WHERE e.bead_id = ?`, beadId);
  return row ? toEscalation(row) : null;
}

/** The side row as the engine reads and writes it. */
export function escalationRow(sql: SqlPort, beadId: string): EscalationRow | null {
  const row = first(sql, 'SELECT * FROM escalations WHERE bead_id = ?', beadId);
  return row
    ? {
        bead_id: str(row.bead_id),
        severity: str(row.severity),
        acknowledged: num(row.acknowledged) === 1,
        acknowledged_at: strOrNull(row.acknowledged_at),
        acknowledged_by: strOrNull(row.acknowledged_by),
        re_escalation_count: num(row.re_escalation_count),
        source_bead_id: strOrNull(row.source_bead_id),
        last_escalated_at: strOrNull(row.last_escalated_at),
      }
    : null;
}

export function writeEscalation(sql: SqlPort, row: EscalationRow, verb = 'INSERT'): void {
  insert(sql, 'escalations', { ...row, acknowledged: row.acknowledged ? 1 : 0 }, verb);
}

/** Open escalations nobody has acknowledged (the diagnosis input), most severe first, at most 20. */
export function escalationInputs(sql: SqlPort): HealthInputs['escalations'] {
  return all(
    sql,
    `${SELECT} WHERE e.acknowledged = 0 AND b.status NOT IN ('closed', 'failed') ORDER BY ${SEVERITY_ORDER}, b.created_at, b.id LIMIT 20`,
  ).map((row) => ({
    bead_id: str(row.bead_id),
    title: str(row.title),
    severity: str(row.severity),
    re_escalation_count: num(row.re_escalation_count),
    since: str(row.last_escalated_at ?? row.created_at),
  }));
}
