import type { BeadPriority } from '../../src/api/schemas';
import type { StoredAgent as Agent, StoredBead as Bead } from '../types';
import type { TownBuilder } from '../town-builder';
import { addBead, hook, setBeadStatus, unhook } from './beads';
import { recordGitOp, recordUsage } from './history';
import { addMergeRequest, findReviewSlot } from './refinery';

/**
 * A polecat's piece of work from hook to merge, written across every concern it touches: the bead and
 * its events, the assignment, the agent's status, the git operations, the usage, and the review.
 */

/** The agent hooks the bead, works on it and submits it for review (bead → in_review); the agent goes idle. */
export function workOn(
  b: TownBuilder,
  agent: Agent,
  bead: Bead,
  hookedMinutesAgo: number,
  durationMinutes: number,
  opts: { usage?: boolean } = {},
) {
  hook(b, agent, bead, hookedMinutesAgo);
  const submitted = hookedMinutesAgo - durationMinutes;
  recordGitOp(b, { operation: 'pull', minutesAgoAt: hookedMinutesAgo - 1, agent, bead });
  recordGitOp(b, { operation: 'push', minutesAgoAt: submitted + 1, agent, bead });
  setBeadStatus(b, bead, 'in_review', submitted, agent.id);
  unhook(b, agent, bead, submitted, 'completed');
  if (opts.usage !== false) recordUsage(b, agent, bead, hookedMinutesAgo, durationMinutes, 9000);
}

/** A new bead, worked on and submitted for review. */
export function addSubmittedWork(
  b: TownBuilder,
  agent: Agent,
  hookedMinutesAgo: number,
  durationMinutes: number,
  opts: { title?: string; createdMinutesAgo?: number; priority?: BeadPriority; usage?: boolean } = {},
) {
  const bead = addBead(b, {
    title: opts.title ?? b.nextTitle(),
    createdMinutesAgo: opts.createdMinutesAgo ?? hookedMinutesAgo + b.rng.int(5, 90),
    ...(opts.priority ? { priority: opts.priority } : {}),
  });
  workOn(b, agent, bead, hookedMinutesAgo, durationMinutes, { usage: opts.usage });
  return bead;
}

/** A finished piece of work: hooked, worked, submitted, reviewed and merged when the refinery was free, closed. */
export function addCompletedWork(
  b: TownBuilder,
  agent: Agent,
  minutesAgoAt: number,
  durationMinutes: number,
  opts: { title?: string; priority?: BeadPriority } = {},
) {
  const bead = addSubmittedWork(b, agent, minutesAgoAt, durationMinutes, opts);
  const submitted = minutesAgoAt - durationMinutes;
  const [start, end] = findReviewSlot(b, submitted - 2, b.rng.int(6, 20));
  addMergeRequest(b, bead, agent, 'merged', submitted, { startedMinutesAgo: start, completedMinutesAgo: end });
  setBeadStatus(b, bead, 'closed', Math.max(0, end - 1), b.refinery.id);
  return bead;
}

/** Gives a polecat a bead in progress with fresh activity. */
export function addActiveWork(b: TownBuilder, agent: Agent, hookedMinutesAgo: number) {
  const bead = addBead(b, { title: b.nextTitle(), createdMinutesAgo: hookedMinutesAgo + b.rng.int(3, 40) });
  hook(b, agent, bead, hookedMinutesAgo);
  recordGitOp(b, { operation: 'clone', minutesAgoAt: hookedMinutesAgo - 1, agent, bead });
  agent.last_activity_at = b.ago(b.rng.int(0, 3));
  agent.agent_status_message = b.rng.pick(['Running tests', 'Editing files', 'Reading the codebase', 'Fixing lint errors']);
  agent.active_tools = [b.rng.pick(['bash', 'edit', 'read'])];
  recordUsage(b, agent, bead, hookedMinutesAgo, hookedMinutesAgo, 11000);
  return bead;
}
