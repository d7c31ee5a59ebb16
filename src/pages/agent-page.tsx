import { useParams } from 'react-router';
import { AgentInspector } from '../features/agent-inspector';

export function AgentPage() {
  const { townId = '', agentId = '' } = useParams();
  return <AgentInspector townId={townId} agentId={agentId} />;
}
