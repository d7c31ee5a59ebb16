import type { TownBuilder } from './town-builder';
import { findFreePolecat, setAgentStatus, statusAt } from './town/agents';
import { addBead, depend, hook, recordBeadEvent, setBeadStatus, unhook } from './town/beads';
import { addEscalation } from './town/escalations';
import { addProcess, recordContainerEvent } from './town/container';
import { recordDispatch, recordGitOp, recordUsage } from './town/history';
import type { PopulateOptions } from './town/populate';
import { addMergeRequest } from './town/refinery';
import { addCompletedWork, addSubmittedWork, workOn } from './town/work';
import type { SdkStreamSpec } from './types';

type Tails = Record<string, SdkStreamSpec['tail']>;

/**
 * One scenario per failure of the seed. Each breaks a healthy town in one specific way and records
 * the evidence production would (now) persist: dispatch attempts, container events, git operations,
 * credential resolutions, SDK events.
 *
 * A scenario writes its story forward, never over what `populate()` wrote: it tells populate up
 * front which polecats, titles and refinery hours it needs (`populate`), then adds its own rows.
 */
export interface Scenario {
  populate?: PopulateOptions;
  /** Breaks the populated town; returns the scripted tails of SDK streams, by agent id. */
  apply(b: TownBuilder): Tails;
}

const REFUND = 'Add idempotency keys to the refund endpoint';

/** 1. "My agent isn't doing anything": Toast's process died mid-session; dispatch retries fail. */
export const stuckAgent: Scenario = {
  // Toast's last hours are this story: populate gives Toast no current work, and the title is Toast's bead's.
  populate: { reserved: [0], titles: [REFUND] },
  apply(b) {
    const toast = b.polecats[0]!;
    const bead = addBead(b, { title: REFUND, createdMinutesAgo: 4 * 60 + 10, priority: 'high', labels: ['payments'] });
    hook(b, toast, bead, 3 * 60 + 5);
    recordGitOp(b, { operation: 'clone', minutesAgoAt: 3 * 60 + 4, agent: toast, bead });
    recordUsage(b, toast, bead, 3 * 60 + 5, 18, 11000);
    toast.last_activity_at = b.ago(2 * 60 + 47);
    const processId = addProcess(b, toast, 3 * 60 + 5, 'exited', { code: 137, minutesAgo: 2 * 60 + 46 });
    recordContainerEvent(b, 'error', 2 * 60 + 46, {
      exitCode: 137,
      reason: 'process exited',
      message: `kilo serve for Toast exited with code 137 (SIGKILL) mid-session (${processId})`,
      metadata: { agent_id: toast.id },
    });
    const errors = [
      {
        status: 404,
        response: '{"error":"session not found"}',
        message: 'container returned 404: session ses_… not found for agent Toast',
      },
      {
        status: 503,
        response: '{"error":"process not running"}',
        message: 'container returned 503: kilo serve process for Toast is not running',
      },
      { status: null, response: null, message: 'dispatch timed out after 30 s waiting for the container' },
      {
        status: 503,
        response: '{"error":"process not running"}',
        message: 'container returned 503: kilo serve process for Toast is not running',
      },
    ];
    // Backoff 2, 2, 5, 10 minutes after the process died.
    [2 * 60 + 44, 2 * 60 + 42, 2 * 60 + 37, 2 * 60 + 27].forEach((at, i) => recordDispatch(b, bead, toast, at, i + 2, errors[i]!));
    // No activity for 2 h: the patrol force-stops it.
    setAgentStatus(b, toast, 'stalled', 47, 'no activity for 2 h: force-stopped by the GUPP patrol');
    toast.agent_status_message = 'Running tests';
    toast.active_tools = ['bash'];
    recordBeadEvent(b, bead, 'agent_status', 47, { agentId: toast.id, newValue: 'stalled' });
    return {
      [toast.id]: [
        {
          type: 'message_part.updated',
          at: b.ago(2 * 60 + 49),
          properties: {
            part: {
              type: 'tool',
              tool: 'bash',
              callID: 'call_refund1',
              state: { status: 'running', input: { command: 'npm test -- --run test/refunds.spec.ts' } },
            },
          },
        },
        { type: 'server.heartbeat', at: b.ago(2 * 60 + 48), properties: {} },
        { type: 'session.updated', at: b.ago(2 * 60 + 47), properties: { info: { status: 'busy' } } },
      ],
    };
  },
};

