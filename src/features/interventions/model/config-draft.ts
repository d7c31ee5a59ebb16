import type { RigConfig, TownConfig } from '../../../api';
import { sameValue } from './values';

/** The town config fields the editor changes (the `config.update_town` patch may hold any of them). */
export type EditableTownConfig = Pick<
  TownConfig,
  | 'default_model'
  | 'small_model'
  | 'role_models'
  | 'max_polecats_per_rig'
  | 'merge_strategy'
  | 'refinery'
  | 'alarm_intervals'
  | 'custom_instructions'
  | 'cost_threshold_microdollars_24h'
>;

export function pickEditable(c: TownConfig): EditableTownConfig {
  return {
    default_model: c.default_model,
    small_model: c.small_model,
    role_models: c.role_models,
    max_polecats_per_rig: c.max_polecats_per_rig,
    merge_strategy: c.merge_strategy,
    refinery: c.refinery,
    alarm_intervals: c.alarm_intervals,
    custom_instructions: c.custom_instructions,
    cost_threshold_microdollars_24h: c.cost_threshold_microdollars_24h ?? null,
  };
}

/**
 * An admin's edits by field path (`default_model`, `refinery.auto_merge`, `role_models.mayor`).
 * Kept apart from the config they apply to, so that after a reload they land on the current config:
 * a field someone else changed meanwhile, and the admin did not touch, is never reverted.
 */
export type ConfigEdits = Record<string, unknown>;

/** The config with the edits applied (one level of nesting; `undefined` removes a nested key). */
export function applyEdits<T extends object>(base: T, edits: ConfigEdits): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits)) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      out[path] = value;
      continue;
    }
    const head = path.slice(0, dot);
    const inner: Record<string, unknown> = { ...(out[head] as Record<string, unknown> | undefined) };
    if (value === undefined) delete inner[path.slice(dot + 1)];
    else inner[path.slice(dot + 1)] = value;
    out[head] = inner;
  }
  return out as T;
}

/** The top-level fields that differ: the patch the server validates and the dialog shows as a diff. */
export function diffConfig<T extends object>(before: T, after: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!sameValue(before[key], after[key])) patch[key] = after[key];
  }
  return patch;
}

export type EditableRigConfig = Pick<RigConfig, 'max_polecats' | 'model_override' | 'custom_instructions'>;

export function pickEditableRig(r: RigConfig): EditableRigConfig {
  return { max_polecats: r.max_polecats, model_override: r.model_override, custom_instructions: r.custom_instructions };
}
