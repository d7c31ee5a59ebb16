import type { AgentStatus, BeadStatus, ReviewState } from '../../../api';
import type { Tone } from '../../../components/badge';

export const statusTone = (s: BeadStatus): Tone =>
  ({ open: 'blue', in_progress: 'yellow', in_review: 'blue', closed: 'muted', failed: 'red' })[s] as Tone;
export const agentTone = (s: AgentStatus): Tone =>
  ({ idle: 'neutral', working: 'green', waiting: 'yellow', stalled: 'red', dead: 'red' })[s] as Tone;
export const reviewTone = (s: ReviewState | null): Tone =>
  s === 'merged' ? 'green' : s === 'failed' ? 'red' : s === 'running' ? 'yellow' : 'neutral';