/** 2. "My bead has been open forever": blocked behind a bead whose dispatch was exhausted. */
export const stuckBead: Scenario = {
  apply(b) {
    const blocker = addBead(b, { title: 'Upgrade Firebase SDK to 11.x', createdMinutesAgo: 30 * 60, priority: 'high', labels: ['deps'] });
    const stuck = addBead(b, {
      title: 'Migrate push notifications to FCM HTTP v1',
      createdMinutesAgo: 26 * 60 + 14,
      priority: 'critical',
      labels: ['notifications'],
    });
    const downstream = addBead(b, { title: 'Remove legacy FCM server key from config', createdMinutesAgo: 26 * 60 + 10 });
    depend(b, stuck, blocker, 'blocks');
    depend(b, downstream, stuck, 'blocks');
    const messages = [
      'git clone failed: remote: Repository not found (private submodule ios/FirebaseCore)',
      'container returned 500: npm ERR! ERESOLVE could not resolve @react-native-firebase/app@21',
      'agent exited during setup: pod install failed (CocoaPods trunk unreachable)',
      'container returned 500: npm ERR! ERESOLVE could not resolve @react-native-firebase/app@21',
      'dispatch budget exhausted (5 of 5 attempts): bead failed',
    ];
    // Attempts spaced by production's backoff 2, 2, 5, 10 minutes; the fifth exhausts the budget:
    // the bead fails and its polecat is unhooked.
    const attempts = [29 * 60, 29 * 60 - 2, 29 * 60 - 4, 29 * 60 - 9, 29 * 60 - 19];
    const exhausted = attempts[attempts.length - 1]!;
    const agent = findFreePolecat(b, 1, attempts[0]!, exhausted);
    hook(b, agent, blocker, attempts[0]!, { dispatch: false });
    attempts.forEach((at, i) =>
      recordDispatch(b, blocker, agent, at, i + 1, {
        status: i === 2 ? null : 500,
        response: i === 2 ? null : '{"ok":false}',
        message: messages[i]!,
      }),
    );
    unhook(b, agent, blocker, exhausted, 'failed');
    // The root cause: the rig's credential cannot read the private submodule, so every clone fails
    // until the credential is replaced (a manual token, or another integration).
    const cred = b.seed.credentials.find((c) => c.rig_id === blocker.rig_id);
    b.seed.conditions.push({
      kind: 'submodule_access',
      subject: blocker.rig_id!,
      detail: {
        submodule: 'ios/FirebaseCore',
        bead_ids: [blocker.id],
        source: cred?.source ?? 'integration',
        integration_id: cred?.integration_id ?? null,
      },
      since: b.ago(attempts[0]!),
    });
    setBeadStatus(b, blocker, 'failed', exhausted, null);
    recordBeadEvent(b, blocker, 'escalated', exhausted, { agentId: b.mayor.id, metadata: { reason: 'dispatch failed 5 times' } });
    // The Mayor's escalation to a human: critical (it blocks a critical bead), raised again twice since,
    // and nobody has acknowledged it.
    addEscalation(b, {
      title: 'Escalated: Firebase SDK upgrade failed',
      body: 'Dispatch failed 5 times (private submodule ios/FirebaseCore not readable). "Migrate push notifications to FCM HTTP v1" (critical) waits on it.',
      severity: 'critical',
      source: blocker,
      raisedBy: b.mayor.id,
      createdMinutesAgo: exhausted,
      reEscalatedMinutesAgo: [12 * 60, 45],
    });
    return {};
  },
};

