import { expect } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import type { ActionName, TownSummary } from '../schemas';
import { agentNamed, agentRow, beadRow, beadTitled, reviewEntry } from './lookups';

export interface CaseContext {
  api: ApiClient;
  town: TownSummary;
}

export interface Target {
  /** The target's id (the town's id for town, container and config targets). */
  id: string;
  params: Record<string, unknown>;
}

/**
 * One action of the registry, acted on for real in a scenario town. The generic checks (dry run,
 * refusals, audit, idempotency, versions) live in actions.contract.ts; a case says only what is
 * particular to its action.
 */
export interface ActionCase<T extends Target, S> {
  /**
   * One of Dana's towns. On the worker every case acts on one seeded world in table order, so a
   * case's target is one no other case's action touches (or only in ways that keep it valid).
   */
  town: string;
  /** Finds the target (and any related ids `read` needs) and chooses the parameters. */
  target(ctx: CaseContext): Promise<T>;
  /** Reads, through the API, what the action changes: equal between two reads when nothing acted. */
  read(ctx: CaseContext, target: T): Promise<S>;
  /** Asserts, on the state read back, that the action did what it says. */
  changed(after: S, before: S, target: T): void;
  /** The parameters as the audit log must show them, when not as sent (secrets masked). */
  audited?: Record<string, unknown>;
  /** Values that must appear in no answer to the action and in no audit entry. */
  secrets?: string[];
}

/** Types one case (its target and read state inferred) and erases those types for the table. */
function defineCase<T extends Target, S>(c: ActionCase<T, S>): ActionCase<Target, unknown> {
  return c as unknown as ActionCase<Target, unknown>;
}

const idOf = async (api: ApiClient, townId: string, name: string) => (await agentNamed(api, townId, name)).id;
const mayorOf = async (api: ApiClient, townId: string) => {
  const mayor = await agentNamed(api, townId, 'Mayor');
  const detail = await api.get(endpoints.agent(townId, mayor.id));
  const { tokens_24h: _tokens, last_sdk_event_at: _last, ...agent } = detail.agent;
  return { agent, mayor: detail.mayor! };
};
const hookedPair = async ({ api, town }: CaseContext, t: { id: string; bead: string }) => ({
  agent: await agentRow(api, town.id, t.id),
  bead: await beadRow(api, town.id, t.bead),
});
const beadAndAgent = async ({ api, town }: CaseContext, t: { id: string; agent: string }) => ({
  bead: await beadRow(api, town.id, t.id),
  agent: await agentRow(api, town.id, t.agent),
});
const agentWithProcess = async ({ api, town }: CaseContext, t: { id: string }) => {
  const detail = await api.get(endpoints.agent(town.id, t.id));
  const { status, container_process_id, process_status, current_hook_bead_id: hook } = detail.agent;
  return { status, container_process_id, process_status, process: detail.process, hook };
};
const containerOf = async ({ api, town }: CaseContext) => {
  const c = await api.get(endpoints.container(town.id));
  return {
    status: c.status,
    health: c.health,
    processes: c.processes.map((p) => ({ id: p.process_id, status: p.status })),
    env: c.env_vars,
    sleep_after_minutes: c.sleep_after_minutes,
  };
};
const configOf = async ({ api, town }: CaseContext) => api.get(endpoints.config(town.id));
const rigNamed = async ({ api, town }: CaseContext, name: string) =>
  (await configOf({ api, town })).rigs.find((r) => r.rig.name === name)!.rig;
const convoyOf = async ({ api, town }: CaseContext, id: string) => {
  const detail = await api.get(endpoints.bead(town.id, id));
  return { status: detail.bead.status, convoy: detail.convoy! };
};
const DESIGN_TOKENS = 'Convoy: Design tokens v2 rollout';
const convoyTarget = async ({ api, town }: CaseContext) => (await beadTitled(api, town.id, DESIGN_TOKENS, 'convoy')).id;
const pending = <E extends { review_state: string }>(entries: E[]) => entries.filter((e) => e.review_state === 'pending');

