import type { TownBuilder } from './town-builder';
import type { SdkStreamSpec } from './types';

type Tails = Record<string, SdkStreamSpec['tail']>;

/**
 * One function per failure scenario of the seed. Each breaks a populated healthy town in one
 * specific way and records the evidence production would (now) persist: dispatch attempts,
 * container events, git operations, credential resolutions, SDK events.
 */

/** 1. "My agent isn't doing anything": Toast's process died mid-session; dispatch retries fail. */
export function stuckAgent(b: TownBuilder): Tails {
  const toast = b.polecats[0]!;
  const bead = b.addBead({
    title: 'Add idempotency keys to the refund endpoint',
    createdMinutesAgo: 4 * 60 + 10,
    priority: 'high',
    labels: ['payments'],
  });
  if (toast.current_hook_bead_id) {
    const previous = b.seed.beads.find((x) => x.id === toast.current_hook_bead_id)!;
    b.unhook(toast, previous, 3 * 60 + 30, 'completed');
    b.setBeadStatus(previous, 'closed', 3 * 60 + 20, toast.id);
  }
  b.hook(toast, bead, 3 * 60 + 5);
  b.setStatus(toast, 'working', 3 * 60 + 5, `hooked ${bead.id}`);
  toast.last_activity_at = b.ago(2 * 60 + 47);
  const processId = b.seed.processes.find((p) => p.agent_id === toast.id)?.process_id;
  b.seed.processes = b.seed.processes.filter((p) => p.agent_id !== toast.id);
  b.addProcess(toast, 3 * 60 + 5, 'exited', { code: 137, minutesAgo: 2 * 60 + 46 });
  b.containerEvent('error', 2 * 60 + 46, {
    exitCode: 137,
    reason: 'process exited',
    message: `kilo serve for Toast exited with code 137 (SIGKILL) mid-session${processId ? ` (was ${processId})` : ''}`,
    metadata: { agent_id: toast.id },
  });
  const errors = [
    { status: 404, response: '{"error":"session not found"}', message: 'container returned 404: session ses_… not found for agent Toast' },
    { status: 503, response: '{"error":"process not running"}', message: 'container returned 503: kilo serve process for Toast is not running' },
    { status: null, response: null, message: 'dispatch timed out after 30 s waiting for the container' },
    { status: 503, response: '{"error":"process not running"}', message: 'container returned 503: kilo serve process for Toast is not running' },
  ];
  // Backoff 2, 2, 5, 10 minutes after the process died.
  [2 * 60 + 44, 2 * 60 + 42, 2 * 60 + 37, 2 * 60 + 27].forEach((at, i) => b.dispatch(bead, toast, at, i + 2, errors[i]!));
  b.setStatus(toast, 'stalled', 47, 'no activity for 2 h: force-stopped by the GUPP patrol');
  toast.agent_status_message = 'Running tests';
  toast.active_tools = ['bash'];
  b.event(bead, 'agent_status', 47, { agentId: toast.id, newValue: 'stalled' });
  return {
    [toast.id]: [
      { type: 'message_part.updated', at: b.ago(2 * 60 + 49), properties: { part: { type: 'tool', tool: 'bash', callID: 'call_refund1', state: { status: 'running', input: { command: 'npm test -- --run test/refunds.spec.ts' } } } } },
      { type: 'server.heartbeat', at: b.ago(2 * 60 + 48), properties: {} },
      { type: 'session.updated', at: b.ago(2 * 60 + 47), properties: { info: { status: 'busy' } } },
    ],
  };
}

/** 2. "My bead has been open forever": blocked behind a bead whose dispatch was exhausted. */
export function stuckBead(b: TownBuilder): Tails {
  const blocker = b.addBead({ title: 'Upgrade Firebase SDK to 11.x', createdMinutesAgo: 30 * 60, priority: 'high', labels: ['deps'] });
  const stuck = b.addBead({
    title: 'Migrate push notifications to FCM HTTP v1',
    createdMinutesAgo: 26 * 60 + 14,
    priority: 'critical',
    labels: ['notifications'],
  });
  const downstream = b.addBead({ title: 'Remove legacy FCM server key from config', createdMinutesAgo: 26 * 60 + 10 });
  b.depend(stuck, blocker, 'blocks');
  b.depend(downstream, stuck, 'blocks');
  const maple = b.polecats[1]!;
  const messages = [
    'git clone failed: remote: Repository not found (private submodule ios/FirebaseCore)',
    'container returned 500: npm ERR! ERESOLVE could not resolve @react-native-firebase/app@21',
    'agent exited during setup: pod install failed (CocoaPods trunk unreachable)',
    'container returned 500: npm ERR! ERESOLVE could not resolve @react-native-firebase/app@21',
    'dispatch budget exhausted (5 of 5 attempts): bead failed',
  ];
  // Attempts spaced by production's backoff 2, 2, 5, 10, 30 minutes.
  [29 * 60, 29 * 60 - 2, 29 * 60 - 4, 29 * 60 - 9, 29 * 60 - 19].forEach((at, i) =>
    b.dispatch(blocker, maple, at, i + 1, { status: i === 2 ? null : 500, response: i === 2 ? null : '{"ok":false}', message: messages[i]! }),
  );
  b.setBeadStatus(blocker, 'failed', 29 * 60 - 49, null);
  b.event(blocker, 'escalated', 29 * 60 - 49, { agentId: b.mayor.id, metadata: { reason: 'dispatch failed 5 times' } });
  return {};
}

