import { SEARCH_COUNT_CAP, type SdkEvent, type SdkEventIndexPage, type SdkEventPage, type SearchHit } from '../../src/api/schemas';
import { excerptAround } from '../search/excerpt';
import { sdkEventAt } from '../../scenarios/sdk-stream';
import { summarizeSdkEvent } from '../readings/sdk-summary';
import type { SdkStreamSpec } from '../../scenarios/types';
import { migrate } from '../db/migrate';
import type { Host } from '../host';
import type { SqlPort, Storage } from '../ports';
import { all, containsMatch, first, type Row } from '../db/sql';
import { AGENT_MIGRATIONS } from './schema';
import { idRange, type EventWindow } from './event-window';
import { digestWindow, type WindowDigest } from './window-digest';

/** Rows per transaction when seeding: big enough to amortize commits, small enough to keep memory flat. */
const SEED_BATCH = 50_000;

export interface NewSdkEvent {
  type: string;
  properties: Record<string, unknown>;
  at: string;
}

export interface StreamStats {
  total: number;
  last_id: number;
  last_at: string | null;
}

export interface EventPageQuery extends EventWindow {
  limit: number;
  q?: string | undefined;
  type?: string | undefined;
}

/** One agent's SDK event stream (production's AgentDO): append-only, paged by integer id. */
export class AgentStream {
  private sql: SqlPort;

  constructor(
    private readonly storage: Storage,
    private readonly host: Host,
  ) {
    this.sql = storage.sql;
    migrate(storage, AGENT_MIGRATIONS);
  }

  stats(): StreamStats {
    const row = first(this.sql, 'SELECT total, last_id, last_at FROM event_stats WHERE id = 1');
    return row
      ? { total: Number(row.total), last_id: Number(row.last_id), last_at: row.last_at === null ? null : String(row.last_at) }
      : { total: 0, last_id: 0, last_at: null };
  }

  /** Appends events in order (what the container's event relay calls); ids continue the stream. */
  append(agentId: string, events: NewSdkEvent[]): StreamStats {
    this.storage.transactionSync(() => this.appendRows(agentId, events));
    return this.stats();
  }

  private appendRows(agentId: string, events: NewSdkEvent[]): void {
    let id = this.stats().last_id;
    for (const event of events) this.insertEvent(++id, event.type, { type: event.type, properties: event.properties }, event.at);
    this.bumpStats(agentId, events.length, id, events.at(-1)?.at ?? null);
    this.prune();
  }

  /**
   * Keeps only the newest N events when the deployment declares a retention (production's AgentDO keeps
   * 10,000): ids stay as they were, so a cursor into the kept part still works and one into the dropped
   * part reads from the oldest kept event. `total` counts what is kept.
   */
  private prune(): void {
    const keep = this.host.sdkEventRetention;
    if (!keep) return;
    const { last_id: last } = this.stats();
    if (last <= keep) return;
    this.sql.exec('DELETE FROM agent_events WHERE id <= ?', last - keep);
    this.sql.exec('UPDATE event_stats SET total = min(total, ?) WHERE id = 1', keep);
  }

  /** `append` as an outbox message from the town (the patrol's agents at work): a redelivery appends nothing. */
  appendOnce(messageId: string, agentId: string, events: NewSdkEvent[]): StreamStats {
    this.storage.transactionSync(() => {
      if (first(this.sql, 'SELECT 1 AS x FROM inbox WHERE message_id = ?', messageId)) return;
      this.sql.exec('INSERT INTO inbox (message_id) VALUES (?)', messageId);
      this.appendRows(agentId, events);
    });
    return this.stats();
  }

  /** Dev seeding: replaces the stream with the one the spec generates, in batches of 50k rows. */
  async seedStream(spec: SdkStreamSpec): Promise<StreamStats> {
    await this.storage.deleteAll();
    migrate(this.storage, AGENT_MIGRATIONS);
    for (let start = 1; start <= spec.total; start += SEED_BATCH) {
      const end = Math.min(spec.total, start + SEED_BATCH - 1);
      this.storage.transactionSync(() => {
        let lastAt: string | null = null;
        for (let id = start; id <= end; id++) {
          const event = sdkEventAt(spec, id);
          this.insertEvent(id, event.event_type, event.data, event.created_at);
          lastAt = event.created_at;
        }
        this.bumpStats(spec.agent_id, end - start + 1, end, lastAt);
      });
    }
    this.storage.transactionSync(() => this.prune());
    return this.stats();
  }

