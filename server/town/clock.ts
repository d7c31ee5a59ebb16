import type { Clock, SqlPort } from '../ports';
import { readMetaNumber, writeMeta } from './meta';

const OFFSET = 'clock_offset_ms';

/**
 * The town's time: the host's clock plus an offset the dev clock route moves forward
 * (`POST /api/dev/clock`). Kept in the town's own database, so both hosts move it the same way and a
 * restart keeps it.
 */
export class TownClock implements Clock {
  private offset: number;

  constructor(
    private readonly sql: SqlPort,
    private readonly base: Clock,
  ) {
    this.offset = readMetaNumber(sql, OFFSET, 0);
  }

  now(): number {
    return this.base.now() + this.offset;
  }

  /** The offset from the host's clock (what a real-time alarm subtracts). */
  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
    writeMeta(this.sql, OFFSET, this.offset);
  }

  /** A freshly seeded town starts on the host's time. */
  reload(): void {
    this.offset = readMetaNumber(this.sql, OFFSET, 0);
  }
}
