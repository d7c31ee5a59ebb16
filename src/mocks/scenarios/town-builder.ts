import type {
  Agent,
  AgentRole,
  AgentStatus,
  Assignment,
  Bead,
  BeadEventType,
  BeadPriority,
  BeadStatus,
  BeadType,
  ContainerEventType,
  DependencyType,
  GitOperation,
  ReviewState,
} from '../../api/schemas';
import { ISSUE_TITLES, identityFor, polecatName } from './names';
import { createRng, minutesAgo, type Rng } from './random';
import type { ScenarioKind, TownSeed } from './types';

export interface TownOptions {
  seed: number;
  name: string;
  ownerId: string;
  /** Anchor time in epoch ms. */
  now: number;
  scenario: ScenarioKind;
  /** GitHub organisation of the town's repositories. */
  org: string;
  rigs: string[];
  polecats: number;
  /** Finished work items to generate as history. */
  closedBeads: number;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Builds a healthy, busy town with believable history; scenario functions then break it in one
 * specific way and leave the evidence of the root cause where production would record it.
 */
export class TownBuilder {
  readonly rng: Rng;
  readonly now: number;
  readonly seed: TownSeed;
  readonly mayor: Agent;
  readonly refinery: Agent;
  readonly polecats: Agent[] = [];
  private titleIndex = 0;
  /** Hooks an agent had before a historical hook, restored when that hook ends. */
  private readonly previousHooks = new Map<string, (string | null)[]>();

  constructor(readonly options: TownOptions) {
    this.rng = createRng(options.seed);
    this.now = options.now;
    const townId = this.rng.uuid();
    const created = this.ago(21 * DAY + this.rng.int(0, 600));
    this.seed = {
      scenario: options.scenario,
      town: { id: townId, name: options.name, owner_user_id: options.ownerId, created_at: created, updated_at: this.ago(3) },
      rigs: [],
      beads: [],
      bead_events: [],
      dependencies: [],
      agents: [],
      agent_status_history: [],
      assignments: [],
      convoys: [],
      reviews: [],
      review_samples: [],
      container: {
        instance_id: `ctr-${this.rng.hex(12)}`,
        status: 'running',
        health: 'ok',
        image: 'registry.cloudflare.com/kilo/gastown-container:2026.11.18',
        started_at: this.ago(2 * DAY + 190),
        last_restart_at: this.ago(2 * DAY + 190),
        idle_since: null,
        memory_limit_mb: 4096,
        version: 1,
      },
      processes: [],
      container_events: [],
      resource_samples: [],
      config: {
        default_model: 'anthropic/claude-sonnet-4.6',
        role_models: { mayor: 'anthropic/claude-opus-4.5', refinery: 'anthropic/claude-sonnet-4.6' },
        small_model: 'anthropic/claude-haiku-4.5',
        max_polecats_per_rig: 5,
        merge_strategy: 'pr',
        refinery: { gates: ['npm test', 'npm run lint'], auto_merge: true, require_clean_merge: true, code_review: true, review_mode: 'always' },
        alarm_intervals: { patrol_seconds: 60, gupp_nudge_seconds: 1800, escalation_seconds: 3600, pr_poll_seconds: 60 },
        container: { sleep_after_minutes: 30 },
        custom_instructions: { polecat: 'Run the full test suite before submitting. Keep commits small.' },
        git_auth: { provider: 'github', mode: 'integration', platform_integration_id: null },
        version: 3,
        updated_at: this.ago(6 * DAY),
      },
      env: [
        { key: 'NODE_ENV', value: 'production', secret: false },
        { key: 'KILO_LOG_LEVEL', value: 'info', secret: false },
        { key: 'GIT_AUTHOR_NAME', value: 'Gastown', secret: false },
        { key: 'GITHUB_TOKEN', value: `ghs_${this.rng.hex(36)}`, secret: true },
        { key: 'ANTHROPIC_API_KEY', value: `sk-ant-api03-${this.rng.hex(40)}`, secret: true },
        { key: 'SENTRY_DSN', value: `https://${this.rng.hex(32)}@o4507.ingest.sentry.io/45`, secret: true },
      ],
      git_token: null,
      rig_configs: [],
      credentials: [],
      credential_events: [],
      git_operations: [],
      dispatch_attempts: [],
      usage: [],
      mayor: null,
      sdk_streams: [],
      audit_log: [],
    };
    this.addRigs();
    this.mayor = this.addAgent('mayor', 'Mayor', null, 'working');
    this.refinery = this.addAgent('refinery', 'Refinery', this.seed.rigs[0]!.id, 'idle');
    for (let i = 0; i < options.polecats; i++) {
      const rig = this.seed.rigs[i % this.seed.rigs.length]!;
      this.polecats.push(this.addAgent('polecat', polecatName(i), rig.id, 'idle'));
    }
    this.seed.config.git_auth.platform_integration_id = this.seed.rigs[0]!.platform_integration_id;
  }

