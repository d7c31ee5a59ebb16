import type { Database, SqlJsStatic, SqlValue as SqlJsValue, Statement } from 'sql.js';
import type { Row, SqlCursor, SqlPort, SqlValue, Storage } from '../../server/ports';

/**
 * The MSW host's SQLite: sql.js (SQLite compiled to WebAssembly), in memory. Chosen because its API is
 * synchronous like `ctx.storage.sql` (the server's transactions stay `transactionSync`), and the same
 * build runs in Node, jsdom and the browser with no worker, no OPFS and no install script. The inline
 * build carries its wasm as base64, so no host needs to serve or locate a `.wasm` file.
 */
let engine: Promise<SqlJsStatic> | null = null;

export function loadSqlite(): Promise<SqlJsStatic> {
  engine ??= import('sql.js/dist/sql-wasm-inline.js').then((m) => {
    const init = ((m as { default?: unknown }).default ?? m) as (config?: object) => Promise<SqlJsStatic>;
    return init();
  });
  return engine;
}

/** `?` bindings as SQLite takes them: booleans and undefined have no SQLite type of their own. */
function bindable(value: unknown): SqlJsValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value as SqlJsValue;
}

class Cursor<T extends Row> implements SqlCursor<T> {
  constructor(
    private readonly columns: string[],
    private readonly rows: SqlValue[][],
    readonly rowsWritten: number,
  ) {}

  toArray(): T[] {
    return this.rows.map((values) => {
      const row: Row = {};
      this.columns.forEach((column, i) => (row[column] = values[i] ?? null));
      return row as T;
    });
  }

  raw(): IterableIterator<SqlValue[]> {
    return this.rows[Symbol.iterator]();
  }
}

const WRITE = /^\s*(insert|update|delete|replace)\b/i;

/** Several statements in one string: only migrations do this, and they carry no bindings. */
const MULTIPLE = /;\s*\S/;

/**
 * A `Storage` over one sql.js database. Statements are prepared once per query text and reused, as the
 * Durable Object runtime caches them; `transactionSync` nests with savepoints.
 */
export class SqliteStorage implements Storage {
  readonly sql: SqlPort;
  /** Prepared once per query text; `write` says whether its row count means anything. */
  private readonly statements = new Map<string, { statement: Statement; write: boolean }>();
  private depth = 0;
  /** When the object asked to be woken (host time, ms), or null; the MSW host decides whether timers run. */
  alarmAt: number | null = null;
  /** Called when the object asks for an alarm: the MSW host arms a timer in live mode. */
  onAlarm: (at: number | null) => void = () => {};

  constructor(
    private db: Database,
    private readonly sqlite: SqlJsStatic,
  ) {
    this.sql = { exec: (query, ...bindings) => this.exec(query, bindings) };
  }

  private exec<T extends Row>(query: string, bindings: unknown[]): SqlCursor<T> {
    if (bindings.length === 0 && MULTIPLE.test(query.trim().replace(/;\s*$/, ''))) {
      let written = 0;
      let last: Cursor<T> = new Cursor<T>([], [], 0);
      for (const statement of this.db.iterateStatements(query)) {
        try {
          last = this.run<T>(statement, [], WRITE.test(statement.getSQL()));
          written += last.rowsWritten;
        } finally {
          statement.free();
        }
      }
      return new Cursor<T>(last.toArray().length ? Object.keys(last.toArray()[0]!) : [], [...last.raw()], written);
    }
    let prepared = this.statements.get(query);
    if (!prepared) {
      prepared = { statement: this.db.prepare(query), write: WRITE.test(query) };
      this.statements.set(query, prepared);
    }
    try {
      return this.run<T>(prepared.statement, bindings, prepared.write);
    } finally {
      prepared.statement.reset();
    }
  }

  private run<T extends Row>(statement: Statement, bindings: unknown[], write: boolean): Cursor<T> {
    if (bindings.length) statement.bind(bindings.map(bindable));
    const rows: SqlValue[][] = [];
    while (statement.step()) rows.push(statement.get() as SqlValue[]);
    // sqlite3_changes() keeps the last write's count through later reads, so only a write reports it.
    return new Cursor<T>(rows.length ? statement.getColumnNames() : [], rows, write ? this.db.getRowsModified() : 0);
  }

  transactionSync<T>(fn: () => T): T {
    const name = `tx${this.depth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.depth--;
      this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }

  async setAlarm(at: number | null): Promise<void> {
    this.alarmAt = at;
    this.onAlarm(at);
  }

  async deleteAll(): Promise<void> {
    this.reopen(new this.sqlite.Database());
  }

  /** The whole database as bytes (the MSW host keeps a seeded copy to start each test from). */
  snapshot(): Uint8Array {
    // export() frees every prepared statement of the database (and reopens it): forget ours first.
    this.statements.clear();
    return this.db.export();
  }

  restore(bytes: Uint8Array): void {
    this.reopen(new this.sqlite.Database(bytes));
  }

  private reopen(db: Database): void {
    for (const { statement } of this.statements.values()) statement.free();
    this.statements.clear();
    this.db.close();
    this.db = db;
  }
}

export async function openMemoryStorage(bytes?: Uint8Array): Promise<SqliteStorage> {
  const sqlite = await loadSqlite();
  return new SqliteStorage(new sqlite.Database(bytes), sqlite);
}
