import type { ActionTarget, AgentDetail, BeadDetail, ContainerState, ReviewQueue, TownConfigResponse } from '../../../api';

/** A target's state as read from the API (the payload of the endpoint that shows it). */
export type TargetRead =
  | { kind: 'agent'; data: AgentDetail }
  | { kind: 'bead'; data: BeadDetail }
  | { kind: 'review'; data: ReviewQueue }
  | { kind: 'container'; data: ContainerState }
  | { kind: 'config'; data: TownConfigResponse };

/** One labelled, human-readable fact about a target ("status: stalled"). */
export interface Fact {
  label: string;
  value: string;
}

export interface FactChange {
  label: string;
  from: string;
  to: string;
}

const NONE = '—';
const clip = (s: string | null | undefined, n = 60) => (s ? (s.length > n ? `${s.slice(0, n - 1)}…` : s) : NONE);
const yesNo = (b: boolean) => (b ? 'on' : 'off');
const fact = (label: string, value: string | number | null | undefined): Fact => ({
  label,
  value: value === null || value === undefined || value === '' ? NONE : String(value),
});

function agentFacts(d: AgentDetail): Fact[] {
  const a = d.agent;
  return [
    fact('exists', 'yes'),
    fact('status', a.status),
    fact('hooked bead', a.current_hook_bead_id ? clip(a.hooked_bead_title ?? a.current_hook_bead_id) : 'none'),
    fact('dispatch attempts', a.dispatch_attempts),
    fact('process', d.process?.status ?? 'none'),
    ...(d.mayor ? [fact('session', d.mayor.session_state), fact('last user message', clip(d.mayor.last_user_message?.text))] : []),
  ];
}

function beadFacts(d: BeadDetail): Fact[] {
  const b = d.bead;
  return [
    fact('status', b.status),
    fact('priority', b.priority),
    fact('hooked agent', d.hooked_agent?.name ?? 'none'),
    ...(d.convoy
      ? [
          fact('convoy progress', `${d.convoy.closed_beads}/${d.convoy.total_beads} closed`),
          fact('landed', d.convoy.landed_at ? 'yes' : 'no'),
          fact('tracked beads', d.convoy.tracked.length),
        ]
      : []),
  ];
}

function reviewFacts(q: ReviewQueue, id: string): Fact[] {
  const e = q.entries.find((x) => x.bead_id === id);
  if (!e) return [fact('in the review queue', 'no')];
  return [
    fact('in the review queue', 'yes'),
    fact('review state', e.review_state),
    fact('bead status', e.status),
    fact('retries', e.retry_count),
    fact('failure', clip(e.failure_reason)),
  ];
}

function containerFacts(c: ContainerState): Fact[] {
  return [
    fact('status', c.status),
    fact('health', c.health),
    fact('sleep after (min)', c.sleep_after_minutes),
    fact('processes running', c.processes.filter((p) => p.status === 'running' || p.status === 'starting').length),
    // Secret values arrive masked: a secret shows as changed only when it appears, disappears or changes kind.
    ...c.env_vars.map((v) => fact(`env ${v.key}`, v.secret ? '**** (secret)' : v.value)),
  ];
}

function rigFacts(r: TownConfigResponse, rigId: string): Fact[] {
  const rig = r.rigs.find((x) => x.rig.id === rigId);
  const cred = r.credentials.find((c) => c.rig_id === rigId);
  return [
    ...(rig
      ? [
          fact('max polecats', rig.max_polecats ?? 'town default'),
          fact('model override', rig.model_override),
          fact('custom instructions', clip(rig.custom_instructions)),
          fact('integration', rig.rig.integration?.id),
        ]
      : [fact('rig', 'missing')]),
    ...(cred
      ? [
          fact('credential', cred.status),
          fact('credential source', cred.source === 'manual_token' ? 'manual token' : `integration ${cred.integration_id ?? NONE}`),
          fact('last credential error', clip(cred.last_error)),
        ]
      : []),
  ];
}

function townConfigFacts(r: TownConfigResponse): Fact[] {
  const c = r.config;
  const roles = ['mayor', 'refinery', 'polecat'] as const;
  return [
    fact('default model', c.default_model),
    fact('small model', c.small_model),
    ...roles.map((role) => fact(`model: ${role}`, c.role_models[role] ?? 'default')),
    fact('max polecats per rig', c.max_polecats_per_rig),
    fact('merge strategy', c.merge_strategy),
    fact('refinery review mode', c.refinery.review_mode),
    fact('refinery auto merge', yesNo(c.refinery.auto_merge)),
    fact('refinery clean merge', c.refinery.require_clean_merge ? 'required' : 'optional'),
    fact('refinery code review', yesNo(c.refinery.code_review)),
    fact('refinery gates', c.refinery.gates.join(', ')),
    ...Object.entries(c.alarm_intervals).map(([name, s]) => fact(`alarm ${name} (s)`, s)),
    ...roles.map((role) => fact(`instructions: ${role}`, clip(c.custom_instructions[role]))),
    fact('sleep after (min)', c.container.sleep_after_minutes),
  ];
}

/** The facts an admin compares when a target changed under them: a few fields per kind of target. */
export function toTargetFacts(target: ActionTarget, read: TargetRead): Fact[] {
  switch (read.kind) {
    case 'agent':
      return agentFacts(read.data);
    case 'bead':
      return beadFacts(read.data);
    case 'review':
      return reviewFacts(read.data, target.id);
    case 'container':
      return containerFacts(read.data);
    case 'config':
      return target.kind === 'rig' || target.kind === 'credential' ? rigFacts(read.data, target.id) : townConfigFacts(read.data);
  }
}

/** What differs between two reads of a target, in the order of the newer facts (then the vanished ones). */
export function diffFacts(before: Fact[], after: Fact[]): FactChange[] {
  const old = new Map(before.map((f) => [f.label, f.value]));
  const now = new Map(after.map((f) => [f.label, f.value]));
  const changed: FactChange[] = [];
  for (const f of after) if (old.get(f.label) !== f.value) changed.push({ label: f.label, from: old.get(f.label) ?? NONE, to: f.value });
  for (const f of before) if (!now.has(f.label)) changed.push({ label: f.label, from: f.value, to: NONE });
  return changed;
}

/** The version the server checks (If-Match) for a target, as found in a read of it; null when absent. */
export function targetVersionOf(target: ActionTarget, read: TargetRead): number | null {
  switch (read.kind) {
    case 'agent':
      return read.data.agent.version;
    case 'bead':
      return read.data.bead.version;
    case 'review':
      return read.data.entries.find((e) => e.bead_id === target.id)?.version ?? null;
    case 'container':
      return read.data.version;
    case 'config':
      return target.kind === 'rig' || target.kind === 'credential'
        ? (read.data.rigs.find((r) => r.rig.id === target.id)?.version ?? null)
        : read.data.config.version;
  }
}
