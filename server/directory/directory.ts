import type {
  AuditAnchor,
  LinkedIntegration,
  Org,
  OrgMembership,
  SavedView,
  SavedViewList,
  SavedViewScope,
  User,
} from '../../src/api/schemas';
import type { OrgSeed } from '../../scenarios/types';
import { migrate } from '../db/migrate';
import type { Host } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, first, fromJson, insert, containsMatch, scalar, type Row } from '../db/sql';
import { DEV_ANCHOR_KEY, moveHead, readHead } from './audit-anchors';
import { dropSequence, extendSequence, globalSeqs } from './audit-sequence';
import { createSavedView, deleteSavedView, listSavedViews, setLastUsedView, updateSavedView, type SavedViewRefusal } from './saved-views';
import { DIRECTORY_MIGRATIONS } from './schema';

const toIntegration = (row: Row): LinkedIntegration => ({
  id: String(row.id),
  provider: String(row.provider) as LinkedIntegration['provider'],
  account: String(row.account),
  status: String(row.status) as LinkedIntegration['status'],
  repositories: fromJson<LinkedIntegration['repositories']>(row.repositories, []),
  owner_user_id: String(row.owner_user_id),
  created_at: String(row.created_at),
});

const toUser = (row: Row): User => ({
  id: String(row.id),
  email: String(row.email),
  name: String(row.name),
  is_admin: row.is_admin === 1,
  created_at: String(row.created_at),
});

const toOrg = (row: Row): Org => ({ id: String(row.id), name: String(row.name), created_at: String(row.created_at) });

/** A town's ownership row: the creating user, and the owning organization if one owns it. */
export interface TownOwnership {
  id: string;
  owner_user_id: string;
  owner_org_id?: string | null | undefined;
}

/** The user directory: who may sign in, who is an admin, which organizations they belong to, and which towns exist. */
export class Directory {
  private readonly sql: SqlPort;
  private readonly anchorKey: string;

  constructor(
    private readonly storage: Storage,
    host: Host,
  ) {
    this.sql = storage.sql;
    this.anchorKey = host.auditAnchorKey ?? DEV_ANCHOR_KEY;
    migrate(storage, DIRECTORY_MIGRATIONS);
  }

  /**
   * The directory's row for a verified token's user (null when the directory has none) and, when asked,
   * the owner of a town — one round trip per request.
   */
  authenticate(userId: string, townId?: string): { user: User | null; townOwner: string | null } {
    const row = first(this.sql, 'SELECT * FROM users WHERE id = ?', userId);
    const town = townId ? first(this.sql, 'SELECT owner_user_id FROM towns WHERE id = ?', townId) : null;
    return { user: row ? toUser(row) : null, townOwner: town ? String(town.owner_user_id) : null };
  }

  getUser(userId: string): User | null {
    const row = first(this.sql, 'SELECT * FROM users WHERE id = ?', userId);
    return row ? toUser(row) : null;
  }

  /** Email, id or name; exact id and email matches first. At most 50 rows. */
  searchUsers(q: string): { items: User[]; total: number } {
    const email = containsMatch('email', q, '?2');
    const name = containsMatch('name', q, '?2');
    const pattern = email.value;
    const where = `id = ?1 OR ${email.sql} OR ${name.sql}`;
    const rows = all(
      this.sql,
      `SELECT * FROM users WHERE ${where}
       ORDER BY (id = ?1) DESC, (lower(email) = lower(?1)) DESC, email LIMIT 50`,
      q,
      pattern,
    );
    return { items: rows.map(toUser), total: scalar(this.sql, `SELECT count(*) FROM users WHERE ${where}`, q, pattern) };
  }

  /** The organizations a user belongs to, by name. */
  membershipsOf(userId: string): OrgMembership[] {
    return all(
      this.sql,
      `SELECT o.*, m.role FROM org_members m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name, o.id`,
      userId,
    ).map((row) => ({ org: toOrg(row), role: String(row.role) }));
  }

  getOrg(orgId: string): Org | null {
    const row = first(this.sql, 'SELECT * FROM orgs WHERE id = ?', orgId);
    return row ? toOrg(row) : null;
  }

  /** The organization that owns a town, or null for a user's own town (and for an unknown town). */
  townOrg(townId: string): Org | null {
    const row = first(this.sql, 'SELECT o.* FROM towns t JOIN orgs o ON o.id = t.owner_org_id WHERE t.id = ?', townId);
    return row ? toOrg(row) : null;
  }

  townIds(): string[] {
    return all(this.sql, 'SELECT id FROM towns ORDER BY id').map((r) => String(r.id));
  }

