import { describe, expect, it } from 'vitest';
import { applyEdits, diffConfig } from './config-draft';
import { toFieldError, type FieldSpec } from './registry';
import { diffFacts } from './target-facts';
import { toChangeRows } from './values';

describe('config drafts', () => {
  const seen = {
    default_model: 'a',
    merge_strategy: 'pr',
    refinery: { auto_merge: true, code_review: true },
    role_models: { mayor: 'opus' },
  };

  it('apply the admin’s edits by path and never revert what someone else changed meanwhile', () => {
    const edits = { 'refinery.auto_merge': false, 'role_models.polecat': 'haiku' };
    const now = { ...seen, default_model: 'b', refinery: { auto_merge: true, code_review: false } };
    const draft = applyEdits(now, edits);
    expect(diffConfig(now, draft)).toEqual({
      refinery: { auto_merge: false, code_review: false },
      role_models: { mayor: 'opus', polecat: 'haiku' },
    });
  });

  it('treat an emptied role model as unset and an edit back to the current value as no change', () => {
    expect(diffConfig(seen, applyEdits(seen, { 'role_models.mayor': undefined }))).toEqual({ role_models: {} });
    expect(diffConfig(seen, applyEdits(seen, { default_model: 'a', 'refinery.code_review': true }))).toEqual({});
  });
});

describe('change rows', () => {
  it('list one row per changed key of an object-valued field', () => {
    const entity = { kind: 'config' as const, id: 't', label: 'town config' };
    expect(
      toChangeRows([
        { entity, field: 'role_models', from: { mayor: 'opus' }, to: { mayor: 'opus', polecat: 'haiku' } },
        { entity, field: 'max_polecats_per_rig', from: 5, to: 3 },
      ]),
    ).toEqual([
      { entity: 'town config', field: 'role_models.polecat', from: undefined, to: 'haiku' },
      { entity: 'town config', field: 'max_polecats_per_rig', from: 5, to: 3 },
    ]);
  });
});

describe('what changed between two reads', () => {
  it('names the differing facts, including vanished ones', () => {
    expect(
      diffFacts(
        [
          { label: 'status', value: 'stalled' },
          { label: 'hooked bead', value: 'X' },
          { label: 'env A', value: '1' },
        ],
        [
          { label: 'status', value: 'idle' },
          { label: 'hooked bead', value: 'X' },
        ],
      ),
    ).toEqual([
      { label: 'status', from: 'stalled', to: 'idle' },
      { label: 'env A', from: '1', to: '—' },
    ]);
  });
});

describe('field refusals', () => {
  const fields: FieldSpec[] = [
    { name: 'key', label: 'Variable', kind: 'text' },
    { name: 'value', label: 'New value', kind: 'text' },
  ];

  it('go to the field named by the server’s parameter path, in the panel’s words', () => {
    expect(
      toFieldError('params.changes.0.value', 'Invalid params.changes.0.value: Too big: expected string to have <=4096 characters', fields),
    ).toEqual({ field: 'value', message: 'At most 4096 characters.' });
    expect(
      toFieldError('params.token', 'Invalid params.token: Too small: expected string to have >=8 characters', [
        { name: 'token', label: 'Token', kind: 'password' },
      ]),
    ).toEqual({ field: 'token', message: 'At least 8 characters.' });
  });

  it('stay general when no field matches', () => {
    expect(toFieldError('changes.FOO', 'Env var FOO does not exist.', fields)).toBeNull();
    expect(toFieldError('reason', 'A reason is required', fields)).toBeNull();
  });
});
