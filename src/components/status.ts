import type {
  AgentStatus,
  Assignment,
  AuditEntry,
  BeadPriority,
  BulkTargetStatus,
  BeadStatus,
  ContainerEventType,
  ContainerHealth,
  ContainerStatus,
  CredentialEvent,
  CredentialState,
  CredentialStatus,
  DispatchAttempt,
  GitOperation,
  IntegrationStatus,
  MayorSessionState,
  ProcessStatus,
  RecoveryVerdict,
  ReviewEntry,
  ReviewState,
  TimelineEvent,
} from '../api';
import type { Tone } from './badge';

/**
 * The one status → colour table. A word reads the same colour wherever it appears, by these meanings:
 * - `blue` active: in motion right now (working, in progress, running, starting);
 * - `yellow` waiting or needs attention soon (waiting, pending, degraded, suspended, unhooked);
 * - `red` failed (failed, dead, stalled, crashed, errored, expired, down, timed out);
 * - `green` done or fine (closed, merged, completed, success, ok, valid);
 * - `neutral` at rest, nothing wrong (idle, open, info);
 * - `muted` dormant or out of play (sleeping, stopped, low priority).
 * A kind keeps its own words: an integration that is `active` is linked and fine (green), a mayor
 * session that is `active` is running (blue).
 */
export const STATUS_TONES = {
  bead: { open: 'neutral', in_progress: 'blue', in_review: 'blue', closed: 'green', failed: 'red' } satisfies Record<BeadStatus, Tone>,
  priority: { low: 'muted', medium: 'neutral', high: 'yellow', critical: 'red' } satisfies Record<BeadPriority, Tone>,
  agent: { idle: 'neutral', working: 'blue', waiting: 'yellow', stalled: 'red', dead: 'red' } satisfies Record<AgentStatus, Tone>,
  /** The agent's process in the town container. */
  process: { starting: 'blue', running: 'blue', stopping: 'yellow', exited: 'red', failed: 'red' } satisfies Record<ProcessStatus, Tone>,
  container: { starting: 'blue', running: 'blue', sleeping: 'muted', stopped: 'muted', crashed: 'red' } satisfies Record<
    ContainerStatus,
    Tone
  >,
  containerHealth: { ok: 'green', degraded: 'yellow', down: 'red' } satisfies Record<ContainerHealth, Tone>,
  /** Container lifecycle events: what happened to it, coloured by how it left the container. */
  containerEvent: {
    start: 'green',
    wake: 'green',
    restart: 'blue',
    sleep: 'muted',
    stop: 'neutral',
    oom: 'red',
    error: 'red',
    not_found: 'yellow',
    health_check_failed: 'yellow',
  } satisfies Record<ContainerEventType, Tone>,
  /** A merge request in the refinery's queue (also a convoy's landing MR). */
  review: { pending: 'yellow', running: 'blue', merged: 'green', failed: 'red' } satisfies Record<ReviewState, Tone>,
  pr: { open: 'blue', merged: 'green', closed: 'muted' } satisfies Record<NonNullable<ReviewEntry['pr_state']>, Tone>,
  credential: { valid: 'green', expired: 'red', revoked: 'red', error: 'red', unknown: 'yellow' } satisfies Record<CredentialState, Tone>,
  /** The last check of a rig's credential against the git host. */
  verification: { ok: 'green', failed: 'red' } satisfies Record<NonNullable<CredentialStatus['verification']>, Tone>,
  integration: { active: 'green', suspended: 'yellow', revoked: 'red', missing: 'red' } satisfies Record<IntegrationStatus, Tone>,
  dispatch: { success: 'green', failed: 'red' } satisfies Record<DispatchAttempt['outcome'], Tone>,
  git: { success: 'green', failure: 'red' } satisfies Record<GitOperation['outcome'], Tone>,
  credentialEvent: { success: 'green', failure: 'red' } satisfies Record<CredentialEvent['outcome'], Tone>,
  audit: { success: 'green', failure: 'red' } satisfies Record<AuditEntry['outcome'], Tone>,
  /** How an agent's hook on a bead ended (`active`: still hooked, working on it). */
  assignment: {
    active: 'blue',
    completed: 'green',
    failed: 'red',
    unhooked: 'yellow',
    reassigned: 'yellow',
    timed_out: 'red',
  } satisfies Record<Assignment['outcome'], Tone>,
  /** The Mayor's session. */
  session: { starting: 'blue', active: 'blue', idle: 'neutral', errored: 'red' } satisfies Record<MayorSessionState, Tone>,
  severity: { info: 'neutral', warn: 'yellow', error: 'red' } satisfies Record<TimelineEvent['severity'], Tone>,
  /** One target of a bulk run. */
  bulkTarget: { pending: 'neutral', applied: 'green', failed: 'red' } satisfies Record<BulkTargetStatus, Tone>,
  /** What the patrol saw after an intervention (an observation beside its audit entry). */
  recovery: { recovered: 'green', did_not_recover: 'red' } satisfies Record<RecoveryVerdict, Tone>,
  /** A tool call inside an SDK event stream (the SDK's words, not the contract's: anything else is unknown). */
  tool: { pending: 'yellow', running: 'blue', completed: 'green', error: 'red' },
  /** A town's health as the diagnosis rules grade it. */
  townHealth: { green: 'green', yellow: 'yellow', red: 'red' },
  /** Whether a town's audit hash chain verifies. */
  chain: { verified: 'green', broken: 'red' },
} as const satisfies Record<string, Record<string, Tone>>;

export type StatusKind = keyof typeof STATUS_TONES;
export type StatusOf<K extends StatusKind> = keyof (typeof STATUS_TONES)[K] & string;

/** The tone of a status, or undefined when the table does not know it (a newer server, a free-text field). */
export function findStatusTone(kind: StatusKind, status: string): Tone | undefined {
  const tones: Readonly<Record<string, Tone>> = STATUS_TONES[kind];
  return Object.hasOwn(tones, status) ? tones[status] : undefined;
}

/** The tone of a status; an unknown one is neutral. */
export function statusTone(kind: StatusKind, status: string): Tone {
  return findStatusTone(kind, status) ?? 'neutral';
}

/** How a status reads: `in_progress` → `in progress`. */
export const statusLabel = (status: string): string => status.replaceAll('_', ' ');

/** Text in a tone's colour (CSS classes in styles.css), for a status written inline rather than as a badge. */
export const toneTextClass = (tone: Tone): string => `tone-text-${tone}`;

/** A tone as a CSS fill (bands, swatches); `neutral` is the border grey so a resting period stays quiet. */
export const TONE_FILL: Record<Tone, string> = {
  green: 'var(--green)',
  yellow: 'var(--yellow)',
  red: 'var(--red)',
  blue: 'var(--blue)',
  neutral: 'var(--border)',
  muted: 'var(--muted)',
};

/** A tone as a literal colour, for canvases that cannot read CSS variables (the graph's minimap and overview). */
export const TONE_HEX: Record<Tone, string> = {
  green: '#1f8a4c',
  yellow: '#d29a16',
  red: '#c2352b',
  blue: '#2459b3',
  neutral: '#a3acb8',
  muted: '#8b95a3',
};
