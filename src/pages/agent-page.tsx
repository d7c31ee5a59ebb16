import { useParams } from 'react-router';
import { AgentInspector } from '../features/agent-inspector';
import { AgentActions } from '../features/interventions';

export function AgentPage() {
  const { townId = '', agentId = '' } = useParams();
  return <AgentInspector townId={townId} agentId={agentId} actions={<AgentActions townId={townId} agentId={agentId} />} />;
}
