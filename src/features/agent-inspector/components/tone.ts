import type { AgentStatus } from '../../../api';
import type { Tone } from '../../../components/badge';

export const STATUS_TONE: Record<AgentStatus, Tone> = { idle: 'muted', working: 'green', waiting: 'blue', stalled: 'red', dead: 'red' };

/** Band colours: CSS variables of the theme (colour carries status only). */
export const STATUS_FILL: Record<AgentStatus, string> = {
  idle: 'var(--border)',
  working: 'var(--green)',
  waiting: 'var(--blue)',
  stalled: 'var(--red)',
  dead: 'var(--text)',
};
