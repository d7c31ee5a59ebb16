import { clipLine } from '../../../lib/bounded-text';
import { useState } from 'react';
import type { RigConfig, TownConfig } from '../../../api';
import {
  applyEdits,
  diffConfig,
  pickEditable,
  pickEditableRig,
  type ConfigEdits,
  type EditableRigConfig,
  type EditableTownConfig,
} from '../model/config-draft';
import { useActionDialog } from './action-dialog-host';

const ROLES = ['mayor', 'refinery', 'polecat'] as const;

/** Comma-separated gate commands, kept as typed (a trailing comma stays) while the draft gets the list. */
function GatesInput({ gates, onChange }: { gates: string[]; onChange: (gates: string[]) => void }) {
  const [text, setText] = useState(gates.join(', '));
  return (
    <input
      className="input mono"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((g) => g.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}

/**
 * Edits the town config; saving opens the intervention dialog with the diff, a reason and a server dry
 * run. The draft is kept as the admin's edits, not a copy of the config: it survives a reload after a
 * conflict and lands on the current config; it is dropped only once saved or on Cancel.
 */
export function TownConfigEditor({ townId, config }: { townId: string; config: TownConfig }) {
  const [edits, setEdits] = useState<ConfigEdits>({});
  const [editing, setEditing] = useState(false);
  const current = pickEditable(config);
  const draft = applyEdits(current, edits);
  const patch = diffConfig(current, draft);
  const changed = Object.keys(patch).length;
  const edit = (path: string, value: unknown) => setEdits((e) => ({ ...e, [path]: value }));
  const review = useActionDialog({
    townId,
    action: 'config.update_town',
    target: { kind: 'config', id: townId },
    version: config.version,
    params: { patch },
    onSuccess: () => {
      setEdits({});
      setEditing(false);
    },
  });
  if (!editing) {
    return (
      <button type="button" className="button button-small" onClick={() => setEditing(true)}>
        Edit town config
      </button>
    );
  }
  const set = <K extends keyof EditableTownConfig>(key: K, value: EditableTownConfig[K]) => edit(key, value);
  return (
    <form
      className="config-editor"
      aria-label="Edit town config"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) review();
      }}
    >
      <label className="field">
        <span className="label">Default model</span>
        <input className="input mono" value={draft.default_model} onChange={(e) => set('default_model', e.target.value)} />
      </label>
      <label className="field">
        <span className="label">Small model</span>
        <input className="input mono" value={draft.small_model} onChange={(e) => set('small_model', e.target.value)} />
      </label>
      {ROLES.map((role) => (
        <label key={role} className="field">
          <span className="label">Model for the {role} (empty: default model)</span>
          <input
            className="input mono"
            value={draft.role_models[role] ?? ''}
            placeholder={draft.default_model}
            onChange={(e) => edit(`role_models.${role}`, e.target.value.trim() || undefined)}
          />
        </label>
      ))}
      <label className="field">
        <span className="label">Max polecats per rig (1–20)</span>
        <input
          className="input"
          type="number"
          min={1}
          max={20}
          value={draft.max_polecats_per_rig}
          onChange={(e) => set('max_polecats_per_rig', Number(e.target.value))}
        />
      </label>
      <label className="field">
        <span className="label">Cost threshold, $ per 24 h (empty: none)</span>
        <input
          className="input"
          type="number"
          min={0}
          step="0.01"
          value={draft.cost_threshold_microdollars_24h == null ? '' : draft.cost_threshold_microdollars_24h / 1_000_000}
          onChange={(e) =>
            set(
              'cost_threshold_microdollars_24h',
              e.target.value === '' ? null : Math.max(0, Math.round(Number(e.target.value) * 1_000_000)),
            )
          }
        />
      </label>
      <label className="field">
        <span className="label">Merge strategy</span>
        <select
          className="input"
          value={draft.merge_strategy}
          onChange={(e) => set('merge_strategy', e.target.value as EditableTownConfig['merge_strategy'])}
        >
          <option value="pr">pull request</option>
          <option value="direct">direct merge</option>
        </select>
      </label>
      <label className="field">
        <span className="label">Refinery review mode</span>
        <select className="input" value={draft.refinery.review_mode} onChange={(e) => edit('refinery.review_mode', e.target.value)}>
          <option value="always">always</option>
          <option value="on_request">on request</option>
          <option value="never">never</option>
        </select>
      </label>
      <fieldset className="checklist">
        <legend className="label">Refinery</legend>
        {(['auto_merge', 'require_clean_merge', 'code_review'] as const).map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={draft.refinery[k]} onChange={(e) => edit(`refinery.${k}`, e.target.checked)} />
            {k.replace(/_/g, ' ')}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="label">Refinery gates (comma-separated commands)</span>
        <GatesInput gates={draft.refinery.gates} onChange={(gates) => edit('refinery.gates', gates)} />
      </label>
      {Object.entries(draft.alarm_intervals).map(([name, seconds]) => (
        <label key={name} className="field">
          <span className="label">Alarm {name.replace(/_/g, ' ')} (s)</span>
          <input
            className="input"
            type="number"
            min={1}
            value={seconds}
            onChange={(e) => edit(`alarm_intervals.${name}`, Number(e.target.value))}
          />
        </label>
      ))}
      {ROLES.map((role) => (
        <label key={role} className="field field-wide">
          <span className="label">Custom instructions: {role}</span>
          <textarea
            className="input textarea"
            rows={2}
            value={draft.custom_instructions[role] ?? ''}
            onChange={(e) => edit(`custom_instructions.${role}`, e.target.value || undefined)}
          />
        </label>
      ))}
      <div className="dialog-actions field-wide">
        <button
          type="button"
          className="button"
          onClick={() => {
            setEdits({});
            setEditing(false);
          }}
        >
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!changed}>
          {changed ? `Review ${changed} change${changed === 1 ? '' : 's'}` : 'No changes'}
        </button>
      </div>
    </form>
  );
}