const NEW_TOKEN = 'ghp_contract_0123456789abcdefABCDEF';
const ROTATED_KEY = 'sk-ant-api03-contract-rotated-0123456789';
const PUBLIC_DSN = 'https://0123abcd@o4507.ingest.sentry.io/46';

/** Every action of the registry, with a target in a scenario town that shows its effect. */
export const ACTION_CASES: Record<ActionName, ActionCase<Target, unknown>> = {
  // ── Agents ──
  'agent.force_reset': defineCase({
    town: 'payments-api',
    // The stuck agent: stalled, hooked to the refund bead, its process dead.
    target: async ({ api, town }) => {
      const toast = await agentNamed(api, town.id, 'Toast');
      return { id: toast.id, params: {}, bead: toast.current_hook_bead_id! };
    },
    read: (ctx, t) => hookedPair(ctx, t),
    changed: (after, before) => {
      expect(before.agent).toMatchObject({ status: 'stalled' });
      expect(after.agent).toMatchObject({
        status: 'idle',
        current_hook_bead_id: null,
        hooked_bead_title: null,
        dispatch_attempts: 0,
        stalled_at: null,
      });
      expect(after.bead).toMatchObject({ status: 'open', assignee_agent_bead_id: null });
    },
  }),
  'agent.force_unhook': defineCase({
    town: 'storefront',
    target: async ({ api, town }) => {
      const toast = await agentNamed(api, town.id, 'Toast');
      return { id: toast.id, params: {}, bead: toast.current_hook_bead_id! };
    },
    read: (ctx, t) => hookedPair(ctx, t),
    changed: (after, before) => {
      expect(before.bead).toMatchObject({ status: 'in_progress', assignee_agent_bead_id: before.agent!.id });
      expect(after.agent).toMatchObject({ status: 'idle', current_hook_bead_id: null });
      expect(after.bead).toMatchObject({ status: 'open', assignee_agent_bead_id: null });
    },
  }),
  'agent.force_kill': defineCase({
    town: 'data-warehouse',
    // A zombie of the silent-consumption town: working with no hook, its process burning tokens.
    target: async ({ api, town }) => ({ id: await idOf(api, town.id, 'Maple'), params: {} }),
    read: agentWithProcess,
    changed: (after, before) => {
      expect(before).toMatchObject({ status: 'working', hook: null, process: { status: 'running' } });
      expect(after).toMatchObject({
        status: 'dead',
        process_status: 'exited',
        process: { process_id: before.process!.process_id, status: 'exited', exit_code: 137 },
      });
    },
  }),
  'agent.retry_dispatch': defineCase({
    town: 'payments-api',
    target: async ({ api, town }) => {
      const birch = await agentNamed(api, town.id, 'Birch');
      return { id: birch.id, params: {}, bead: birch.current_hook_bead_id! };
    },
    read: async (ctx, t) => ({ ...(await agentWithProcess(ctx, t)), bead: await beadRow(ctx.api, ctx.town.id, t.bead) }),
    changed: (after, before) => {
      expect(after).toMatchObject({
        status: 'working',
        hook: before.bead!.id,
        process_status: 'starting',
        process: { process_id: after.container_process_id, status: 'starting' },
      });
      expect(after.container_process_id).not.toBe(before.container_process_id);
      expect(after.bead).toMatchObject({ status: 'in_progress', dispatch_attempts: before.bead!.dispatch_attempts + 1 });
    },
  }),
  'agent.delete': defineCase({
    town: 'storefront',
    target: async ({ api, town }) => ({ id: await idOf(api, town.id, 'Shadow'), params: {} }),
    read: async ({ api, town }, t) => agentRow(api, town.id, t.id),
    changed: (after, before) => {
      expect(before).toMatchObject({ role: 'polecat', status: 'idle' });
      expect(after).toBeNull();
    },
  }),

  // ── Beads ──
  'bead.force_close': defineCase({
    town: 'mobile-app',
    // The stuck bead's blocker, failed after its dispatch budget ran out: closing it unblocks the chain.
    target: async ({ api, town }) => ({ id: (await beadTitled(api, town.id, 'Upgrade Firebase SDK to 11.x')).id, params: {} }),
    read: async ({ api, town }, t) => beadRow(api, town.id, t.id),
    changed: (after, before) => {
      expect(before!.status).toBe('failed');
      expect(after).toMatchObject({ status: 'closed', version: before!.version! + 1 });
      expect(after!.closed_at).not.toBe(before!.closed_at);
    },
  }),
  'bead.force_fail': defineCase({
    town: 'docs-site',
    // In review, its author (Birch) now hooked to other work, which the action must leave alone.
    target: async ({ api, town }) => {
      const bead = await beadTitled(api, town.id, 'Add versioned docs sidebar');
      return { id: bead.id, params: {}, agent: bead.assignee_agent_bead_id! };
    },
    read: (ctx, t) => beadAndAgent(ctx, t),
    changed: (after, before) => {
      expect(before.bead!.status).toBe('in_review');
      expect(before.agent!.current_hook_bead_id).not.toBeNull();
      expect(after.bead).toMatchObject({ status: 'failed' });
      expect(after.agent).toEqual(before.agent);
    },
  }),
  'bead.reassign': defineCase({
    town: 'mobile-app',
    target: async ({ api, town }) => {
      const maple = await idOf(api, town.id, 'Maple');
      return {
        id: (await beadTitled(api, town.id, 'Migrate push notifications to FCM HTTP v1')).id,
        params: { agent_id: maple },
        agent: maple,
      };
    },
    read: (ctx, t) => beadAndAgent(ctx, t),
    changed: (after, before, t) => {
      expect(before.agent).toMatchObject({ status: 'idle', current_hook_bead_id: null });
      expect(after.bead).toMatchObject({ status: 'in_progress', assignee_agent_bead_id: t.agent });
      expect(after.agent).toMatchObject({ status: 'working', current_hook_bead_id: t.id, hooked_bead_title: before.bead!.title });
    },
  }),
  'bead.change_priority': defineCase({
    town: 'payments-api',
    target: async ({ api, town }) => ({
      id: (await beadTitled(api, town.id, 'Handle 429s from the shipping rate API')).id,
      params: { priority: 'high' },
    }),
    read: async ({ api, town }, t) => beadRow(api, town.id, t.id),
    changed: (after, before) => {
      expect(before!.priority).toBe('medium');
      expect(after).toMatchObject({ ...before, priority: 'high', version: before!.version! + 1, updated_at: expect.any(String) });
    },
  }),
  // ── Escalations ──
  'escalation.acknowledge': defineCase({
    town: 'mobile-app',
    // The Mayor's critical escalation about the failed Firebase upgrade, raised twice more, unacknowledged.
    target: async ({ api, town }) => ({
      id: (await api.get(endpoints.escalations(town.id))).items.find((e) => e.severity === 'critical' && !e.acknowledged)!.bead_id,
      params: {},
    }),
    read: async ({ api, town }, t) => (await api.get(endpoints.escalations(town.id))).items.find((e) => e.bead_id === t.id)!,
    changed: (after, before) => {
      expect(before).toMatchObject({ acknowledged: false, acknowledged_by: null, re_escalation_count: 2, status: 'open' });
      expect(after).toMatchObject({ ...before, acknowledged: true, acknowledged_by: 'Alex Ops', acknowledged_at: expect.any(String) });
    },
  }),
  'bead.unhook': defineCase({
    town: 'infra-terraform',
    target: async ({ api, town }) => {
      const bead = await beadTitled(api, town.id, 'Introduce a typed config loader');
      return { id: bead.id, params: {}, agent: bead.assignee_agent_bead_id! };
    },
    read: (ctx, t) => beadAndAgent(ctx, t),
    changed: (after, before, t) => {
      expect(before.agent).toMatchObject({ current_hook_bead_id: t.id });
      expect(after.bead).toMatchObject({ status: 'open', assignee_agent_bead_id: null });
      expect(after.agent).toMatchObject({ status: 'idle', current_hook_bead_id: null });
    },
  }),
  'bead.delete': defineCase({
    town: 'design-system',
    // A closed bead the Design tokens convoy tracks: deleting it must not leave the convoy short (production's stall).
    target: async (ctx) => ({
      id: (await beadTitled(ctx.api, ctx.town.id, 'Update Storybook theme')).id,
      params: {},
      convoy: await convoyTarget(ctx),
    }),
    read: async (ctx, t) => ({ bead: await beadRow(ctx.api, ctx.town.id, t.id), ...(await convoyOf(ctx, t.convoy)) }),
    changed: (after, before, t) => {
      expect(before.bead).toMatchObject({ status: 'closed' });
      expect(before.convoy.tracked.some((x) => x.bead_id === t.id)).toBe(true);
      expect(after.bead).toBeNull();
      expect(after.convoy.tracked.some((x) => x.bead_id === t.id)).toBe(false);
      expect(after.convoy).toMatchObject({ total_beads: before.convoy.total_beads - 1, closed_beads: before.convoy.closed_beads - 1 });
    },
  }),

  // ── Review queue ──
  'review.force_retry': defineCase({
    town: 'docs-site',
    // The refinery scenario's MR, failed three times on a merge conflict.
    target: async ({ api, town }) => ({
      id: (await beadTitled(api, town.id, 'Merge: Add versioned docs sidebar', 'merge_request')).id,
      params: {},
    }),
    read: async ({ api, town }, t) => reviewEntry(api, town.id, t.id),
    changed: (after, before) => {
      expect(before).toMatchObject({ review_state: 'failed', retry_count: 3 });
      expect(after).toMatchObject({ review_state: 'pending', retry_count: 4, failure_reason: null, status: 'open' });
    },
  }),
  'review.force_close': defineCase({
    town: 'storefront',
    target: async ({ api, town }) => ({
      id: (await api.get(endpoints.reviewQueue(town.id))).entries.find((e) => e.review_state === 'running')!.bead_id,
      params: {},
    }),
    read: async ({ api, town }, t) => reviewEntry(api, town.id, t.id),
    changed: (after, before) => {
      expect(before!.status).toBe('in_progress');
      expect(after).toMatchObject({ status: 'closed', review_state: 'failed' });
    },
  }),
  'review.direct_merge': defineCase({
    town: 'mobile-app',
    target: async ({ api, town }) => {
      const running = (await api.get(endpoints.reviewQueue(town.id))).entries.find((e) => e.review_state === 'running')!;
      return { id: running.bead_id, params: {}, source: running.source_bead_id! };
    },
    read: async ({ api, town }, t) => ({ review: await reviewEntry(api, town.id, t.id), source: await beadRow(api, town.id, t.source) }),
    changed: (after, before) => {
      expect(before.source!.status).toBe('in_review');
      expect(after.review).toMatchObject({
        review_state: 'merged',
        status: 'closed',
        merge_commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(after.source).toMatchObject({ status: 'closed' });
    },
  }),
  'review.clear_queue': defineCase({
    town: 'docs-site',
    target: async ({ town }) => ({ id: town.id, params: {} }),
    read: async ({ api, town }) =>
      (await api.get(endpoints.reviewQueue(town.id))).entries.map((e) => ({
        id: e.bead_id,
        review_state: e.review_state,
        status: e.status,
      })),
    changed: (after, before) => {
      const cleared = pending(before).map((e) => e.id);
      expect(cleared.length).toBeGreaterThanOrEqual(6);
      expect(pending(after)).toEqual([]);
      expect(after.filter((e) => cleared.includes(e.id))).toEqual(cleared.map((id) => ({ id, review_state: 'failed', status: 'failed' })));
      expect(after.filter((e) => !cleared.includes(e.id))).toEqual(before.filter((e) => !cleared.includes(e.id)));
    },
  }),
  'review.set_merge_strategy': defineCase({
    town: 'data-warehouse',
    target: async ({ town }) => ({ id: town.id, params: { merge_strategy: 'direct' } }),
    read: async ({ api, town }) => ({
      config: (await configOf({ api, town })).config.merge_strategy,
      queue: (await api.get(endpoints.reviewQueue(town.id))).merge_strategy,
    }),
    changed: (after, before) => {
      expect(before).toEqual({ config: 'pr', queue: 'pr' });
      expect(after).toEqual({ config: 'direct', queue: 'direct' });
    },
  }),

  // ── Container ──
  'container.force_restart': defineCase({
    town: 'ml-pipeline',
    target: async ({ town }) => ({ id: town.id, params: {} }),
    read: containerOf,
    changed: (after, before) => {
      const running = before.processes.filter((p) => p.status === 'running').map((p) => p.id);
      expect(running.length).toBeGreaterThan(0);
      expect(after.status).toBe('starting');
      expect(after.processes.filter((p) => running.includes(p.id)).map((p) => p.status)).toEqual(running.map(() => 'exited'));
    },
  }),
  'container.force_stop': defineCase({
    town: 'infra-terraform',
    target: async ({ town }) => ({ id: town.id, params: {} }),
    read: containerOf,
    changed: (after, before) => {
      expect(before.status).toBe('running');
      expect(after.status).toBe('stopped');
      expect(after.processes.filter((p) => p.status === 'running' || p.status === 'starting')).toEqual([]);
    },
  }),
  'container.update_env': defineCase({
    town: 'ml-pipeline',
    // The OOM town's fix (a smaller heap), a rotated secret, a secret made public, a removal.
    target: async ({ town }) => ({
      id: town.id,
      params: {
        changes: [
          { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096', secret: false },
          { key: 'ANTHROPIC_API_KEY', value: ROTATED_KEY, secret: true },
          { key: 'SENTRY_DSN', value: PUBLIC_DSN, secret: false },
          { key: 'KILO_LOG_LEVEL', value: null, secret: false },
        ],
      },
    }),
    read: async (ctx) => (await containerOf(ctx)).env,
    changed: (after, before) => {
      const byKey = (env: typeof after) => Object.fromEntries(env.map((v) => [v.key, v]));
      expect(byKey(before)).toMatchObject({
        NODE_OPTIONS: { value: '--max-old-space-size=8192' },
        SENTRY_DSN: { value: '****', secret: true },
      });
      expect(byKey(after)).toEqual({
        ...byKey(before),
        NODE_OPTIONS: { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096', secret: false },
        ANTHROPIC_API_KEY: { key: 'ANTHROPIC_API_KEY', value: '****', secret: true },
        SENTRY_DSN: { key: 'SENTRY_DSN', value: PUBLIC_DSN, secret: false },
        KILO_LOG_LEVEL: undefined,
      });
    },
    audited: {
      changes: [
        { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096', secret: false },
        { key: 'ANTHROPIC_API_KEY', value: '****', secret: true },
        { key: 'SENTRY_DSN', value: '****', secret: false },
        { key: 'KILO_LOG_LEVEL', value: null, secret: false },
      ],
    },
    // The DSN made public is shown by the env (and the change) from now on; the rotated key never is.
    secrets: [ROTATED_KEY],
  }),
  'container.set_sleep_timeout': defineCase({
    town: 'data-warehouse',
    // The silent-consumption town's container idles for hours: let it sleep sooner.
    target: async ({ town }) => ({ id: town.id, params: { sleep_after_minutes: 10 } }),
    read: async (ctx) => ({
      container: (await containerOf(ctx)).sleep_after_minutes,
      config: (await configOf(ctx)).config.container.sleep_after_minutes,
    }),
    changed: (after, before) => {
      expect(before).toEqual({ container: 30, config: 30 });
      expect(after).toEqual({ container: 10, config: 10 });
    },
  }),

  // ── Credentials ──
  'credential.force_refresh': defineCase({
    town: 'storefront',
    target: async (ctx) => ({ id: (await rigNamed(ctx, 'storefront-web')).id, params: {} }),
    read: async (ctx, t) => {
      const config = await configOf(ctx);
      return {
        credential: config.credentials.find((c) => c.rig_id === t.id)!,
        latest: config.credential_events.find((e) => e.rig_id === t.id)!,
      };
    },
    changed: (after, before) => {
      expect(after.credential).toMatchObject({ status: 'valid', verification: 'ok', last_error: null });
      expect(after.credential.last_resolved_at).not.toBe(before.credential.last_resolved_at);
      expect(after.latest).toMatchObject({ kind: 'refresh', outcome: 'success' });
      expect(after.latest.id).not.toBe(before.latest.id);
    },
  }),
  'credential.set_token': defineCase({
    town: 'infra-terraform',
    target: async (ctx) => ({ id: (await rigNamed(ctx, 'infra-terraform')).id, params: { token: NEW_TOKEN } }),
    read: async (ctx, t) => {
      const config = await configOf(ctx);
      return { credential: config.credentials.find((c) => c.rig_id === t.id)!, token_set: config.config.git_auth.token_set };
    },
    changed: (after, before) => {
      expect(before.token_set).toBe(false);
      expect(after).toMatchObject({ token_set: true, credential: { source: 'manual_token', status: 'valid', last_error: null } });
    },
    audited: { token: '****' },
    secrets: [NEW_TOKEN],
  }),
  'credential.relink_integration': defineCase({
    town: 'infra-terraform',
    // The credential town's integration is suspended: link the rig to a working one of the owner's, as the picker offers.
    target: async (ctx) => {
      const mine = (await ctx.api.get(endpoints.userIntegrations(ctx.town.owner_user_id))).items;
      const active = mine.find((i) => i.status === 'active')!;
      return { id: (await rigNamed(ctx, 'infra-terraform')).id, params: { integration_id: active.id } };
    },
    read: async (ctx, t) => {
      const config = await configOf(ctx);
      const mirrored = (await ctx.api.get(endpoints.userRigs(ctx.town.owner_user_id))).items.find((r) => r.id === t.id)!;
      return {
        rig: config.rigs.find((r) => r.rig.id === t.id)!.rig,
        credential: config.credentials.find((c) => c.rig_id === t.id)!,
        mirrored,
      };
    },
    changed: (after, before, t) => {
      const id = t.params.integration_id;
      expect(before.rig.integration).toMatchObject({ status: 'suspended' });
      expect(after.rig).toMatchObject({ platform_integration_id: id, integration: { id, status: 'active' } });
      expect(after.credential).toMatchObject({ source: 'integration', integration_id: id, status: 'valid' });
      // The user's rig list (the owner's own copy on the worker) follows.
      expect(after.mirrored).toMatchObject({ platform_integration_id: id, integration: { status: 'active' } });
    },
  }),

  // ── Convoys (the stalled Design tokens v2 convoy; each case keeps the others valid in any order) ──
  'convoy.force_land': defineCase({
    town: 'design-system',
    target: async (ctx) => ({ id: await convoyTarget(ctx), params: {} }),
    read: async (ctx, t) => convoyOf(ctx, t.id),
    changed: (after, before) => {
      expect(before.convoy.landed_at).toBeNull();
      expect(after.status).toBe('closed');
      expect(after.convoy.landed_at).not.toBeNull();
    },
  }),
  'convoy.add_tracked': defineCase({
    town: 'design-system',
    target: async (ctx) => ({
      id: await convoyTarget(ctx),
      params: { bead_id: (await beadTitled(ctx.api, ctx.town.id, 'Introduce a typed config loader')).id },
    }),
    read: async (ctx, t) => convoyOf(ctx, t.id),
    changed: (after, before, t) => {
      const added = after.convoy.tracked.find((x) => x.bead_id === t.params.bead_id);
      expect(added).toMatchObject({ present: true, title: 'Introduce a typed config loader' });
      // The counter follows the added bead: a closed one counts as landed work at once.
      expect(after.convoy).toMatchObject({
        total_beads: before.convoy.total_beads + 1,
        closed_beads: before.convoy.closed_beads + (added!.status === 'closed' ? 1 : 0),
      });
    },
  }),
  'convoy.remove_tracked': defineCase({
    town: 'design-system',
    // The tracked bead that was deleted instead of closed: the reason the convoy never reaches 8/8.
    target: async (ctx) => {
      const id = await convoyTarget(ctx);
      return { id, params: { bead_id: (await convoyOf(ctx, id)).convoy.tracked.find((x) => !x.present)!.bead_id } };
    },
    read: async (ctx, t) => convoyOf(ctx, t.id),
    changed: (after, before) => {
      expect(after.convoy).toMatchObject({ total_beads: before.convoy.total_beads - 1, closed_beads: before.convoy.closed_beads });
      expect(after.convoy.tracked.every((x) => x.present)).toBe(true);
    },
  }),
  'convoy.force_close_children': defineCase({
    town: 'design-system',
    target: async (ctx) => {
      const child = (await beadTitled(ctx.api, ctx.town.id, 'Remove tokens v1 aliases')).id;
      return { id: await convoyTarget(ctx), params: { bead_ids: [child] }, child };
    },
    read: async (ctx, t) => ({ ...(await convoyOf(ctx, t.id)), child: await beadRow(ctx.api, ctx.town.id, t.child) }),
    changed: (after, before) => {
      expect(before.child!.status).toBe('in_review');
      expect(after.child).toMatchObject({ status: 'closed' });
      expect(after.convoy.closed_beads).toBe(before.convoy.closed_beads + 1);
    },
  }),

  // ── Mayor ──
  'mayor.force_restart': defineCase({
    town: 'support-bot',
    // The Mayor whose session errored in a tool-call loop.
    target: async ({ api, town }) => ({ id: await idOf(api, town.id, 'Mayor'), params: {} }),
    read: async ({ api, town }) => (await mayorOf(api, town.id)).mayor,
    changed: (after, before) => {
      expect(before.session_state).toBe('errored');
      expect(after).toMatchObject({ session_state: 'starting', session_error: null });
      expect(after.session_id).not.toBe(before.session_id);
    },
  }),
  'mayor.clear_conversation': defineCase({
    town: 'storefront',
    target: async ({ api, town }) => ({ id: await idOf(api, town.id, 'Mayor'), params: {} }),
    read: async ({ api, town }) => (await mayorOf(api, town.id)).mayor,
    changed: (after, before) => {
      expect(before.last_user_message).not.toBeNull();
      expect(after).toMatchObject({ session_state: 'idle', last_user_message: null });
      expect(after.session_id).not.toBe(before.session_id);
    },
  }),
  'mayor.resend_last_message': defineCase({
    town: 'support-bot',
    target: async ({ api, town }) => ({ id: await idOf(api, town.id, 'Mayor'), params: {} }),
    read: async ({ api, town }) => mayorOf(api, town.id),
    changed: (after, before) => {
      expect(before.mayor.last_user_message).toMatchObject({ answered: false });
      expect(after.mayor).toMatchObject({
        session_state: 'active',
        last_user_message: { text: before.mayor.last_user_message!.text, answered: false },
      });
      expect(after.mayor.last_user_message!.at).not.toBe(before.mayor.last_user_message!.at);
      expect(after.agent.status).toBe('working');
    },
  }),

  // ── Config ──
  'config.update_town': defineCase({
    town: 'ml-pipeline',
    // The OOM town runs 8 polecats per rig: back to 4, and tell polecats to keep memory down.
    target: async ({ town }) => ({
      id: town.id,
      params: { patch: { max_polecats_per_rig: 4, custom_instructions: { polecat: 'Run one test file at a time.' } } },
    }),
    read: async (ctx) => (await configOf(ctx)).config,
    changed: (after, before) => {
      expect(before.max_polecats_per_rig).toBe(8);
      expect(after).toEqual({
        ...before,
        max_polecats_per_rig: 4,
        custom_instructions: { polecat: 'Run one test file at a time.' },
        version: before.version! + 1,
        updated_at: after.updated_at,
      });
      expect(after.updated_at).not.toBe(before.updated_at);
    },
  }),
  'config.update_rig': defineCase({
    town: 'ml-pipeline',
    target: async (ctx) => ({
      id: (await rigNamed(ctx, 'feature-store')).id,
      params: { max_polecats: 2, model_override: 'anthropic/claude-haiku-4.5' },
    }),
    read: async (ctx, t) => (await configOf(ctx)).rigs.find((r) => r.rig.id === t.id)!,
    changed: (after, before) => {
      expect(before).toMatchObject({ max_polecats: null, model_override: null });
      expect(after).toEqual({ ...before, max_polecats: 2, model_override: 'anthropic/claude-haiku-4.5', version: before.version! + 1 });
    },
  }),
};