/** 3. "Code won't merge": the refinery's merge conflicts and retries; the queue backs up behind it. */
export const refineryFailure: Scenario = {
  // The refinery's last hours are this story.
  populate: { noRecentReviews: true, titles: ['Add versioned docs sidebar'] },
  apply(b) {
    const author = findFreePolecat(b, 2, 5 * 60 + 40, 4 * 60 + 10);
    const source = addSubmittedWork(b, author, 5 * 60 + 40, 90, {
      title: 'Add versioned docs sidebar',
      createdMinutesAgo: 6 * 60,
      priority: 'high',
    });
    const conflict =
      'CONFLICT (content): Merge conflict in src/components/Sidebar.tsx\nAutomatic merge failed; fix conflicts and then commit the result.';
    // Stuck on it from 4 h 8 min ago: four merge attempts, three retries, then the review fails.
    const mr = addMergeRequest(b, source, author, 'failed', 4 * 60 + 10, {
      retries: 3,
      failure: 'merge conflict in src/components/Sidebar.tsx',
      startedMinutesAgo: 4 * 60 + 8,
      completedMinutesAgo: 25,
    });
    // The root cause: the branch conflicts with main until a polecat rebases it (reworks the source bead).
    b.seed.conditions.push({
      kind: 'merge_conflict',
      subject: mr.id,
      detail: { file: 'src/components/Sidebar.tsx', stderr: conflict },
      since: b.ago(4 * 60 + 5),
    });
    [4 * 60 + 5, 3 * 60 + 2, 1 * 60 + 50, 26].forEach((at, i) => {
      recordGitOp(b, { operation: 'merge', minutesAgoAt: at, agent: b.refinery, bead: source, failure: { exitCode: 1, stderr: conflict } });
      if (i > 0) recordBeadEvent(b, mr, 'rework_requested', at - 1, { agentId: b.refinery.id, metadata: { retry: i } });
    });
    // Meanwhile seven submissions queued up behind it; the refinery took the oldest when it gave up.
    const waiting = Array.from({ length: 7 }, (_, i) => {
      const enqueued = 190 - i * 20;
      const agent = findFreePolecat(b, (i + 3) % b.polecats.length, enqueued + 35, enqueued);
      return { bead: addSubmittedWork(b, agent, enqueued + 35, 35), agent, enqueued };
    });
    waiting.forEach(({ bead, agent, enqueued }, i) =>
      addMergeRequest(b, bead, agent, i === 0 ? 'running' : 'pending', enqueued, i === 0 ? { startedMinutesAgo: 24 } : {}),
    );
    const next = waiting[0]!.bead;
    b.refinery.agent_status_message = 'Running gates: npm test';
    b.refinery.active_tools = ['bash'];
    b.refinery.last_activity_at = b.ago(1);
    recordUsage(b, b.refinery, null, 24, 24, 6000);
    return {
      [b.refinery.id]: [
        {
          type: 'message_part.updated',
          at: b.ago(27),
          properties: {
            part: {
              type: 'tool',
              tool: 'bash',
              callID: 'call_merge4',
              state: { status: 'error', input: { command: 'git merge --no-ff gt/sidebar' }, output: conflict },
            },
          },
        },
        {
          type: 'message_part.updated',
          at: b.ago(26),
          properties: {
            part: {
              type: 'text',
              text: 'The merge conflicts again in Sidebar.tsx. The PR URL I reported earlier (pull/0) was wrong. Three retries used: marking the review failed; the branch needs a rebase.',
            },
          },
        },
        {
          type: 'message_part.updated',
          at: b.ago(24),
          properties: { part: { type: 'text', text: `Starting the next review: Merge: ${next.title}.` } },
        },
        {
          type: 'message_part.updated',
          at: b.ago(1),
          properties: {
            part: { type: 'tool', tool: 'bash', callID: 'call_gates1', state: { status: 'running', input: { command: 'npm test' } } },
          },
        },
      ],
    };
  },
};

/** 4. "Container keeps dying": OOM kills as too many polecats run at once. */
export const containerInstability: Scenario = {
  // Every busy polecat was already at work when the last OOM hit, 19 min ago.
  populate: { activeHookedMinutesAgo: [24, 55] },
  apply(b) {
    b.seed.container.health = 'degraded';
    const ooms = [20 * 60 + 5, 13 * 60 + 40, 6 * 60 + 12, 19];
    // Before each earlier kill, four polecats were at work at once; they finished after the restart.
    for (const at of ooms.slice(0, -1)) {
      for (let k = 0; k < 4; k++) {
        const hooked = at + 45 + k * 5;
        const submitted = at - 20 - k * 12;
        addCompletedWork(b, findFreePolecat(b, k * 2 + 1, hooked, submitted), hooked, hooked - submitted);
      }
    }
    for (const at of ooms) {
      // Each polecat at work had its session in the container, beside the Mayor's and the refinery's.
      const processes = 2 + b.polecats.filter((p) => statusAt(b, p, at) === 'working').length;
      recordContainerEvent(b, 'oom', at, {
        exitCode: 137,
        reason: 'OOMKilled',
        message: `memory limit 4096 MiB exceeded with ${processes} concurrent kilo serve processes`,
        metadata: { memory_mb: 4096, processes },
      });
      recordContainerEvent(b, 'stop', at - 0.2, { exitCode: 137, reason: 'OOMKilled' });
      recordContainerEvent(b, 'start', at - 1, { message: 'container restarted by platform', metadata: { cold_start_ms: 38_000 } });
    }
    recordContainerEvent(b, 'not_found', 13 * 60 + 38, {
      message: 'container instance not found after restart (within 3-min cold-start grace)',
    });
    recordContainerEvent(b, 'health_check_failed', 17, { message: 'GET /health timed out after 10 s' });
    b.seed.env.push({ key: 'NODE_OPTIONS', value: '--max-old-space-size=8192', secret: false });
    b.seed.config.max_polecats_per_rig = 8;
    return {};
  },
};

