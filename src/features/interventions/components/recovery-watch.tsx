import { Link } from 'react-router';
import type { RecoveryCheck, RecoveryWatch as Watch } from '../../../api';
import { BoundedText } from '../../../components/bounded-text';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { InvalidRows } from '../../../components/invalid-rows';
import { Loading } from '../../../components/states';
import { clipLine } from '../../../lib/bounded-text';
import { paths } from '../../../lib/paths';
import { useRecoveryWatch } from '../api/recovery';

const took = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`);

function evidenceHref(townId: string, link: RecoveryCheck['link']): string | null {
  if (!link) return null;
  if (link.kind === 'agent') return paths.agent.getHref(townId, link.id);
  if (link.kind === 'container') return paths.town.getHref(townId, 'container');
  if (link.kind === 'rig' || link.kind === 'credential') return paths.town.getHref(townId, 'config');
  if (link.kind === 'convoy' || link.kind === 'review' || link.kind === 'bead') return paths.bead.getHref(townId, link.id);
  return paths.town.getHref(townId, 'state');
}

/**
 * "Did it work?": the expectations the action declared (contract `RECOVERY`), watched live while the
 * town moves. Each turns ✓ with the time it took, or reads "not yet"; past the deadline the verdict
 * says "did not recover" with the newest evidence and a link to it.
 */
export function RecoveryWatchPanel({ townId, auditId }: { townId: string; auditId: string }) {
  const watch = useRecoveryWatch(townId, auditId);
  if (watch.isPending) return <Loading label="Reading how the town is recovering" query={watch} quiet />;
  // A refresh that fails over checks already shown says so above them; they stay as last read.
  if (watch.isError && watch.data === undefined)
    return <ErrorState error={watch.error} what="the recovery watch" onRetry={() => void watch.refetch()} />;
  const w = watch.data;
  const failed = <RefreshFailed query={watch} what="the recovery watch" />;
  if (!w.declared || w.no_recovery)
    return w.no_recovery ? (
      <>
        {failed}
        <p className="muted small" data-recovery="none">
          Nothing to watch after this action: <BoundedText text={w.no_recovery} label="reason" />
        </p>
      </>
    ) : (
      failed
    );
  if (w.checks.length === 0 && !w.invalid_rows?.length) return failed;
  return (
    <section className="recovery" aria-label="Recovery">
      <h3 className="recovery-title">
        Recovery <Verdict watch={w} />
      </h3>
      {failed}
      <ul className="recovery-checks">
        {w.checks.map((c) => (
          <li key={c.id} data-check={c.id} data-met={c.met} className={c.met ? 'recovery-met' : 'recovery-open'}>
            <span className="recovery-mark" aria-hidden="true">
              {c.met ? '✓' : '…'}
            </span>
            <BoundedText text={c.says} label="expectation" />
            <span className="muted small">
              {c.met ? (c.took_ms !== null ? ` — took ${took(c.took_ms)}` : ' — just now') : ' — not yet'}
            </span>
            {!c.met || w.observation?.verdict === 'did_not_recover' ? <Evidence townId={townId} check={c} /> : null}
          </li>
        ))}
      </ul>
      {/* An expectation the panel cannot read is named, never dropped: it may be the one that did not hold. */}
      <InvalidRows rows={w.invalid_rows} noun="check" />
    </section>
  );
}

function Verdict({ watch }: { watch: Watch }) {
  const o = watch.observation;
  if (!o) {
    const deadline = watch.deadline_at ? watch.deadline_at.slice(11, 16) : null;
    return <span className="muted small">watching{deadline ? ` until ${deadline} UTC (town time)` : ''}</span>;
  }
  return o.verdict === 'recovered' ? (
    <span className="badge badge-green" data-verdict="recovered">
      {clipLine(o.summary)}
    </span>
  ) : (
    <span className="badge badge-red" data-verdict="did_not_recover">
      Did not recover
    </span>
  );
}

function Evidence({ townId, check }: { townId: string; check: RecoveryCheck }) {
  const href = evidenceHref(townId, check.link);
  return (
    <div className="recovery-evidence small">
      <BoundedText text={check.evidence} label="evidence" />
      {href ? (
        <>
          {' · '}
          <Link to={href}>see it</Link>
        </>
      ) : null}
    </div>
  );
}
