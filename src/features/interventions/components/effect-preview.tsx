import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError, type ActionChange, type ActionResult } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/states';
import { formatValue, toChangeRows } from '../model/values';

/** The changes of an effect, one row per field: entity, field, from → to. */
export function Changes({ changes }: { changes: ActionChange[] }) {
  const rows = toChangeRows(changes);
  if (!rows.length) return null;
  return (
    <table className="table changes-table" aria-label="Changes">
      <tbody>
        {rows.map((c, i) => (
          <tr key={i}>
            <td>{c.entity}</td>
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

export function Warnings({ warnings, label }: { warnings: string[]; label?: string }) {
  if (!warnings.length) return null;
  return (
    <ul className="warnings" aria-label={label}>
      {warnings.map((w, i) => (
        <li key={i}>{w}</li>
      ))}
    </ul>
  );
}

export interface EffectPreviewProps {
  preview: UseQueryResult<ActionResult>;
  /** Whether the fields have values to preview. */
  complete: boolean;
  /** The admin is still typing: the preview shown is for earlier values. */
  updating: boolean;
  /** The server refused a field's value: its message is shown beside that field. */
  fieldRefused: boolean;
  /** The target changed under the admin (409): this preview describes a state that is gone. */
  outdated: boolean;
}

/** "What will happen": the server's dry run of the action, or why there is none yet. */
export function EffectPreview({ preview, complete, updating, fieldRefused, outdated }: EffectPreviewProps) {
  const stale = outdated || updating || preview.isPlaceholderData;
  return (
    <section className={`effect${stale ? ' effect-stale' : ''}`} aria-label="Effect" aria-busy={updating || preview.isFetching}>
      <h3>
        What will happen
        {outdated ? (
          <span className="badge badge-yellow effect-flag">outdated</span>
        ) : stale && complete ? (
          <span className="muted effect-flag">updating…</span>
        ) : null}
      </h3>
      {outdated ? (
        <p className="small">This preview was computed before the change below: reload to see the effect on the current state.</p>
      ) : null}
      {!complete ? (
        <p className="muted">Fill in the fields above to see the effect.</p>
      ) : preview.isPending ? (
        <Loading label="Asking the server for a dry run" query={preview} />
      ) : preview.isError ? (
        fieldRefused ? (
          <p className="muted">Correct the field marked above to see the effect.</p>
        ) : isApiError(preview.error) && preview.error.code === 'bad_request' ? (
          // A refusal of the values being typed, not a failure: say it plainly, without alarm.
          <p className="refusal" role="status">
            The server would refuse these values: {preview.error.message}
          </p>
        ) : (
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        )
      ) : (
        <div className="effect-content">
          <p className="effect-summary">{preview.data.effect.summary}</p>
          <Changes changes={preview.data.effect.changes} />
          <Warnings warnings={preview.data.effect.warnings} label="Warnings" />
        </div>
      )}
    </section>
  );
}
