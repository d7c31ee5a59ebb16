import { TownClockContext } from '../components/use-now';
import { useParams } from 'react-router';
import { AgentInspector } from '../features/agent-inspector';
import { AgentActions } from '../features/interventions';

export function AgentPage() {
  const { townId = '', agentId = '' } = useParams();
  // Times on the page ("for 2 h", findings' windows) are on the town's clock, not the browser's.
  return (
    <TownClockContext.Provider value={townId}>
      <AgentInspector townId={townId} agentId={agentId} actions={<AgentActions townId={townId} agentId={agentId} />} />
    </TownClockContext.Provider>
  );
}
