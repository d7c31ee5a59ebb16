/** DirectoryDO schema, by version (see db/migrate.ts). */
export const DIRECTORY_MIGRATIONS = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     name TEXT NOT NULL,
     is_admin INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX users_email ON users (email COLLATE NOCASE);
   -- Only a SHA-256 of each token is stored, so a copied state folder does not hand out sessions.
   CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id));
   -- Which user owns which town: lets an unknown town id answer 404 without waking (and creating) a TownDO.
   CREATE TABLE towns (id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // v2: the platform integrations users installed (stand-in for the platform's own table): a rig can be
  // linked only to one of its owner's, and its credential reaches only the repositories listed here.
  `CREATE TABLE integrations (
     id TEXT PRIMARY KEY,
     owner_user_id TEXT NOT NULL,
     provider TEXT NOT NULL,
     account TEXT NOT NULL,
     status TEXT NOT NULL,
     repositories TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX integrations_owner ON integrations (owner_user_id, created_at);`,
  // v3 (issue 17): each town's audit chain head, signed, outside the town's own database (audit-anchors.ts).
  `CREATE TABLE audit_anchors (
     town_id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     hash TEXT NOT NULL,
     at TEXT NOT NULL,
     signature TEXT NOT NULL
   );`,
  // v4: sessions are signed admin tokens (server/auth), verified by signature: no token is stored.
  `DROP TABLE tokens;`,
  // v5 (issue 16): organizations and their members (stand-in for the dashboard's Postgres organizations and
  // memberships). An organization's towns live in its GastownOrgDO; `owner_org_id` marks them here so a
  // town id still resolves (404, access) without waking any owner object. `owner_user_id` stays the creator.
  `CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE org_members (
     org_id TEXT NOT NULL REFERENCES orgs (id),
     user_id TEXT NOT NULL,
     role TEXT NOT NULL,
     PRIMARY KEY (org_id, user_id)
   );
   CREATE INDEX org_members_user ON org_members (user_id, org_id);
   ALTER TABLE towns ADD COLUMN owner_org_id TEXT;`,
  // v6 (issue 14): one sequence across every town's audit log, as ranges of each town's seqs (audit-sequence.ts).
  `CREATE TABLE audit_sequence (
     first_global INTEGER PRIMARY KEY,
     town_id TEXT NOT NULL,
     first_seq INTEGER NOT NULL,
     last_seq INTEGER NOT NULL
   );
   CREATE INDEX audit_sequence_town ON audit_sequence (town_id, last_seq);`,
  // v7 (issue 15): each admin's saved views (a view's filters under a name) and the one used last per
  // view. Preferences, not interventions: nothing here is audited. Names are unique per admin and view,
  // ignoring case, so "Stalled polecats" and "stalled polecats" cannot both exist.
  `CREATE TABLE saved_views (
     id TEXT PRIMARY KEY,
     admin_id TEXT NOT NULL,
     scope TEXT NOT NULL,
     name TEXT NOT NULL,
     query TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX saved_views_name ON saved_views (admin_id, scope, name COLLATE NOCASE);
   CREATE TABLE saved_view_last_used (
     admin_id TEXT NOT NULL,
     scope TEXT NOT NULL,
     view_id TEXT NOT NULL,
     PRIMARY KEY (admin_id, scope)
   );`,
  // v8 (issue 15): a saved view can belong to one town (listed only there); NULL = every town, as before.
  // Names stay unique per admin and view across towns, so a link or a name never means two views.
  `ALTER TABLE saved_views ADD COLUMN town_id TEXT;`,
] as const;
