import { createRng, hashString, type Rng } from '../../scenarios/random';
import type { TownAccess } from '../engine/town-access';
import type { Ids, SqlPort } from '../ports';
import { sqlAccess } from '../town/access';
import { enqueue, type OutboxTarget } from '../town/outbox';

/**
 * What one patrol tick sees: the town's database inside the tick's transaction, the tick's own time
 * (not the wall clock: a dev clock advance runs many ticks, each at its own instant), a generator seeded
 * by town and tick number, the town's ids, and the outbox for writes other objects must receive.
 */
export interface Tick {
  readonly sql: SqlPort;
  readonly townId: string;
  /** The tick's instant, ms and ISO. */
  readonly at: number;
  readonly iso: string;
  readonly number: number;
  readonly rng: Rng;
  readonly ids: Ids;
  /** The town's rows through the accessors the intervention engine writes with. */
  readonly town: TownAccess;
  /** ISO time `ms` before the tick. */
  ago(ms: number): string;
  send(target: OutboxTarget, args: unknown[]): void;
}

export function createTick(sql: SqlPort, townId: string, at: number, number: number, ids: Ids): Tick {
  const iso = new Date(at).toISOString();
  return {
    sql,
    townId,
    at,
    iso,
    number,
    rng: createRng(hashString(`${townId}:tick:${number}`)),
    ids,
    town: sqlAccess(sql, townId),
    ago: (ms) => new Date(at - ms).toISOString(),
    send: (target, args) => enqueue(sql, target, args, iso),
  };
}

/** One concern of the patrol (dispatch, container, work, GUPP, refinery, credentials, mayor). */
export interface PatrolStep {
  name: string;
  run(tick: Tick): void;
}