  get townId(): string {
    return this.seed.town.id;
  }

  ago(minutes: number): string {
    return minutesAgo(this.now, minutes);
  }

  minutesSince(iso: string): number {
    return (this.now - Date.parse(iso)) / 60_000;
  }

  nextTitle(): string {
    const title = ISSUE_TITLES[this.titleIndex % ISSUE_TITLES.length]!;
    const round = Math.floor(this.titleIndex / ISSUE_TITLES.length);
    this.titleIndex++;
    return round === 0 ? title : `${title} (part ${round + 1})`;
  }

  private addRigs() {
    for (const name of this.options.rigs) {
      const integrationId = `ghi_${this.rng.int(40_000_000, 59_999_999)}`;
      const created = this.ago(20 * DAY + this.rng.int(0, 300));
      this.seed.rigs.push({
        id: this.rng.uuid(),
        town_id: this.townId,
        name,
        git_url: `https://github.com/${this.options.org}/${name}.git`,
        default_branch: 'main',
        platform_integration_id: integrationId,
        integration: { id: integrationId, provider: 'github', account: this.options.org, status: 'active', linked_at: created },
        created_at: created,
        updated_at: created,
      });
    }
  }

  addAgent(role: AgentRole, name: string, rigId: string | null, status: AgentStatus): Agent {
    const created = this.ago(20 * DAY - this.seed.agents.length * 7);
    const agent: Agent = {
      id: this.rng.uuid(),
      rig_id: rigId,
      role,
      name,
      identity: identityFor(name, role, rigId, this.townId),
      status,
      status_since: this.ago(this.rng.int(20, 90)),
      current_hook_bead_id: null,
      dispatch_attempts: 0,
      last_activity_at: this.ago(this.rng.int(5, 40)),
      checkpoint: null,
      agent_status_message: null,
      active_tools: [],
      stalled_at: null,
      container_process_id: null,
      created_at: created,
      version: 1,
    };
    this.seed.agents.push(agent);
    this.seed.agent_status_history.push({ agent_id: agent.id, status: 'idle', at: created, reason: 'spawned' });
    return agent;
  }

  setStatus(agent: Agent, status: AgentStatus, minutesAgoAt: number, reason: string | null) {
    agent.status = status;
    agent.status_since = this.ago(minutesAgoAt);
    if (status === 'stalled') agent.stalled_at = agent.status_since;
    this.seed.agent_status_history.push({ agent_id: agent.id, status, at: agent.status_since, reason });
  }

  addBead(input: {
    title: string;
    type?: BeadType;
    status?: BeadStatus;
    priority?: BeadPriority;
    createdMinutesAgo: number;
    rigId?: string | null;
    body?: string;
    labels?: string[];
    metadata?: Record<string, unknown>;
    createdBy?: string;
  }): Bead {
    const created = this.ago(input.createdMinutesAgo);
    const bead: Bead = {
      id: this.rng.uuid(),
      type: input.type ?? 'issue',
      status: 'open',
      title: input.title,
      body: input.body ?? `${input.title}.\n\nAcceptance: tests pass, no lint errors, behaviour documented in the PR description.`,
      rig_id: input.rigId === undefined ? this.seed.rigs[0]!.id : input.rigId,
      parent_bead_id: null,
      assignee_agent_bead_id: null,
      priority: input.priority ?? this.rng.pick(['low', 'medium', 'medium', 'medium', 'high'] as const),
      labels: input.labels ?? [],
      metadata: input.metadata ?? {},
      dispatch_attempts: 0,
      last_dispatch_attempt_at: null,
      created_by: input.createdBy ?? 'mayor',
      created_at: created,
      updated_at: created,
      closed_at: null,
      version: 1,
    };
    this.seed.beads.push(bead);
    this.event(bead, 'created', input.createdMinutesAgo, { newValue: 'open', agentId: this.mayor.id });
    if (input.status && input.status !== 'open') this.setBeadStatus(bead, input.status, input.createdMinutesAgo, null);
    return bead;
  }

