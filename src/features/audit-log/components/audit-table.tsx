import { Fragment, useState } from 'react';
import type { AuditRow, RecoveryObservation } from '../../../api';
import { BoundedJson, BoundedText } from '../../../components/bounded-text';
import { StatusBadge } from '../../../components/status-badge';
import { RelativeTime } from '../../../components/relative-time';
import { formatNumber } from '../../../lib/format';
import { previewJson } from '../../../lib/bounded-text';
import { formatUtc } from '../../../lib/time';
import { groupBatches } from '../model/batches';
import { AuditSubject, AuditTown } from './audit-subject';

// Each value's head only: a huge before/after is never serialized whole for the row's summary.
function show(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 120)}…` : v;
  const head = previewJson(v, 120, 0);
  return head.complete ? head.text : `${head.text}…`;
}

/** "Toast.status: stalled → idle" for the first changes, so the row says what the action did. */
function changeSummary(e: AuditRow): string {
  const keys = Object.keys(e.after);
  const shown = keys.slice(0, 2).map((k) => `${k}: ${show(e.before[k])} → ${show(e.after[k])}`);
  return keys.length > 2 ? `${shown.join('; ')}; +${keys.length - 2} more` : shown.join('; ');
}

/** Audit entries: who, when, what, on which target, why; the full record (hashes included) on expand. No edit or delete control exists. */
export function AuditTable({
  entries,
  showTown,
  brokenAt,
  verdicts,
}: {
  entries: AuditRow[];
  showTown: boolean;
  /** Per town, the entry where its chain breaks (from verification): that row is marked. */
  brokenAt?: ReadonlyMap<string, number>;
  /** Recovery verdicts by audit entry id: each is its own append-only record, shown beside the entry. */
  verdicts?: ReadonlyMap<string, RecoveryObservation>;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const rowProps: RowProps = { showTown, brokenAt, verdicts, open, setOpen };
  return (
    <div className="table-scroll">
      <table className="table audit-table" aria-label="Interventions">
        <thead>
          <tr>
            <th title="Position in this town's log, and in one sequence across all towns">
              # <span className="muted small">town · all</span>
            </th>
            <th>When (UTC)</th>
            {showTown ? <th>Town</th> : null}
            <th>Admin</th>
            <th>Action</th>
            <th>Target</th>
            <th>Change</th>
            <th>Reason</th>
            <th>Outcome</th>
            <th className="actions-col" />
          </tr>
        </thead>
        <tbody>
          {groupBatches(entries).map((item) =>
            item.kind === 'entry' ? (
              <EntryRows key={item.entry.id} e={item.entry} {...rowProps} />
            ) : (
              <BatchRows key={`${item.entries[0]!.town_id}:${item.id}`} entries={item.entries} showTown={showTown} rowProps={rowProps} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  verdicts: ReadonlyMap<string, RecoveryObservation> | undefined;
  showTown: boolean;
  brokenAt: ReadonlyMap<string, number> | undefined;
  open: string | null;
  setOpen: (id: string | null) => void;
}

/** One entry's row, and its full record when open. */
function EntryRows({ e, showTown, brokenAt, verdicts, open, setOpen }: RowProps & { e: AuditRow }) {
  return (
    <Fragment>
      <tr data-testid="audit-row" className={brokenAt?.get(e.town_id) === e.seq ? 'audit-row-broken' : undefined}>
        <td className="mono small">
          <span className="audit-seq">{e.seq}</span>
          <span
            className="audit-global muted"
            data-testid="global-seq"
            title="Across all towns (given once the entry reached the directory)"
          >
            {e.global_seq === null ? 'all: pending' : `all: ${formatNumber(e.global_seq)}`}
          </span>
          {brokenAt?.get(e.town_id) === e.seq ? (
            <span className="audit-broken-mark" data-testid="chain-break">
              chain breaks here
            </span>
          ) : null}
        </td>
        <td>
          <When iso={e.at} />
        </td>
        {showTown ? (
          <td>
            <AuditTown e={e} />
          </td>
        ) : null}
        <td>{e.admin_email}</td>
        <td className="mono small">{e.action}</td>
        <td>
          <AuditSubject e={e} />
        </td>
        <td className="small audit-change">
          <BoundedText text={changeSummary(e)} label="change" />
        </td>
        <td className="audit-reason">
          <BoundedText text={e.reason} label="reason" />
        </td>
        <td>
          <StatusBadge kind="audit" status={e.outcome} />
          <RecoveryVerdict observation={verdicts?.get(e.id)} />
        </td>
        <td className="actions-col">
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={open === e.id}
            onClick={() => setOpen(open === e.id ? null : e.id)}
          >
            {open === e.id ? 'Hide' : 'Details'}
          </button>
        </td>
      </tr>
      {open === e.id ? (
        <tr className="audit-details">
          <td colSpan={showTown ? 10 : 9}>
            <dl className="kv">
              <dt>Before</dt>
              <dd>
                <BoundedJson value={e.before} label="before" />
              </dd>
              <dt>After</dt>
              <dd>
                <BoundedJson value={e.after} label="after" />
              </dd>
              <dt>Parameters</dt>
              <dd>
                <BoundedJson value={e.params} label="parameters" />
              </dd>
              {e.error ? (
                <>
                  <dt>Error</dt>
                  <dd>
                    <BoundedText text={e.error} size="block" label="error" />
                  </dd>
                </>
              ) : null}
              <dt>Admin id</dt>
              <dd className="mono small">{e.admin_id}</dd>
              <dt>Request</dt>
              <dd className="mono small">{e.request_id}</dd>
              <dt>Hash</dt>
              <dd className="mono small hash">{e.hash}</dd>
              <dt>Previous</dt>
              <dd className="mono small hash">{e.prev_hash}</dd>
            </dl>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

/**
 * A bulk action's entries as one row (what, how many, why, who), opening into its entries. Every
 * entry stays a row of its own, hash-chained like any other; this only folds them on screen.
 */
function BatchRows({ entries, showTown, rowProps }: { entries: AuditRow[]; showTown: boolean; rowProps: RowProps }) {
  // A break in the chain inside the batch must be seen: the batch opens by itself.
  const [expanded, setExpanded] = useState(() => entries.some((e) => rowProps.brokenAt?.get(e.town_id) === e.seq));
  const first = entries[0]!;
  const last = entries.at(-1)!;
  const failed = entries.filter((e) => e.outcome !== 'success').length;
  const actions = [...new Set(entries.map((e) => e.action))].join(', ');
  return (
    <>
      <tr data-testid="audit-batch" className="audit-batch">
        <td className="mono small">
          {last.seq}–{first.seq}
        </td>
        <td>
          <When iso={first.at} />
        </td>
        {showTown ? (
          <td>
            <AuditTown e={first} />
          </td>
        ) : null}
        <td>{first.admin_email}</td>
        <td className="mono small">{actions}</td>
        <td className="strong">
          Batch of {entries.length} {first.target.kind}s
        </td>
        <td className="small muted mono" title="Batch id (each entry's request id)">
          {first.request_id.slice(0, 8)}
        </td>
        <td className="audit-reason">
          <BoundedText text={first.reason} label="reason" />
        </td>
        <td>{failed ? `${failed} failed` : <StatusBadge kind="audit" status="success" />}</td>
        <td>
          <button
            type="button"
            className="button button-small button-ghost"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Fold' : `${entries.length} entries`}
          </button>
        </td>
      </tr>
      {expanded ? entries.map((e) => <EntryRows key={e.id} e={e} {...rowProps} showTown={showTown} />) : null}
    </>
  );
}

/** The exact time (UTC, as the column and the filters say), and how long ago under it. */
function When({ iso }: { iso: string }) {
  return (
    <span className="audit-when">
      <time className="mono small" dateTime={iso}>
        {formatUtc(iso)}
      </time>
      <span className="muted small">
        <RelativeTime iso={iso} />
      </span>
    </span>
  );
}

/** The patrol's verdict on what the action was for, beside (never inside) the audit record. */
function RecoveryVerdict({ observation }: { observation: RecoveryObservation | undefined }) {
  if (!observation) return null;
  const recovered = observation.verdict === 'recovered';
  return (
    <div
      className={`small audit-verdict ${recovered ? 'audit-verdict-ok' : 'audit-verdict-bad'}`}
      data-verdict={observation.verdict}
      title={observation.summary}
    >
      {recovered ? observation.summary : 'Did not recover'}
    </div>
  );
}
