import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemas from '../api/schemas';
import { findStatusTone, STATUS_TONES, statusLabel, statusTone, type StatusKind } from './status';

const s = schemas;

/** The contract enum each kind of the table colours; null for kinds that are not contract enums. */
const KIND_ENUMS: Record<StatusKind, readonly string[] | null> = {
  bead: s.BeadStatus.options,
  priority: s.BeadPriority.options,
  agent: s.AgentStatus.options,
  process: s.ProcessStatus.options,
  container: s.ContainerStatus.options,
  containerHealth: s.ContainerHealth.options,
  containerEvent: s.ContainerEventType.options,
  review: s.ReviewState.options,
  pr: s.ReviewEntry.shape.pr_state.unwrap().options,
  credential: s.CredentialState.options,
  verification: s.CredentialStatus.shape.verification.unwrap().options,
  integration: s.IntegrationStatus.options,
  dispatch: s.DispatchAttempt.shape.outcome.options,
  git: s.GitOperation.shape.outcome.options,
  credentialEvent: s.CredentialEvent.shape.outcome.options,
  audit: s.AuditEntry.shape.outcome.options,
  assignment: s.Assignment.shape.outcome.options,
  session: s.MayorSessionState.options,
  severity: s.TimelineEvent.shape.severity.options,
  bulkTarget: s.BulkTargetStatus.options,
  recovery: s.RecoveryVerdict.options,
  // The SDK's tool-call states, the diagnosis rules' grades and the chain check are not contract enums.
  tool: null,
  townHealth: null,
  chain: null,
};

/** Contract enums that are not statuses (names, categories, settings): nothing colours them by value. */
const NOT_STATUSES: readonly (readonly string[])[] = [
  s.BeadType.options,
  s.BeadEventType.options,
  s.DependencyType.options,
  s.ConvoyMergeMode.options,
  s.AgentRole.options,
  s.GitOperation.shape.operation.options,
  s.MergeStrategy.options,
  s.RefinerySettings.shape.review_mode.options,
  s.Integration.shape.provider.options,
  s.TownConfig.shape.git_auth.shape.mode.options,
  s.CredentialStatus.shape.source.options,
  s.CredentialEvent.shape.kind.options,
  s.TargetKind.options,
  s.ActionName.options,
  // What a bulk run selects by, and the names of the recovery checks an action declares.
  s.BulkSelection.options[2].shape.kind.options,
  s.BulkPreset.options,
  s.RecoveryCheckId.options,
  // Timeline kinds are categories: their badge colours group rows, they say nothing about health.
  s.TimelineKind.options,
  // Data feeds a deployment declares: recorded or not is said in words ("not recorded by this deployment").
  s.Feed.options,
  // Who owns a town (a user or an organization) is a label beside its name.
  s.TownOwner.shape.kind.options,
  // What a town-wide search hit is (a bead, an agent, an SDK event…) groups results; it is no status.
  s.SearchKind.options,
  // Which view a saved view filters (issue 15).
  s.SavedViewScope.options,
  // What two compared runs are (attempts, assignments, sessions), and where a run's error was recorded.
  s.CompareKind.options,
  s.CompareErrorSource.options,
];

const vocabulary = (options: readonly string[]) => [...options].sort().join(',');

/** Every enum reachable from the exported schemas, by where it was found first. */
function contractEnums(): Map<string, string> {
  const found = new Map<string, string>();
  const visited = new Set<unknown>();
  const walk = (schema: unknown, path: string): void => {
    if (!(schema instanceof z.ZodType) || visited.has(schema)) return;
    visited.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    const child = (key: string, at = path): void => walk(def[key], at);
    switch (def.type) {
      case 'enum': {
        const key = vocabulary((schema as z.ZodEnum).options as string[]);
        if (!found.has(key)) found.set(key, path);
        return;
      }
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
        return;
      case 'array':
        return child('element', `${path}[]`);
      case 'tuple':
        return (def.items as unknown[]).forEach((item, i) => walk(item, `${path}[${i}]`));
      case 'record':
        child('keyType', `${path}{key}`);
        return child('valueType', `${path}{}`);
      case 'union':
        return (def.options as unknown[]).forEach((o) => walk(o, path));
      case 'intersection':
        child('left');
        return child('right');
      case 'pipe':
        child('in');
        return child('out');
      default:
        if ('innerType' in def) child('innerType'); // nullable, optional, default, readonly…
    }
  };
  for (const [name, schema] of Object.entries(schemas)) walk(schema, name);
  return found;
}

describe('the status table', () => {
  it('colours every status of every contract status enum, and nothing the enum does not have', () => {
    for (const [kind, options] of Object.entries(KIND_ENUMS) as [StatusKind, readonly string[] | null][]) {
      if (!options) continue;
      for (const status of options) expect(findStatusTone(kind, status), `${kind}.${status}`).toBeDefined();
      expect(Object.keys(STATUS_TONES[kind]).sort(), kind).toEqual([...options].sort());
    }
  });

  it('knows every enum in the contract: a status kind of the table, or named as not a status', () => {
    const claimed = new Set(
      [...Object.values(KIND_ENUMS), ...NOT_STATUSES].filter((o): o is readonly string[] => o !== null).map(vocabulary),
    );
    const unclaimed = [...contractEnums()].filter(([key]) => !claimed.has(key)).map(([key, path]) => `${path}: ${key}`);
    expect(unclaimed, 'add the enum to STATUS_TONES (and KIND_ENUMS) or to NOT_STATUSES').toEqual([]);
    // The walk does reach enums nested in objects, arrays and nullables.
    expect(contractEnums().get(vocabulary(s.ReviewEntry.shape.pr_state.unwrap().options))).toBe('ReviewEntry.pr_state');
  });

  it('gives one status the same meaning across kinds', () => {
    // The words the issue was about: in progress, waiting and a running review read the same everywhere.
    expect(statusTone('bead', 'in_progress')).toBe('blue');
    expect(statusTone('agent', 'working')).toBe('blue');
    expect(statusTone('review', 'running')).toBe('blue');
    expect(statusTone('process', 'running')).toBe('blue');
    expect(statusTone('agent', 'waiting')).toBe('yellow');
    expect(statusTone('review', 'pending')).toBe('yellow');
    for (const [kind, status] of [
      ['bead', 'failed'],
      ['agent', 'dead'],
      ['session', 'errored'],
      ['container', 'crashed'],
    ] as const)
      expect(statusTone(kind, status), `${kind}.${status}`).toBe('red');
    for (const [kind, status] of [
      ['bead', 'closed'],
      ['review', 'merged'],
      ['containerHealth', 'ok'],
      ['git', 'success'],
    ] as const)
      expect(statusTone(kind, status), `${kind}.${status}`).toBe('green');
    expect(statusTone('agent', 'idle')).toBe('neutral');
    expect(statusTone('bead', 'open')).toBe('neutral');
  });

  it('calls a status it does not know unknown (neutral), never a tone of another kind or a prototype key', () => {
    expect(findStatusTone('bead', 'exploded')).toBeUndefined();
    expect(findStatusTone('bead', 'toString')).toBeUndefined();
    expect(findStatusTone('bead', 'working')).toBeUndefined();
    expect(statusTone('agent', 'exploded')).toBe('neutral');
  });

  it('reads a status as words', () => {
    expect(statusLabel('in_progress')).toBe('in progress');
    expect(statusLabel('health_check_failed')).toBe('health check failed');
    expect(statusLabel('idle')).toBe('idle');
  });
});
