import { ApiError, apiClient, endpoints, type ActionName, type ActionResult, type ActionTarget } from '../../../api';
import { readFreshTarget } from '../api/read-target';
import { describeAgentNow } from './agent-now';
import { formatValue, toChangeRows, valueAt } from './values';

const quote = (s: string) => `“${s}”`;
const shown = (v: unknown) => (v === null || v === undefined ? 'unset' : formatValue(v));

/** Re-reads the beads an action said it would change (other than the target itself) and says what each is now. */
async function otherBeads(townId: string, result: ActionResult, skip: string): Promise<string[]> {
  const ids = [
    ...new Set(
      result.effect.changes.filter((c) => c.entity.kind === 'bead' && c.field === 'status' && c.entity.id !== skip).map((c) => c.entity.id),
    ),
  ];
  const beads = await Promise.all(ids.map((id) => apiClient.get(endpoints.bead(townId, id)).catch(() => null)));
  return beads.filter((b) => b !== null).map((b) => `${quote(b.bead.title)} is now ${b.bead.status}`);
}

/**
 * After an intervention, re-reads the target (and the beads the action touched) from the API and says
 * what they are now, so the admin sees the verified state rather than "done".
 */
export async function readBack(
  townId: string,
  action: ActionName,
  target: ActionTarget,
  result: ActionResult,
): Promise<{ text: string; version: number | null }> {
  if (action === 'agent.delete') {
    const [agents, beads] = await Promise.all([apiClient.get(endpoints.agents(townId)), otherBeads(townId, result, target.id)]);
    const name = result.effect.changes.find((c) => c.entity.kind === 'agent')?.entity.label ?? 'The agent';
    const still = agents.items.some((a) => a.id === target.id);
    const text = still ? `${name} is still listed in the town’s agents.` : `${name} is deleted: gone from the town’s agent list`;
    return { text: still ? text : `${text}${beads.length ? `; its bead ${beads.join(', ')}` : ''}.`, version: null };
  }
  if (action === 'bead.delete') {
    const name = result.effect.changes.find((c) => c.entity.id === target.id)?.entity.label ?? 'The bead';
    // A 404 is the answer hoped for: anything else (the bead still there, or a failed read) says so.
    const still = await apiClient
      .get(endpoints.bead(townId, target.id))
      .then(() => true)
      .catch((error: unknown) => !(error instanceof ApiError && error.status === 404));
    return {
      text: still ? `${quote(name)} still answers on its page.` : `${quote(name)} is deleted: its page answers “not found”.`,
      version: null,
    };
  }
  const read = await readFreshTarget(townId, target);
  const also = async (sentence: string) => {
    const beads = await otherBeads(townId, result, target.id);
    return beads.length ? `${sentence} ${beads.join('; ')}.` : sentence;
  };
  switch (read.kind) {
    case 'agent':
      return { text: describeAgentNow(read.data), version: read.data.agent.version };
    case 'bead': {
      const detail = read.data;
      const b = detail.bead;
      const convoy = detail.convoy
        ? `; ${detail.convoy.closed_beads}/${detail.convoy.total_beads} closed${detail.convoy.landed_at ? ', landed' : ''}`
        : '';
      return {
        text: await also(
          `${quote(b.title)} is now ${b.status}, priority ${b.priority}${detail.hooked_agent ? `, hooked by ${detail.hooked_agent.name}` : ''}${convoy}.`,
        ),
        version: b.version,
      };
    }
    case 'review': {
      const e = read.data.entries.find((x) => x.bead_id === target.id);
      return e
        ? {
            text: await also(`${quote(e.title)} is now ${e.review_state} (bead ${e.status}, ${e.retry_count} retries).`),
            version: e.version,
          }
        : { text: await also('The merge request left the queue.'), version: null };
    }
    case 'container': {
      const c = read.data;
      return {
        text: `Container is now ${c.status} (health ${c.health}), sleeps after ${c.sleep_after_minutes} min; ${c.env_vars.length} env vars.`,
        version: c.version,
      };
    }
    case 'config': {
      const config = read.data;
      if (target.kind === 'rig' || target.kind === 'credential') {
        const cred = config.credentials.find((c) => c.rig_id === target.id);
        const rig = config.rigs.find((r) => r.rig.id === target.id);
        const fields =
          action === 'config.update_rig' && rig
            ? toChangeRows(result.effect.changes).map((c) => `${c.field} ${shown(valueAt(rig, c.field))}`)
            : [];
        const rigText = rig && fields.length ? `Rig ${rig.rig.name} (version ${rig.version}): ${fields.join(', ')}` : null;
        const credText = cred
          ? `credential ${cred.status} (${cred.source === 'manual_token' ? 'manual token' : `integration ${cred.integration_id ?? '—'}`})${cred.last_error ? `; last error: ${cred.last_error}` : ''}`
          : null;
        return {
          text: `${rigText ?? `Rig ${cred?.rig_name ?? rig?.rig.name ?? target.id}`}${credText ? `${rigText ? '; ' : ': '}${credText}` : ''}.`,
          version: rig?.version ?? null,
        };
      }
      if (action === 'config.update_town') {
        // Each changed value as the server now has it (one row per key of an object-valued field).
        const fields = toChangeRows(result.effect.changes).map((ch) => `${ch.field} ${shown(valueAt(config.config, ch.field))}`);
        return { text: `Town config is now version ${config.config.version}: ${fields.join(', ')}.`, version: config.config.version };
      }
      const queue = await apiClient.get(endpoints.reviewQueue(townId));
      return {
        text: `Town config version ${config.config.version}: merge strategy ${config.config.merge_strategy}, review queue depth ${queue.depth}.`,
        version: config.config.version,
      };
    }
  }
}
