import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError, queryKeys, type ActionChange, type ActionName, type ActionResult, type ActionTarget } from '../../../api';
import { ErrorState, explainError } from '../../../components/error-state';
import { usePortalContainer } from '../../../components/portal-container';
import { Loading } from '../../../components/states';
import { paths } from '../../../lib/paths';
import { runAction, useRunAction } from '../api/run-action';
import { readBack } from '../model/read-back';
import { ACTION_META, type FieldSpec } from '../model/registry';
import { ParamFields } from './param-fields';
import '../interventions.css';

export interface ActionDialogProps {
  townId: string;
  action: ActionName;
  target: ActionTarget;
  /** The target's version as the admin saw it (sent as If-Match). */
  version: number | null;
  /** Fixed parameters (e.g. a config diff), merged with the fields' values. */
  params?: Record<string, unknown>;
  fields?: FieldSpec[];
  /** Shapes the fields' values into the action's parameters when they differ (e.g. an env change list). */
  toParams?: (values: Record<string, unknown>) => Record<string, unknown>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const PREVIEW_REASON = 'dry run preview';

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function Changes({ changes }: { changes: ActionChange[] }) {
  if (!changes.length) return null;
  return (
    <table className="table changes-table" aria-label="Changes">
      <tbody>
        {changes.map((c, i) => (
          <tr key={i}>
            <td>{c.entity.label}</td>
            <td className="mono small">{c.field}</td>
            <td className="mono small change-from">{formatValue(c.from)}</td>
            <td aria-hidden="true">→</td>
            <td className="mono small change-to">{formatValue(c.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The one intervention dialog: states the effect from a server dry run, requires a reason, sends an
 * idempotency key and the target's version, and shows the verified new state (or exactly what went wrong).
 */
export function ActionDialog(props: ActionDialogProps) {
  const container = usePortalContainer();
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          {props.open ? <ActionDialogBody {...props} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ActionDialogBody({ townId, action, target, version, params: fixed = {}, fields = [], toParams, onOpenChange }: ActionDialogProps) {
  const meta = ACTION_META[action];
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [reason, setReason] = useState('');
  // One key per intended change: a retried request never acts twice; a new decision gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [verified, setVerified] = useState<{ result: ActionResult; text: string } | null>(null);
  const mutation = useRunAction();
  const params = toParams ? toParams({ ...fixed, ...values }) : { ...fixed, ...values };
  const fieldsComplete = fields.every((f) => values[f.name] !== undefined && values[f.name] !== '' && !(Array.isArray(values[f.name]) && (values[f.name] as unknown[]).length === 0));

  const preview = useQuery({
    queryKey: ['dry-run', townId, action, target, version, params],
    queryFn: ({ signal }) => runAction({ townId, action, target, params, reason: PREVIEW_REASON, dryRun: true, idempotencyKey: crypto.randomUUID(), version }, signal),
    enabled: fieldsComplete,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  const reasonOk = reason.trim().length >= 3;
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';

  const submit = async () => {
    const result = await mutation.mutateAsync({ townId, action, target, params, reason: reason.trim(), dryRun: false, idempotencyKey, version });
    const back = await readBack(townId, action, target).catch(() => ({ text: 'Applied; re-reading the target failed — refresh to see it.', version: null }));
    setVerified({ result, text: back.text });
  };

  const reloadAfterConflict = async () => {
    mutation.reset();
    setIdempotencyKey(crypto.randomUUID());
    await queryClient.invalidateQueries({ queryKey: queryKeys.town(townId) });
  };

  if (verified) {
    const entry = verified.result.audit_entry;
    return (
      <div className="dialog-body">
        <Dialog.Title className="dialog-title">{meta.label}: done</Dialog.Title>
        <div className="verified" role="status">
          <strong>Verified:</strong> {verified.text}
        </div>
        {verified.result.effect.warnings.length ? (
          <ul className="warnings">
            {verified.result.effect.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        ) : null}
        {entry ? (
          <p className="muted small">
            Recorded as audit entry #{entry.seq} ({entry.outcome}) —{' '}
            <Link to={paths.town(townId, 'audit')} onClick={() => onOpenChange(false)}>
              open the audit log
            </Link>
          </p>
        ) : null}
        <div className="dialog-actions">
          <Dialog.Close className="button button-primary">Done</Dialog.Close>
        </div>
      </div>
    );
  }

  return (
    <form
      className="dialog-body"
      onSubmit={(event) => {
        event.preventDefault();
        if (reasonOk && preview.isSuccess && !mutation.isPending) void submit().catch(() => undefined);
      }}
    >
      <Dialog.Title className="dialog-title">{meta.label}</Dialog.Title>
      <p className="muted">{meta.description}</p>
      {fields.length ? <ParamFields fields={fields} values={values} onChange={setValues} /> : null}
      <section className="effect" aria-label="Effect">
        <h3>What will happen</h3>
        {!fieldsComplete ? (
          <p className="muted">Fill in the fields above to see the effect.</p>
        ) : preview.isPending ? (
          <Loading label="Asking the server for a dry run" />
        ) : preview.isError ? (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        ) : (
          <>
            <p className="effect-summary">{preview.data.effect.summary}</p>
            <Changes changes={preview.data.effect.changes} />
            {preview.data.effect.warnings.length ? (
              <ul className="warnings" aria-label="Warnings">
                {preview.data.effect.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </section>
      <label className="label" htmlFor="action-reason">
        Reason (required, recorded in the audit log)
      </label>
      <textarea
        id="action-reason"
        className="input textarea"
        rows={3}
        value={reason}
        placeholder="e.g. Support case #4812: agent stuck since the container restarted"
        onChange={(e) => setReason(e.target.value)}
      />
      {mutation.isError ? (
        conflict ? (
          <div className="state state-error" role="alert">
            <strong className="state-title">Changed since you loaded it</strong>
            <p className="state-message">{mutation.error.message}</p>
            <div className="state-actions">
              <button type="button" className="button" onClick={() => void reloadAfterConflict()}>
                Reload and review again
              </button>
            </div>
          </div>
        ) : (
          <div className="state state-error" role="alert">
            <strong className="state-title">{explainError(mutation.error).title}</strong>
            <p className="state-message">{mutation.error.message}</p>
            <p className="muted small">Retrying sends the same idempotency key: the action cannot happen twice.</p>
          </div>
        )
      ) : null}
      <div className="dialog-actions">
        <Dialog.Close className="button" type="button">
          Cancel
        </Dialog.Close>
        <button
          type="submit"
          className={`button ${meta.danger ? 'button-danger' : 'button-primary'}`}
          disabled={!reasonOk || !preview.isSuccess || mutation.isPending || conflict}
        >
          {mutation.isPending ? 'Applying…' : mutation.isError && !conflict ? `Retry: ${meta.label}` : meta.label}
        </button>
      </div>
    </form>
  );
}
