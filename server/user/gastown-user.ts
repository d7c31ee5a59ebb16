import type { Rig } from '../../src/api/schemas';
import { migrate } from '../db/migrate';
import type { Host } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, first, insert, scalar } from '../db/sql';
import { toRig } from './rig-row';

/** Production's GastownUserDO tables (one object per user); `integration` caches the linked integration. */
const MIGRATIONS = [
  `CREATE TABLE user_towns (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     owner_user_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE user_rigs (
     id TEXT PRIMARY KEY,
     town_id TEXT NOT NULL,
     name TEXT NOT NULL,
     git_url TEXT NOT NULL,
     default_branch TEXT NOT NULL DEFAULT 'main',
     platform_integration_id TEXT,
     integration TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX user_rigs_town ON user_rigs (town_id);`,
  // v2: ids of outbox messages already applied (a town's rig mirror is delivered until acknowledged).
  `CREATE TABLE inbox (message_id TEXT PRIMARY KEY);`,
] as const;

export interface UserTown {
  id: string;
  name: string;
  owner_user_id: string;
  created_at: string;
  updated_at: string;
}

/** One user's Gastown: the only place that knows which towns and rigs the user has. */
export class GastownUser {
  private readonly sql: SqlPort;

  constructor(
    private readonly storage: Storage,
    _host: Host,
  ) {
    this.sql = storage.sql;
    migrate(storage, MIGRATIONS);
  }

  towns(): UserTown[] {
    return all(this.sql, 'SELECT * FROM user_towns ORDER BY created_at, id').map((r) => ({
      id: String(r.id),
      name: String(r.name),
      owner_user_id: String(r.owner_user_id),
      created_at: String(r.created_at),
      updated_at: String(r.updated_at),
    }));
  }

  rigs(): Rig[] {
    return all(this.sql, 'SELECT * FROM user_rigs ORDER BY town_id, name, id').map(toRig);
  }

  counts(): { town_count: number; rig_count: number } {
    return {
      town_count: scalar(this.sql, 'SELECT count(*) FROM user_towns'),
      rig_count: scalar(this.sql, 'SELECT count(*) FROM user_rigs'),
    };
  }

  /** Mirrors rig rows the town changed (an intervention re-linked an integration). */
  updateRigs(rigs: Rig[]): void {
    this.storage.transactionSync(() => this.writeRigs(rigs));
  }

  private writeRigs(rigs: Rig[]): void {
    for (const rig of rigs) {
      this.sql.exec(
        'UPDATE user_rigs SET platform_integration_id = ?, integration = ?, updated_at = ? WHERE id = ?',
        rig.platform_integration_id,
        rig.integration === null ? null : JSON.stringify(rig.integration),
        rig.updated_at,
        rig.id,
      );
    }
  }

  /** `updateRigs` as an outbox message from a town: a redelivery changes nothing. */
  updateRigsOnce(messageId: string, rigs: Rig[]): void {
    this.storage.transactionSync(() => {
      if (first(this.sql, 'SELECT 1 AS x FROM inbox WHERE message_id = ?', messageId)) return;
      this.sql.exec('INSERT INTO inbox (message_id) VALUES (?)', messageId);
      this.writeRigs(rigs);
    });
  }

  /** Records a town and its rigs (replacing earlier rows with the same ids). */
  addTown(town: UserTown, rigs: Rig[]): void {
    this.storage.transactionSync(() => {
      insert(this.sql, 'user_towns', { ...town }, 'INSERT OR REPLACE');
      this.sql.exec('DELETE FROM user_rigs WHERE town_id = ?', town.id);
      for (const rig of rigs) insert(this.sql, 'user_rigs', { ...rig }, 'INSERT OR REPLACE');
    });
  }
}
