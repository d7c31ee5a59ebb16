import type { TownSeed, WorldSeed } from '../../scenarios/types';
import { badParam } from '../http/errors';

/**
 * Hostile text for the e2e suite (`e2e/hostile-text.spec.ts`, test hooks only): the seed's own free text
 * — what Gastown's agents, containers, git and credential brokers write — replaced by a corpus of
 * payloads before the towns are written, so every view reads it back from SQLite as it would
 * production text. Only fields the scenario already fills are replaced (a success keeps no error), so
 * each town keeps its scenario; one town also gets `large` (a 1 MB string) in one bead body, one git
 * stderr, one credential error, one agent status reason and one container lifecycle reason. Agents and
 * rigs get hostile names too, written everywhere a row repeats the name (`agent_name`, `rig_name`).
 */
export interface HostileTextRequest {
  texts: string[];
  large?: string | undefined;
  /** The town (by name) that gets the large string. */
  large_town?: string | undefined;
}

const MAX_TEXTS = 200;
const MAX_TEXT = 10_000;
const MAX_LARGE = 2 * 1024 * 1024;

export function parseHostileText(value: unknown): HostileTextRequest {
  const body = (value ?? {}) as Record<string, unknown>;
  const texts = body.texts;
  if (!Array.isArray(texts) || texts.length === 0 || texts.length > MAX_TEXTS)
    throw badParam('hostile.texts', `must be 1–${MAX_TEXTS} strings`);
  texts.forEach((t, i) => {
    if (typeof t !== 'string' || t.length === 0 || t.length > MAX_TEXT)
      throw badParam(`hostile.texts[${i}]`, `must be a string of 1–${MAX_TEXT} characters`);
  });
  if (body.large !== undefined && (typeof body.large !== 'string' || body.large.length > MAX_LARGE))
    throw badParam('hostile.large', `must be a string of at most ${MAX_LARGE} characters`);
  if (body.large_town !== undefined && typeof body.large_town !== 'string') throw badParam('hostile.large_town', 'must be a town name');
  return { texts: texts as string[], large: body.large as string | undefined, large_town: body.large_town as string | undefined };
}

/** Rewrites the world's free text in place (see above). */
export function plantHostileText(world: WorldSeed, request: HostileTextRequest): void {
  for (const town of world.towns) {
    plantInTown(town, request.texts);
    if (request.large && town.town.name === request.large_town) plantLarge(town, request.large);
  }
}

function plantInTown(town: TownSeed, texts: string[]): void {
  // Each town starts at a different place in the corpus, so every payload lands in every kind of field somewhere.
  let i = town.town.name.length;
  const next = () => texts[i++ % texts.length]!;
  for (const bead of town.beads) {
    bead.title = next();
    if (bead.body !== null) bead.body = next();
  }
  for (const d of town.dispatch_attempts) {
    if (d.error_message !== null) d.error_message = next();
    if (d.container_response !== null) d.container_response = next();
  }
  for (const g of town.git_operations) if (g.stderr_excerpt !== null) g.stderr_excerpt = next();
  for (const c of town.credentials) if (c.last_error !== null) c.last_error = next();
  for (const e of town.credential_events) if (e.error !== null) e.error = next();
  for (const e of town.container_events) if (e.message !== null) e.message = next();
  const agentNames = new Map(town.agents.map((a) => [a.id, (a.name = next())]));
  const rigNames = new Map(town.rigs.map((r) => [r.id, (r.name = next())]));
  renameCopies(town, agentNames, rigNames);
  if (town.mayor) {
    if (town.mayor.last_user_message) town.mayor.last_user_message.text = next();
    if (town.mayor.session_error !== null) town.mayor.session_error = next();
  }
}

/** Rows that repeat an agent's or a rig's name beside its id (assignments, processes, credentials…) follow the rename. */
function renameCopies(town: TownSeed, agents: Map<string, string>, rigs: Map<string, string>): void {
  for (const rows of Object.values(town)) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows as Record<string, unknown>[]) {
      if (!row || typeof row !== 'object') continue;
      const agent = typeof row.agent_id === 'string' ? agents.get(row.agent_id) : undefined;
      if (agent !== undefined && typeof row.agent_name === 'string') row.agent_name = agent;
      const rig = typeof row.rig_id === 'string' ? rigs.get(row.rig_id) : undefined;
      if (rig !== undefined && typeof row.rig_name === 'string') row.rig_name = rig;
    }
  }
}

function plantLarge(town: TownSeed, large: string): void {
  const bead = town.beads.find((b) => b.body !== null);
  if (bead) bead.body = large;
  const git = town.git_operations.find((g) => g.stderr_excerpt !== null);
  if (git) git.stderr_excerpt = large;
  const credential = town.credentials.find((c) => c.last_error !== null);
  if (credential) credential.last_error = large;
  // The first polecat's (the one whose page the e2e opens).
  const polecat = town.agents.find((a) => a.role === 'polecat');
  const status = town.agent_status_history.find((h) => h.agent_id === polecat?.id && h.reason !== null);
  if (status) status.reason = large;
  const lifecycle = town.container_events.find((e) => e.reason !== null);
  if (lifecycle) lifecycle.reason = large;
}
