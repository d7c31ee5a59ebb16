import { clipLine } from '../../../lib/bounded-text';
import { BoundedText } from '../../../components/bounded-text';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { CopyId } from '../../../components/copy-id';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { useNow } from '../../../components/use-now';
import { paths } from '../../../lib/paths';
import { useAgents, useBead, useTownDetail } from '../api/bead';
import { Assignments } from './assignments';
import { BeadSummary } from './bead-summary';
import { ConvoyView } from './convoy-view';
import { DispatchAttempts } from './dispatch-attempts';
import { EscalationSummary } from './escalation-summary';
import { DependencyGraph } from './graph/dependency-graph';
import { MergeRequests } from './merge-requests';
import { StateHistory } from './state-history';
import '../bead-inspector.css';

/**
 * The single-bead deep dive: "why has this bead been open forever?" and, for a convoy,
 * "why did it never finish?". `actions` is where interventions plug into the header.
 */
export function BeadInspector({ townId, beadId, actions }: { townId: string; beadId: string; actions?: ReactNode }) {
  const bead = useBead(townId, beadId);
  const town = useTownDetail(townId);
  const agents = useAgents(townId);
  const now = useNow();
  const agentNames = useMemo(() => new Map((agents.data?.items ?? []).map((a) => [a.id, a.name])), [agents.data]);
  if (bead.isPending) return <Loading label="Loading bead" query={bead} />;
  // The full-page error only while nothing was loaded: a failed refresh shows above the bead instead.
  if (bead.data === undefined)
    return (
      <ErrorState error={bead.error} what={`bead ${beadId}`} onRetry={() => void bead.refetch()}>
        {/* A deleted or mistyped bead still belongs to a town the admin can go on from. */}
        <Link className="button" to={paths.town.getHref(townId, 'state')}>
          Open the town’s beads
        </Link>
      </ErrorState>
    );
  const detail = bead.data;
  const b = detail.bead;
  return (
    <div className="page bead-inspector">
      <RefreshFailed query={bead} what={`bead ${beadId}`} />
      <PageHeader
        eyebrow={
          <>
            <Link to={paths.town.getHref(townId, 'state')}>← {town.data?.name ?? 'town'} beads</Link>
            {detail.member_of_convoys.map((c) => (
              <span key={c.bead_id}>
                {' · in '}
                <Link to={paths.bead.getHref(townId, c.bead_id)}>{clipLine(c.title)}</Link>
              </span>
            ))}
          </>
        }
        title={<BoundedText text={b.title} label="title" />}
        actions={actions}
      >
        <StatusBadge kind="bead" status={b.status} />
        <span>{b.type.replace('_', ' ')}</span>
        <span>priority {b.priority}</span>
        <CopyId id={b.id} label="bead id" />
        <span className="muted">
          updated <RelativeTime iso={b.updated_at} />
        </span>
      </PageHeader>
      <nav className="section-nav small" aria-label="Sections">
        {detail.convoy ? <a href="#convoy-heading">Convoy</a> : null}
        <a href="#graph-heading">Graph</a>
        <a href="#history-heading">History</a>
        <a href="#assignments-heading">Assignments ({detail.assignments.length})</a>
        <a href="#mr-heading">
          {detail.merge_requests.some((mr) => mr.bead_id === beadId)
            ? 'This merge request'
            : `Merge requests (${detail.merge_requests.length})`}
        </a>
        <a href="#dispatch-heading">Dispatch ({detail.dispatch_attempts.length})</a>
      </nav>
      <BeadSummary townId={townId} detail={detail} town={town.data} />
      {detail.escalation ? <EscalationSummary townId={townId} escalation={detail.escalation} /> : null}
      {detail.convoy ? <ConvoyView townId={townId} convoy={detail.convoy} /> : null}
      <DependencyGraph townId={townId} beadId={beadId} />
      <div className="bead-columns">
        <StateHistory townId={townId} beadId={beadId} status={b.status} />
        <div className="bead-column">
          <Assignments townId={townId} assignments={detail.assignments} now={now} />
          <MergeRequests townId={townId} beadId={beadId} items={detail.merge_requests} />
          <DispatchAttempts townId={townId} attempts={detail.dispatch_attempts} agentNames={agentNames} />
        </div>
      </div>
    </div>
  );
}
