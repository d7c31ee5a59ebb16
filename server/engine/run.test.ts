// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ActionName, ActionRequest, AuditEntry } from '../../src/api/schemas';
import { buildWorld, USERS } from '../../scenarios';
import type { TownSeed } from '../../scenarios/types';
import { openMemoryStorage } from '../../src/mocks/sqlite';
import { migrate } from '../db/migrate';
import { sqlAccess } from '../town/access';
import { TOWN_MIGRATIONS } from '../town/schema';
import { seedTown } from '../town/seed';
import { EngineError, runAction, targetVersion, type TownAccess } from '.';

const world = buildWorld({ now: Date.parse('2026-11-20T12:00:00.000Z') });

/** A scenario town (optionally edited first) in its own SQLite database, as the engine sees it. */
async function townNamed(name: string, edit: (seed: TownSeed) => void = () => {}): Promise<TownSeed & { access: TownAccess }> {
  const seed = structuredClone(world.towns.find((t) => t.town.name === name)!);
  edit(seed);
  const storage = await openMemoryStorage();
  migrate(storage, TOWN_MIGRATIONS);
  seedTown(storage.sql, seed);
  return { ...seed, access: sqlAccess(storage.sql, seed.town.id) };
}

function act(town: { access: TownAccess }, action: ActionName, target: ActionRequest['target'], params: Record<string, unknown> = {}) {
  const log: AuditEntry[] = [];
  const access = town.access;
  const result = runAction(
    access,
    { head: () => null, append: (e) => log.push(e) },
    {
      action,
      body: { target, params, reason: 'engine unit test', dryRun: false },
      ifMatch: String(targetVersion(access, target.kind, target.id)),
      admin: USERS.admin,
      requestId: 'req',
      now: '2026-11-20T12:00:00.000Z',
      newId: () => crypto.randomUUID(),
    },
  );
  return { result, entry: log[0]! };
}

