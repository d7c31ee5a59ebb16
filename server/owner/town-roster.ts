import type { Rig } from '../../src/api/schemas';
import { migrate } from '../db/migrate';
import type { SqlPort, Storage } from '../ports';
import { all, first, insert, scalar } from '../db/sql';
import { toRig } from '../user/rig-row';

/** Who a roster belongs to: a user (GastownUserDO: `user_towns`, `user_rigs`) or an organization (GastownOrgDO: `org_towns`, `org_rigs`). */
export type RosterKind = 'user' | 'org';

/**
 * The two owner objects' tables, by version (see db/migrate.ts). Production's GastownOrgDO has the same
 * shape as GastownUserDO with `org_` tables and an `owner_org_id`; `integration` caches the linked integration.
 */
const migrations = (kind: RosterKind) =>
  [
    `CREATE TABLE ${kind}_towns (
       id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       owner_${kind}_id TEXT NOT NULL,
       created_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     );
     CREATE TABLE ${kind}_rigs (
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
     CREATE INDEX ${kind}_rigs_town ON ${kind}_rigs (town_id);`,
    // v2: ids of outbox messages already applied (a town's rig mirror is delivered until acknowledged).
    `CREATE TABLE inbox (message_id TEXT PRIMARY KEY);`,
  ] as const;

/** A town as its owner object lists it. */
export interface RosterTown {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** The seed's town row: the creating user, and the organization when an organization owns it. */
export interface OwnedTown extends RosterTown {
  owner_user_id: string;
  owner_org_id?: string | null | undefined;
}

/** One owner's Gastown: the only place that knows which towns and rigs a user (or an organization) has. */
export class TownRoster {
  private readonly sql: SqlPort;

  constructor(
    private readonly storage: Storage,
    private readonly kind: RosterKind,
  ) {
    this.sql = storage.sql;
    migrate(storage, migrations(kind));
  }

  towns(): RosterTown[] {
    return all(this.sql, `SELECT * FROM ${this.kind}_towns ORDER BY created_at, id`).map((r) => ({
      id: String(r.id),
      name: String(r.name),
      created_at: String(r.created_at),
      updated_at: String(r.updated_at),
    }));
  }

  rigs(): Rig[] {
    return all(this.sql, `SELECT * FROM ${this.kind}_rigs ORDER BY town_id, name, id`).map(toRig);
  }

  counts(): { town_count: number; rig_count: number } {
    return {
      town_count: scalar(this.sql, `SELECT count(*) FROM ${this.kind}_towns`),
      rig_count: scalar(this.sql, `SELECT count(*) FROM ${this.kind}_rigs`),
    };
  }

  /** Mirrors rig rows the town changed (an intervention re-linked an integration). */
  updateRigs(rigs: Rig[]): void {
    this.storage.transactionSync(() => this.writeRigs(rigs));
  }

  private writeRigs(rigs: Rig[]): void {
    for (const rig of rigs) {
      this.sql.exec(
        `UPDATE ${this.kind}_rigs SET platform_integration_id = ?, integration = ?, updated_at = ? WHERE id = ?`,
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
  addTown(town: OwnedTown, rigs: Rig[]): void {
    const owner = this.kind === 'user' ? { owner_user_id: town.owner_user_id } : { owner_org_id: town.owner_org_id ?? '' };
    this.storage.transactionSync(() => {
      insert(
        this.sql,
        `${this.kind}_towns`,
        { id: town.id, name: town.name, ...owner, created_at: town.created_at, updated_at: town.updated_at },
        'INSERT OR REPLACE',
      );
      this.sql.exec(`DELETE FROM ${this.kind}_rigs WHERE town_id = ?`, town.id);
      for (const rig of rigs) insert(this.sql, `${this.kind}_rigs`, { ...rig }, 'INSERT OR REPLACE');
    });
  }

  /** Forgets a town (a reseed moved it to an organization: it must not stay listed as the creator's own). */
  removeTown(townId: string): void {
    this.storage.transactionSync(() => {
      this.sql.exec(`DELETE FROM ${this.kind}_towns WHERE id = ?`, townId);
      this.sql.exec(`DELETE FROM ${this.kind}_rigs WHERE town_id = ?`, townId);
    });
  }
}