  event(
    bead: Bead,
    type: BeadEventType,
    minutesAgoAt: number,
    opts: { oldValue?: string | null; newValue?: string | null; agentId?: string | null; metadata?: Record<string, unknown> } = {},
  ) {
    const at = this.ago(minutesAgoAt);
    this.seed.bead_events.push({
      id: this.rng.uuid(),
      bead_id: bead.id,
      agent_id: opts.agentId ?? null,
      event_type: type,
      old_value: opts.oldValue ?? null,
      new_value: opts.newValue ?? null,
      metadata: opts.metadata ?? {},
      created_at: at,
    });
    if (Date.parse(at) > Date.parse(bead.updated_at)) bead.updated_at = at;
  }

  setBeadStatus(bead: Bead, status: BeadStatus, minutesAgoAt: number, agentId: string | null) {
    if (bead.status === status) return;
    this.event(bead, 'status_changed', minutesAgoAt, { oldValue: bead.status, newValue: status, agentId });
    bead.status = status;
    bead.version++;
    if (status === 'closed' || status === 'failed') {
      bead.closed_at = this.ago(minutesAgoAt);
      if (status === 'closed') this.event(bead, 'closed', minutesAgoAt, { agentId });
    }
  }

  /** GUPP: binds the agent to the bead (bead → in_progress), with a successful dispatch. */
  hook(agent: Agent, bead: Bead, minutesAgoAt: number, opts: { attempt?: number } = {}) {
    bead.assignee_agent_bead_id = agent.id;
    bead.metadata = { ...bead.metadata, branch: `gt/${agent.name.toLowerCase()}/${bead.id.slice(0, 8)}` };
    this.event(bead, 'assigned', minutesAgoAt, { newValue: agent.id, agentId: agent.id });
    this.event(bead, 'hooked', minutesAgoAt, { newValue: agent.id, agentId: agent.id });
    this.dispatch(bead, agent, minutesAgoAt, opts.attempt ?? 1, null);
    this.setBeadStatus(bead, 'in_progress', minutesAgoAt, agent.id);
    const stack = this.previousHooks.get(agent.id) ?? [];
    stack.push(agent.current_hook_bead_id);
    this.previousHooks.set(agent.id, stack);
    agent.current_hook_bead_id = bead.id;
    this.seed.assignments.push({
      agent_id: agent.id,
      agent_name: agent.name,
      role: agent.role,
      bead_id: bead.id,
      bead_title: bead.title,
      started_at: this.ago(minutesAgoAt),
      ended_at: null,
      outcome: 'active',
    });
  }

  /** Ends the agent's current assignment of this bead. */
  unhook(agent: Agent, bead: Bead, minutesAgoAt: number, outcome: Assignment['outcome']) {
    const assignment = [...this.seed.assignments].reverse().find((a) => a.agent_id === agent.id && a.bead_id === bead.id && !a.ended_at);
    if (assignment) {
      assignment.ended_at = this.ago(minutesAgoAt);
      assignment.outcome = outcome;
    }
    this.event(bead, 'unhooked', minutesAgoAt, { oldValue: agent.id, agentId: agent.id });
    // Scenarios add past work after the present was set up: give the agent back its current hook.
    if (agent.current_hook_bead_id === bead.id) agent.current_hook_bead_id = this.previousHooks.get(agent.id)?.pop() ?? null;
  }

  dispatch(bead: Bead, agent: Agent | null, minutesAgoAt: number, attempt: number, error: { status: number | null; response: string | null; message: string } | null) {
    bead.dispatch_attempts = Math.max(bead.dispatch_attempts, attempt);
    bead.last_dispatch_attempt_at = this.ago(minutesAgoAt);
    if (agent) agent.dispatch_attempts = Math.max(agent.dispatch_attempts, attempt);
    this.seed.dispatch_attempts.push({
      id: this.rng.uuid(),
      bead_id: bead.id,
      agent_id: agent?.id ?? null,
      attempt_number: attempt,
      outcome: error ? 'failed' : 'success',
      container_status: error ? error.status : 200,
      container_response: error ? error.response : '{"ok":true,"sessionID":"ses_' + this.rng.hex(10) + '"}',
      error_message: error ? error.message : null,
      created_at: this.ago(minutesAgoAt),
    });
  }

