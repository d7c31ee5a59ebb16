import type { StoredBead as Bead } from '../types';
import type { TownBuilder } from '../town-builder';
import { findFreePolecat, setAgentStatus, setMayorState } from './agents';
import { addBead, depend, setBeadStatus } from './beads';
import { startContainer } from './container';
import { resolveCredentials } from './credentials';
import { recordUsage } from './history';
import { addMergeRequest } from './refinery';
import { addActiveWork, addCompletedWork, addSubmittedWork } from './work';

/** What a scenario will write itself, so that `populate()` leaves it alone. */
export interface PopulateOptions {
  /** Polecats (by index, or all) whose recent work the scenario writes: populate gives them none. */
  reserved?: readonly number[] | 'all';
  /** The scenario owns the refinery's recent hours: populate submits no recent work and puts no review in flight. */
  noRecentReviews?: boolean;
  /** When populate's busy polecats took their current bead, in minutes ago (default 12–55). */
  activeHookedMinutesAgo?: readonly [number, number];
  /** Titles the scenario gives its own beads: generated titles skip them. */
  titles?: readonly string[];
}

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Fills in the history a healthy town accumulates; the scenario runs after this. It tells populate
 * what it will write itself, so that nothing populate writes is rewritten afterwards.
 */
export function populate(b: TownBuilder, opts: PopulateOptions = {}) {
  const { polecats } = b;
  const reserved = new Set(opts.reserved === 'all' ? polecats.map((_, i) => i) : (opts.reserved ?? []));
  b.reserveTitles(opts.titles ?? []);
  // Finished work spread over the last 20 days, one polecat after the other.
  const span = 19 * DAY + 12 * HOUR;
  for (let i = 0; i < b.options.closedBeads; i++) {
    const agent = polecats[i % polecats.length]!;
    const at = Math.round(span - (i * (span - 3 * HOUR)) / Math.max(1, b.options.closedBeads));
    addCompletedWork(b, agent, at, b.rng.int(18, 95));
  }
  addLandedConvoy(b);
  // Half of the polecats are busy right now.
  const [low, high] = opts.activeHookedMinutesAgo ?? [12, 55];
  polecats.forEach((agent, i) => {
    if (i % 2 === 0 && !reserved.has(i)) addActiveWork(b, agent, b.rng.int(low, high));
  });
  if (!opts.noRecentReviews) {
    // The others submitted work in the last hours; one review is in flight.
    const author = polecats.length > 1 && !reserved.has(1) ? polecats[1]! : null;
    let submitted = 100;
    polecats.forEach((agent, i) => {
      if (i % 2 === 0 || reserved.has(i) || agent === author) return;
      submitted += b.rng.int(0, 30);
      const duration = b.rng.int(25, 80);
      addCompletedWork(b, agent, submitted + duration, duration);
      submitted += 45;
    });
    if (author) {
      // Just before taking the bead now in review, the author submitted one the refinery merged within the hour.
      const previous = b.rng.int(62, 66);
      const duration = b.rng.int(30, 60);
      addCompletedWork(b, author, previous + duration, duration);
      // No usage rows for it: the silent-consumption rule reads any unhooked polecat's tokens in the
      // last hour as a zombie's, and this town is healthy.
      const source = addSubmittedWork(b, author, 60, 46, { createdMinutesAgo: 70, usage: false });
      addMergeRequest(b, source, author, 'running', 14);
      b.refinery.last_activity_at = b.ago(1);
      b.refinery.active_tools = ['bash'];
      b.refinery.agent_status_message = 'Running gates: npm test';
      recordUsage(b, b.refinery, null, 12, 12, 6000);
    }
  }
  for (let i = 0; i < 3; i++) addBead(b, { title: b.nextTitle(), createdMinutesAgo: b.rng.int(2, 12), priority: 'medium' });
  addBead(b, { title: 'Mail: weekly status digest', type: 'message', createdMinutesAgo: 3 * DAY, status: 'closed', rigId: null });
  setMayorState(b);
  // The Mayor's session has been busy for the last hours; a user message 4 min ago was answered.
  setAgentStatus(b, b.mayor, 'working', 6 * HOUR, 'session started');
  recordUsage(b, b.mayor, null, 6 * HOUR, 6 * HOUR, 1500);
  b.mayor.last_activity_at = b.ago(2);
  startContainer(b);
  resolveCredentials(b);
}

/** A convoy of four beads, worked in a `blocks` chain, that landed 8 days ago. */
function addLandedConvoy(b: TownBuilder) {
  const convoy = addBead(b, {
    title: 'Convoy: Q4 accessibility pass',
    type: 'convoy',
    createdMinutesAgo: 9 * DAY,
    rigId: null,
    priority: 'high',
  });
  const tracked: Bead[] = [];
  setBeadStatus(b, convoy, 'in_progress', 9 * DAY - 120, b.mayor.id);
  for (let i = 0; i < 4; i++) {
    const at = 9 * DAY - 120 - i * 180;
    const bead = addCompletedWork(b, findFreePolecat(b, i, at, at - 60), at, 60);
    depend(b, convoy, bead, 'tracks');
    if (tracked.length > 0) depend(b, bead, tracked[tracked.length - 1]!, 'blocks');
    tracked.push(bead);
  }
  setBeadStatus(b, convoy, 'closed', 8 * DAY, b.refinery.id);
  b.seed.convoys.push({
    bead_id: convoy.id,
    total_beads: 4,
    closed_beads: 4,
    landed_at: b.ago(8 * DAY),
    feature_branch: 'convoy/q4-accessibility',
    target_branch: 'main',
    staged: false,
    merge_mode: 'review-then-land',
    landing_mr_bead_id: null,
  });
}
