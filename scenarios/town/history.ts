import type { Agent, Bead, GitOperation } from '../../src/api/schemas';
import type { TownBuilder } from '../town-builder';
import type { SdkStreamSpec } from '../types';

/**
 * The town's operation logs: what production keeps only as counters (dispatch attempts, git
 * operations) and what it meters (token usage, the SDK streams). The reference worker persists
 * each row as written here, and the timeline reads them back.
 */

/**
 * One dispatch of the bead to the container. The bead's and the agent's counters keep the highest
 * attempt, because production's dispatch cap (5) is counted on them, not on the log.
 */
export function recordDispatch(
  b: TownBuilder,
  bead: Bead,
  agent: Agent | null,
  minutesAgoAt: number,
  attempt: number,
  error: { status: number | null; response: string | null; message: string } | null,
) {
  bead.dispatch_attempts = Math.max(bead.dispatch_attempts, attempt);
  bead.last_dispatch_attempt_at = b.ago(minutesAgoAt);
  if (agent) agent.dispatch_attempts = Math.max(agent.dispatch_attempts, attempt);
  b.seed.dispatch_attempts.push({
    id: b.rng.uuid(),
    bead_id: bead.id,
    agent_id: agent?.id ?? null,
    attempt_number: attempt,
    outcome: error ? 'failed' : 'success',
    container_status: error ? error.status : 200,
    container_response: error ? error.response : '{"ok":true,"sessionID":"ses_' + b.rng.hex(10) + '"}',
    error_message: error ? error.message : null,
    created_at: b.ago(minutesAgoAt),
  });
}

/** A git command run in the container; the command defaults to what the operation runs on the bead's branch. */
export function recordGitOp(
  b: TownBuilder,
  input: {
    operation: GitOperation['operation'];
    minutesAgoAt: number;
    agent?: Agent | null;
    bead?: Bead | null;
    rigId?: string;
    failure?: { exitCode: number; stderr: string };
    command?: string;
  },
) {
  const rigId = input.rigId ?? input.bead?.rig_id ?? b.seed.rigs[0]!.id;
  const rig = b.seed.rigs.find((r) => r.id === rigId) ?? b.seed.rigs[0]!;
  const branch = (input.bead?.metadata.branch as string | undefined) ?? 'main';
  const defaultCommand = {
    clone: `git clone --depth 50 ${rig.git_url} /workspace/${rig.name}`,
    fetch: 'git fetch origin --prune',
    pull: `git pull --rebase origin ${branch}`,
    push: `git push origin ${branch}`,
    merge: `git merge --no-ff ${branch}`,
  }[input.operation];
  b.seed.git_operations.push({
    id: b.rng.uuid(),
    rig_id: rigId,
    agent_id: input.agent?.id ?? null,
    bead_id: input.bead?.id ?? null,
    operation: input.operation,
    command: input.command ?? defaultCommand,
    outcome: input.failure ? 'failure' : 'success',
    exit_code: input.failure ? input.failure.exitCode : 0,
    stderr_excerpt: input.failure ? input.failure.stderr : null,
    // A shallow clone takes seconds; the other operations are quicker.
    duration_ms: b.rng.int(300, input.operation === 'clone' ? 9000 : 2500),
    created_at: b.ago(input.minutesAgoAt),
  });
}

/** Usage rows, one per 10-minute tick (production's metrics snapshot), spread over the window. */
export function recordUsage(
  b: TownBuilder,
  agent: Agent,
  bead: Bead | null,
  startMinutesAgo: number,
  durationMinutes: number,
  tokensPerTick: number,
) {
  for (let m = startMinutesAgo; m > startMinutesAgo - durationMinutes && m >= 0; m -= 10) {
    const input = Math.round(tokensPerTick * (0.7 + b.rng.next() * 0.6));
    const output = Math.round(input * 0.12);
    b.seed.usage.push({
      agent_id: agent.id,
      bead_id: bead?.id ?? null,
      at: b.ago(m),
      input_tokens: input,
      output_tokens: output,
      // ~$3 / M input, $15 / M output (micro-dollars)
      cost_microdollars: input * 3 + output * 15,
    });
  }
}

/**
 * SDK streams for every agent, ending at its last activity, with optional scripted tails. Only the
 * spec is stored: the events are generated lazily (sdk-stream.ts), so sizes can run to a million.
 */
export function addSdkStreams(b: TownBuilder, sizes: Record<string, number> = {}, tails: Record<string, SdkStreamSpec['tail']> = {}) {
  for (const agent of b.seed.agents) {
    const tail = tails[agent.id] ?? [];
    const last = tail.length ? tail[tail.length - 1]!.at : (agent.last_activity_at ?? b.ago(60));
    b.seed.sdk_streams.push({
      agent_id: agent.id,
      seed: b.rng.int(1, 2 ** 31 - 1),
      total: Math.max(sizes[agent.id] ?? b.rng.int(300, 2400), tail.length + 1),
      first_at: agent.created_at,
      last_at: last,
      session_id: `ses_${b.rng.hex(20)}`,
      tail,
    });
  }
}
