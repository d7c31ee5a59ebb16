import { sha256Hex } from '../engine';
import type { Ids, SqlPort } from '../ports';
import { readMetaNumber, writeMeta } from './meta';

const COUNTER = 'id_counter';

/**
 * The town's UUIDs: the n-th id is SHA-256(town id, n) shaped as a v4 UUID, with n kept in the town's
 * database. The same town, seed and steps give the same ids on both hosts (a 32-bit generator would
 * collide within a long run; 122 hash bits do not).
 */
export class TownIds implements Ids {
  private next: number;

  constructor(
    private readonly sql: SqlPort,
    private readonly townId: () => string,
  ) {
    this.next = readMetaNumber(sql, COUNTER, 0);
  }

  uuid(): string {
    const n = this.next++;
    writeMeta(this.sql, COUNTER, this.next);
    const h = sha256Hex(`${this.townId()}:${n}`);
    const variant = '89ab'[parseInt(h[16]!, 16) & 3];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  reload(): void {
    this.next = readMetaNumber(this.sql, COUNTER, 0);
  }
}