/** 5. "GitHub says permission denied": the GitHub App token expired and refresh fails. */
export const credentialIssues: Scenario = {
  // The busy polecats cloned before the token expired (2 h 12 min ago); nothing was pushed or merged since.
  populate: { noRecentReviews: true, activeHookedMinutesAgo: [150, 200] },
  apply(b) {
    const rig = b.seed.rigs[0]!;
    const cred = b.seed.credentials.find((x) => x.rig_id === rig.id)!;
    if (rig.integration) rig.integration.status = 'suspended';
    const error = 'GitHub App installation token refresh failed: 401 Bad credentials (installation suspended or app key rotated)';
    Object.assign(cred, {
      status: 'expired',
      last_resolved_at: b.ago(3 * 60 + 12),
      token_expires_at: b.ago(2 * 60 + 12),
      last_error: error,
      last_verified_at: b.ago(9),
      verification: 'failed',
    });
    // The last successful resolution is the one the credential row names.
    b.seed.credential_events = b.seed.credential_events.filter((e) => e.rig_id !== rig.id || e.created_at <= cred.last_resolved_at!);
    for (let m = 2 * 60; m >= 9; m -= 20) {
      b.seed.credential_events.push({
        id: b.rng.uuid(),
        rig_id: rig.id,
        integration_id: rig.platform_integration_id,
        kind: 'refresh',
        outcome: 'failure',
        error,
        token_expires_at: null,
        created_at: b.ago(m),
      });
    }
    const denied = (repo: string) =>
      `remote: Permission to ${repo}.git denied to kilo-gastown[bot].\nfatal: unable to access 'https://github.com/${repo}.git/': The requested URL returned error: 403`;
    const repo = rig.git_url.replace('https://github.com/', '').replace(/\.git$/, '');
    // Since the token expired, the polecats at work fail to pull and push, and keep retrying.
    b.polecats
      .filter((agent) => agent.current_hook_bead_id)
      .forEach((agent, j) => {
        const bead = b.seed.beads.find((x) => x.id === agent.current_hook_bead_id)!;
        [125, 80, 35].forEach((at, k) =>
          recordGitOp(b, {
            operation: k === 0 ? 'pull' : 'push',
            minutesAgoAt: at - j * 11,
            agent,
            bead,
            rigId: rig.id,
            failure: { exitCode: 128, stderr: denied(repo) },
          }),
        );
        agent.agent_status_message = 'git push failed: permission denied; retrying';
      });
    return {};
  },
};

const TOKEN_TITLES = [
  'Define colour tokens v2',
  'Migrate Button to tokens v2',
  'Migrate Input to tokens v2',
  'Migrate Card to tokens v2',
  'Migrate Modal to tokens v2',
  'Update Storybook theme',
  'Remove tokens v1 aliases',
  'Publish @acme/ui 4.0.0',
];

