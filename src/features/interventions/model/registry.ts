import type { ActionName, TargetKind } from '../../../api';

type FieldValues = Record<string, unknown>;

interface FieldBase {
  name: string;
  label: string;
  /** Shown (and required) only when this says so, e.g. a value that a delete does not take. */
  visible?: (values: FieldValues) => boolean;
}

export type FieldSpec = FieldBase &
  (
    | { kind: 'select'; options: { value: string; label: string }[] }
    | { kind: 'number'; min: number; max: number }
    | {
        kind: 'text' | 'password';
        placeholder?: string;
        /** Typed as a password (never echoed) when this says so, e.g. the value of a secret variable. */
        masked?: (values: FieldValues) => boolean;
        /** Known values offered while typing (e.g. existing variable names). */
        suggestions?: string[];
      }
    | { kind: 'checklist'; options: { value: string; label: string }[] }
    /** One of many (beads, agents, integrations), found by typing its name, title or short id. */
    | { kind: 'pick'; options: PickOption[]; placeholder?: string }
  );

export interface PickOption {
  /** The id sent. */
  value: string;
  /** A name or title. */
  label: string;
  /** State shown beside it (status, provider). */
  detail?: string;
}

/** The option some typed text names: its id, an id prefix of 6+ characters, its label, or the list's own entry text; null unless exactly one. */
export function resolvePick(options: PickOption[], text: string): PickOption | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  const exact = options.filter((o) => pickText(o).toLowerCase() === t || o.value.toLowerCase() === t || o.label.toLowerCase() === t);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const prefix = t.length >= 6 ? options.filter((o) => o.value.toLowerCase().startsWith(t)) : [];
  return prefix.length === 1 ? prefix[0]! : null;
}

/** How an option reads in the type-ahead list: label, short id, detail. */
export function pickText(o: PickOption): string {
  return `${o.label} · ${o.value.slice(0, 8)}${o.detail ? ` · ${o.detail}` : ''}`;
}

/** The fields an admin sees for these values. */
export function visibleFields(fields: FieldSpec[], values: FieldValues): FieldSpec[] {
  return fields.filter((f) => !f.visible || f.visible(values));
}

/** The values of the visible fields only (a hidden field's stale value is not sent). */
export function visibleValues(fields: FieldSpec[], values: FieldValues): FieldValues {
  return Object.fromEntries(
    visibleFields(fields, values)
      .filter((f) => values[f.name] !== undefined)
      .map((f) => [f.name, values[f.name]]),
  );
}

/** Whether every visible field has a value (an empty checklist counts as none). */
export function fieldsComplete(fields: FieldSpec[], values: FieldValues): boolean {
  return visibleFields(fields, values).every((f) => {
    const v = values[f.name];
    return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
  });
}

/**
 * Which field a server refusal is about (`params.changes.0.value` → `value`), with its message
 * stripped of the path, so the dialog shows it next to that field; null when no field matches.
 */
export function toFieldError(parameter: unknown, message: string, fields: FieldSpec[]): { field: string; message: string } | null {
  if (typeof parameter !== 'string' || !parameter.startsWith('params')) return null;
  const names = fields.map((f) => f.name);
  const field = parameter
    .split('.')
    .slice(1)
    .reverse()
    .find((segment) => names.includes(segment));
  return field ? { field, message: humanize(message.replace(/^Invalid [\w.]+: /, '')) } : null;
}

/** zod's size messages in the panel's words ("Too small: expected string to have >=8 characters" → "At least 8 characters."). */
function humanize(message: string): string {
  const size = /^Too (small|big): expected (?:string to have|number to be|array to have) ([<>]=?)(\d+)(?: (characters|items))?$/.exec(
    message,
  );
  if (!size) return message;
  const [, , op, n, unit] = size;
  return `${op!.startsWith('>') ? 'At least' : 'At most'} ${n}${unit ? ` ${unit}` : ''}.`;
}

export interface ActionMeta {
  label: string;
  /** What the action is for, shown above the server's dry-run effect. */
  description: string;
  /** Destructive or work-interrupting actions get a red confirm button. */
  danger: boolean;
}

