import type { ContainerEvent } from '../../../api';

/** A stop or error with a non-zero exit code, or an OOM kill: what makes "the container keeps dying". */
export function isCrash(e: ContainerEvent): boolean {
  return e.event_type === 'oom' || e.event_type === 'error' || (e.event_type === 'stop' && e.exit_code !== null && e.exit_code !== 0);
}

/** Counts since `sinceMs`; `exits` are stops and errors with a non-zero exit code (an OOM kill is one OOM and one such exit). */
export function countLifecycle(events: readonly ContainerEvent[], sinceMs: number): Record<'oom' | 'exits' | 'start' | 'sleep', number> {
  const counts = { oom: 0, exits: 0, start: 0, sleep: 0 };
  for (const e of events) {
    if (Date.parse(e.created_at) < sinceMs) continue;
    if (e.event_type === 'oom') counts.oom++;
    if ((e.event_type === 'stop' || e.event_type === 'error') && e.exit_code !== null && e.exit_code !== 0) counts.exits++;
    if (e.event_type === 'start' || e.event_type === 'restart') counts.start++;
    if (e.event_type === 'sleep') counts.sleep++;
  }
  return counts;
}

/**
 * The V8 heap an env var asks for (`--max-old-space-size=8192` in NODE_OPTIONS), when it is more than
 * the container's memory limit: such a process is killed for memory before its heap is ever full.
 */
export function heapOverLimit(key: string, value: string, limitMb: number): number | null {
  if (key !== 'NODE_OPTIONS') return null;
  const m = /--max-old-space-size=(\d+)/.exec(value);
  const heap = m ? Number(m[1]) : null;
  return heap !== null && heap > limitMb ? heap : null;
}