/** 6. "My convoy never finished": a tracked bead was deleted instead of closed; another's merge failed. */
export const convoyStall: Scenario = {
  populate: { titles: TOKEN_TITLES },
  apply(b) {
    const convoy = addBead(b, {
      title: 'Convoy: Design tokens v2 rollout',
      type: 'convoy',
      createdMinutesAgo: 3 * 24 * 60,
      rigId: null,
      priority: 'high',
    });
    setBeadStatus(b, convoy, 'in_progress', 3 * 24 * 60 - 30, b.mayor.id);
    const beads = TOKEN_TITLES.map((title, i) => {
      if (i < 6) {
        const at = 3 * 24 * 60 - 60 - i * 240;
        return addCompletedWork(b, findFreePolecat(b, i, at, at - 70), at, 70, { title });
      }
      return addBead(b, { title, createdMinutesAgo: 3 * 24 * 60 - 10, priority: 'high' });
    });
    beads.forEach((bead, i) => {
      depend(b, convoy, bead, 'tracks');
      if (i > 0) depend(b, bead, beads[i - 1]!, 'blocks');
    });
    // Tracked bead 7 failed to merge: its MR failed on a conflict in the feature branch.
    const failing = beads[6]!;
    const author = findFreePolecat(b, 1, 40 * 60, 38 * 60);
    workOn(b, author, failing, 40 * 60, 2 * 60);
    const failingMr = addMergeRequest(b, failing, author, 'failed', 38 * 60, {
      failure: 'conflict merging into convoy/design-tokens-v2 (intermediate merge)',
      retries: 1,
      startedMinutesAgo: 19 * 60 + 8,
      completedMinutesAgo: 19 * 60,
    });
    b.seed.conditions.push({
      kind: 'merge_conflict',
      subject: failingMr.id,
      detail: {
        file: 'src/tokens/v1.ts',
        stderr: 'CONFLICT (modify/delete): src/tokens/v1.ts deleted in HEAD and modified in gt/remove-v1-aliases.',
      },
      since: b.ago(19 * 60),
    });
    recordGitOp(b, {
      operation: 'merge',
      minutesAgoAt: 19 * 60,
      agent: b.refinery,
      bead: failing,
      command: 'git merge --no-ff gt/remove-v1-aliases (into convoy/design-tokens-v2)',
      failure: { exitCode: 1, stderr: 'CONFLICT (modify/delete): src/tokens/v1.ts deleted in HEAD and modified in gt/remove-v1-aliases.' },
    });
    // Tracked bead 8 was deleted instead of closed: its dependency rows remain, the bead row is gone.
    const deleted = beads[7]!;
    b.seed.beads = b.seed.beads.filter((x) => x.id !== deleted.id);
    b.seed.bead_events = b.seed.bead_events.filter((e) => e.bead_id !== deleted.id);
    recordBeadEvent(b, convoy, 'fields_updated', 19 * 60 - 5, {
      agentId: b.mayor.id,
      metadata: { note: `tracked bead ${deleted.id} deleted by mayor cleanup` },
    });
    b.seed.convoys.push({
      bead_id: convoy.id,
      total_beads: 8,
      closed_beads: 6,
      landed_at: null,
      feature_branch: 'convoy/design-tokens-v2',
      target_branch: 'main',
      staged: false,
      merge_mode: 'review-then-land',
      landing_mr_bead_id: null,
    });
    return {};
  },
};

/** 7. "The Mayor isn't responding": the Mayor's session errored inside a tool-call loop. */
export const mayorDysfunction: Scenario = {
  apply(b) {
    const mayor = b.mayor;
    const mayorState = b.seed.mayor!;
    const asked = 47;
    const died = 41;
    const question = 'Can you split the onboarding epic into beads and start on the email templates?';
    // The loop's calls, one every `loopGapMin` from 46 min ago: the error counts the same calls the
    // conversation shows (computed, so the two never disagree).
    const loopCalls = 12;
    const loopGapMin = 0.4;
    const loopMinutes = Math.ceil((loopCalls - 1) * loopGapMin);
    const loopError = `Session aborted: tool call loop detected (read called ${loopCalls} times with identical input in ${loopMinutes} min)`;
    Object.assign(mayorState, {
      session_state: 'errored',
      session_error: loopError,
      last_activity_at: b.ago(died),
      last_user_message: { text: question, at: b.ago(asked), answered: false },
    });
    // The root cause: this session loops on the same read; only a new session (a restart) escapes it.
    b.seed.conditions.push({
      kind: 'mayor_loop',
      subject: mayor.id,
      detail: { session_id: mayorState.session_id, tool: 'read', error: loopError },
      since: b.ago(46),
    });
    mayorState.system_prompt_context = {
      ...mayorState.system_prompt_context,
      open_beads: '(context render failed: 0 beads listed — stale snapshot from 2026-11-17)',
    };
    // Its status still says working (the patrol force-stops only after 2 h), but a dead session spends nothing.
    mayor.last_activity_at = b.ago(died);
    mayor.active_tools = ['read'];
    mayor.agent_status_message = 'Reading town state';
    b.seed.usage = b.seed.usage.filter((u) => u.agent_id !== mayor.id || u.at <= mayor.last_activity_at!);
    const proc = b.seed.processes.find((p) => p.agent_id === mayor.id);
    if (proc) Object.assign(proc, { status: 'failed', exited_at: b.ago(died), exit_code: 1, memory_mb: null });
    recordContainerEvent(b, 'error', died, {
      exitCode: 1,
      reason: 'session error',
      message: `Mayor session errored: ${loopError}`,
      metadata: { agent_id: mayor.id },
    });
    const tail: SdkStreamSpec['tail'] = [
      { type: 'message.created', at: b.ago(asked), properties: { info: { role: 'user' }, text: question } },
    ];
    for (let i = 0; i < loopCalls; i++) {
      tail.push({
        type: 'message_part.updated',
        at: b.ago(46 - i * loopGapMin),
        properties: {
          part: {
            type: 'tool',
            tool: 'read',
            callID: `call_loop${i}`,
            state: { status: 'completed', input: { filePath: '.gastown/town-state.json' }, output: '{"beads":[]}' },
          },
        },
      });
    }
    tail.push({ type: 'error', at: b.ago(died), properties: { error: { name: 'ToolLoopError', message: loopError } } });
    tail.push({ type: 'session.idle', at: b.ago(died), properties: {} });
    return { [mayor.id]: tail };
  },
};

