import { clipLine } from '../../../lib/bounded-text';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AgentRole } from '../../../api';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { OpenValue } from '../../../components/open-value';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { Badge } from '../../../components/badge';
import { StatusBadge } from '../../../components/status-badge';
import { useSearchState } from '../../../components/use-search-state';
import { useNow } from '../../../components/use-now';
import { paths } from '../../../lib/paths';
import { formatDuration } from '../../../lib/time';
import { AgentSessions } from '../../compare';
import { useAgent } from '../api/agent';
import { parseAgentView, writeAgentView } from '../model/agent-view';
import { isZombie, toAgentFindings } from '../model/findings';
import { AgentSummary } from './agent-summary';
import { EventViewer } from './event-viewer/event-viewer';
import { DispatchAttempts, GitOperations, HookedBeads } from './history-tables';
import { MayorView } from './mayor-view';
import { StatusTimeline } from './status-timeline';
import { TokenUsage } from './token-usage';
import '../agent-inspector.css';

/**
 * The single-agent deep dive: summary and findings, the Mayor's session (for the Mayor), status
 * timeline, SDK events, dispatch attempts, git operations, hooked beads and token usage.
 * `actions` is the header's slot for interventions (force-reset, kill, delete).
 */
export function AgentInspector({ townId, agentId, actions }: { townId: string; agentId: string; actions?: ReactNode }) {
  const agent = useAgent(townId, agentId);
  const now = useNow();
  const [view, setView] = useSearchState(parseAgentView, writeAgentView);
  if (agent.isPending) return <Loading label="Loading agent" query={agent} />;
  // The full-page error only while nothing was loaded: a failed refresh shows above the agent instead.
  if (agent.data === undefined)
    return (
      <ErrorState error={agent.error} what={`agent ${agentId}`} onRetry={() => void agent.refetch()}>
        {/* A deleted or mistyped agent still belongs to a town the admin can go on from. */}
        <Link className="button" to={paths.town.getHref(townId, 'agents')}>
          Open the town’s agents
        </Link>
      </ErrorState>
    );
  const detail = agent.data;
  const a = detail.agent;
  const findings = toAgentFindings(detail, now);
  const zombie = isZombie(detail, now);
  const setWindow = (w: string) => setView({ window: w });
  return (
    <div className="page ai">
      <RefreshFailed query={agent} what={`agent ${agentId}`} />
      <PageHeader
        eyebrow={<Link to={paths.town.getHref(townId, 'agents')}>← town agents</Link>}
        title={
          <>
            {clipLine(a.name)} <OpenValue noun="role" value={a.role} known={AgentRole.options} className="muted ai-role" />
          </>
        }
        actions={actions}
      >
        <StatusBadge kind="agent" status={a.status} />
        <span className="muted">for {formatDuration(now - Date.parse(a.status_since))}</span>
        {detail.mayor && detail.mayor.session_state !== 'active' ? (
          // The agent row can still say working while the Mayor's session is dead: the header shows both.
          <span data-testid="mayor-session-badge">
            <span className="muted">session</span> <StatusBadge kind="session" status={detail.mayor.session_state} />
            {detail.mayor.session_error && /loop/i.test(detail.mayor.session_error) ? (
              <>
                {' '}
                <Badge tone="red">tool-call loop</Badge>
              </>
            ) : null}
          </span>
        ) : null}
        <code className="small">{a.identity}</code>
        <span className="muted">
          last activity <RelativeTime iso={a.last_activity_at} />
        </span>
      </PageHeader>
      <AgentSummary townId={townId} detail={detail} findings={findings} now={now} />
      {detail.mayor ? <MayorView townId={townId} agentId={agentId} mayor={detail.mayor} /> : null}
      <StatusTimeline history={detail.status_history} now={now} windowLabel={view.window || '24 h'} onWindow={setWindow} />
      <EventViewer key={`${townId}/${agentId}`} townId={townId} agentId={agentId} eventCount={detail.event_count} />
      <div className="ai-grid">
        <DispatchAttempts townId={townId} items={detail.dispatch_attempts} />
        <GitOperations
          townId={townId}
          items={detail.git_operations}
          onlyBead={view.git_bead || null}
          onShowAll={() => setView({ git_bead: '' })}
        />
      </div>
      <div className="ai-grid">
        <HookedBeads townId={townId} items={detail.hooked_beads} now={now} />
        <TokenUsage townId={townId} usage={detail.token_usage} zombie={zombie} />
      </div>
      <AgentSessions townId={townId} agentId={agentId} now={now} />
    </div>
  );
}
