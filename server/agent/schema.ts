/** AgentDO schema, by version (see db/migrate.ts). */
export const AGENT_MIGRATIONS = [
  `-- id is the paging cursor (INTEGER PRIMARY KEY = the rowid: O(log n) seeks, no extra index).
   -- created_ms and summary are derived once at append so reads never re-parse the JSON.
   CREATE TABLE agent_events (
     id INTEGER PRIMARY KEY,
     event_type TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     summary TEXT NOT NULL
   );
   CREATE INDEX agent_events_type ON agent_events (event_type, id);
   -- The stream's size and end, kept as a counter row: a count(*) over a million rows per page costs ~60 ms.
   CREATE TABLE event_stats (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     agent_id TEXT NOT NULL,
     total INTEGER NOT NULL,
     last_id INTEGER NOT NULL,
     last_at TEXT
   );`,
  // v2 (issue 13): ids of outbox messages already applied, so a redelivered batch appends once.
  `CREATE TABLE inbox (message_id TEXT PRIMARY KEY);`,
] as const;
