import { clipLine } from '../../../lib/bounded-text';
import { Link } from 'react-router';
import type { ReviewEntry } from '../../../api';
import { CopyId } from '../../../components/copy-id';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';
import { toSafeExternalUrl } from '../../../lib/urls';
import { useBead } from '../api/bead';
import { BoundedText } from '../../../components/bounded-text';

/**
 * The merge requests of a bead, each as facts (review state, branch, PR, retries, refinery and its git
 * operations, when enqueued) rather than a table: the bead column is narrow, and a seven-column table
 * there hid the refinery behind a sideways scroll even at 1440 px. On a merge request's own page its
 * entry says what it merges instead of linking to the page it is on.
 */
export function MergeRequests({ townId, beadId, items }: { townId: string; beadId: string; items: ReviewEntry[] }) {
  const own = items.find((mr) => mr.bead_id === beadId);
  const others = items.filter((mr) => mr.bead_id !== beadId);
  return (
    <section className="panel" aria-labelledby="mr-heading">
      <h2 id="mr-heading">{own ? 'This merge request' : 'Related merge requests'}</h2>
      {own ? <MergeRequestFacts townId={townId} mr={own} own /> : null}
      {!own && others.length === 0 ? <EmptyState title="No merge request tracks this bead" /> : null}
      {own && others.length > 0 ? <h3>Other merge requests tracking it</h3> : null}
      {others.length > 0 ? (
        <ul className="mr-list">
          {others.map((mr) => (
            <li key={mr.bead_id}>
              <Link className="mr-title" to={paths.bead.getHref(townId, mr.bead_id)}>
                {clipLine(mr.title)}
              </Link>
              <MergeRequestFacts townId={townId} mr={mr} own={false} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MergeRequestFacts({ townId, mr, own }: { townId: string; mr: ReviewEntry; own: boolean }) {
  return (
    <dl className="facts">
      {own ? (
        <div>
          <dt>Merges</dt>
          <dd>
            {mr.source_bead_id ? <SourceBead townId={townId} beadId={mr.source_bead_id} /> : <span className="muted">no source bead</span>}
          </dd>
        </div>
      ) : null}
      {/* A failure reason (a path, a conflict) gets two columns, not a word a line. */}
      <div className={mr.failure_reason ? 'fact-wide' : undefined}>
        <dt>Review</dt>
        <dd>
          <ReviewState mr={mr} />
        </dd>
      </div>
      <div>
        <dt>Branch</dt>
        <dd className="mono small">
          {clipLine(mr.branch, 120)} → {clipLine(mr.target_branch, 120)}
        </dd>
      </div>
      <div>
        <dt>PR</dt>
        <dd className="small">
          <PullRequest mr={mr} />
        </dd>
      </div>
      <div>
        <dt>Retries</dt>
        <dd className={mr.retry_count > 1 ? 'status-text tone-text-red' : undefined}>{mr.retry_count}</dd>
      </div>
      <div>
        <dt>Refinery</dt>
        <dd>
          <Refinery townId={townId} mr={mr} />
        </dd>
      </div>
      <div>
        <dt>Enqueued</dt>
        <dd>
          <RelativeTime iso={mr.enqueued_at} />
        </dd>
      </div>
    </dl>
  );
}

/** The bead the merge request merges, by title once its page's read answers (the id until then, or if it is gone). */
function SourceBead({ townId, beadId }: { townId: string; beadId: string }) {
  const source = useBead(townId, beadId);
  const title = source.data?.bead.title;
  return (
    <>
      <Link to={paths.bead.getHref(townId, beadId)}>{title ? clipLine(title) : `bead ${beadId.slice(0, 8)}`}</Link>
      {source.data ? <StatusBadge kind="bead" status={source.data.bead.status} /> : null}
      <CopyId id={beadId} label="source bead id" />
    </>
  );
}

function ReviewState({ mr }: { mr: ReviewEntry }) {
  return (
    <>
      <StatusBadge kind="review" status={mr.review_state} />
      {mr.review_state === 'running' && mr.started_at ? (
        <div className="small muted">
          reviewing since <RelativeTime iso={mr.started_at} />
        </div>
      ) : null}
      {mr.status === 'closed' && mr.review_state !== 'merged' ? (
        <div className="small">
          closed without merging{mr.pr_state === 'open' ? <span className="muted"> · PR still open on GitHub</span> : null}
        </div>
      ) : null}
      {mr.failure_reason ? (
        <div className="status-text tone-text-red small">
          <BoundedText text={mr.failure_reason} label="failure reason" />
        </div>
      ) : null}
    </>
  );
}

function PullRequest({ mr }: { mr: ReviewEntry }) {
  if (!mr.pr_url) return <span className="muted">none</span>;
  const url = toSafeExternalUrl(mr.pr_url); // a bogus or javascript: URL stays plain text
  return (
    <span>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener">
          {clipLine(mr.pr_url, 120)}
        </a>
      ) : (
        <span className="mono">{clipLine(mr.pr_url, 120)}</span>
      )}
      {mr.pr_state ? <span className="muted"> ({mr.pr_state})</span> : null}
    </span>
  );
}

function Refinery({ townId, mr }: { townId: string; mr: ReviewEntry }) {
  if (!mr.refinery_agent_id) return <span className="muted">none</span>;
  return (
    <span>
      <Link to={paths.agent.getHref(townId, mr.refinery_agent_id)}>{mr.refinery_name ?? 'refinery'}</Link>
      {/* The refinery records its merge attempts against the source bead: its page, narrowed to them. */}
      <div className="small">
        <Link to={`${paths.agent.getHref(townId, mr.refinery_agent_id, { git_bead: mr.source_bead_id ?? mr.bead_id })}#git-title`}>
          git operations of this MR
        </Link>
      </div>
    </span>
  );
}
