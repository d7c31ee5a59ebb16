import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../client';
import { endpoints } from '../endpoints';
import { ApiError } from '../errors';
import { ACTIONS, type ActionName, type TownSummary } from '../schemas';
import { SCENARIO_TOWNS } from '../../../scenarios';
import { auditMismatches, dryRunMismatches, previewMismatches, readFacts, type Facts } from './town-facts';
import { townNamed, versionOf } from './lookups';

/**
 * The preview is the result, over every target an action applies to in every failure town, on one
 * backend. For each action, each town, each target (one per state shape: an agent's role, status, hook
 * and process; a bead's status, hook and priority; a merge request's review state, status and PR state;
 * each rig, convoy and town): the dry run's declared changes equal the facts that changed in the real
 * run, and the audit entry's before/after. A dry run the engine refuses (400/404/409/422: the action does
 * not apply in that state) is skipped; every action must apply somewhere. A failure names the action,
 * the town, the target's shape and the fact.
 *
 * Each action starts from the seeded world (MSW rebuilds it after every test; the worker passes `reset`,
 * its reseed, run before each action), and its targets act in turn on that world, so later ones see
 * earlier changes: the property holds in any state.
 */
const REASON = 'Property check: the preview is the result';

interface Candidate {
  id: string;
  shape: string;
  params: () => Promise<Record<string, unknown>>;
}

const none = async () => ({});

async function candidates(api: ApiClient, town: TownSummary, action: ActionName): Promise<Candidate[]> {
  const kind = ACTIONS[action].target;
  const [agents, beads] = await Promise.all([api.get(endpoints.agents(town.id)), api.get(endpoints.beads(town.id, { limit: 1000 }))]);
  const mayor = agents.items.find((a) => a.role === 'mayor');
  const townOnly = (params: () => Promise<Record<string, unknown>>) => [{ id: town.id, shape: 'town', params }];
  switch (kind) {
    case 'agent':
      if (action.startsWith('mayor.')) return mayor ? [{ id: mayor.id, shape: 'mayor', params: none }] : [];
      return agents.items.map((a) => ({
        id: a.id,
        shape: `${a.role} ${a.status} ${a.current_hook_bead_id ? 'hooked' : 'free'} ${a.process_status}`,
        params: none,
      }));
    case 'bead':
      return beads.items
        .filter((b) => b.type === 'issue' || b.type === 'escalation')
        .map((b) => ({
          id: b.id,
          shape: `${b.type} ${b.status} ${b.assignee_agent_bead_id ? 'assigned' : 'unassigned'} ${b.priority === 'critical' ? 'critical' : 'other'}`,
          params: async () => {
            if (action === 'bead.change_priority') return { priority: b.priority === 'critical' ? 'low' : 'critical' };
            if (action === 'bead.reassign') {
              const free = (await api.get(endpoints.agents(town.id))).items.find(
                (a) => a.role === 'polecat' && a.status !== 'dead' && !a.current_hook_bead_id,
              );
              return { agent_id: free?.id ?? 'no-free-polecat' };
            }
            return {};
          },
        }));
    case 'review': {
      const queue = await api.get(endpoints.reviewQueue(town.id));
      return queue.entries.map((e) => ({ id: e.bead_id, shape: `${e.review_state} ${e.status} ${e.pr_state}`, params: none }));
    }
    case 'convoy':
      return beads.items
        .filter((b) => b.type === 'convoy')
        .map((b) => ({
          id: b.id,
          shape: b.id,
          params: async () => {
            const convoy = (await api.get(endpoints.bead(town.id, b.id))).convoy!;
            const tracked = new Set(convoy.tracked.map((t) => t.bead_id));
            if (action === 'convoy.add_tracked')
              return { bead_id: beads.items.find((x) => x.type === 'issue' && !tracked.has(x.id))?.id ?? 'none' };
            if (action === 'convoy.remove_tracked') return { bead_id: convoy.tracked[0]?.bead_id ?? 'none' };
            if (action === 'convoy.force_close_children')
              return { bead_ids: convoy.tracked.filter((t) => t.present && t.status !== 'closed').map((t) => t.bead_id) };
            return {};
          },
        }));
    case 'rig': {
      const config = await api.get(endpoints.config(town.id));
      return config.rigs.map((r) => ({
        id: r.rig.id,
        shape: r.rig.id,
        params: async () => {
          if (action === 'credential.set_token') return { token: 'ghp_property_0123456789abcdef' };
          if (action === 'credential.relink_integration') {
            const mine = (await api.get(endpoints.userIntegrations(town.owner_user_id))).items;
            return { integration_id: mine.find((i) => i.status === 'active' && i.id !== r.rig.platform_integration_id)?.id ?? 'none' };
          }
          if (action === 'config.update_rig') return { max_polecats: r.max_polecats === 3 ? 4 : 3 };
          return {};
        },
      }));
    }
    case 'container':
      return townOnly(async () => {
        if (action === 'container.update_env') return { changes: [{ key: 'PROPERTY_CHECK', value: 'on', secret: false }] };
        if (action === 'container.set_sleep_timeout')
          return { sleep_after_minutes: (await api.get(endpoints.container(town.id))).sleep_after_minutes === 45 ? 50 : 45 };
        return {};
      });
    case 'town':
    case 'config':
      return townOnly(async () => {
        const config = (await api.get(endpoints.config(town.id))).config;
        if (action === 'review.set_merge_strategy') return { merge_strategy: config.merge_strategy === 'pr' ? 'direct' : 'pr' };
        if (action === 'config.update_town') return { patch: { max_polecats_per_rig: config.max_polecats_per_rig === 3 ? 4 : 3 } };
        return {};
      });
  }
}