  page(query: EventPageQuery): SdkEventPage {
    const stats = this.stats();
    const agentId = this.agentId();
    const range = idRange(this.sql, query, stats.last_id);
    const filters: string[] = ['id BETWEEN ? AND ?'];
    const bindings: unknown[] = [range.low, range.high];
    if (query.type) {
      filters.push('event_type = ?');
      bindings.push(query.type);
    }
    if (query.q) {
      // A substring over the stored JSON: bounded by LIMIT, so a common term stops early.
      const match = containsMatch('data', query.q);
      filters.push(match.sql);
      bindings.push(match.value);
    }
    const rows = range.empty
      ? []
      : all(
          this.sql,
          `SELECT id, event_type, data, created_at, summary FROM agent_events WHERE ${filters.join(' AND ')}
           ORDER BY id ${range.descending ? 'DESC' : 'ASC'} LIMIT ?`,
          ...bindings,
          query.limit + 1,
        );
    const more = rows.length > query.limit;
    const items = rows.slice(0, query.limit).map((row) => toSdkEvent(row, agentId));
    return { items, next_cursor: more ? (items.at(-1)?.id ?? null) : null, total: stats.total, dropped: dropped(stats) };
  }

  /**
   * Town-wide search's share of this stream: the newest `limit` events whose JSON contains `q`, and how
   * many match (counted up to SEARCH_COUNT_CAP). One scan from the newest end that reads ids only, so a
   * common term stops after the cap and a rare one costs one pass over the stream.
   */
  search(q: string, limit: number, newest: number | null = null): { items: SearchHit[]; total: number; capped: boolean } {
    // A deployment that keeps only the newest N events (the production-today profile) searches only those.
    const low = newest === null ? 0 : this.stats().last_id - newest;
    const match = containsMatch('data', q);
    const ids = [
      ...this.sql
        .exec(`SELECT id FROM agent_events WHERE id > ? AND ${match.sql} ORDER BY id DESC LIMIT ?`, low, match.value, SEARCH_COUNT_CAP + 1)
        .raw(),
    ].map((r) => Number(r[0]));
    const capped = ids.length > SEARCH_COUNT_CAP;
    const agentId = this.agentId();
    const items = ids.slice(0, limit).map((id) => {
      const row = first(this.sql, 'SELECT id, event_type, data, created_at, summary FROM agent_events WHERE id = ?', id)!;
      const summary = String(row.summary);
      const inSummary = excerptAround(summary, q);
      return {
        kind: 'sdk_event',
        id: String(id),
        title: summary.slice(0, 200) || String(row.event_type),
        field: inSummary === null ? 'data' : 'summary',
        excerpt: inSummary ?? excerptAround(String(row.data), q) ?? summary,
        at: String(row.created_at),
        bead_id: null,
        agent_id: agentId || null,
        event_id: id,
        timeline_kind: null,
      } satisfies SearchHit;
    });
    return { items, total: capped ? SEARCH_COUNT_CAP : ids.length, capped };
  }

  /** One run's window of this stream for the compare view (server/agent/window-digest.ts). */
  digest(since: string, until: string): WindowDigest {
    return digestWindow(this.sql, this.stats().last_id, since, until);
  }

  event(id: number): SdkEvent | null {
    const row = first(this.sql, 'SELECT id, event_type, data, created_at, summary FROM agent_events WHERE id = ?', id);
    return row ? toSdkEvent(row, this.agentId()) : null;
  }

  /** Compact rows for the viewer's in-browser index, ascending after `after`. */
  index(after: number, limit: number): SdkEventIndexPage {
    const rows = [
      ...this.sql
        .exec('SELECT id, created_ms, event_type, summary FROM agent_events WHERE id > ? ORDER BY id LIMIT ?', after, limit + 1)
        .raw(),
    ] as [number, number, string, string][];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const stats = this.stats();
    return { rows: page, next_cursor: more ? (page.at(-1)?.[0] ?? null) : null, total: stats.total, dropped: dropped(stats) };
  }

  private agentId(): string {
    return String(first(this.sql, 'SELECT agent_id FROM event_stats WHERE id = 1')?.agent_id ?? '');
  }

  private insertEvent(id: number, type: string, data: { type: string; properties: Record<string, unknown> }, at: string): void {
    this.sql.exec(
      'INSERT INTO agent_events (id, event_type, data, created_at, created_ms, summary) VALUES (?, ?, ?, ?, ?, ?)',
      id,
      type,
      JSON.stringify(data),
      at,
      Date.parse(at),
      summarizeSdkEvent(type, data.properties),
    );
  }

  private bumpStats(agentId: string, added: number, lastId: number, lastAt: string | null): void {
    this.sql.exec(
      `INSERT INTO event_stats (id, agent_id, total, last_id, last_at) VALUES (1, ?1, ?2, ?3, ?4)
       ON CONFLICT (id) DO UPDATE SET total = total + ?2, last_id = ?3, last_at = coalesce(?4, last_at)`,
      agentId,
      added,
      lastId,
      lastAt,
    );
  }
}

function toSdkEvent(row: Row, agentId: string): SdkEvent {
  return {
    id: Number(row.id),
    agent_id: agentId,
    event_type: String(row.event_type),
    data: JSON.parse(String(row.data)) as SdkEvent['data'],
    created_at: String(row.created_at),
    summary: String(row.summary),
  };
}

/** Ids run 1…last_id and only the retention removes events, so what is gone is last_id − kept. */
function dropped(stats: { total: number; last_id: number }): number {
  return Math.max(0, stats.last_id - stats.total);
}
