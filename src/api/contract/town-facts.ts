import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { auditKeys } from '../../../server/engine/audit-keys';
import { NEW_VALUE, type ActionChange, type AuditEntry } from '../schemas';

/**
 * A town's state as an operator reads it, flattened to facts `id.field → value`, all through the API.
 * An action's declared changes name facts the same way (`entity.id` and `field`), so "the preview is the
 * result" is checkable: the facts that differ between a read before and one after the real run are exactly
 * the declared changes, each from its `from` to its `to`.
 *
 * Left out on purpose: versions, timestamps the server stamps (updated_at, status_since, last_*_at),
 * status messages and event histories. They move on every write and say when, not what.
 *
 * Each fact has one home, so one change is declared once: a merge request's status is its bead's status
 * (the queue shows the same), a process's state is its agent's `process`, the git token is the town's.
 */
export type Facts = Map<string, { label: string; value: unknown }>;

export const factKey = (id: string, field: string) => `${id}.${field}`;

export async function readFacts(api: ApiClient, townId: string): Promise<Facts> {
  const [agents, beads, queue, container, config, escalations] = await Promise.all([
    api.get(endpoints.agents(townId)),
    api.get(endpoints.beads(townId, { limit: 1000 })),
    api.get(endpoints.reviewQueue(townId)),
    api.get(endpoints.container(townId)),
    api.get(endpoints.config(townId)),
    api.get(endpoints.escalations(townId)),
  ]);
  const facts: Facts = new Map();
  const put = (id: string, label: string, field: string, value: unknown) => {
    const key = factKey(id, field);
    if (facts.has(key)) throw new Error(`two homes for the fact ${key} (${label})`);
    facts.set(key, { label, value: value ?? null });
  };

  for (const a of agents.items) {
    put(a.id, a.name, 'exists', true);
    put(a.id, a.name, 'status', a.status);
    put(a.id, a.name, 'current_hook_bead_id', a.current_hook_bead_id);
    put(a.id, a.name, 'dispatch_attempts', a.dispatch_attempts);
    put(a.id, a.name, 'process', a.process_status);
    if (a.role === 'mayor') {
      const mayor = (await api.get(endpoints.agent(townId, a.id))).mayor;
      if (mayor) {
        put(a.id, a.name, 'session_state', mayor.session_state);
        put(a.id, a.name, 'session_id', mayor.session_id);
        put(a.id, a.name, 'session_error', mayor.session_error);
        const m = mayor.last_user_message;
        put(a.id, a.name, 'pending_message', m && !m.answered ? m.text : null);
      }
    }
  }

  for (const b of beads.items) {
    put(b.id, b.title, 'exists', true);
    put(b.id, b.title, 'status', b.status);
    put(b.id, b.title, 'priority', b.priority);
    put(b.id, b.title, 'assignee', b.assignee_name);
    put(b.id, b.title, 'dispatch_attempts', b.dispatch_attempts);
    if (b.type === 'convoy') {
      const convoy = (await api.get(endpoints.bead(townId, b.id))).convoy;
      if (convoy) {
        put(b.id, b.title, 'landed_at', convoy.landed_at);
        put(b.id, b.title, 'total_beads', convoy.total_beads);
        put(b.id, b.title, 'closed_beads', convoy.closed_beads);
      }
    }
  }
  // An escalation's acknowledgement and re-escalations are the operator's facts (who acknowledged and when are stamps).
  for (const e of escalations.items) {
    put(e.bead_id, e.title, 'acknowledged', e.acknowledged);
    put(e.bead_id, e.title, 'severity', e.severity);
    put(e.bead_id, e.title, 're_escalation_count', e.re_escalation_count);
  }
  for (const r of queue.entries) {
    put(r.bead_id, r.title, 'review_state', r.review_state);
    put(r.bead_id, r.title, 'retry_count', r.retry_count);
    put(r.bead_id, r.title, 'failure_reason', r.failure_reason);
    put(r.bead_id, r.title, 'merge_commit', r.merge_commit);
    put(r.bead_id, r.title, 'pr_state', r.pr_state);
  }

  put(townId, 'container', 'status', container.status);
  put(townId, 'container', 'health', container.health);
  put(townId, 'container', 'sleep_after_minutes', container.sleep_after_minutes);
  for (const v of container.env_vars) put(townId, 'env', v.key, v.value);

  const c = config.config;
  for (const field of [
    'default_model',
    'role_models',
    'small_model',
    'max_polecats_per_rig',
    'merge_strategy',
    'refinery',
    'alarm_intervals',
    'custom_instructions',
  ] as const) {
    put(townId, 'town config', field, c[field]);
  }
  put(townId, 'town config', 'git_token', c.git_auth.token_set ? '****' : null);

  for (const rc of config.rigs) {
    const rig = rc.rig;
    put(rig.id, rig.name, 'platform_integration_id', rig.platform_integration_id);
    put(rig.id, rig.name, 'integration_status', rig.integration?.status ?? null);
    put(rig.id, rig.name, 'max_polecats', rc.max_polecats);
    put(rig.id, rig.name, 'model_override', rc.model_override);
    put(rig.id, rig.name, 'custom_instructions', rc.custom_instructions);
  }
  for (const cred of config.credentials) {
    put(cred.rig_id, cred.rig_name, 'status', cred.status);
    put(cred.rig_id, cred.rig_name, 'source', cred.source);
    put(cred.rig_id, cred.rig_name, 'integration_id', cred.integration_id);
    put(cred.rig_id, cred.rig_name, 'verification', cred.verification);
    put(cred.rig_id, cred.rig_name, 'last_error', cred.last_error);
    // When the token stops working is a fact an operator acts on, not bookkeeping.
    put(cred.rig_id, cred.rig_name, 'token_expires_at', cred.token_expires_at);
  }
  return facts;
}

