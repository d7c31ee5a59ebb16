import { useDialogFocus } from '../../../components/dialog-focus';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useRef, useState } from 'react';
import { isApiError, queryKeys, type ActionName, type ActionResult, type ActionTarget } from '../../../api';
import { explainError } from '../../../components/error-state';
import { usePortalContainer } from '../../../components/portal-container';
import { useDebounced } from '../../../components/use-debounced';
import { readCachedTarget, readFreshTarget } from '../api/read-target';
import { runAction, useRunAction } from '../api/run-action';
import { readBack } from '../model/read-back';
import { ACTION_META, fieldsComplete, toFieldError, visibleFields, visibleValues, type FieldSpec } from '../model/registry';
import { diffFacts, targetVersionOf, toTargetFacts, type TargetRead } from '../model/target-facts';
import { ConflictNotice } from './conflict-notice';
import { EffectPreview } from './effect-preview';
import { ParamFields } from './param-fields';
import { VerifiedResult } from './verified-result';
import '../interventions.css';

/** One intervention the admin is about to decide on. */
export interface ActionDialogRequest {
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
  /** Called once the action is applied (e.g. an editor drops the draft it just saved). */
  onSuccess?: (result: ActionResult) => void;
}

const PREVIEW_REASON = 'dry run preview';
/** Parameter edits wait this long before a dry run, so typing a value sends one request, not one per key. */
export const PARAM_DEBOUNCE_MS = 300;

const newerVersion = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The one intervention dialog: states the effect from a server dry run, requires a reason, sends an
 * idempotency key and the target's version, says what changed on a conflict, and shows the verified
 * new state (or exactly what went wrong). Rendered by `ActionDialogHost`, never by the button's row.
 */