  depend(bead: Bead, dependsOn: Bead, type: DependencyType = 'blocks') {
    this.seed.dependencies.push({ bead_id: bead.id, depends_on_bead_id: dependsOn.id, dependency_type: type });
  }

  gitOp(input: {
    operation: GitOperation['operation'];
    minutesAgoAt: number;
    agent?: Agent | null;
    bead?: Bead | null;
    rigId?: string;
    failure?: { exitCode: number; stderr: string };
    command?: string;
  }) {
    const rigId = input.rigId ?? input.bead?.rig_id ?? this.seed.rigs[0]!.id;
    const rig = this.seed.rigs.find((r) => r.id === rigId) ?? this.seed.rigs[0]!;
    const branch = (input.bead?.metadata.branch as string | undefined) ?? 'main';
    const defaultCommand = {
      clone: `git clone --depth 50 ${rig.git_url} /workspace/${rig.name}`,
      fetch: 'git fetch origin --prune',
      pull: `git pull --rebase origin ${branch}`,
      push: `git push origin ${branch}`,
      merge: `git merge --no-ff ${branch}`,
    }[input.operation];
    this.seed.git_operations.push({
      id: this.rng.uuid(),
      rig_id: rigId,
      agent_id: input.agent?.id ?? null,
      bead_id: input.bead?.id ?? null,
      operation: input.operation,
      command: input.command ?? defaultCommand,
      outcome: input.failure ? 'failure' : 'success',
      exit_code: input.failure ? input.failure.exitCode : 0,
      stderr_excerpt: input.failure ? input.failure.stderr : null,
      duration_ms: this.rng.int(300, input.operation === 'clone' ? 9000 : 2500),
      created_at: this.ago(input.minutesAgoAt),
    });
  }

  containerEvent(type: ContainerEventType, minutesAgoAt: number, opts: { exitCode?: number; reason?: string; message?: string; metadata?: Record<string, unknown> } = {}) {
    this.seed.container_events.push({
      id: this.rng.uuid(),
      event_type: type,
      exit_code: opts.exitCode ?? null,
      reason: opts.reason ?? null,
      message: opts.message ?? null,
      metadata: opts.metadata ?? {},
      created_at: this.ago(minutesAgoAt),
    });
  }

  /** A merge-request bead tracking `source`, in the refinery's queue. */
  mergeRequest(source: Bead, author: Agent, state: ReviewState, minutesAgoAt: number, opts: { retries?: number; failure?: string; prUrl?: string | null; completedMinutesAgo?: number } = {}) {
    const branch = (source.metadata.branch as string | undefined) ?? `gt/${author.name.toLowerCase()}/${source.id.slice(0, 8)}`;
    const mr = this.addBead({
      title: `Merge: ${source.title}`,
      type: 'merge_request',
      createdMinutesAgo: minutesAgoAt,
      rigId: source.rig_id,
      priority: source.priority,
      createdBy: author.name,
      metadata: { branch, source_bead_id: source.id },
      body: `Review and merge ${branch} into main.`,
    });
    this.depend(mr, source, 'tracks');
    this.event(source, 'review_submitted', minutesAgoAt, { agentId: author.id, newValue: mr.id });
    const started = state === 'pending' ? null : minutesAgoAt - 2;
    const completed = state === 'merged' || state === 'failed' ? (opts.completedMinutesAgo ?? Math.max(0, minutesAgoAt - 12)) : null;
    const prNumber = this.rng.int(120, 980);
    const repo = this.seed.rigs.find((r) => r.id === source.rig_id) ?? this.seed.rigs[0]!;
    const prUrl = opts.prUrl === undefined ? (this.seed.config.merge_strategy === 'pr' ? `${repo.git_url.replace(/\.git$/, '')}/pull/${prNumber}` : null) : opts.prUrl;
    if (state === 'running' || state === 'pending') {
      this.setBeadStatus(mr, state === 'running' ? 'in_progress' : 'open', started ?? minutesAgoAt, this.refinery.id);
    } else if (state === 'merged') {
      this.setBeadStatus(mr, 'closed', completed!, this.refinery.id);
      this.event(source, 'review_completed', completed!, { agentId: this.refinery.id, newValue: 'merged' });
    } else {
      this.setBeadStatus(mr, 'in_progress', started!, this.refinery.id);
      this.event(source, 'review_completed', completed!, { agentId: this.refinery.id, newValue: 'failed', metadata: { reason: opts.failure ?? null } });
    }
    const mergeCommit = state === 'merged' ? this.rng.hex(40) : null;
    this.seed.reviews.push({
      bead_id: mr.id,
      source_bead_id: source.id,
      branch,
      target_branch: 'main',
      pr_url: prUrl,
      pr_state: prUrl ? (state === 'merged' ? 'merged' : 'open') : null,
      review_state: state,
      failure_reason: state === 'failed' ? (opts.failure ?? 'gates failed') : null,
      refinery_agent_id: state === 'pending' ? null : this.refinery.id,
      retry_count: opts.retries ?? 0,
      merge_commit: mergeCommit,
      enqueued_at: this.ago(minutesAgoAt),
      started_at: started === null ? null : this.ago(started),
      completed_at: completed === null ? null : this.ago(completed),
    });
    if (state === 'merged') {
      this.gitOp({ operation: 'merge', minutesAgoAt: completed! + 1, agent: this.refinery, bead: source });
      this.gitOp({ operation: 'push', minutesAgoAt: completed!, agent: this.refinery, bead: source, command: 'git push origin main' });
    }
    return mr;
  }

