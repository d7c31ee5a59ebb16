import type { AgentStatus, Open, ReviewState } from '../src/api/schemas';
import type { TownSeed } from './types';

/**
 * The invariants that keep a scenario town telling one story on every screen: an agent's status
 * history ends in its current status, nothing happens before the entity it belongs to exists, every
 * interval runs forward, the container's processes started after the container did, the review
 * queue's samples agree with its merge requests, and hooks, assignments and beads agree.
 *
 * Returns one line per violation (empty when the town is consistent), so a failing test names them all.
 */
export function checkTownConsistency(town: TownSeed, nowIso: string): string[] {
  const out: string[] = [];
  const name = town.town.name;
  const fail = (what: string) => out.push(`${name}: ${what}`);
  const t = (iso: string) => Date.parse(iso);
  const now = t(nowIso);
  const beadById = new Map(town.beads.map((b) => [b.id, b]));
  const agentById = new Map(town.agents.map((a) => [a.id, a]));
  const townCreated = t(town.town.created_at);
  const label = (id: string) => {
    const b = beadById.get(id);
    return b ? `bead “${b.title}”` : `bead ${id}`;
  };
  const notFuture = (what: string, iso: string | null) => {
    if (iso && t(iso) > now) fail(`${what} (${iso}) is in the future`);
  };
  const notBefore = (what: string, iso: string | null, floorWhat: string, floorIso: string) => {
    if (iso && t(iso) < t(floorIso)) fail(`${what} (${iso}) is before ${floorWhat} (${floorIso})`);
  };

  // ── The town and its rigs ──────────────────────────────────────────────────────────────────
  if (t(town.town.updated_at) < townCreated) fail('town updated before it was created');
  notFuture('town updated_at', town.town.updated_at);
  for (const rig of town.rigs) notBefore(`rig ${rig.name} created_at`, rig.created_at, 'the town’s creation', town.town.created_at);

  // ── Unique titles ──────────────────────────────────────────────────────────────────────────
  const titles = new Map<string, number>();
  for (const b of town.beads) titles.set(b.title, (titles.get(b.title) ?? 0) + 1);
  for (const [title, count] of titles) if (count > 1) fail(`${count} beads share the title “${title}”`);

  // ── Agents: status history ends in the current status ──────────────────────────────────────
  const historyOf = new Map<string, TownSeed['agent_status_history']>();
  for (const h of town.agent_status_history) {
    if (!agentById.has(h.agent_id)) fail(`status history row for unknown agent ${h.agent_id}`);
    const list = historyOf.get(h.agent_id) ?? [];
    list.push(h);
    historyOf.set(h.agent_id, list);
  }
  /** The agent's status at an instant, from its history (what the status timeline draws). */
  const statusAt = (agentId: string, at: number): Open<AgentStatus> | null => {
    let status: Open<AgentStatus> | null = null;
    for (const h of historyOf.get(agentId) ?? []) if (t(h.at) <= at) status = h.status;
    return status;
  };
  for (const a of town.agents) {
    const who = `${a.role} ${a.name}`;
    notBefore(`${who} created_at`, a.created_at, 'the town’s creation', town.town.created_at);
    notBefore(`${who} status_since`, a.status_since, 'its creation', a.created_at);
    notBefore(`${who} last_activity_at`, a.last_activity_at, 'its creation', a.created_at);
    notFuture(`${who} status_since`, a.status_since);
    notFuture(`${who} last_activity_at`, a.last_activity_at);
    const history = [...(historyOf.get(a.id) ?? [])].sort((x, y) => x.at.localeCompare(y.at));
    historyOf.set(a.id, history);
    if (history.length === 0) {
      fail(`${who} has no status history`);
      continue;
    }
    for (const h of history) {
      notBefore(`${who}'s status change to ${h.status}`, h.at, 'its creation', a.created_at);
      notFuture(`${who}'s status change to ${h.status}`, h.at);
    }
    const last = history[history.length - 1]!;
    const lastAt = history.filter((h) => h.at === last.at);
    if (lastAt.length > 1 && new Set(lastAt.map((h) => h.status)).size > 1)
      fail(`${who} changes status twice at ${last.at} (${lastAt.map((h) => h.status).join(', ')})`);
    if (last.status !== a.status) fail(`${who} is ${a.status} but its status history ends in ${last.status} (${last.at})`);
    if (last.at !== a.status_since) fail(`${who} is ${a.status} since ${a.status_since} but its last status change is at ${last.at}`);
    if (a.status === 'stalled' && a.stalled_at !== a.status_since)
      fail(`${who} is stalled since ${a.status_since} but stalled_at is ${a.stalled_at}`);
    // Hooks: the agent's hook, its open assignment and the bead agree.
    const open = town.assignments.filter((x) => x.agent_id === a.id && !x.ended_at);
    if (a.current_hook_bead_id) {
      const bead = beadById.get(a.current_hook_bead_id);
      if (!bead) fail(`${who} is hooked to missing bead ${a.current_hook_bead_id}`);
      else {
        if (bead.assignee_agent_bead_id !== a.id)
          fail(`${who} is hooked to ${label(bead.id)} whose assignee is ${bead.assignee_agent_bead_id}`);
        if (bead.status !== 'in_progress') fail(`${who} is hooked to ${label(bead.id)} which is ${bead.status}`);
      }
      if (open.length !== 1 || open[0]!.bead_id !== a.current_hook_bead_id)
        fail(
          `${who} is hooked to ${label(a.current_hook_bead_id)} but its open assignments are [${open.map((x) => label(x.bead_id)).join(', ')}]`,
        );
      if (a.status === 'idle') fail(`${who} is idle while hooked to ${label(a.current_hook_bead_id)}`);
    } else if (open.length) {
      fail(`${who} has no hook but open assignments [${open.map((x) => label(x.bead_id)).join(', ')}]`);
    }
    if (a.container_process_id && !town.processes.some((p) => p.process_id === a.container_process_id && p.agent_id === a.id)) {
      fail(`${who}'s container_process_id ${a.container_process_id} is not one of its processes`);
    }
  }
  for (const b of town.beads) {
    const hookers = town.agents.filter((a) => a.current_hook_bead_id === b.id);
    if (hookers.length > 1) fail(`${label(b.id)} is hooked by ${hookers.length} agents`);
    // GUPP: an in-progress work bead is hooked by its assignee.
    if (b.type === 'issue' && b.status === 'in_progress') {
      const assignee = b.assignee_agent_bead_id ? agentById.get(b.assignee_agent_bead_id) : undefined;
      if (!assignee) fail(`${label(b.id)} is in_progress with no assignee`);
      else if (assignee.current_hook_bead_id !== b.id)
        fail(
          `${label(b.id)} is in_progress, assigned to ${assignee.name}, who is hooked to ${assignee.current_hook_bead_id ? label(assignee.current_hook_bead_id) : 'nothing'}`,
        );
    }
    if (b.assignee_agent_bead_id && !agentById.has(b.assignee_agent_bead_id))
      fail(`${label(b.id)} is assigned to unknown agent ${b.assignee_agent_bead_id}`);
  }

  // ── Assignments ────────────────────────────────────────────────────────────────────────────
  const byAgent = new Map<string, TownSeed['assignments']>();
  for (const x of town.assignments) {
    const agent = agentById.get(x.agent_id);
    const bead = beadById.get(x.bead_id);
    const what = `${x.agent_name}'s assignment of ${label(x.bead_id)}`;
    if (!agent) fail(`${what}: unknown agent`);
    if (!bead) {
      fail(`${what}: missing bead`);
      continue;
    }
    if (x.bead_title !== bead.title) fail(`${what} is titled “${x.bead_title}”`);
    if (x.ended_at && t(x.ended_at) < t(x.started_at)) fail(`${what} ended (${x.ended_at}) before it started (${x.started_at})`);
    if ((x.ended_at === null) !== (x.outcome === 'active')) fail(`${what} has outcome ${x.outcome} and ended_at ${x.ended_at}`);
    notBefore(`${what} started`, x.started_at, 'the bead’s creation', bead.created_at);
    if (agent) notBefore(`${what} started`, x.started_at, 'the agent’s creation', agent.created_at);
    notFuture(`${what} end`, x.ended_at);
    if (bead.closed_at && t(x.started_at) > t(bead.closed_at)) fail(`${what} started after the bead closed`);
    if (x.ended_at && bead.closed_at && t(x.ended_at) > t(bead.closed_at))
      fail(`${what} ended (${x.ended_at}) after the bead closed (${bead.closed_at})`);
    // While hooked, the agent is not idle.
    if (agent) {
      const end = x.ended_at ? t(x.ended_at) : now;
      const during = (historyOf.get(agent.id) ?? []).filter((h) => t(h.at) > t(x.started_at) && t(h.at) < end);
      const idle = [statusAt(agent.id, t(x.started_at)), ...during.map((h) => h.status)].includes('idle');
      if (idle) fail(`${what} (${x.started_at} → ${x.ended_at ?? 'now'}): the agent's status timeline shows idle while hooked`);
    }
    const list = byAgent.get(x.agent_id) ?? [];
    list.push(x);
    byAgent.set(x.agent_id, list);
  }
  for (const list of byAgent.values()) {
    const sorted = [...list].sort((a, b) => a.started_at.localeCompare(b.started_at));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const next = sorted[i]!;
      if (!prev.ended_at || t(prev.ended_at) > t(next.started_at))
        fail(
          `${next.agent_name} is hooked to ${label(next.bead_id)} (${next.started_at}) while still hooked to ${label(prev.bead_id)} (until ${prev.ended_at ?? 'now'})`,
        );
    }
  }

  // ── Beads and their events ─────────────────────────────────────────────────────────────────
  const eventsOf = new Map<string, TownSeed['bead_events']>();
  for (const e of town.bead_events) {
    const list = eventsOf.get(e.bead_id) ?? [];
    list.push(e);
    eventsOf.set(e.bead_id, list);
    if (!beadById.has(e.bead_id)) fail(`bead event ${e.event_type} for missing bead ${e.bead_id}`);
  }
  for (const b of town.beads) {
    const what = label(b.id);
    notBefore(`${what} created_at`, b.created_at, 'the town’s creation', town.town.created_at);
    if (t(b.updated_at) < t(b.created_at)) fail(`${what} updated before it was created`);
    notFuture(`${what} updated_at`, b.updated_at);
    const final = b.status === 'closed' || b.status === 'failed';
    if (final !== (b.closed_at !== null)) fail(`${what} is ${b.status} with closed_at ${b.closed_at}`);
    if (b.closed_at && t(b.closed_at) < t(b.created_at)) fail(`${what} closed (${b.closed_at}) before it was created (${b.created_at})`);
    if (b.rig_id && !town.rigs.some((r) => r.id === b.rig_id)) fail(`${what} is on unknown rig ${b.rig_id}`);
    if (b.last_dispatch_attempt_at) notBefore(`${what} last dispatch`, b.last_dispatch_attempt_at, 'its creation', b.created_at);
    const events = (eventsOf.get(b.id) ?? [])
      .map((e, i) => ({ e, i }))
      .sort((x, y) => x.e.created_at.localeCompare(y.e.created_at) || x.i - y.i)
      .map((x) => x.e);
    if (events[0]?.event_type !== 'created' || events[0].created_at !== b.created_at)
      fail(`${what}'s first event is ${events[0]?.event_type} at ${events[0]?.created_at}, not its creation at ${b.created_at}`);
    for (const e of events) {
      notBefore(`${what} event ${e.event_type}`, e.created_at, 'its creation', b.created_at);
      notFuture(`${what} event ${e.event_type}`, e.created_at);
    }
    if (events.length && events[events.length - 1]!.created_at > b.updated_at) fail(`${what} has events after its updated_at`);
    let status = 'open';
    let closedAt: string | null = null;
    for (const e of events.filter((x) => x.event_type === 'status_changed')) {
      if (e.old_value !== status) fail(`${what} changes status ${e.old_value} → ${e.new_value} at ${e.created_at} while it was ${status}`);
      status = e.new_value ?? status;
      if (status === 'closed' || status === 'failed') closedAt = e.created_at;
    }
    if (status !== b.status) fail(`${what} is ${b.status} but its events end in ${status}`);
    if (final && closedAt !== b.closed_at) fail(`${what} closed_at ${b.closed_at} but its events close it at ${closedAt}`);
    // Hook events agree with the hook.
    const hookEvents = events.filter((e) => e.event_type === 'hooked' || e.event_type === 'unhooked');
    const lastHook = hookEvents[hookEvents.length - 1];
    const hooker = town.agents.find((a) => a.current_hook_bead_id === b.id);
    if (hooker && (lastHook?.event_type !== 'hooked' || lastHook.new_value !== hooker.id))
      fail(`${what} is hooked by ${hooker.name} but its last hook event is ${lastHook?.event_type ?? 'none'}`);
    if (!hooker && lastHook?.event_type === 'hooked')
      fail(
        `${what}'s last hook event hooks ${agentById.get(lastHook.new_value ?? '')?.name ?? lastHook.new_value} but no agent is hooked to it`,
      );
  }
  // A convoy may track a bead that was deleted instead of closed (the convoy-stall evidence): its
  // dependency rows remain. Nothing else dangles.
  const deleted = new Set(
    town.dependencies
      .filter(
        (d) => d.dependency_type === 'tracks' && town.convoys.some((c) => c.bead_id === d.bead_id) && !beadById.has(d.depends_on_bead_id),
      )
      .map((d) => d.depends_on_bead_id),
  );
  for (const d of town.dependencies) {
    if (!beadById.has(d.bead_id) && !deleted.has(d.bead_id)) fail(`dependency from missing bead ${d.bead_id}`);
    if (!beadById.has(d.depends_on_bead_id) && !deleted.has(d.depends_on_bead_id))
      fail(`${label(d.bead_id)} depends on missing bead ${d.depends_on_bead_id}`);
  }
  for (const c of town.convoys) {
    if (!beadById.has(c.bead_id)) fail(`convoy row for missing bead ${c.bead_id}`);
    const tracked = town.dependencies.filter((d) => d.bead_id === c.bead_id && d.dependency_type === 'tracks');
    if (tracked.length !== c.total_beads) fail(`convoy ${label(c.bead_id)} counts ${c.total_beads} beads but tracks ${tracked.length}`);
    const closed = tracked.filter((d) => beadById.get(d.depends_on_bead_id)?.status === 'closed').length;
    if (closed !== c.closed_beads)
      fail(`convoy ${label(c.bead_id)} counts ${c.closed_beads} closed beads but ${closed} of its tracked beads are closed`);
    if (c.landed_at && beadById.get(c.bead_id)?.status !== 'closed') fail(`convoy ${label(c.bead_id)} landed but is not closed`);
  }

  // ── Dispatch attempts, git operations, usage: nothing before its bead or agent ─────────────
  for (const d of town.dispatch_attempts) {
    const bead = beadById.get(d.bead_id);
    if (bead) notBefore(`dispatch attempt ${d.attempt_number} of ${label(bead.id)}`, d.created_at, 'the bead’s creation', bead.created_at);
    const agent = d.agent_id ? agentById.get(d.agent_id) : undefined;
    if (agent) notBefore(`dispatch attempt ${d.attempt_number} to ${agent.name}`, d.created_at, 'the agent’s creation', agent.created_at);
    notFuture(`dispatch attempt ${d.attempt_number}`, d.created_at);
  }
  for (const g of town.git_operations) {
    const bead = g.bead_id ? beadById.get(g.bead_id) : undefined;
    if (bead) notBefore(`git ${g.operation} for ${label(bead.id)}`, g.created_at, 'the bead’s creation', bead.created_at);
    const agent = g.agent_id ? agentById.get(g.agent_id) : undefined;
    if (agent) notBefore(`git ${g.operation} by ${agent.name}`, g.created_at, 'the agent’s creation', agent.created_at);
    notFuture(`git ${g.operation}`, g.created_at);
  }
  for (const u of town.usage) {
    const agent = agentById.get(u.agent_id);
    if (agent) notBefore(`usage of ${agent.name}`, u.at, 'the agent’s creation', agent.created_at);
    const bead = u.bead_id ? beadById.get(u.bead_id) : undefined;
    if (bead) notBefore(`usage on ${label(bead.id)}`, u.at, 'the bead’s creation', bead.created_at);
    notFuture('usage row', u.at);
  }

  // ── Review queue ───────────────────────────────────────────────────────────────────────────
  const MR_STATUS: Record<ReviewState, string> = { pending: 'open', running: 'in_progress', merged: 'closed', failed: 'failed' };
  for (const r of town.reviews) {
    const mr = beadById.get(r.bead_id);
    const what = `merge request ${mr ? `“${mr.title}”` : r.bead_id}`;
    if (!mr) {
      fail(`${what} has no bead`);
      continue;
    }
    const source = r.source_bead_id ? beadById.get(r.source_bead_id) : undefined;
    if (source && mr.title !== `Merge: ${source.title}`) fail(`${what} is titled after another bead than its source ${label(source.id)}`);
    if (source) notBefore(`${what} enqueued`, r.enqueued_at, 'its source bead’s creation', source.created_at);
    notBefore(`${what} enqueued`, r.enqueued_at, 'its bead’s creation', mr.created_at);
    if (r.started_at && t(r.started_at) < t(r.enqueued_at)) fail(`${what} started before it was enqueued`);
    if (r.completed_at && t(r.completed_at) < t(r.started_at ?? r.enqueued_at))
      fail(`${what} completed (${r.completed_at}) before it started (${r.started_at ?? r.enqueued_at})`);
    notFuture(`${what} completed`, r.completed_at);
    const shape = { pending: [false, false], running: [true, false], merged: [true, true], failed: [true, true] }[r.review_state];
    if ((r.started_at !== null) !== shape[0] || (r.completed_at !== null) !== shape[1])
      fail(`${what} is ${r.review_state} with started_at ${r.started_at} and completed_at ${r.completed_at}`);
    if (mr.status !== MR_STATUS[r.review_state]) fail(`${what}'s review is ${r.review_state} but its bead is ${mr.status}`);
    if ((r.review_state === 'merged') !== (r.merge_commit !== null))
      fail(`${what} is ${r.review_state} with merge_commit ${r.merge_commit}`);
    if (r.completed_at && mr.closed_at && r.completed_at !== mr.closed_at)
      fail(`${what} completed at ${r.completed_at} but its bead closed at ${mr.closed_at}`);
    if (source && (r.review_state === 'pending' || r.review_state === 'running') && source.status !== 'in_review')
      fail(`${what} is ${r.review_state} but its source ${label(source.id)} is ${source.status}`);
    if (r.review_state === 'running') {
      const refinery = r.refinery_agent_id ? agentById.get(r.refinery_agent_id) : undefined;
      if (!refinery || refinery.status !== 'working')
        fail(`${what} is being reviewed but the refinery is ${refinery?.status ?? 'unassigned'}`);
    }
  }
  const running = town.reviews.filter((r) => r.review_state === 'running');
  if (running.length > 1) fail(`${running.length} reviews are running at once (one refinery reviews one at a time)`);
  const depth = town.reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length;
  const samples = town.review_samples;
  for (let i = 1; i < samples.length; i++)
    if (samples[i]!.at <= samples[i - 1]!.at) fail(`review samples out of order at ${samples[i]!.at}`);
  if (samples.length && samples[samples.length - 1]!.depth !== depth)
    fail(`review queue depth is ${depth} but the last queue sample says ${samples[samples.length - 1]!.depth}`);
  for (const s of samples) {
    notFuture('review sample', s.at);
    const at = t(s.at);
    const queued = town.reviews.filter((r) => t(r.enqueued_at) <= at && (r.completed_at === null || t(r.completed_at) > at)).length;
    if (s.depth !== queued) fail(`review sample at ${s.at} says depth ${s.depth} but ${queued} merge requests were queued then`);
  }

  // ── Container ──────────────────────────────────────────────────────────────────────────────
  const c = town.container;
  notBefore('container started_at', c.started_at, 'the town’s creation', town.town.created_at);
  notFuture('container started_at', c.started_at);
  if (c.started_at && c.last_restart_at && t(c.last_restart_at) < t(c.started_at)) fail('container last restarted before it started');
  const lastStart = [...town.container_events]
    .filter((e) => e.event_type === 'start' || e.event_type === 'restart' || e.event_type === 'wake')
    .sort((x, y) => x.created_at.localeCompare(y.created_at))
    .at(-1);
  const runningSince = lastStart ? lastStart.created_at : c.last_restart_at;
  for (const e of town.container_events) {
    notBefore(`container ${e.event_type} event`, e.created_at, 'the town’s creation', town.town.created_at);
    notFuture(`container ${e.event_type} event`, e.created_at);
  }
  for (const p of town.processes) {
    const agent = p.agent_id ? agentById.get(p.agent_id) : undefined;
    const who = `process ${p.process_id} (${p.agent_name})`;
    if (p.agent_id && !agent) fail(`${who} belongs to unknown agent`);
    if (agent && p.agent_name !== agent.name) fail(`${who} is named after another agent than ${agent.name}`);
    if (agent) notBefore(`${who} started`, p.started_at, 'its agent’s creation', agent.created_at);
    if (agent && agent.container_process_id !== p.process_id)
      fail(`${who} is not ${agent.name}'s container_process_id (${agent.container_process_id})`);
    if (runningSince) notBefore(`${who} started`, p.started_at, 'the container’s last start', runningSince);
    if (c.last_restart_at) notBefore(`${who} started`, p.started_at, 'the container’s last restart', c.last_restart_at);
    if (p.exited_at && t(p.exited_at) < t(p.started_at)) fail(`${who} exited before it started`);
    notFuture(`${who} started`, p.started_at);
    notFuture(`${who} exited`, p.exited_at);
    if ((p.status === 'running' || p.status === 'starting') !== (p.exited_at === null))
      fail(`${who} is ${p.status} with exited_at ${p.exited_at}`);
  }
  const lastResource = town.resource_samples.at(-1);
  const runningProcesses = town.processes.filter((p) => p.status === 'running').length;
  if (lastResource && lastResource.active_processes !== runningProcesses)
    fail(`the last resource sample counts ${lastResource.active_processes} active processes but ${runningProcesses} are running`);
  if (c.idle_since) {
    const hooked = town.agents.filter((a) => a.current_hook_bead_id);
    if (hooked.length)
      fail(`container idle since ${c.idle_since} (no dispatched agent) while ${hooked.map((a) => a.name).join(', ')} are hooked`);
  }
  // ── Tokens are spent by agents at work, and not after their last activity ─────────────────
  for (const u of town.usage) {
    const agent = agentById.get(u.agent_id);
    if (!agent) {
      fail(`usage row for unknown agent ${u.agent_id}`);
      continue;
    }
    const status = statusAt(agent.id, t(u.at));
    if (status !== 'working' && status !== 'waiting') fail(`${agent.name} used tokens at ${u.at} while ${status}`);
    if (agent.last_activity_at && t(u.at) > t(agent.last_activity_at) + 10 * 60_000)
      fail(`${agent.name} used tokens at ${u.at}, after its last activity (${agent.last_activity_at})`);
  }
  // ── A dispatch goes to an agent that is not working on another bead ──────────────────────
  for (const d of town.dispatch_attempts) {
    if (!d.agent_id) continue;
    const busy = town.assignments.find(
      (x) =>
        x.agent_id === d.agent_id &&
        x.bead_id !== d.bead_id &&
        t(x.started_at) < t(d.created_at) &&
        (!x.ended_at || t(x.ended_at) > t(d.created_at)),
    );
    if (busy)
      fail(`dispatch of ${label(d.bead_id)} to ${busy.agent_name} at ${d.created_at} while it was hooked to ${label(busy.bead_id)}`);
  }
  // ── The refinery reviews one merge request at a time, and works while it does ─────────────
  const reviewed = town.reviews
    .filter((r) => r.started_at)
    .map((r) => ({ r, from: t(r.started_at!), to: r.completed_at ? t(r.completed_at) : now }))
    .sort((a, b) => a.from - b.from);
  for (let i = 1; i < reviewed.length; i++) {
    const prev = reviewed[i - 1]!;
    const next = reviewed[i]!;
    if (next.from < prev.to)
      fail(
        `the refinery starts reviewing ${label(next.r.bead_id)} at ${next.r.started_at} while reviewing ${label(prev.r.bead_id)} (until ${prev.r.completed_at ?? 'now'})`,
      );
  }
  for (const { r, from, to } of reviewed) {
    const refinery = r.refinery_agent_id ? agentById.get(r.refinery_agent_id) : undefined;
    if (!refinery) continue;
    const changes = (historyOf.get(refinery.id) ?? []).filter((h) => t(h.at) > from && t(h.at) < to);
    if (statusAt(refinery.id, from) !== 'working' || changes.some((h) => h.status !== 'working'))
      fail(`the refinery's status timeline is not working throughout its review of ${label(r.bead_id)}`);
  }
  // ── Processes agree with their agents ──────────────────────────────────────────────────────
  for (const a of town.agents.filter((x) => x.role === 'polecat')) {
    const p = town.processes.find((x) => x.agent_id === a.id);
    const working = a.status === 'working' || a.status === 'waiting';
    if (working && p?.status !== 'running') fail(`polecat ${a.name} is ${a.status} but its process is ${p?.status ?? 'missing'}`);
    if (!working && p?.status === 'running') fail(`polecat ${a.name} is ${a.status} but its process is running`);
  }
  // ── SDK streams ────────────────────────────────────────────────────────────────────────────
  for (const s of town.sdk_streams) {
    const agent = agentById.get(s.agent_id);
    if (!agent) {
      fail(`SDK stream of unknown agent ${s.agent_id}`);
      continue;
    }
    notBefore(`${agent.name}'s first SDK event`, s.first_at, 'its creation', agent.created_at);
    if (t(s.last_at) < t(s.first_at)) fail(`${agent.name}'s SDK stream ends before it begins`);
    notFuture(`${agent.name}'s last SDK event`, s.last_at);
    for (let i = 1; i < s.tail.length; i++)
      if (s.tail[i]!.at < s.tail[i - 1]!.at) fail(`${agent.name}'s scripted SDK events are out of order at ${s.tail[i]!.at}`);
    if (s.tail[0] && t(s.tail[0].at) < t(s.first_at)) fail(`${agent.name}'s scripted SDK events start before its stream`);
  }
  if (town.mayor) {
    const m = town.mayor;
    if (m.last_user_message) notFuture('the Mayor’s last user message', m.last_user_message.at);
    const stream = town.sdk_streams.find((x) => x.agent_id === m.agent_id);
    const asked = stream?.tail
      .filter((e) => e.type === 'message.created' && (e.properties.info as { role?: string } | undefined)?.role === 'user')
      .at(-1);
    if (asked && m.last_user_message && asked.at !== m.last_user_message.at)
      fail(`the Mayor's conversation shows the last user message at ${asked.at}, its session state at ${m.last_user_message.at}`);
  }
  // ── Credentials agree with their resolution history ────────────────────────────────────────
  for (const c of town.credentials) {
    const resolved = town.credential_events
      .filter((e) => e.rig_id === c.rig_id && e.outcome === 'success')
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .at(-1);
    if (resolved && c.last_resolved_at !== resolved.created_at)
      fail(
        `credential of rig ${c.rig_name} last resolved at ${c.last_resolved_at} but its last successful resolution is at ${resolved.created_at}`,
      );
    if (resolved && c.token_expires_at !== resolved.token_expires_at)
      fail(`credential of rig ${c.rig_name} expires at ${c.token_expires_at} but its last resolution gave ${resolved.token_expires_at}`);
  }
  // ── The container sleeps only when nothing runs, and counts nothing while asleep ──────────
  const lifecycle = [...town.container_events].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const asleep: [number, number][] = [];
  let sleptAt: number | null = null;
  for (const e of lifecycle) {
    if (e.event_type === 'sleep') {
      if (sleptAt !== null) fail(`container sleeps twice without waking (${e.created_at})`);
      sleptAt = t(e.created_at);
    } else if (e.event_type === 'wake') {
      if (sleptAt === null) fail(`container wakes at ${e.created_at} without having slept`);
      else asleep.push([sleptAt, t(e.created_at)]);
      sleptAt = null;
    }
  }
  if (sleptAt !== null && c.status === 'running') fail('container is running but its last lifecycle event is a sleep');
  const during = (at: number) => asleep.find(([from, to]) => at > from && at < to);
  const happenings: [string, string][] = [
    ...town.dispatch_attempts.map((d) => [`dispatch of ${label(d.bead_id)}`, d.created_at] as [string, string]),
    ...town.git_operations.map((g) => [`git ${g.operation}`, g.created_at] as [string, string]),
    ...town.usage.map((u) => [`token use of ${agentById.get(u.agent_id)?.name ?? u.agent_id}`, u.at] as [string, string]),
    ...lifecycle
      .filter((e) => e.event_type !== 'sleep' && e.event_type !== 'wake')
      .map((e) => [`container ${e.event_type}`, e.created_at] as [string, string]),
  ];
  for (const [what, at] of happenings) if (during(t(at))) fail(`${what} at ${at} while the container slept`);
  for (const h of town.agent_status_history) {
    if ((h.status === 'working' || h.status === 'waiting') && during(t(h.at)))
      fail(`${agentById.get(h.agent_id)?.name} starts ${h.status} at ${h.at} while the container slept`);
  }
  for (const [from, to] of asleep) {
    for (const a of town.agents)
      if (['working', 'waiting'].includes(statusAt(a.id, from) ?? ''))
        fail(`the container goes to sleep at ${new Date(from).toISOString()} while ${a.name} is ${statusAt(a.id, from)}`);
    for (const x of town.assignments)
      if (t(x.started_at) < to && (!x.ended_at || t(x.ended_at) > from))
        fail(`the container sleeps (${new Date(from).toISOString()}) while ${x.agent_name} is hooked to ${label(x.bead_id)}`);
    for (const s of town.resource_samples)
      if (t(s.at) > from && t(s.at) < to && s.active_processes > 0)
        fail(`resource sample at ${s.at} counts ${s.active_processes} processes while the container slept`);
  }
  if (c.status === 'running' && lastStart && c.started_at !== lastStart.created_at)
    fail(`container started_at ${c.started_at} is not its last start or wake (${lastStart.created_at})`);
  return out;
}