/** One target of each shape: the same plan code runs for every target of a shape. */
function oneOfEachShape(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => !seen.has(c.shape) && !!seen.add(c.shape));
}

/**
 * The town's facts as last read, so the next target's "before" is the previous one's "after": between them only
 * a dry run and reads happened, which change nothing (actions.contract.ts checks it; were it not so, the change
 * would show up here as undeclared). Halves the reads.
 */
interface LastRead {
  facts: Facts | null;
}

async function checkOne(api: ApiClient, town: TownSummary, action: ActionName, c: Candidate, last: LastRead): Promise<string[] | null> {
  const kind = ACTIONS[action].target;
  const params = await c.params();
  const body = (dryRun: boolean) => ({ target: { kind, id: c.id }, params, reason: REASON, dryRun });
  let dry;
  try {
    dry = await api.act(town.id, action, body(true), { idempotencyKey: crypto.randomUUID() });
  } catch (error) {
    // The engine refuses the action in this state (already closed, nothing hooked, no pending MR…): it does not apply.
    if (error instanceof ApiError && [400, 404, 409, 422].includes(error.status)) return null;
    throw error;
  }
  const before = last.facts ?? (await readFacts(api, town.id));
  const version = await versionOf(api, town.id, kind, c.id);
  const real = await api.act(town.id, action, body(false), { idempotencyKey: crypto.randomUUID(), ifMatch: version! });
  const after = await readFacts(api, town.id);
  last.facts = after;
  // Named by town, target (short id and state shape) and fact; the test's name is the action.
  const where = (lines: string[]) => lines.map((l) => `${town.name} ${c.id.slice(0, 8)} [${c.shape}] ${l}`);
  return where([
    ...dryRunMismatches(action, dry.effect.changes, real.effect.changes),
    ...previewMismatches(action, real.effect.changes, before, after),
    ...auditMismatches(action, real.effect.changes, real.audit_entry!),
  ]);
}

export function describePreviewMatrix(backend: string, client: () => ApiClient, reset?: () => Promise<void>) {
  describe(`the preview is the result, for every action on every target it applies to (${backend})`, () => {
    // The first action meets the world as seeded; each later one a fresh seed of it (~1.2 s on the worker).
    let acted = false;
    if (reset)
      beforeEach(async () => {
        if (acted) await reset();
        acted = true;
      }, 60_000);

    it.each(Object.keys(ACTIONS) as ActionName[])('%s', { timeout: 120_000 }, async (action) => {
      const api = client();
      const problems: string[] = [];
      let applied = 0;
      for (const { name } of SCENARIO_TOWNS) {
        const town = await townNamed(api, name);
        const last: LastRead = { facts: null };
        for (const c of oneOfEachShape(await candidates(api, town, action))) {
          const found = await checkOne(api, town, action, c, last);
          if (found === null) continue;
          applied++;
          problems.push(...found);
        }
      }
      expect(problems).toEqual([]);
      expect(applied, `${action} applied to at least one target`).toBeGreaterThan(0);
    });
  });
}
