import type { ActionChange } from '../../../src/api/schemas';
import { EngineError } from '../engine-error';
import { MASK } from '../masking';
import { change, moved, shownProcess, type Ctx, type FamilyHandlers } from '../plan';

/** Each agent whose shown process is live sees it exit. */
function processChanges(ctx: Ctx): ActionChange[] {
  return ctx.town.agents().flatMap((a) => {
    const shown = shownProcess(ctx, a);
    return shown === 'running' || shown === 'starting' ? [change('agent', a.id, a.name, 'process', shown, 'exited')] : [];
  });
}

/** Processes end as a SIGTERM ends them (exit 143), unlike force-kill's SIGKILL (137). */
function restartProcesses(ctx: Ctx) {
  for (const p of ctx.town.processes()) {
    if (p.status === 'running' || p.status === 'starting')
      ctx.town.updateProcess(p.process_id, { status: 'exited', exited_at: ctx.now, exit_code: 143, memory_mb: null });
  }
}

export const containerHandlers: FamilyHandlers<'container'> = {
  'container.force_restart': (ctx) => {
    const c = ctx.town.container();
    const running = ctx.town.processes().filter((p) => p.status === 'running' || p.status === 'starting');
    return {
      summary: `Restart the town's container (${c.instance_id ?? 'no instance'}); ${running.length} running ${running.length === 1 ? 'process stops' : 'processes stop'} and agents are re-dispatched by the next patrol.`,
      changes: [
        ...moved(
          change('container', ctx.town.townId, 'container', 'status', c.status, 'starting'),
          change('container', ctx.town.townId, 'container', 'health', c.health, 'ok'),
        ),
        ...processChanges(ctx),
      ],
      warnings: running.length
        ? [`Work in progress in ${running.length} agent ${running.length === 1 ? 'session' : 'sessions'} is interrupted.`]
        : [],
      apply: () => {
        restartProcesses(ctx);
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'restart',
          exit_code: null,
          reason: 'restarted by admin',
          message: null,
          metadata: {},
          created_at: ctx.now,
        });
        ctx.town.updateContainer({
          status: 'starting',
          health: 'ok',
          started_at: ctx.now,
          last_restart_at: ctx.now,
          version: c.version + 1,
        });
        return c.version + 1;
      },
    };
  },
  'container.force_stop': (ctx) => {
    const c = ctx.town.container();
    if (c.status === 'stopped') throw new EngineError(409, 'invalid_state', 'The container is already stopped.', { field: 'status' });
    const running = ctx.town.processes().filter((p) => p.status === 'running' || p.status === 'starting');
    return {
      summary: `Stop the town's container; ${running.length} running ${running.length === 1 ? 'process ends' : 'processes end'}. It starts again on the next dispatch.`,
      changes: [change('container', ctx.town.townId, 'container', 'status', c.status, 'stopped'), ...processChanges(ctx)],
      warnings: running.length
        ? [`Work in progress in ${running.length} agent ${running.length === 1 ? 'session' : 'sessions'} is lost.`]
        : [],
      apply: () => {
        restartProcesses(ctx);
        ctx.town.addContainerEvent({
          id: ctx.newId(),
          event_type: 'stop',
          exit_code: 0,
          reason: 'stopped by admin',
          message: null,
          metadata: {},
          created_at: ctx.now,
        });
        ctx.town.updateContainer({ status: 'stopped', version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
  'container.update_env': (ctx) => {
    const c = ctx.town.container();
    const changes = ctx.params.changes as { key: string; value: string | null; secret: boolean }[];
    const env = ctx.town.env().map((v) => ({ ...v }));
    const out: ActionChange[] = [];
    for (const ch of changes) {
      const existing = env.find((v) => v.key === ch.key);
      const shown = (v: { value: string; secret: boolean } | undefined | null) => (v ? (v.secret ? MASK : v.value) : null);
      if (ch.value === null) {
        if (!existing) throw new EngineError(400, 'bad_request', `Env var ${ch.key} does not exist.`, { parameter: `changes.${ch.key}` });
        out.push(change('container', ctx.town.townId, 'env', ch.key, shown(existing), null));
        env.splice(env.indexOf(existing), 1);
      } else {
        // What the env shows afterwards: a value set as secret is masked, one made public is shown.
        out.push(change('container', ctx.town.townId, 'env', ch.key, shown(existing), ch.secret ? MASK : ch.value));
        if (existing) Object.assign(existing, { value: ch.value, secret: ch.secret });
        else env.push({ key: ch.key, value: ch.value, secret: ch.secret });
      }
    }
    return {
      summary: `Update ${changes.length} environment ${changes.length === 1 ? 'variable' : 'variables'}; running processes see them after the next container restart.`,
      changes: out,
      warnings: ['Running agent processes keep their old environment until the container restarts.'],
      apply: () => {
        ctx.town.setEnv(env);
        ctx.town.updateContainer({ version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
  'container.set_sleep_timeout': (ctx) => {
    const c = ctx.town.container();
    const config = ctx.town.config();
    const minutes = Number(ctx.params.sleep_after_minutes);
    return {
      summary: `Container sleeps after ${minutes} idle minutes (was ${config.container.sleep_after_minutes}).`,
      changes: [change('container', ctx.town.townId, 'container', 'sleep_after_minutes', config.container.sleep_after_minutes, minutes)],
      warnings: [],
      apply: () => {
        ctx.town.updateConfig({ container: { sleep_after_minutes: minutes }, version: config.version + 1, updated_at: ctx.now });
        ctx.town.updateContainer({ version: c.version + 1 });
        return c.version + 1;
      },
    };
  },
};
