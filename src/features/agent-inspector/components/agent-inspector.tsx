import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { CopyId } from '../../../components/copy-id';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { Loading } from '../../../components/states';
import { paths } from '../../../lib/paths';
import { useAgent } from '../api/agent';

const STATUS_TONE = { idle: 'muted', working: 'green', waiting: 'blue', stalled: 'red', dead: 'red' } as const;

/** The single-agent deep dive. */
export function AgentInspector({ townId, agentId }: { townId: string; agentId: string }) {
  const agent = useAgent(townId, agentId);
  if (agent.isPending) return <Loading label="Loading agent" />;
  if (agent.isError) return <ErrorState error={agent.error} what={`agent ${agentId}`} onRetry={() => void agent.refetch()} />;
  const a = agent.data.agent;
  return (
    <div className="page">
      <PageHeader eyebrow={<Link to={paths.town(townId, 'agents')}>← town agents</Link> } title={`${a.name} · ${a.role}`}>
        <Badge tone={STATUS_TONE[a.status]}>{a.status}</Badge>
        <code className="small">{a.identity}</code>
        <CopyId id={a.id} label="agent id" />
        <span className="muted">
          last activity <RelativeTime iso={a.last_activity_at} />
        </span>
        {a.current_hook_bead_id ? (
          <span>
            hooked: <Link to={paths.bead(townId, a.current_hook_bead_id)}>{a.hooked_bead_title ?? a.current_hook_bead_id}</Link>
          </span>
        ) : null}
      </PageHeader>
    </div>
  );
}
