import { useDialogFocus } from '../../../components/dialog-focus';
import { Dialog } from 'radix-ui';
import { useRef, useState } from 'react';
import {
  BULK_MAX_TARGETS,
  BULK_PRESET_ACTIONS,
  type ActionName,
  type BulkAgentFilter,
  type BulkBeadFilter,
  type BulkPreset,
  type BulkReviewFilter,
  type BulkPreview,
  type BulkSelection,
} from '../../../api';
import { explainError } from '../../../components/error-state';
import { usePortalContainer } from '../../../components/portal-container';
import { formatNumber } from '../../../lib/format';
import { prepareBatch, useRunBatch, type RunProgress } from '../api/bulk';
import { ACTION_META } from '../model/registry';
import { useActionsUnsupported } from '../../deployment';
import '../interventions.css';

/** The bead actions a batch can take, with the one parameter some of them need. */
const BEAD_BULK_ACTIONS: readonly ActionName[] = [
  'bead.force_close',
  'bead.force_fail',
  'bead.change_priority',
  'bead.unhook',
  'bead.delete',
];
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
/** What a batch can do to agents and to merge requests (actions without parameters of their own). */
const AGENT_BULK_ACTIONS: readonly ActionName[] = ['agent.force_reset', 'agent.force_unhook', 'agent.retry_dispatch', 'agent.force_kill'];
const REVIEW_BULK_ACTIONS: readonly ActionName[] = ['review.force_retry', 'review.force_close'];

type SelectableKind = 'bead' | 'agent' | 'review';
const KIND_ACTIONS: Record<SelectableKind, readonly ActionName[]> = {
  bead: BEAD_BULK_ACTIONS,
  agent: AGENT_BULK_ACTIONS,
  review: REVIEW_BULK_ACTIONS,
};
/** The latest targets listed while a run goes (the counts above cover all of them). */
const OUTCOMES_SHOWN = 200;
const KIND_NOUN: Record<SelectableKind, string> = { bead: 'beads', agent: 'agents', review: 'merge requests' };

/** Why a bulk button is off when the deployment supports none of its actions (else null). */
function useNoneSupported(actions: readonly ActionName[]): string | null {
  const unsupported = useActionsUnsupported();
  const reason = actions.map(unsupported).find((r) => r !== null);
  return actions.every((a) => unsupported(a) !== null) && reason
    ? `${actions.map((a) => ACTION_META[a].label).join(', ')}: ${reason}`
    : null;
}

const hasFilter = (f: BulkBeadFilter | BulkAgentFilter | BulkReviewFilter) =>
  Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));

/**
 * "Act on all matching" for the Agents tab and the review queue: the same as for beads, with the
 * table's filter sent to the server, which refuses an empty one.
 */
