import { clipLine } from '../../../lib/bounded-text';
import { Link } from 'react-router';
import type { ReviewEntry } from '../../../api';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../lib/paths';
import { toSafeExternalUrl } from '../../../lib/urls';

/** Merge-request beads tracking this bead: review state, branch, PR, retries. */
export function MergeRequests({ townId, items }: { townId: string; items: ReviewEntry[] }) {
  return (
    <section className="panel" aria-labelledby="mr-heading">
      <h2 id="mr-heading">Related merge requests</h2>
      {items.length === 0 ? (
        <EmptyState title="No merge request tracks this bead" />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Merge request</th>
                <th>Review</th>
                <th>Branch</th>
                <th>PR</th>
                <th>Retries</th>
                <th>Refinery</th>
                <th>Enqueued</th>
              </tr>
            </thead>
            <tbody>
              {items.map((mr) => {
                const url = toSafeExternalUrl(mr.pr_url); // a bogus or javascript: URL stays plain text
                return (
                  <tr key={mr.bead_id}>
                    <td>
                      <Link to={paths.bead.getHref(townId, mr.bead_id)}>{clipLine(mr.title)}</Link>
                      {mr.failure_reason ? <div className="status-text tone-text-red small">{mr.failure_reason}</div> : null}
                    </td>
                    <td>
                      <StatusBadge kind="review" status={mr.review_state} />
                      {mr.review_state === 'running' && mr.started_at ? (
                        <div className="small muted">
                          reviewing since <RelativeTime iso={mr.started_at} />
                        </div>
                      ) : null}
                    </td>
                    <td className="mono small">
                      {mr.branch} → {mr.target_branch}
                    </td>
                    <td className="small">
                      {mr.pr_url ? (
                        url ? (
                          <a href={url} target="_blank" rel="noreferrer noopener">
                            {mr.pr_url}
                          </a>
                        ) : (
                          <span className="mono">{mr.pr_url}</span>
                        )
                      ) : (
                        <span className="muted">none</span>
                      )}
                      {mr.pr_state ? <span className="muted"> ({mr.pr_state})</span> : null}
                    </td>
                    <td className={mr.retry_count > 1 ? 'status-text tone-text-red' : undefined}>{mr.retry_count}</td>
                    <td>
                      {mr.refinery_agent_id ? (
                        <>
                          <Link to={paths.agent.getHref(townId, mr.refinery_agent_id)}>{mr.refinery_name ?? 'refinery'}</Link>
                          {/* The refinery records its merge attempts against the source bead: its page, narrowed to them. */}
                          <div className="small">
                            <Link
                              to={`${paths.agent.getHref(townId, mr.refinery_agent_id, { git_bead: mr.source_bead_id ?? mr.bead_id })}#git-title`}
                            >
                              git operations of this MR
                            </Link>
                          </div>
                        </>
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                    <td>
                      <RelativeTime iso={mr.enqueued_at} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
