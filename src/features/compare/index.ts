/** Compare two runs side by side (issue 15): the page, the picker beside a bead's attempts and assignments, the agent's sessions. */
export { CompareRuns } from './components/compare-runs';
export { ComparePicker, type CompareOption } from './components/compare-picker';
export { AgentSessions } from './components/agent-sessions';
