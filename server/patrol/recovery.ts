import { watchRecoveries } from '../recovery/watch';
import type { PatrolStep } from './tick';

/** Last in the tick: judges recoveries on the state every other step has just moved (server/recovery/). */
export const recoveryStep: PatrolStep = {
  name: 'recovery',
  run: (tick) => watchRecoveries(tick.sql, tick.at, tick.ids),
};
