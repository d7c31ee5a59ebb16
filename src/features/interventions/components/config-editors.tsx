import { useState } from 'react';
import type { RigConfig, TownConfig } from '../../../api';
import { ActionDialog } from './action-dialog';

type Editable = Pick<TownConfig, 'default_model' | 'small_model' | 'max_polecats_per_rig' | 'merge_strategy' | 'refinery' | 'alarm_intervals' | 'custom_instructions' | 'role_models'>;

const pick = (c: TownConfig): Editable => ({
  default_model: c.default_model,
  small_model: c.small_model,
  max_polecats_per_rig: c.max_polecats_per_rig,
  merge_strategy: c.merge_strategy,
  refinery: c.refinery,
  alarm_intervals: c.alarm_intervals,
  custom_instructions: c.custom_instructions,
  role_models: c.role_models,
});

/** The fields that differ: the patch the server validates and the dialog shows as a diff. */
export function diffConfig(before: Editable, after: Editable): Partial<Editable> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Editable)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as Partial<Editable>;
}

/** Edits the town config; saving opens the intervention dialog with the diff, a reason and a server dry run. */
export function TownConfigEditor({ townId, config }: { townId: string; config: TownConfig }) {
  const [draft, setDraft] = useState<Editable>(() => pick(config));
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const patch = diffConfig(pick(config), draft);
  const changed = Object.keys(patch).length;
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setDraft((d) => ({ ...d, [key]: value }));
  if (!editing) {
    return (
      <button type="button" className="button button-small" onClick={() => { setDraft(pick(config)); setEditing(true); }}>
        Edit town config
      </button>
    );
  }
  return (
    <form className="config-editor" aria-label="Edit town config" onSubmit={(e) => { e.preventDefault(); if (changed) setOpen(true); }}>
      <label className="field"><span className="label">Default model</span><input className="input mono" value={draft.default_model} onChange={(e) => set('default_model', e.target.value)} /></label>
      <label className="field"><span className="label">Small model</span><input className="input mono" value={draft.small_model} onChange={(e) => set('small_model', e.target.value)} /></label>
      <label className="field"><span className="label">Max polecats per rig (1–20)</span><input className="input" type="number" min={1} max={20} value={draft.max_polecats_per_rig} onChange={(e) => set('max_polecats_per_rig', Number(e.target.value))} /></label>
      <label className="field"><span className="label">Merge strategy</span>
        <select className="input" value={draft.merge_strategy} onChange={(e) => set('merge_strategy', e.target.value as Editable['merge_strategy'])}><option value="pr">pull request</option><option value="direct">direct merge</option></select>
      </label>
      <label className="field"><span className="label">Refinery review mode</span>
        <select className="input" value={draft.refinery.review_mode} onChange={(e) => set('refinery', { ...draft.refinery, review_mode: e.target.value as Editable['refinery']['review_mode'] })}>
          <option value="always">always</option><option value="on_request">on request</option><option value="never">never</option>
        </select>
      </label>
      <fieldset className="checklist">
        <legend className="label">Refinery</legend>
        {(['auto_merge', 'require_clean_merge', 'code_review'] as const).map((k) => (
          <label key={k} className="check"><input type="checkbox" checked={draft.refinery[k]} onChange={(e) => set('refinery', { ...draft.refinery, [k]: e.target.checked })} />{k.replace(/_/g, ' ')}</label>
        ))}
      </fieldset>
      <label className="field"><span className="label">Refinery gates (comma-separated commands)</span>
        <input className="input mono" value={draft.refinery.gates.join(', ')} onChange={(e) => set('refinery', { ...draft.refinery, gates: e.target.value.split(',').map((g) => g.trim()).filter(Boolean) })} />
      </label>
      {Object.entries(draft.alarm_intervals).map(([name, seconds]) => (
        <label key={name} className="field"><span className="label">Alarm {name.replace(/_/g, ' ')} (s)</span>
          <input className="input" type="number" min={1} value={seconds} onChange={(e) => set('alarm_intervals', { ...draft.alarm_intervals, [name]: Number(e.target.value) })} />
        </label>
      ))}
      {(['mayor', 'refinery', 'polecat'] as const).map((role) => (
        <label key={role} className="field field-wide"><span className="label">Custom instructions: {role}</span>
          <textarea className="input textarea" rows={2} value={draft.custom_instructions[role] ?? ''} onChange={(e) => set('custom_instructions', { ...draft.custom_instructions, [role]: e.target.value || undefined })} />
        </label>
      ))}
      <div className="dialog-actions field-wide">
        <button type="button" className="button" onClick={() => setEditing(false)}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={!changed}>{changed ? `Review ${changed} change${changed === 1 ? '' : 's'}` : 'No changes'}</button>
      </div>
      <ActionDialog
        townId={townId}
        action="config.update_town"
        target={{ kind: 'config', id: townId }}
        version={config.version}
        params={{ patch }}
        open={open}
        onOpenChange={(next) => { setOpen(next); if (!next) setEditing(false); }}
      />
    </form>
  );
}

/** Edits one rig's config through the same dialog. */
export function RigConfigEditor({ townId, rig }: { townId: string; rig: RigConfig }) {
  const [draft, setDraft] = useState({ max_polecats: rig.max_polecats, model_override: rig.model_override, custom_instructions: rig.custom_instructions });
  const [open, setOpen] = useState(false);
  const patch = Object.fromEntries(Object.entries(draft).filter(([k, v]) => (rig as unknown as Record<string, unknown>)[k] !== v));
  return (
    <form className="config-editor" aria-label={`Edit rig ${rig.rig.name}`} onSubmit={(e) => { e.preventDefault(); if (Object.keys(patch).length) setOpen(true); }}>
      <label className="field"><span className="label">Max polecats (empty: town default)</span>
        <input className="input" type="number" min={1} max={20} value={draft.max_polecats ?? ''} onChange={(e) => setDraft({ ...draft, max_polecats: e.target.value === '' ? null : Number(e.target.value) })} />
      </label>
      <label className="field"><span className="label">Model override</span>
        <input className="input mono" value={draft.model_override ?? ''} onChange={(e) => setDraft({ ...draft, model_override: e.target.value || null })} />
      </label>
      <label className="field field-wide"><span className="label">Custom instructions</span>
        <textarea className="input textarea" rows={2} value={draft.custom_instructions ?? ''} onChange={(e) => setDraft({ ...draft, custom_instructions: e.target.value || null })} />
      </label>
      <div className="dialog-actions field-wide">
        <button type="submit" className="button button-small" disabled={!Object.keys(patch).length}>Review rig change</button>
      </div>
      <ActionDialog townId={townId} action="config.update_rig" target={{ kind: 'rig', id: rig.rig.id }} version={rig.version} params={patch} open={open} onOpenChange={setOpen} />
    </form>
  );
}