/** 3. "Code won't merge": the refinery's merge conflicts and retries; the queue backs up behind it. */
export function refineryFailure(b: TownBuilder): Tails {
  const source = b.addBead({ title: 'Add versioned docs sidebar', createdMinutesAgo: 6 * 60, priority: 'high' });
  const author = b.polecats[2 % b.polecats.length]!;
  b.hook(author, source, 5 * 60 + 40);
  b.setBeadStatus(source, 'in_review', 4 * 60 + 10, author.id);
  b.unhook(author, source, 4 * 60 + 10, 'completed');
  const conflict = 'CONFLICT (content): Merge conflict in src/components/Sidebar.tsx\nAutomatic merge failed; fix conflicts and then commit the result.';
  const mr = b.mergeRequest(source, author, 'failed', 4 * 60 + 10, { retries: 3, failure: 'merge conflict in src/components/Sidebar.tsx', completedMinutesAgo: 25 });
  for (const at of [4 * 60 + 5, 3 * 60 + 2, 1 * 60 + 50, 26]) {
    b.gitOp({ operation: 'merge', minutesAgoAt: at, agent: b.refinery, bead: source, failure: { exitCode: 1, stderr: conflict } });
  }
  b.event(mr, 'rework_requested', 25, { agentId: b.refinery.id, metadata: { retry: 3 } });
  for (let i = 0; i < 6; i++) {
    const waiting = b.addBead({ title: b.nextTitle(), createdMinutesAgo: 3 * 60 - i * 20 });
    const p = b.polecats[(i + 3) % b.polecats.length]!;
    b.setBeadStatus(waiting, 'in_review', 2 * 60 + 50 - i * 20, p.id);
    b.mergeRequest(waiting, p, 'pending', 2 * 60 + 50 - i * 20);
  }
  b.setStatus(b.refinery, 'working', 100, `retrying review ${mr.id}`);
  b.refinery.agent_status_message = 'Resolving merge conflict in Sidebar.tsx (attempt 4)';
  b.seed.review_samples = b.seed.review_samples.map((s, i, all) => (i > all.length - 16 ? { ...s, depth: Math.min(8, 1 + (i - (all.length - 16))), processed: 0 } : s));
  return {
    [b.refinery.id]: [
      { type: 'message_part.updated', at: b.ago(27), properties: { part: { type: 'tool', tool: 'bash', callID: 'call_merge4', state: { status: 'error', input: { command: 'git merge --no-ff gt/sidebar' }, output: conflict } } } },
      { type: 'message_part.updated', at: b.ago(26), properties: { part: { type: 'text', text: 'The merge conflicts again in Sidebar.tsx. The PR URL I reported earlier (pull/0) was wrong; retrying the merge.' } } },
    ],
  };
}

/** 4. "Container keeps dying": OOM kills as too many polecats run at once. */
export function containerInstability(b: TownBuilder): Tails {
  const c = b.seed.container;
  c.health = 'degraded';
  c.last_restart_at = b.ago(18);
  c.started_at = b.ago(18);
  const ooms = [20 * 60 + 5, 13 * 60 + 40, 6 * 60 + 12, 19];
  for (const at of ooms) {
    b.containerEvent('oom', at, { exitCode: 137, reason: 'OOMKilled', message: 'memory limit 4096 MiB exceeded with 6 concurrent kilo serve processes', metadata: { memory_mb: 4096, processes: 6 } });
    b.containerEvent('stop', at - 0.2, { exitCode: 137, reason: 'OOMKilled' });
    b.containerEvent('start', at - 1, { message: 'container restarted by platform', metadata: { cold_start_ms: 38_000 } });
  }
  b.containerEvent('not_found', 9 * 60, { message: 'container instance not found after wake (within 3-min cold-start grace)' });
  b.containerEvent('health_check_failed', 17, { message: 'GET /health timed out after 10 s' });
  b.seed.env.push({ key: 'NODE_OPTIONS', value: '--max-old-space-size=8192', secret: false });
  b.seed.config.max_polecats_per_rig = 8;
  b.seed.resource_samples = b.seed.resource_samples.map((s) => {
    const minutes = b.minutesSince(s.at);
    const nearOom = ooms.some((o) => minutes > o && minutes - o < 50);
    return nearOom ? { ...s, memory_mb: 3700 + (s.memory_mb % 390), cpu_percent: 91, active_processes: 6 } : s;
  });
  return {};
}