/** The last work data-warehouse's polecats submitted (the interventions contract suite acts on these beads by title). */
const WAREHOUSE_WORK = [
  'Reduce bundle size of the checkout route',
  'Document the deploy pipeline in the README',
  'Add idempotency keys to the refund endpoint',
];

/** 8. "I'm being charged but nothing is happening": zombies burn tokens; the refinery re-reviews one MR. */
export const silentConsumption: Scenario = {
  // Every polecat's and the refinery's last day is this story.
  populate: { reserved: 'all', noRecentReviews: true, titles: [...WAREHOUSE_WORK, 'Tune warehouse partition pruning'] },
  apply(b) {
    const n = b.polecats.length;
    const zombies = [b.polecats[1 % n]!, b.polecats[3 % n]!];
    // The last work submitted: Shadow's, Birch's and Maple's 15–17 h ago, then Toast's, 14 h ago, which
    // the refinery has re-reviewed ever since. No polecat has been hooked since.
    [
      { preferred: 3, hooked: 18 * 60, duration: 70 },
      { preferred: 2, hooked: 17 * 60, duration: 80 },
      { preferred: 1, hooked: 16 * 60 + 30, duration: 70 },
    ].forEach(({ preferred, hooked, duration }, i) =>
      addCompletedWork(b, findFreePolecat(b, preferred, hooked, hooked - duration), hooked, duration, {
        title: WAREHOUSE_WORK[i]!,
        priority: 'medium',
      }),
    );
    const author = findFreePolecat(b, 0, 15 * 60 + 30, 14 * 60);
    const churn = addSubmittedWork(b, author, 15 * 60 + 30, 90, { title: 'Tune warehouse partition pruning', createdMinutesAgo: 16 * 60 });
    const mr = addMergeRequest(b, churn, author, 'running', 14 * 60, { retries: 7, startedMinutesAgo: 14 * 60 - 2 });
    for (let i = 0; i < 7; i++)
      recordBeadEvent(b, mr, 'rework_requested', 13 * 60 + 50 - i * 110, { agentId: b.refinery.id, metadata: { retry: i + 1 } });
    recordUsage(b, b.refinery, churn, 14 * 60 - 2, 14 * 60 - 2, 18_000);
    b.refinery.last_activity_at = b.ago(1);
    b.refinery.active_tools = ['bash'];
    b.refinery.agent_status_message = `Re-reviewing “Merge: ${churn.title}” (retry 7)`;
    b.seed.container.idle_since = b.ago(14 * 60);
    for (const zombie of zombies) {
      setAgentStatus(b, zombie, 'working', 13 * 60 + 50, 'session resumed without a hook');
      zombie.last_activity_at = b.ago(1);
      zombie.agent_status_message = 'Re-reading repository';
      zombie.active_tools = ['read'];
      addProcess(b, zombie, 13 * 60 + 50);
      recordUsage(b, zombie, null, 13 * 60 + 50, 13 * 60 + 50, 52_000);
    }
    return {};
  },
};