describe('audit params: secrets masked, names kept', () => {
  it('keeps an env var’s name and a plain value; masks the value of a secret or formerly secret variable', async () => {
    const town = await townNamed('ml-pipeline');
    const { entry, result } = act(
      town,
      'container.update_env',
      { kind: 'container', id: town.town.id },
      {
        changes: [
          { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096', secret: false },
          { key: 'ANTHROPIC_API_KEY', value: 'sk-ant-api03-rotated', secret: true },
          { key: 'SENTRY_DSN', value: 'https://public@o1.ingest.sentry.io/1', secret: false },
          { key: 'KILO_LOG_LEVEL', value: null, secret: false },
        ],
      },
    );
    expect(entry.params).toEqual({
      changes: [
        { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096', secret: false },
        { key: 'ANTHROPIC_API_KEY', value: '****', secret: true },
        { key: 'SENTRY_DSN', value: '****', secret: false },
        { key: 'KILO_LOG_LEVEL', value: null, secret: false },
      ],
    });
    expect(entry.after).toMatchObject({
      'env.NODE_OPTIONS': '--max-old-space-size=4096',
      'env.ANTHROPIC_API_KEY': '****',
      'env.SENTRY_DSN': '****',
      'env.KILO_LOG_LEVEL': null,
    });
    expect(JSON.stringify([entry, result])).not.toContain('sk-ant-api03-rotated');
    // The append-only record keeps a value typed into a formerly secret variable masked; the answer says
    // what the env shows from now on (the preview is the result), which is that value in clear.
    expect(JSON.stringify(entry)).not.toContain('https://public@');
    expect(result.effect.changes.find((c) => c.field === 'SENTRY_DSN')!.to).toBe('https://public@o1.ingest.sentry.io/1');
    // The variable itself is written in clear (the container reads it); only the record masks it.
    expect(town.access.env().find((v) => v.key === 'SENTRY_DSN')).toEqual({
      key: 'SENTRY_DSN',
      value: 'https://public@o1.ingest.sentry.io/1',
      secret: false,
    });
  });

  it('masks token, password and secret fields by name', async () => {
    const town = await townNamed('infra-terraform');
    const { entry } = act(town, 'credential.set_token', { kind: 'rig', id: town.rigs[0]!.id }, { token: 'ghp_live_0123456789' });
    expect(entry.params).toEqual({ token: '****' });
  });
});

describe('audit before/after keys', () => {
  it('stay one per change when two targets share a label (same-titled MR beads)', async () => {
    const town = await townNamed('docs-site', (seed) => {
      const pending = seed.reviews.filter((r) => r.review_state === 'pending');
      for (const r of pending.slice(0, 2)) seed.beads.find((b) => b.id === r.bead_id)!.title = 'Merge: Bump dependencies';
    });
    const pending = town.reviews.filter((r) => r.review_state === 'pending');
    const { entry, result } = act(town, 'review.clear_queue', { kind: 'town', id: town.town.id });
    // Each MR's status, review state and failure reason: three changes, three keys, per merge request.
    expect(result.effect.changes).toHaveLength(pending.length * 3);
    expect(Object.keys(entry.before)).toHaveLength(pending.length * 3);
    expect(Object.keys(entry.after)).toHaveLength(pending.length * 3);
    const [a, b] = pending.map((r) => r.bead_id);
    expect(entry.before).toMatchObject({
      [`Merge: Bump dependencies (${a!.slice(0, 8)}).review_state`]: 'pending',
      [`Merge: Bump dependencies (${b!.slice(0, 8)}).review_state`]: 'pending',
    });
    // A label that is unique keeps the plain `label.field` key the audit table shows.
    const other = town.access.bead(pending[2]!.bead_id)!;
    expect(entry.after).toMatchObject({ [`${other.title}.review_state`]: 'failed' });
  });
});

describe('hooks', () => {
  it('failing a bead in review leaves its author hooked to the bead it works on now', async () => {
    const town = await townNamed('docs-site');
    const sidebar = town.beads.find((b) => b.title === 'Add versioned docs sidebar')!;
    const birch = town.agents.find((a) => a.id === sidebar.assignee_agent_bead_id)!;
    const current = birch.current_hook_bead_id;
    expect(current).not.toBeNull();
    expect(current).not.toBe(sidebar.id);
    const { result } = act(town, 'bead.force_fail', { kind: 'bead', id: sidebar.id });
    expect(result.effect.summary).toBe(`Fail “${sidebar.title}”.`);
    expect(town.access.agent(birch.id)).toMatchObject({
      status: 'working',
      current_hook_bead_id: current,
      version: birch.version,
    });
    expect(town.access.bead(sidebar.id)!.status).toBe('failed');
  });

  it('unhooking a bead nobody is hooked to is refused', async () => {
    const town = await townNamed('docs-site');
    const sidebar = town.beads.find((b) => b.title === 'Add versioned docs sidebar')!;
    expect(() => act(town, 'bead.unhook', { kind: 'bead', id: sidebar.id })).toThrow(EngineError);
  });
});

describe('town-level targets', () => {
  it('refuse an id that is not the town’s (404), so the log never records a target that does not exist', async () => {
    const town = await townNamed('storefront');
    for (const [action, kind] of [
      ['container.force_restart', 'container'],
      ['review.set_merge_strategy', 'town'],
      ['config.update_town', 'config'],
    ] as const) {
      const params =
        action === 'review.set_merge_strategy'
          ? { merge_strategy: 'direct' }
          : action === 'config.update_town'
            ? { patch: { max_polecats_per_rig: 3 } }
            : {};
      let error: unknown;
      try {
        act(town, action, { kind, id: world.towns[1]!.town.id }, params);
      } catch (e) {
        error = e;
      }
      expect(error, action).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(town.access.container().status).toBe('running');
  });
});

describe('config warnings', () => {
  it('warns that lowering max polecats stops no one, and says nothing when it is raised', async () => {
    const town = await townNamed('storefront');
    const current = town.config.max_polecats_per_rig;
    const lower = act(
      await townNamed('storefront'),
      'config.update_town',
      { kind: 'config', id: town.town.id },
      { patch: { max_polecats_per_rig: current - 1 } },
    );
    expect(lower.result.effect.warnings).toEqual(['Lowering max polecats does not stop agents already working.']);
    const higher = act(
      await townNamed('storefront'),
      'config.update_town',
      { kind: 'config', id: town.town.id },
      { patch: { max_polecats_per_rig: current + 1 } },
    );
    expect(higher.result.effect.warnings).toEqual([]);
  });
});

describe('bead.delete', () => {
  it('deleting a bead an agent works on unhooks the agent, takes the bead’s edges and warns that the work is lost', async () => {
    const town = await townNamed('design-system');
    const agent = town.agents.find(
      (a) => a.current_hook_bead_id && town.beads.find((b) => b.id === a.current_hook_bead_id)?.status === 'in_progress',
    )!;
    const bead = town.access.bead(agent.current_hook_bead_id!)!;
    const { result, entry } = act(town, 'bead.delete', { kind: 'bead', id: bead.id });
    expect(result.effect.summary).toContain(`${agent.name} is unhooked and goes idle`);
    expect(result.effect.warnings.join(' ')).toContain('is in progress: its work so far is lost with it');
    expect(result.target_version).toBeNull();
    expect(town.access.bead(bead.id)).toBeNull();
    expect(town.access.dependencies(bead.id)).toEqual([]);
    expect(town.access.agent(agent.id)).toMatchObject({ status: 'idle', current_hook_bead_id: null });
    expect(entry).toMatchObject({
      action: 'bead.delete',
      before: { [`${bead.title}.exists`]: true },
      after: { [`${bead.title}.exists`]: false },
    });
  });

  it('a convoy that tracked the deleted bead counts without it, so it is not stalled short of its total', async () => {
    const town = await townNamed('design-system');
    const convoy = town.beads.find((b) => b.title === 'Convoy: Design tokens v2 rollout')!;
    const theme = town.beads.find((b) => b.title === 'Update Storybook theme')!;
    const before = town.access.convoy(convoy.id)!;
    const { result } = act(town, 'bead.delete', { kind: 'bead', id: theme.id });
    expect(result.effect.summary).toContain(`1 convoy stops tracking it (“${convoy.title}”)`);
    // It blocked “Remove tokens v1 aliases”, which no longer waits on it.
    expect(result.effect.warnings.join(' ')).toContain('Remove tokens v1 aliases');
    expect(town.access.convoy(convoy.id)).toMatchObject({ total_beads: before.total_beads - 1, closed_beads: before.closed_beads - 1 });
    expect(town.access.dependencies(convoy.id).some((d) => d.depends_on_bead_id === theme.id)).toBe(false);
  });
});