/** 5. "GitHub says permission denied": the GitHub App token expired and refresh fails. */
export function credentialIssues(b: TownBuilder): Tails {
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
  for (let m = 2 * 60; m >= 9; m -= 20) {
    b.seed.credential_events.push({ id: b.rng.uuid(), rig_id: rig.id, integration_id: rig.platform_integration_id, kind: 'refresh', outcome: 'failure', error, token_expires_at: null, created_at: b.ago(m) });
  }
  const denied = (repo: string) =>
    `remote: Permission to ${repo}.git denied to kilo-gastown[bot].\nfatal: unable to access 'https://github.com/${repo}.git/': The requested URL returned error: 403`;
  const repo = rig.git_url.replace('https://github.com/', '').replace(/\.git$/, '');
  b.polecats.forEach((agent, i) => {
    const beadId = agent.current_hook_bead_id;
    const bead = beadId ? b.seed.beads.find((x) => x.id === beadId)! : null;
    b.gitOp({ operation: i % 2 ? 'pull' : 'push', minutesAgoAt: 100 - i * 23, agent, bead, rigId: rig.id, failure: { exitCode: 128, stderr: denied(repo) } });
    if (bead) agent.agent_status_message = 'git push failed: permission denied; retrying';
  });
  return {};
}

/** 6. "My convoy never finished": a tracked bead was deleted instead of closed; another's merge failed. */
export function convoyStall(b: TownBuilder): Tails {
  const convoy = b.addBead({ title: 'Convoy: Design tokens v2 rollout', type: 'convoy', createdMinutesAgo: 3 * 24 * 60, rigId: null, priority: 'high' });
  b.setBeadStatus(convoy, 'in_progress', 3 * 24 * 60 - 30, b.mayor.id);
  const titles = [
    'Define colour tokens v2', 'Migrate Button to tokens v2', 'Migrate Input to tokens v2', 'Migrate Card to tokens v2',
    'Migrate Modal to tokens v2', 'Update Storybook theme', 'Remove tokens v1 aliases', 'Publish @acme/ui 4.0.0',
  ];
  const beads = titles.map((title, i) => {
    const agent = b.polecats[i % b.polecats.length]!;
    if (i < 6) {
      const bead = b.completedWork(agent, 3 * 24 * 60 - 60 - i * 240, 70);
      bead.title = title;
      return bead;
    }
    return b.addBead({ title, createdMinutesAgo: 3 * 24 * 60 - 10, priority: 'high' });
  });
  beads.forEach((bead, i) => {
    b.depend(convoy, bead, 'tracks');
    bead.parent_bead_id = null;
    if (i > 0) b.depend(bead, beads[i - 1]!, 'blocks');
  });
  // Tracked bead 7 failed to merge: its MR failed on a conflict in the feature branch.
  const failing = beads[6]!;
  const author = b.polecats[1 % b.polecats.length]!;
  b.hook(author, failing, 40 * 60);
  b.setBeadStatus(failing, 'in_review', 38 * 60, author.id);
  b.unhook(author, failing, 38 * 60, 'completed');
  b.mergeRequest(failing, author, 'failed', 38 * 60, { failure: 'conflict merging into convoy/design-tokens-v2 (intermediate merge)', retries: 1, completedMinutesAgo: 19 * 60 });
  b.gitOp({ operation: 'merge', minutesAgoAt: 19 * 60, agent: b.refinery, bead: failing, command: 'git merge --no-ff gt/remove-v1-aliases (into convoy/design-tokens-v2)', failure: { exitCode: 1, stderr: 'CONFLICT (modify/delete): src/tokens/v1.ts deleted in HEAD and modified in gt/remove-v1-aliases.' } });
  // Tracked bead 8 was deleted instead of closed: the tracks edge remains, the bead row is gone.
  const deleted = beads[7]!;
  b.seed.beads = b.seed.beads.filter((x) => x.id !== deleted.id);
  b.seed.bead_events = b.seed.bead_events.filter((e) => e.bead_id !== deleted.id);
  b.event(convoy, 'fields_updated', 19 * 60 - 5, { agentId: b.mayor.id, metadata: { note: `tracked bead ${deleted.id} deleted by mayor cleanup` } });
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
}