  /** A finished piece of work: hooked, worked, reviewed, merged, closed. */
  completedWork(agent: Agent, minutesAgoAt: number, durationMinutes: number) {
    const bead = this.addBead({ title: this.nextTitle(), createdMinutesAgo: minutesAgoAt + this.rng.int(5, 90) });
    this.hook(agent, bead, minutesAgoAt);
    const submitted = minutesAgoAt - durationMinutes;
    this.gitOp({ operation: 'pull', minutesAgoAt: minutesAgoAt - 1, agent, bead });
    this.gitOp({ operation: 'push', minutesAgoAt: submitted + 1, agent, bead });
    this.setBeadStatus(bead, 'in_review', submitted, agent.id);
    this.unhook(agent, bead, submitted, 'completed');
    this.mergeRequest(bead, agent, 'merged', submitted, { completedMinutesAgo: submitted - this.rng.int(6, 25) });
    this.setBeadStatus(bead, 'closed', submitted - 26, this.refinery.id);
    this.usage(agent, bead, minutesAgoAt, durationMinutes, 9000);
    return bead;
  }

  /** Usage rows, one per 10-minute tick, spread over the window. */
  usage(agent: Agent, bead: Bead | null, startMinutesAgo: number, durationMinutes: number, tokensPerTick: number) {
    for (let m = startMinutesAgo; m > startMinutesAgo - durationMinutes && m >= 0; m -= 10) {
      const input = Math.round(tokensPerTick * (0.7 + this.rng.next() * 0.6));
      const output = Math.round(input * 0.12);
      this.seed.usage.push({
        agent_id: agent.id,
        bead_id: bead?.id ?? null,
        at: this.ago(m),
        input_tokens: input,
        output_tokens: output,
        // ~$3 / M input, $15 / M output (micro-dollars)
        cost_microdollars: input * 3 + output * 15,
      });
    }
  }

  /** Gives a working polecat a bead in progress with fresh activity. */
  activeWork(agent: Agent, hookedMinutesAgo: number) {
    const bead = this.addBead({ title: this.nextTitle(), createdMinutesAgo: hookedMinutesAgo + this.rng.int(3, 40) });
    this.hook(agent, bead, hookedMinutesAgo);
    this.gitOp({ operation: 'clone', minutesAgoAt: hookedMinutesAgo - 1, agent, bead });
    this.setStatus(agent, 'working', hookedMinutesAgo, `hooked ${bead.id}`);
    agent.last_activity_at = this.ago(this.rng.int(0, 3));
    agent.agent_status_message = this.rng.pick(['Running tests', 'Editing files', 'Reading the codebase', 'Fixing lint errors']);
    agent.active_tools = [this.rng.pick(['bash', 'edit', 'read'])];
    this.usage(agent, bead, hookedMinutesAgo, hookedMinutesAgo, 11000);
    return bead;
  }

