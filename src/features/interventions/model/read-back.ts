import { apiClient, endpoints, type ActionName, type ActionTarget } from '../../../api';

/**
 * After an intervention, re-reads the target from the API and says what it is now, so the admin sees
 * the verified state rather than "done". Returns the sentence and the version read.
 */
export async function readBack(townId: string, action: ActionName, target: ActionTarget): Promise<{ text: string; version: number | null }> {
  switch (target.kind) {
    case 'agent': {
      if (action === 'agent.delete') {
        const agents = await apiClient.get(endpoints.agents(townId));
        const still = agents.items.some((a) => a.id === target.id);
        return { text: still ? 'The agent is still listed.' : 'The agent is gone from the town’s agent list.', version: null };
      }
      const detail = await apiClient.get(endpoints.agent(townId, target.id));
      const a = detail.agent;
      const mayor = detail.mayor ? `; session ${detail.mayor.session_state}` : '';
      const process = detail.process ? `; process ${detail.process.status}` : '';
      return { text: `${a.name} is now ${a.status}${a.current_hook_bead_id ? `, hooked to “${a.hooked_bead_title ?? a.current_hook_bead_id}”` : ', hooked to nothing'}${process}${mayor}.`, version: a.version };
    }
    case 'bead':
    case 'convoy': {
      const detail = await apiClient.get(endpoints.bead(townId, target.id));
      const b = detail.bead;
      const convoy = detail.convoy ? `; ${detail.convoy.closed_beads}/${detail.convoy.total_beads} closed${detail.convoy.landed_at ? ', landed' : ''}` : '';
      return { text: `“${b.title}” is now ${b.status}, priority ${b.priority}${detail.hooked_agent ? `, hooked by ${detail.hooked_agent.name}` : ''}${convoy}.`, version: b.version };
    }
    case 'review': {
      const queue = await apiClient.get(endpoints.reviewQueue(townId));
      const e = queue.entries.find((x) => x.bead_id === target.id);
      return e
        ? { text: `“${e.title}” is now ${e.review_state} (bead ${e.status}, ${e.retry_count} retries).`, version: e.version }
        : { text: 'The merge request left the queue.', version: null };
    }
    case 'container': {
      const c = await apiClient.get(endpoints.container(townId));
      return { text: `Container is now ${c.status} (health ${c.health}), sleeps after ${c.sleep_after_minutes} min; ${c.env_vars.length} env vars.`, version: c.version };
    }
    case 'rig':
    case 'credential': {
      const config = await apiClient.get(endpoints.config(townId));
      const cred = config.credentials.find((c) => c.rig_id === target.id);
      const rig = config.rigs.find((r) => r.rig.id === target.id);
      return {
        text: cred ? `Rig ${cred.rig_name}: credential ${cred.status} (${cred.source === 'manual_token' ? 'manual token' : `integration ${cred.integration_id ?? '—'}`})${cred.last_error ? `; last error: ${cred.last_error}` : ''}.` : 'Rig updated.',
        version: rig?.version ?? null,
      };
    }
    case 'town':
    case 'config': {
      const config = await apiClient.get(endpoints.config(townId));
      const queue = await apiClient.get(endpoints.reviewQueue(townId));
      return { text: `Town config version ${config.config.version}: merge strategy ${config.config.merge_strategy}, review queue depth ${queue.depth}.`, version: config.config.version };
    }
  }
}
