/** Agent Inspector: status timeline, SDK event viewer, dispatch history, git operations, tokens, the Mayor view. */
export { AgentInspector } from './components/agent-inspector';
export { agentQuery, agentEventQuery } from './api/agent';