  /** Fills in the history a healthy town accumulates; scenarios run after this. */
  populate() {
    const { polecats } = this;
    // Finished work spread over the last 20 days.
    for (let i = 0; i < this.options.closedBeads; i++) {
      const agent = polecats[i % polecats.length]!;
      const at = Math.round(20 * DAY - (i * (20 * DAY - 3 * HOUR)) / Math.max(1, this.options.closedBeads));
      this.completedWork(agent, at, this.rng.int(18, 95));
    }
    this.landedConvoy();
    // Half of the polecats are busy right now, the rest idle.
    polecats.forEach((agent, i) => {
      if (i % 2 === 0) this.activeWork(agent, this.rng.int(12, 55));
      else {
        this.setStatus(agent, 'idle', this.rng.int(20, 200), 'work submitted');
        agent.last_activity_at = agent.status_since;
      }
    });
    // One review in flight and one waiting; a couple of fresh open beads.
    const reviewSource = this.addBead({ title: this.nextTitle(), createdMinutesAgo: 70 });
    this.hook(polecats[1 % polecats.length]!, reviewSource, 60);
    this.setBeadStatus(reviewSource, 'in_review', 14, polecats[1 % polecats.length]!.id);
    this.unhook(polecats[1 % polecats.length]!, reviewSource, 14, 'completed');
    this.mergeRequest(reviewSource, polecats[1 % polecats.length]!, 'running', 14);
    this.setStatus(this.refinery, 'working', 12, 'reviewing');
    this.refinery.last_activity_at = this.ago(1);
    this.refinery.active_tools = ['bash'];
    this.refinery.agent_status_message = 'Running gates: npm test';
    for (let i = 0; i < 3; i++) this.addBead({ title: this.nextTitle(), createdMinutesAgo: this.rng.int(2, 12), priority: 'medium' });
    this.addBead({ title: 'Mail: weekly status digest', type: 'message', createdMinutesAgo: 3 * DAY, status: 'closed', rigId: null });
    this.mayorState();
    this.containerBaseline();
    this.credentialBaseline();
    this.usage(this.mayor, null, 6 * HOUR, 6 * HOUR, 1500);
    this.usage(this.refinery, null, 12, 12, 6000);
    this.mayor.last_activity_at = this.ago(2);
    this.setStatus(this.mayor, 'working', 4, 'user message');
  }

  landedConvoy() {
    const convoy = this.addBead({ title: 'Convoy: Q4 accessibility pass', type: 'convoy', createdMinutesAgo: 9 * DAY, rigId: null, priority: 'high' });
    const tracked: Bead[] = [];
    for (let i = 0; i < 4; i++) {
      const bead = this.completedWork(this.polecats[i % this.polecats.length]!, 9 * DAY - 120 - i * 180, 60);
      this.depend(convoy, bead, 'tracks');
      if (tracked.length > 0) this.depend(bead, tracked[tracked.length - 1]!, 'blocks');
      tracked.push(bead);
    }
    this.setBeadStatus(convoy, 'closed', 8 * DAY, this.refinery.id);
    this.seed.convoys.push({
      bead_id: convoy.id,
      total_beads: 4,
      closed_beads: 4,
      landed_at: this.ago(8 * DAY),
      feature_branch: 'convoy/q4-accessibility',
      target_branch: 'main',
      staged: false,
      merge_mode: 'review-then-land',
      landing_mr_bead_id: null,
    });
  }

  mayorState() {
    this.seed.mayor = {
      agent_id: this.mayor.id,
      session_id: `ses_${this.rng.hex(20)}`,
      session_state: 'active',
      session_error: null,
      last_activity_at: this.ago(2),
      last_user_message: { text: 'What is the status of the open convoy?', at: this.ago(4), answered: true },
      system_prompt: [
        `You are the Mayor of the Gastown town "${this.options.name}".`,
        'You coordinate polecats (workers) and the refinery (review and merge).',
        'Break the user\'s requests into beads, sling them to polecats, and keep convoys moving.',
        'Never push to main yourself. Escalate when a bead fails dispatch 5 times.',
        '',
        '## Town context',
        '{{rigs}}',
        '{{open_beads}}',
        '{{agents}}',
      ].join('\n'),
      system_prompt_context: {
        rigs: this.seed.rigs.map((r) => `${r.name} (${r.git_url}, ${r.default_branch})`).join('; '),
        open_beads: 'filled at session start',
        agents: this.polecats.map((p) => p.name).join(', '),
      },
    };
  }