const MASK = '****';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * Where the declared changes and the facts disagree, each line naming the action, the entity and the
 * field: a declared change whose `from` is not what was there, whose `to` is not what is there now, a
 * fact that changed without being declared, a change declared twice. These are the real run's changes:
 * they carry what each value became (the new session id, the instant it landed), never a placeholder.
 */
export function previewMismatches(action: string, changes: ActionChange[], before: Facts, after: Facts): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  // An entity declared gone takes its facts with it; its `exists` reads false once it is not there.
  const removed = new Set(changes.filter((c) => c.field === 'exists' && c.to === false).map((c) => c.entity.id));
  const value = (facts: Facts, key: string) => facts.get(key)?.value ?? (key.endsWith('.exists') ? false : null);
  for (const c of changes) {
    const key = factKey(c.entity.id, c.field);
    const where = `${action}: ${c.entity.label} (${c.entity.id.slice(0, 8)}) ${c.field}`;
    if (declared.has(key)) problems.push(`${where} is declared twice`);
    declared.add(key);
    const was = value(before, key);
    const is = value(after, key);
    if (!before.has(key) && !after.has(key)) {
      problems.push(`${where} is not a fact of the town (declared ${show(c.from)} → ${show(c.to)})`);
      continue;
    }
    if (!same(was, c.from)) problems.push(`${where}: declared from ${show(c.from)}, but it was ${show(was)}`);
    if (c.to === NEW_VALUE) {
      problems.push(`${where}: the result still says ${NEW_VALUE}; it must say what the value became (${show(is)})`);
    } else if (!same(is, c.to)) {
      problems.push(`${where}: declared to ${show(c.to)}, but it reads ${show(is)}`);
    }
    // A secret replaced by another reads masked before and after: the one change that shows as the same value.
    if (same(c.from, c.to) && c.from !== MASK) problems.push(`${where}: declared a change from ${show(c.from)} to the same value`);
  }
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (declared.has(key) || removed.has(key.slice(0, key.indexOf('.')))) continue;
    const was = before.get(key)?.value ?? null;
    const is = after.get(key)?.value ?? null;
    if (!same(was, is)) {
      const label = (after.get(key) ?? before.get(key))!.label;
      problems.push(`${action}: ${label} ${key.slice(key.indexOf('.') + 1)} changed without being declared: ${show(was)} → ${show(is)}`);
    }
  }
  return problems;
}

/**
 * Where the dry run's changes differ from the real run's: the same facts in the same order, the same
 * values, but for what the preview cannot know (a value it declares new, an instant it declares "now").
 */
export function dryRunMismatches(action: string, dry: ActionChange[], real: ActionChange[]): string[] {
  const keys = (cs: ActionChange[]) => cs.map((c) => `${c.entity.label} ${c.field}`).join(', ');
  if (dry.length !== real.length || dry.some((c, i) => factKey(c.entity.id, c.field) !== factKey(real[i]!.entity.id, real[i]!.field)))
    return [`${action}: the preview declared [${keys(dry)}], the run [${keys(real)}]`];
  return dry.flatMap((d, i) => {
    const r = real[i]!;
    const where = `${action}: ${d.entity.label} ${d.field}`;
    const out: string[] = [];
    if (!same(timeless(d.from), timeless(r.from))) out.push(`${where}: the preview said from ${show(d.from)}, the run ${show(r.from)}`);
    if (d.to !== NEW_VALUE && !same(timeless(d.to), timeless(r.to)))
      out.push(`${where}: the preview said to ${show(d.to)}, the run ${show(r.to)}`);
    return out;
  });
}

const timeless = (v: unknown) => (typeof v === 'string' && ISO.test(v) ? '<instant>' : v);
const show = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

/** Where the audit entry's before/after differ from what the run changed (one key per change, in order). */
export function auditMismatches(action: string, changes: ActionChange[], entry: AuditEntry): string[] {
  const keys = auditKeys(changes);
  const out: string[] = [];
  const expected = {
    before: Object.fromEntries(changes.map((c, i) => [keys[i]!, c.from ?? null])),
    after: Object.fromEntries(changes.map((c, i) => [keys[i]!, c.to ?? null])),
  };
  for (const side of ['before', 'after'] as const) {
    for (const key of new Set([...Object.keys(expected[side]), ...Object.keys(entry[side])])) {
      // The audit may mask what the run shows (a formerly secret variable's new value), never the reverse.
      if (!same(expected[side][key], entry[side][key]) && !(entry[side][key] === MASK && key.startsWith('env.')))
        out.push(
          `${action}: audit ${side}[${key}] is ${show(entry[side][key])}, the run changed it ${side === 'before' ? 'from' : 'to'} ${show(expected[side][key])}`,
        );
    }
  }
  return out;
}