/** Edits one rig's config through the same dialog; like the town editor, the draft is the admin's edits. */
export function RigConfigEditor({ townId, rig }: { townId: string; rig: RigConfig }) {
  const [edits, setEdits] = useState<Partial<EditableRigConfig>>({});
  const current = pickEditableRig(rig);
  const draft = { ...current, ...edits };
  const patch = diffConfig(current, draft);
  const changed = Object.keys(patch).length > 0;
  const review = useActionDialog({
    townId,
    action: 'config.update_rig',
    target: { kind: 'rig', id: rig.rig.id },
    version: rig.version,
    params: patch,
    onSuccess: () => setEdits({}),
  });
  return (
    <form
      className="config-editor"
      aria-label={`Edit rig ${clipLine(rig.rig.name)}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) review();
      }}
    >
      <label className="field">
        <span className="label">Max polecats (empty: town default)</span>
        <input
          className="input"
          type="number"
          min={1}
          max={20}
          value={draft.max_polecats ?? ''}
          onChange={(e) => setEdits({ ...edits, max_polecats: e.target.value === '' ? null : Number(e.target.value) })}
        />
      </label>
      <label className="field">
        <span className="label">Model override</span>
        <input
          className="input mono"
          value={draft.model_override ?? ''}
          onChange={(e) => setEdits({ ...edits, model_override: e.target.value || null })}
        />
      </label>
      <label className="field field-wide">
        <span className="label">Custom instructions</span>
        <textarea
          className="input textarea"
          rows={2}
          value={draft.custom_instructions ?? ''}
          onChange={(e) => setEdits({ ...edits, custom_instructions: e.target.value || null })}
        />
      </label>
      <div className="dialog-actions field-wide">
        {changed ? (
          <button type="button" className="button button-small" onClick={() => setEdits({})}>
            Discard
          </button>
        ) : null}
        <button type="submit" className="button button-small" disabled={!changed}>
          Review rig change
        </button>
      </div>
    </form>
  );
}