/** 7. "The Mayor isn't responding": the Mayor's session errored inside a tool-call loop. */
export function mayorDysfunction(b: TownBuilder): Tails {
  const mayor = b.mayor;
  const mayorState = b.seed.mayor!;
  const loopError = 'Session aborted: tool call loop detected (read called 48 times with identical input in 6 min)';
  Object.assign(mayorState, {
    session_state: 'errored',
    session_error: loopError,
    last_activity_at: b.ago(41),
    last_user_message: { text: 'Can you split the onboarding epic into beads and start on the email templates?', at: b.ago(38), answered: false },
  });
  mayorState.system_prompt_context = { ...mayorState.system_prompt_context, open_beads: '(context render failed: 0 beads listed — stale snapshot from 2026-11-17)' };
  b.setStatus(mayor, 'working', 47, 'user message');
  mayor.last_activity_at = b.ago(41);
  mayor.active_tools = ['read'];
  mayor.agent_status_message = 'Reading town state';
  const proc = b.seed.processes.find((p) => p.agent_id === mayor.id);
  if (proc) Object.assign(proc, { status: 'failed', exited_at: b.ago(41), exit_code: 1, memory_mb: null });
  b.containerEvent('error', 41, { exitCode: 1, reason: 'session error', message: `Mayor session errored: ${loopError}`, metadata: { agent_id: mayor.id } });
  const tail: SdkStreamSpec['tail'] = [
    { type: 'message.created', at: b.ago(47), properties: { info: { role: 'user' }, text: 'Can you split the onboarding epic into beads and start on the email templates?' } },
  ];
  for (let i = 0; i < 12; i++) {
    tail.push({ type: 'message_part.updated', at: b.ago(46 - i * 0.4), properties: { part: { type: 'tool', tool: 'read', callID: `call_loop${i}`, state: { status: 'completed', input: { filePath: '.gastown/town-state.json' }, output: '{"beads":[]}' } } } });
  }
  tail.push({ type: 'error', at: b.ago(41), properties: { error: { name: 'ToolLoopError', message: loopError } } });
  tail.push({ type: 'session.idle', at: b.ago(41), properties: {} });
  return { [mayor.id]: tail };
}

/** 8. "I'm being charged but nothing is happening": zombies burn tokens; the refinery re-reviews one MR. */
export function silentConsumption(b: TownBuilder): Tails {
  const zombies = [b.polecats[1 % b.polecats.length]!, b.polecats[3 % b.polecats.length]!];
  for (const agent of b.polecats) {
    if (agent.current_hook_bead_id) {
      const bead = b.seed.beads.find((x) => x.id === agent.current_hook_bead_id)!;
      b.unhook(agent, bead, 14 * 60 + 30, 'completed');
      b.setBeadStatus(bead, 'closed', 14 * 60 + 20, agent.id);
    }
    b.setStatus(agent, 'idle', 14 * 60, 'work submitted');
    agent.last_activity_at = agent.status_since;
    agent.active_tools = [];
    agent.agent_status_message = null;
  }
  // Nobody but the zombies has worked since the last work was submitted 14 h ago.
  const since = b.ago(14 * 60 + 30);
  b.seed.usage = b.seed.usage.filter((u) => u.at < since || !b.polecats.some((p) => p.id === u.agent_id));
  b.seed.processes = b.seed.processes.filter((p) => p.agent_id === b.mayor.id || p.agent_id === b.refinery.id || zombies.some((z) => z.id === p.agent_id));
  // Polecats that went idle stop spending: drop the usage ticks their earlier work left after that.
  const idleSince = b.ago(14 * 60);
  b.seed.usage = b.seed.usage.filter((u) => u.at <= idleSince || !b.polecats.some((p) => p.id === u.agent_id && !zombies.includes(p)));
  for (const zombie of zombies) {
    b.setStatus(zombie, 'working', 13 * 60 + 50, 'session resumed without a hook');
    zombie.last_activity_at = b.ago(1);
    zombie.agent_status_message = 'Re-reading repository';
    zombie.active_tools = ['read'];
    if (!b.seed.processes.some((p) => p.agent_id === zombie.id)) b.addProcess(zombie, 13 * 60 + 50);
    b.usage(zombie, null, 13 * 60 + 50, 13 * 60 + 50, 52_000);
  }
  b.seed.container.idle_since = b.ago(14 * 60);
  const churn = b.addBead({ title: 'Tune warehouse partition pruning', createdMinutesAgo: 20 * 60 });
  const author = b.polecats[0]!;
  b.hook(author, churn, 19 * 60);
  b.setBeadStatus(churn, 'in_review', 18 * 60, author.id);
  b.unhook(author, churn, 18 * 60, 'completed');
  const mr = b.mergeRequest(churn, author, 'running', 18 * 60, { retries: 7 });
  for (let i = 0; i < 7; i++) b.event(mr, 'rework_requested', 17 * 60 - i * 130, { agentId: b.refinery.id, metadata: { retry: i + 1 } });
  b.usage(b.refinery, churn, 17 * 60, 17 * 60, 18_000);
  b.setStatus(b.refinery, 'working', 17 * 60, `re-reviewing ${mr.id}`);
  return {};
}
