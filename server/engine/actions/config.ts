import { EngineError } from '../engine-error';
import { change, rigTarget, type FamilyHandlers } from '../plan';

/** Nested fields (custom_instructions) compare by content, and a field that is absent equals null. */
const canonical = (v: unknown) => JSON.stringify(v ?? null);

export const configHandlers: FamilyHandlers<'config'> = {
  'config.update_town': (ctx) => {
    const config = ctx.town.config();
    const patch = ctx.params.patch as Record<string, unknown>;
    const changes = Object.entries(patch)
      .filter(([k, v]) => canonical((config as Record<string, unknown>)[k]) !== canonical(v))
      // A field the stored config does not have yet (the cost threshold, issue 15) was null before the change.
      .map(([k, v]) => change('config', ctx.town.townId, 'town config', k, (config as Record<string, unknown>)[k] ?? null, v));
    if (!changes.length)
      throw new EngineError(400, 'bad_request', 'The change is empty: every field already has that value.', { parameter: 'patch' });
    return {
      summary: `Change ${changes.length} town config ${changes.length === 1 ? 'field' : 'fields'}: ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      // Only a lower cap warrants it: raising it stops nothing.
      warnings:
        typeof patch.max_polecats_per_rig === 'number' && patch.max_polecats_per_rig < config.max_polecats_per_rig
          ? ['Lowering max polecats does not stop agents already working.']
          : [],
      apply: () => {
        ctx.town.updateConfig({ ...(patch as object), version: config.version + 1, updated_at: ctx.now });
        return config.version + 1;
      },
    };
  },
  'config.update_rig': (ctx) => {
    const { rig, version } = rigTarget(ctx);
    const rc = ctx.town.rigConfig(rig.id);
    const patch = ctx.params as Record<string, unknown>;
    const changes = Object.entries(patch)
      .filter(([k, v]) => (rc as unknown as Record<string, unknown> | null)?.[k] !== v)
      .map(([k, v]) => change('rig', rig.id, rig.name, k, (rc as unknown as Record<string, unknown> | null)?.[k] ?? null, v));
    if (!changes.length)
      throw new EngineError(400, 'bad_request', 'The change is empty: every field already has that value.', { parameter: 'params' });
    return {
      summary: `Change rig ${rig.name}: ${changes.map((c) => c.field).join(', ')}.`,
      changes,
      warnings: [],
      apply: () => {
        ctx.town.updateRigConfig(rig.id, { ...(patch as object), version: version + 1 });
        return version + 1;
      },
    };
  },
};