/** Labels and intent of every action of the contract's registry (`ACTIONS` in src/api). */
export const ACTION_META: Record<ActionName, ActionMeta> = {
  'agent.force_reset': {
    label: 'Force-reset to idle',
    description: 'Puts the agent back to idle, unhooks its bead and clears its dispatch counter.',
    danger: true,
  },
  'agent.force_unhook': {
    label: 'Force-unhook',
    description: 'Releases the agent from its bead so the bead can be dispatched again.',
    danger: true,
  },
  'agent.force_kill': {
    label: 'Force-kill process',
    description: "Kills the agent's kilo serve process in the container (SIGKILL).",
    danger: true,
  },
  'agent.retry_dispatch': {
    label: 'Retry dispatch',
    description: 'Dispatches the hooked bead to this agent again, with a fresh process.',
    danger: false,
  },
  'agent.delete': { label: 'Delete agent', description: 'Removes the polecat; its name returns to the pool.', danger: true },
  'bead.force_close': { label: 'Force-close', description: 'Closes the bead as done, whatever its state.', danger: true },
  'bead.force_fail': { label: 'Force-fail', description: 'Marks the bead failed (final).', danger: true },
  'bead.reassign': { label: 'Reassign', description: 'Moves the bead to another polecat and dispatches it there.', danger: false },
  'bead.change_priority': { label: 'Change priority', description: 'Changes the bead’s priority for dispatch ordering.', danger: false },
  'bead.unhook': { label: 'Unhook agent', description: 'Unhooks the current agent; the bead returns to open.', danger: true },
  'bead.delete': {
    label: 'Delete bead',
    description: 'Removes the bead with its dependencies, labels and history; convoys that tracked it stop tracking it.',
    danger: true,
  },
  'escalation.acknowledge': {
    label: 'Acknowledge escalation',
    description: 'Records that an operator has seen this escalation; the bead and the work it is about stay as they are.',
    danger: false,
  },
  'review.force_retry': { label: 'Force-retry review', description: 'Puts a failed merge request back in the queue.', danger: false },
  'review.force_close': { label: 'Force-close MR', description: 'Closes the merge request without merging.', danger: true },
  'review.direct_merge': {
    label: 'Skip review and merge',
    description: 'Merges the branch now, skipping gates and code review.',
    danger: true,
  },
  'review.clear_queue': { label: 'Clear review queue', description: 'Removes every pending merge request from the queue.', danger: true },
  'review.set_merge_strategy': {
    label: 'Change merge strategy',
    description: 'Switches between direct merges and pull requests.',
    danger: false,
  },
  'container.force_restart': {
    label: 'Force-restart container',
    description: "Restarts the town's container; running sessions are interrupted.",
    danger: true,
  },
  'container.force_stop': {
    label: 'Force-stop container',
    description: "Stops the town's container until the next dispatch.",
    danger: true,
  },
  'container.update_env': {
    label: 'Update env vars',
    description: 'Changes container environment variables (secret values are write-only).',
    danger: false,
  },
  'container.set_sleep_timeout': {
    label: 'Change sleep timeout',
    description: 'How many idle minutes before the container sleeps (5–120).',
    danger: false,
  },
  'credential.force_refresh': {
    label: 'Force-refresh credentials',
    description: 'Mints a fresh git token from the linked integration.',
    danger: false,
  },
  'credential.set_token': {
    label: 'Set git token manually',
    description: 'Stores a git token for this rig. Write-only: it is never shown again.',
    danger: false,
  },
  'credential.relink_integration': {
    label: 'Re-link integration',
    description: 'Links the rig to another platform integration.',
    danger: false,
  },
  'convoy.force_land': { label: 'Force-land convoy', description: 'Marks the convoy landed and closed now.', danger: true },
  'convoy.add_tracked': { label: 'Add tracked bead', description: 'Adds a bead to the convoy.', danger: false },
  'convoy.remove_tracked': {
    label: 'Remove tracked bead',
    description: 'Stops tracking a bead (e.g. one deleted instead of closed).',
    danger: false,
  },
  'convoy.force_close_children': {
    label: 'Force-close stuck beads',
    description: "Closes the selected tracked beads so the convoy's counter can finish.",
    danger: true,
  },
  'mayor.force_restart': {
    label: 'Force-restart Mayor',
    description: "Restarts the Mayor's session with a freshly rendered system prompt.",
    danger: true,
  },
  'mayor.clear_conversation': { label: 'Clear conversation', description: 'Starts the Mayor on an empty conversation.', danger: true },
  'mayor.resend_last_message': {
    label: 'Resend last user message',
    description: "Sends the user's last message to the Mayor again.",
    danger: false,
  },
  'config.update_town': { label: 'Edit town config', description: 'Changes the town configuration.', danger: false },
  'config.update_rig': { label: 'Edit rig config', description: 'Changes the rig configuration.', danger: false },
};

/** The actions offered for a target, in menu order. */
export const ACTIONS_FOR: Partial<Record<TargetKind | 'mayor', ActionName[]>> = {
  agent: ['agent.force_reset', 'agent.force_unhook', 'agent.retry_dispatch', 'agent.force_kill', 'agent.delete'],
  mayor: ['mayor.force_restart', 'mayor.resend_last_message', 'mayor.clear_conversation'],
  bead: ['bead.force_close', 'bead.force_fail', 'bead.reassign', 'bead.change_priority', 'bead.unhook', 'bead.delete'],
  review: ['review.force_retry', 'review.direct_merge', 'review.force_close'],
  container: ['container.force_restart', 'container.force_stop', 'container.set_sleep_timeout'],
  rig: ['credential.force_refresh', 'credential.set_token', 'credential.relink_integration'],
  convoy: ['convoy.force_land', 'convoy.remove_tracked', 'convoy.add_tracked', 'convoy.force_close_children'],
};
