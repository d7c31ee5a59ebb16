import type { Storage } from '../ports';

/**
 * Ordered schema migrations for one Durable Object's SQLite database. Migration `n` (0-based) brings the
 * schema from version `n` to `n + 1`; the applied version is kept in `schema_version`, so a later release
 * appends a migration and every existing object upgrades on its next start.
 */
export function migrate(storage: Storage, migrations: readonly string[]): number {
  const sql = storage.sql;
  sql.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = sql.exec<{ version: number }>('SELECT version FROM schema_version').toArray()[0];
  const current = row?.version ?? 0;
  if (current > migrations.length) {
    throw new Error(`database schema v${current} is newer than this code (v${migrations.length})`);
  }
  if (current === migrations.length) return current;
  storage.transactionSync(() => {
    for (let version = current; version < migrations.length; version++) sql.exec(migrations[version]!);
    if (row) sql.exec('UPDATE schema_version SET version = ?', migrations.length);
    else sql.exec('INSERT INTO schema_version (version) VALUES (?)', migrations.length);
  });
  return migrations.length;
}