export function BulkFilterButton(
  props: { townId: string; shown: number } & ({ kind: 'agent'; filter: BulkAgentFilter } | { kind: 'review'; filter: BulkReviewFilter }),
) {
  const [open, setOpen] = useState(false);
  const enabled = hasFilter(props.filter);
  const noun = KIND_NOUN[props.kind];
  const none = useNoneSupported(KIND_ACTIONS[props.kind]);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={!enabled || none !== null}
        title={
          none ??
          (enabled
            ? `Preview one action over every ${props.kind} this filter matches`
            : 'Set a filter first: a bulk action never takes a whole town')
        }
        onClick={() => setOpen(true)}
      >
        Act on all matching…
      </button>
      {open ? (
        <BulkDialog
          townId={props.townId}
          selection={
            props.kind === 'agent'
              ? { by: 'filter', kind: 'agent', filter: props.filter }
              : { by: 'filter', kind: 'review', filter: props.filter }
          }
          actions={KIND_ACTIONS[props.kind]}
          title={`Act on all matching ${noun}`}
          noun={noun}
          what={`Filter: ${describeFilter(props.filter, props.kind)}. The server resolves it; the table shows ${formatNumber(props.shown)}.`}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/**
 * "Act on N selected": the rows the admin ticked, as ids (what they saw, never more than the filter
 * shows: the table's selection drops rows its filter hides).
 */
export function BulkSelectedButton({ townId, kind, ids }: { townId: string; kind: SelectableKind; ids: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const noun = KIND_NOUN[kind];
  // The dialog keeps the ids it opened with: a poll that changes the table must not change a batch in preview.
  const [taken, setTaken] = useState<string[]>([]);
  const tooMany = ids.length > BULK_MAX_TARGETS;
  const none = useNoneSupported(KIND_ACTIONS[kind]);
  return (
    <>
      <button
        type="button"
        className="button button-small button-primary"
        disabled={ids.length === 0 || tooMany || none !== null}
        title={
          none ??
          (tooMany
            ? `A batch takes at most ${formatNumber(BULK_MAX_TARGETS)} ticked rows: narrow the filter, or use “Act on all matching…”`
            : undefined)
        }
        onClick={() => {
          setTaken([...ids]);
          setOpen(true);
        }}
      >
        Act on {formatNumber(ids.length)} selected…
      </button>
      {tooMany ? (
        <span className="muted small">at most {formatNumber(BULK_MAX_TARGETS)} a batch: narrow the filter, or act on all matching</span>
      ) : null}
      {open ? (
        <BulkDialog
          townId={townId}
          selection={{ by: 'ids', kind, ids: taken }}
          actions={KIND_ACTIONS[kind]}
          title={`Act on ${formatNumber(taken.length)} selected ${noun}`}
          noun={noun}
          what={`The ${formatNumber(taken.length)} ${noun} you ticked.`}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

/**
 * "Act on all matching": one bead action over every bead of the filter. The server receives the
 * filter (never an id list built here), answers the count, a sample with each target's effect and
 * the warnings by kind; above 10 targets the admin types the count. The run goes target by target
 * through the one engine, each with its own audit entry under the batch's id.
 */
export function BulkBeadsButton({ townId, filter, shown }: { townId: string; filter: BulkBeadFilter; shown: number }) {
  const [open, setOpen] = useState(false);
  const enabled = hasFilter(filter);
  const none = useNoneSupported(BEAD_BULK_ACTIONS);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={!enabled || none !== null}
        title={
          none ??
          (enabled
            ? 'Preview one action over every bead this filter matches'
            : 'Set a filter first: a bulk action never takes a whole town')
        }
        onClick={() => setOpen(true)}
      >
        Act on all matching…
      </button>
      {open ? (
        <BulkDialog
          townId={townId}
          selection={{ by: 'filter', kind: 'bead', filter }}
          actions={BEAD_BULK_ACTIONS}
          title="Act on all matching beads"
          noun="beads"
          what={`Filter: ${describeFilter(filter)}. The server resolves it; the table shows ${formatNumber(shown)}.`}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

const PRESETS: Record<BulkPreset, { label: string; noun: string; what: string }> = {
  stalled_agents: { label: 'Reset every stalled agent', noun: 'agents', what: 'Every agent of the town that is stalled now.' },
  agents_hooked_to_closed_beads: {
    label: 'Unhook agents hooked to closed beads',
    noun: 'agents',
    what: 'Every agent still hooked to a bead that is closed.',
  },
  failed_reviews: {
    label: 'Retry every failed review',
    noun: 'merge requests',
    what: 'Every merge request whose review failed and that is still open (one closed without merging stays closed).',
  },
  failed_dispatches: {
    label: 'Retry every failed dispatch',
    noun: 'agents',
    what: 'Every agent whose hooked bead’s latest dispatch attempt failed.',
  },
};

/** A ready-made batch: the server resolves its targets from the town's state; its action is fixed. */
export function ReadyBatchButton({ townId, preset }: { townId: string; preset: BulkPreset }) {
  const [open, setOpen] = useState(false);
  const p = PRESETS[preset];
  const none = useNoneSupported([BULK_PRESET_ACTIONS[preset]]);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={none !== null}
        title={none ?? undefined}
        onClick={() => setOpen(true)}
      >
        {p.label}…
      </button>
      {open ? (
        <BulkDialog
          townId={townId}
          selection={{ by: 'preset', preset }}
          actions={[BULK_PRESET_ACTIONS[preset]]}
          title={p.label}
          noun={p.noun}
          what={p.what}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function describeFilter(f: BulkBeadFilter | BulkAgentFilter | BulkReviewFilter, kind: SelectableKind = 'bead'): string {
  const text = kind === 'agent' ? 'name, identity or id' : 'title or id';
  const parts = [
    'role' in f && f.role?.length ? `role ${f.role.join(' or ')}` : null,
    'status' in f && f.status?.length ? `status ${f.status.join(' or ').replace(/_/g, ' ')}` : null,
    'state' in f && f.state?.length ? `review state ${f.state.join(' or ')}` : null,
    'type' in f && f.type?.length ? `type ${f.type.join(' or ')}` : null,
    'label' in f && f.label ? `label “${f.label}”` : null,
    f.q ? `${text} “${f.q}”` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

function BulkDialog({
  townId,
  selection,
  actions,
  title,
  noun,
  what,
  onClose,
}: {
  townId: string;
  selection: BulkSelection;
  actions: readonly ActionName[];
  title: string;
  noun: string;
  what: string;
  onClose: () => void;
}) {
  const container = usePortalContainer();
  const focus = useDialogFocus();
  // One key for this dialog's batch: a second preview or run under it is the same batch.
  const [batchKey, setBatchKey] = useState(() => crypto.randomUUID());
  const unsupported = useActionsUnsupported();
  const [picked, setAction] = useState<ActionName>(actions[0]!);
  // An action this deployment lacks is never the one chosen (the capabilities may arrive after the dialog opened).
  const action = unsupported(picked) ? (actions.find((a) => unsupported(a) === null) ?? picked) : picked;
  const blocked = unsupported(action);
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('high');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState<RunProgress | null>(null);
  const [busy, setBusy] = useState<'preview' | 'run' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  const runBatch = useRunBatch(townId);

  const params = action === 'bead.change_priority' ? { priority } : {};
  const edit = (change: () => void) => {
    change();
    // A different batch: a new key, and the old preview no longer applies.
    setPreview(null);
    setBatchKey(crypto.randomUUID());
  };

  const doPreview = async () => {
    setBusy('preview');
    setError(null);
    try {
      setPreview(await prepareBatch(townId, { batch_key: batchKey, action, selection, params, reason: reason.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const doRun = async (retryFailed: boolean) => {
    if (!preview) return;
    setBusy('run');
    setError(null);
    const stop = new AbortController();
    abort.current = stop;
    const from: RunProgress = page ?? {
      total: preview.count,
      applied: 0,
      failed: 0,
      pending: preview.count,
      failures: [],
      outcomes: [],
      finished: false,
    };
    try {
      await runBatch(batchKey, { confirmCount: preview.count, retryFailed, from, onProgress: setPage, signal: stop.signal });
    } catch (e) {
      // Stopped by the admin: the progress says what is left, and Continue takes it up.
      if (!stop.signal.aborted) setError(e);
    } finally {
      setBusy(null);
    }
  };

  const confirmed = !preview?.confirm_required || typed.trim() === String(preview.count);
  const done = page !== null && page.finished && page.pending === 0;
  const explained = error ? explainError(error) : null;

  return (
    <Dialog.Root open onOpenChange={(o) => (o || busy === 'run' ? undefined : onClose())}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog bulk-dialog" aria-describedby="bulk-what" {...focus.props}>
          <div className="dialog-body">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <p id="bulk-what" className="muted small">
              {what}
            </p>

            <fieldset className="bulk-fields" disabled={busy !== null || page !== null}>
              <label className="label" htmlFor="bulk-action">
                Action
              </label>
              <select
                id="bulk-action"
                className="input"
                value={action}
                onChange={(e) => edit(() => setAction(e.target.value as ActionName))}
              >
                {actions.map((a) => (
                  <option key={a} value={a} disabled={unsupported(a) !== null}>
                    {ACTION_META[a].label}
                    {unsupported(a) ? ` — ${unsupported(a)}` : ''}
                  </option>
                ))}
              </select>
              {blocked ? (
                <p className="muted small" role="note">
                  {ACTION_META[action].label} is {blocked}.
                </p>
              ) : null}
              {action === 'bead.change_priority' ? (
                <>
                  <label className="label" htmlFor="bulk-priority">
                    Priority
                  </label>
                  <select
                    id="bulk-priority"
                    className="input"
                    value={priority}
                    onChange={(e) => edit(() => setPriority(e.target.value as (typeof PRIORITIES)[number]))}
                  >
                    {PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
              <label className="label" htmlFor="bulk-reason">
                Reason (goes into every target’s audit entry)
              </label>
              <textarea
                id="bulk-reason"
                className="input"
                rows={2}
                value={reason}
                onChange={(e) => edit(() => setReason(e.target.value))}
              />
            </fieldset>

            {preview ? <PreviewSummary preview={preview} noun={noun} /> : null}

            {preview && preview.confirm_required && !page ? (
              <div>
                <label className="label" htmlFor="bulk-confirm">
                  Type {preview.count} to confirm
                </label>
                <input
                  id="bulk-confirm"
                  className="input"
                  inputMode="numeric"
                  autoComplete="off"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
              </div>
            ) : null}

            {page ? <RunProgressView page={page} /> : null}

            {explained ? (
              <div className="bulk-error" role="alert">
                <strong>{explained.title}</strong> {explained.message}
              </div>
            ) : null}

            <div className="dialog-actions">
              {busy === 'run' ? (
                <button type="button" className="button" onClick={() => abort.current?.abort()}>
                  Stop after this target
                </button>
              ) : (
                <Dialog.Close className="button">{done ? 'Close' : 'Cancel'}</Dialog.Close>
              )}
              {!preview ? (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={reason.trim().length < 3 || busy !== null || blocked !== null}
                  title={blocked ?? undefined}
                  onClick={() => void doPreview()}
                >
                  {busy === 'preview' ? 'Counting…' : 'Preview'}
                </button>
              ) : page && page.failed > 0 && busy === null ? (
                <button type="button" className="button" onClick={() => void doRun(true)}>
                  Retry {page.failed} failed
                </button>
              ) : !done ? (
                <button
                  type="button"
                  className={`button ${ACTION_META[action].danger ? 'button-danger' : 'button-primary'}`}
                  disabled={!confirmed || busy !== null || preview.count === 0}
                  onClick={() => void doRun(false)}
                >
                  {busy === 'run' ? 'Running…' : page ? `Continue (${page.pending} left)` : `Run on ${formatNumber(preview.count)} ${noun}`}
                </button>
              ) : null}
            </div>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PreviewSummary({ preview, noun }: { preview: BulkPreview; noun: string }) {
  return (
    <section className="bulk-preview" aria-label="Dry run">
      <p className="strong" data-testid="bulk-count">
        {preview.count === 0 ? `No ${noun} to act on.` : `${formatNumber(preview.count)} ${noun} would be affected.`}
      </p>
      {preview.warnings.length || preview.refusals.length ? (
        <ul className="bulk-warnings" aria-label="Warnings">
          {preview.refusals.map((r) => (
            <li key={r.kind} className="bulk-refusal">
              {r.message}
            </li>
          ))}
          {preview.warnings.map((w) => (
            <li key={w.kind}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {preview.sample.length ? (
        <table className="table" aria-label="Sample of the targets">
          <thead>
            <tr>
              <th>Target</th>
              <th>Effect</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((t) => (
              <tr key={t.target_id}>
                <td className="bulk-label" title={t.target_id}>
                  {t.label}
                </td>
                <td className={t.refused ? 'bulk-refusal' : undefined}>{t.refused ? t.refused.message : t.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.count > preview.sample.length ? (
        <p className="muted small">
          The first {preview.sample.length} of {formatNumber(preview.count)}.
        </p>
      ) : null}
    </section>
  );
}

function RunProgressView({ page }: { page: RunProgress }) {
  const finished = page.applied + page.failed;
  return (
    <section className="bulk-progress" aria-label="Progress">
      <progress max={page.total} value={finished} aria-label="Targets done" />
      <p role="status" aria-live="polite" data-testid="bulk-progress">
        {formatNumber(finished)} of {formatNumber(page.total)} done: {formatNumber(page.applied)} applied, {formatNumber(page.failed)}{' '}
        failed
        {page.pending ? `, ${formatNumber(page.pending)} to go` : ''}.
      </p>
      {page.outcomes.length ? (
        // Newest first: the target that just completed is on top while the run goes on.
        <ol className="bulk-outcomes" aria-label="Targets done" reversed>
          {page.outcomes
            .slice(-OUTCOMES_SHOWN)
            .reverse()
            .map((o, i) => (
              <li key={`${o.target_id}:${page.outcomes.length - i}`} className={o.status === 'failed' ? 'bulk-refusal' : undefined}>
                <span className="bulk-label" title={o.target_id}>
                  {o.label}
                </span>{' '}
                {o.status === 'applied'
                  ? `applied${o.audit_seq !== null ? ` (audit #${o.audit_seq})` : ''}`
                  : `failed: ${o.error?.message ?? 'unknown'}`}
              </li>
            ))}
        </ol>
      ) : null}
      {page.failures.length ? (
        <table className="table" aria-label="Failed targets">
          <thead>
            <tr>
              <th>Target</th>
              <th>Why it failed</th>
            </tr>
          </thead>
          <tbody>
            {page.failures.slice(0, 50).map((f) => (
              <tr key={f.target_id}>
                <td className="bulk-label" title={f.target_id}>
                  {f.label}
                </td>
                <td className="bulk-refusal">{f.error?.message ?? 'unknown'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