export function ActionDialog({ request, onClose }: { request: ActionDialogRequest; onClose: () => void }) {
  const container = usePortalContainer();
  const focus = useDialogFocus();
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined} {...focus.props}>
          <ActionDialogBody request={request} onClose={onClose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ActionDialogBody({ request, onClose }: { request: ActionDialogRequest; onClose: () => void }) {
  const { townId, action, target, params: fixed = {}, fields = [], toParams } = request;
  const meta = ACTION_META[action];
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [reason, setReason] = useState('');
  // One key per intended change: a retried request never acts twice; a new decision gets a new key.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [verified, setVerified] = useState<{ result: ActionResult; text: string } | null>(null);
  // The target as the admin saw it (what the inspectors rendered), to say what changed on a conflict.
  const [seen, setSeen] = useState<TargetRead | null>(() => readCachedTarget(queryClient, townId, target));
  const [reloaded, setReloaded] = useState<{ version: number | null; round: number }>({ version: null, round: 0 });
  const [reloading, setReloading] = useState(false);
  const version = newerVersion(request.version, reloaded.version);
  const mutation = useRunAction();

  const debounced = useDebounced(values, JSON.stringify(values), PARAM_DEBOUNCE_MS);
  const toRequestParams = (v: Record<string, unknown>) => {
    const merged = { ...fixed, ...visibleValues(fields, v) };
    return toParams ? toParams(merged) : merged;
  };
  const params = toRequestParams(debounced.value);
  const complete = fieldsComplete(fields, debounced.value);

  const preview = useQuery({
    queryKey: ['dry-run', townId, action, target, version, params, reloaded.round],
    queryFn: ({ signal }) =>
      runAction(
        { townId, action, target, params, reason: PREVIEW_REASON, dryRun: true, idempotencyKey: crypto.randomUUID(), version },
        signal,
      ),
    // Once applied, the target's new version and an editor's emptied draft must not trigger another dry run.
    enabled: complete && verified === null && !mutation.isSuccess,
    retry: false,
    staleTime: 0,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
  const refusal = preview.isError && isApiError(preview.error) && preview.error.code === 'bad_request' ? preview.error : null;
  const fieldError = refusal ? toFieldError(refusal.details?.parameter, refusal.message, visibleFields(fields, debounced.value)) : null;

  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict' ? mutation.error : null;
  const seenFetch = useQuery({
    queryKey: ['intervention-target-seen', townId, target],
    queryFn: ({ signal }) => readFreshTarget(townId, target, signal),
    enabled: seen === null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const before = seen ?? seenFetch.data ?? null;
  const current = useQuery({
    queryKey: ['intervention-target-now', townId, target, idempotencyKey],
    queryFn: ({ signal }) => readFreshTarget(townId, target, signal),
    enabled: conflict !== null,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const whatChanged = before && current.data ? diffFacts(toTargetFacts(target, before), toTargetFacts(target, current.data)) : null;

  const reasonOk = reason.trim().length >= 3;
  const ready =
    reasonOk && complete && debounced.settled && preview.isSuccess && !preview.isPlaceholderData && !mutation.isPending && !conflict;

  // A double click fires two submits before React re-renders `ready`: the ref lets only the first through.
  const submitting = useRef(false);
  const submit = async () => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await apply();
    } finally {
      submitting.current = false;
    }
  };
  const apply = async () => {
    const result = await mutation.mutateAsync({
      townId,
      action,
      target,
      params,
      reason: reason.trim(),
      dryRun: false,
      idempotencyKey,
      // Production's rows carry no version: the server's tag of the row the preview was made from guards it instead.
      version: version ?? preview.data?.target_tag ?? null,
    });
    request.onSuccess?.(result);
    const back = await readBack(townId, action, target, result).catch(() => ({
      text: 'Applied; re-reading the target failed — refresh to see it.',
      version: null,
    }));
    setVerified({ result, text: back.text });
  };

  // Review again on the current state: the fields and reason the admin entered stay as they are.
  const reload = async () => {
    setReloading(true);
    try {
      const fresh = current.data ?? (await readFreshTarget(townId, target).catch(() => null));
      const serverSays = typeof conflict?.details?.current === 'number' ? conflict.details.current : null;
      if (fresh) setSeen(fresh);
      setReloaded((r) => ({ version: newerVersion(fresh ? targetVersionOf(target, fresh) : null, serverSays), round: r.round + 1 }));
      mutation.reset();
      setIdempotencyKey(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: queryKeys.town(townId) });
    } finally {
      setReloading(false);
    }
  };

  if (verified) return <VerifiedResult townId={townId} action={action} result={verified.result} text={verified.text} onClose={onClose} />;

  return (
    <form
      className="dialog-body"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void submit().catch(() => undefined);
      }}
    >
      <Dialog.Title className="dialog-title">{meta.label}</Dialog.Title>
      <p className="muted">{meta.description}</p>
      {fields.length ? (
        <ParamFields
          fields={visibleFields(fields, values)}
          values={values}
          onChange={setValues}
          errors={fieldError && debounced.settled ? { [fieldError.field]: fieldError.message } : {}}
        />
      ) : null}
      <EffectPreview
        preview={preview}
        complete={complete}
        updating={!debounced.settled}
        fieldRefused={fieldError !== null}
        outdated={conflict !== null}
      />
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
      {conflict ? (
        <ConflictNotice
          message={conflict.message}
          changes={whatChanged}
          readFailed={current.isError || (seen === null && seenFetch.isError)}
          reloading={reloading}
          onReload={() => void reload()}
        />
      ) : mutation.isError ? (
        <div className="state state-error" role="alert">
          <strong className="state-title">{explainError(mutation.error).title}</strong>
          <p className="state-message">{mutation.error.message}</p>
          <p className="muted small">Retrying sends the same idempotency key: the action cannot happen twice.</p>
        </div>
      ) : null}
      <div className="dialog-actions">
        <Dialog.Close className="button" type="button">
          Cancel
        </Dialog.Close>
        <button type="submit" className={`button ${meta.danger ? 'button-danger' : 'button-primary'}`} disabled={!ready}>
          {mutation.isPending ? 'Applying…' : mutation.isError && !conflict ? `Retry: ${meta.label}` : meta.label}
        </button>
      </div>
    </form>
  );
}