  containerBaseline() {
    const started = this.minutesSince(this.seed.container.started_at!);
    this.containerEvent('start', started, { message: 'container started (cold start 41 s)', metadata: { cold_start_ms: 41_200 } });
    for (let night = 1; night >= 0; night--) {
      const sleepAt = night * DAY + 16 * HOUR;
      if (sleepAt < started) {
        this.containerEvent('sleep', sleepAt, { reason: 'idle for 30 min' });
        this.containerEvent('wake', sleepAt - 7 * HOUR, { reason: 'dispatch' });
      }
    }
    for (const agent of this.seed.agents) {
      const running = agent.role !== 'polecat' || agent.status === 'working';
      if (!running) continue;
      this.addProcess(agent, agent.role === 'polecat' ? this.minutesSince(agent.status_since) : this.minutesSince(this.seed.container.started_at!) - 1);
    }
    for (let m = 24 * HOUR; m >= 0; m -= 10) {
      const active = this.seed.processes.filter((p) => p.status === 'running').length;
      this.seed.resource_samples.push({
        at: this.ago(m),
        memory_mb: Math.round(420 + active * 310 + this.rng.int(-60, 60)),
        memory_limit_mb: this.seed.container.memory_limit_mb,
        cpu_percent: Math.round((8 + active * 9 + this.rng.next() * 10) * 10) / 10,
        active_processes: active,
      });
    }
    for (let m = 24 * HOUR; m >= 0; m -= 15) {
      this.seed.review_samples.push({ at: this.ago(m), depth: this.rng.int(0, 2), processed: this.rng.int(0, 2) });
    }
  }

  addProcess(agent: Agent, startedMinutesAgo: number, status: 'running' | 'exited' | 'failed' = 'running', exit?: { code: number; minutesAgo: number }) {
    const processId = `proc_${this.rng.hex(10)}`;
    agent.container_process_id = processId;
    this.seed.processes.push({
      process_id: processId,
      agent_id: agent.id,
      agent_name: agent.name,
      pid: this.rng.int(200, 9000),
      command: `kilo serve --session ${agent.identity}`,
      status,
      started_at: this.ago(startedMinutesAgo),
      exited_at: exit ? this.ago(exit.minutesAgo) : null,
      exit_code: exit ? exit.code : null,
      memory_mb: status === 'running' ? this.rng.int(240, 520) : null,
    });
    return processId;
  }

  credentialBaseline() {
    for (const rig of this.seed.rigs) {
      this.seed.credentials.push({
        rig_id: rig.id,
        rig_name: rig.name,
        source: 'integration',
        integration_id: rig.platform_integration_id,
        status: 'valid',
        last_resolved_at: this.ago(12),
        token_expires_at: minutesAgo(this.now, -48),
        last_error: null,
        last_verified_at: this.ago(12),
        verification: 'ok',
      });
      for (let m = 24 * HOUR - 12; m >= 12; m -= HOUR) {
        this.seed.credential_events.push({
          id: this.rng.uuid(),
          rig_id: rig.id,
          integration_id: rig.platform_integration_id,
          kind: 'resolve',
          outcome: 'success',
          error: null,
          token_expires_at: minutesAgo(this.now, m - 60),
          created_at: this.ago(m),
        });
      }
      this.seed.rig_configs.push({ rig_id: rig.id, max_polecats: null, model_override: null, custom_instructions: null, version: 1 });
    }
  }

  /** SDK streams for every agent, ending at its last activity, with optional scripted tails. */
  streams(sizes: Record<string, number> = {}, tails: Record<string, TownSeed['sdk_streams'][number]['tail']> = {}) {
    for (const agent of this.seed.agents) {
      const tail = tails[agent.id] ?? [];
      const last = tail.length ? tail[tail.length - 1]!.at : (agent.last_activity_at ?? this.ago(60));
      this.seed.sdk_streams.push({
        agent_id: agent.id,
        seed: this.rng.int(1, 2 ** 31 - 1),
        total: Math.max(sizes[agent.id] ?? this.rng.int(300, 2400), tail.length + 1),
        first_at: agent.created_at,
        last_at: last,
        session_id: `ses_${this.rng.hex(20)}`,
        tail,
      });
    }
  }

  build(): TownSeed {
    const latest = [
      ...this.seed.bead_events.map((e) => e.created_at),
      ...this.seed.agents.map((a) => a.last_activity_at ?? a.created_at),
    ].sort();
    this.seed.town.updated_at = latest[latest.length - 1] ?? this.seed.town.updated_at;
    return this.seed;
  }
}