  getMeta(key: string): string | null {
    const row = first(this.sql, 'SELECT value FROM meta WHERE key = ?', key);
    return row ? String(row.value) : null;
  }

  setMeta(key: string, value: string): void {
    insert(this.sql, 'meta', { key, value }, 'INSERT OR REPLACE');
  }

  /**
   * A town's audit chain moved to `seq`/`hash`, as an outbox message from the town: the signed head only
   * moves forward, so a redelivery (or a late older one) changes nothing.
   */
  async anchorAuditOnce(_messageId: string, townId: string, seq: number, hash: string, at: string): Promise<void> {
    await moveHead(this.sql, this.anchorKey, townId, seq, hash, at);
    this.storage.transactionSync(() => extendSequence(this.sql, townId, seq));
  }

  /** Each entry's number across all towns' logs (null: its head has not arrived yet). */
  globalSeqs(entries: { town_id: string; seq: number }[]): (number | null)[] {
    return globalSeqs(this.sql, entries);
  }

  /** A town's signed chain head, with whether its signature holds (null: nothing anchored yet). */
  async auditAnchor(townId: string): Promise<AuditAnchor | null> {
    return readHead(this.sql, this.anchorKey, townId);
  }

  /** Dev reseeding replaced these towns' logs: their old heads would report the new logs as truncated. */
  clearAuditAnchors(townIds: string[]): void {
    this.storage.transactionSync(() => {
      for (const id of townIds) {
        this.sql.exec('DELETE FROM audit_anchors WHERE town_id = ?', id);
        dropSequence(this.sql, id);
      }
    });
  }

  /** An admin's saved views of one scope (saved-views.ts). */
  savedViews(adminId: string, scope: SavedViewScope, townId: string | null = null): SavedViewList {
    return listSavedViews(this.sql, adminId, scope, townId);
  }

  createSavedView(
    adminId: string,
    input: { id: string; scope: SavedViewScope; name: string; query: string; town_id?: string | null | undefined; at: string },
  ): SavedView | SavedViewRefusal {
    return this.storage.transactionSync(() => createSavedView(this.sql, adminId, input));
  }

  updateSavedView(
    adminId: string,
    viewId: string,
    input: { name?: string | undefined; query?: string | undefined; at: string },
  ): SavedView | SavedViewRefusal {
    return this.storage.transactionSync(() => updateSavedView(this.sql, adminId, viewId, input));
  }

  deleteSavedView(adminId: string, viewId: string): SavedViewRefusal | null {
    return this.storage.transactionSync(() => deleteSavedView(this.sql, adminId, viewId));
  }

  setLastUsedView(adminId: string, scope: SavedViewScope, viewId: string | null): SavedViewRefusal | null {
    return this.storage.transactionSync(() => setLastUsedView(this.sql, adminId, scope, viewId));
  }

  /** The integrations a user installed, oldest first. */
  integrationsOf(userId: string): LinkedIntegration[] {
    return all(this.sql, 'SELECT * FROM integrations WHERE owner_user_id = ? ORDER BY created_at, id', userId).map(toIntegration);
  }

  integration(id: string): LinkedIntegration | null {
    const row = first(this.sql, 'SELECT * FROM integrations WHERE id = ?', id);
    return row ? toIntegration(row) : null;
  }

  /** Adds (or replaces) users, organizations with their members, town ownership rows and integrations. */
  upsert(input: { users: User[]; towns: TownOwnership[]; integrations?: LinkedIntegration[]; orgs?: OrgSeed[] }) {
    this.storage.transactionSync(() => {
      for (const user of input.users) insert(this.sql, 'users', { ...user, is_admin: user.is_admin ? 1 : 0 }, 'INSERT OR REPLACE');
      for (const { org, members } of input.orgs ?? []) {
        insert(this.sql, 'orgs', { ...org }, 'INSERT OR REPLACE');
        this.sql.exec('DELETE FROM org_members WHERE org_id = ?', org.id);
        for (const member of members) insert(this.sql, 'org_members', { org_id: org.id, ...member });
      }
      for (const town of input.towns)
        insert(
          this.sql,
          'towns',
          { id: town.id, owner_user_id: town.owner_user_id, owner_org_id: town.owner_org_id ?? null },
          'INSERT OR REPLACE',
        );
      for (const integration of input.integrations ?? [])
        insert(this.sql, 'integrations', { ...integration, repositories: JSON.stringify(integration.repositories) }, 'INSERT OR REPLACE');
    });
  }
}
