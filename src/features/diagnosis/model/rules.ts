import { DISPATCH_CAP, type HealthInputs } from '../../../api';
import { formatCompact, formatCost } from '../../../lib/format';
import { formatDuration, HOUR_MS, MINUTE_MS, msSince } from '../../../lib/time';
import type { TownTab } from '../../../lib/paths';

export type Health = 'green' | 'yellow' | 'red';
export type Severity = Exclude<Health, 'green'>;

export type RuleId =
  | 'stuck-agent'
  | 'stuck-bead'
  | 'refinery-failure'
  | 'container-instability'
  | 'credential-issues'
  | 'convoy-stall'
  | 'mayor-dysfunction'
  | 'silent-consumption'
  | 'cost-threshold'
  | 'unacknowledged-escalation';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** One sentence with the evidence, e.g. "polecat Toast stalled 47 min on bead “…”". */
  reason: string;
  /** Where to look next. */
  target: { kind: 'agent' | 'bead' | 'tab'; id: string; tab: TownTab };
  /**
   * When the evidence was superseded (the container has run clean since, a dispatch or git operation
   * succeeded after failing, the credential resolved again): the finding reads "resolved N min ago" for
   * a while, no longer counts toward the town's health, then clears.
   */
  resolved_at?: string;
}

export interface Rule {
  id: RuleId;
  /** The seed's failure scenario this rule watches for. */
  title: string;
  /** The rule in words, shown in the operator guide and on hover. */
  description: string;
  evaluate(inputs: HealthInputs, now: number): Finding[];
}

// Thresholds from production Gastown (DOMAIN.md): a hook with no activity is stale after 30 min,
// agents are force-stopped and marked stalled at 2 h, dispatch gives up after 5 attempts.
const STALE_HOOK_MS = 30 * MINUTE_MS;
const FORCE_STOP_MS = 2 * HOUR_MS;
const OPEN_TOO_LONG_MS = 2 * HOUR_MS;
const CONVOY_QUIET_MS = 6 * HOUR_MS;
const MAYOR_UNANSWERED_MS = 10 * MINUTE_MS;
const ZOMBIE_TOKENS_RED = 100_000;
const IDLE_CONTAINER_MS = HOUR_MS;
const REVIEW_CHURN_RETRIES = 5;
/** A container running clean this long since its last instability has put it behind it. */
const CLEAN_RUN_MS = 30 * MINUTE_MS;
/** How long a resolved finding stays on show before it clears. */
export const RESOLVED_SHOWN_MS = 30 * MINUTE_MS;

/** Superseded failures still on show ("resolved N min ago"), newest first; older ones have cleared. */
const shown = <T extends { resolved_at: string }>(list: T[], now: number): T[] =>
  list.filter((x) => (msSince(x.resolved_at, now) ?? Infinity) <= RESOLVED_SHOWN_MS);
const quote = (title: string) => `“${title.length > 60 ? `${title.slice(0, 57)}…` : title}”`;
const since = (iso: string | null, now: number) => formatDuration(msSince(iso, now) ?? 0);

export const RULES: Rule[] = [
  {
    id: 'stuck-agent',
    title: 'Stuck agent',
    description:
      'A polecat hooked to a bead that is stalled or dead (red), whose container process exited or failed (red), or that has sent no SDK event for 30 min (yellow; red after 2 h).',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      for (const a of inputs.agents) {
        if (a.role !== 'polecat' || !a.hooked_bead_id) continue;
        const quiet = msSince(a.last_sdk_event_at ?? a.last_activity_at, now) ?? Infinity;
        const processDown = a.process_status === 'exited' || a.process_status === 'failed';
        const bad = a.status === 'stalled' || a.status === 'dead';
        if (!bad && !processDown && quiet < STALE_HOOK_MS) continue;
        const what = bad
          ? `${a.status} ${since(a.status_since, now)}`
          : processDown
            ? `process ${a.process_status}`
            : `silent ${formatDuration(quiet)}`;
        const extras = [
          processDown && bad ? `process ${a.process_status}` : null,
          a.dispatch_attempts > 1 ? `${a.dispatch_attempts - 1} dispatch retries` : null,
          quiet >= STALE_HOOK_MS && (bad || processDown) ? `last SDK event ${formatDuration(quiet)} ago` : null,
        ].filter(Boolean);
        findings.push({
          rule: 'stuck-agent',
          severity: bad || processDown || quiet >= FORCE_STOP_MS ? 'red' : 'yellow',
          reason: `polecat ${a.name} ${what} on bead ${quote(a.hooked_bead_title ?? a.hooked_bead_id)}${extras.length ? ` — ${extras.join(', ')}` : ''}`,
          target: { kind: 'agent', id: a.agent_id, tab: 'agents' },
        });
      }
      return findings;
    },
  },
  {
    id: 'stuck-bead',
    title: 'Stuck bead',
    description:
      'An unfinished work bead blocked by a failed bead (red), or open for more than 2 h with no agent (red when high/critical priority or dispatch is exhausted, else yellow). Failed dispatches followed by a successful one read resolved, then clear after 30 min.',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      for (const b of inputs.oldest_open_beads) {
        const waited = msSince(b.since, now) ?? 0;
        const failedBlocker = b.blocked_by.find((x) => x.status === 'failed');
        if (b.status === 'in_review') continue;
        if (failedBlocker) {
          findings.push({
            rule: 'stuck-bead',
            severity: 'red',
            reason: `bead ${quote(b.title)} ${b.status.replace('_', ' ')} ${formatDuration(waited)} — blocked by failed bead ${quote(failedBlocker.title)}`,
            target: { kind: 'bead', id: b.bead_id, tab: 'state' },
          });
        } else if (b.status === 'open' && !b.assignee_agent_id && waited > OPEN_TOO_LONG_MS && b.blocked_by.length === 0) {
          const exhausted = b.dispatch_attempts >= DISPATCH_CAP;
          findings.push({
            rule: 'stuck-bead',
            severity: exhausted || b.priority === 'high' || b.priority === 'critical' ? 'red' : 'yellow',
            reason: `bead ${quote(b.title)} open ${formatDuration(waited)} with no agent${b.last_dispatch_error ? ` — last dispatch error: ${b.last_dispatch_error}` : ''}`,
            target: { kind: 'bead', id: b.bead_id, tab: 'state' },
          });
        }
      }
      for (const d of shown(inputs.superseded.dispatch, now)) {
        findings.push({
          rule: 'stuck-bead',
          severity: 'yellow',
          reason: `dispatch of bead ${quote(d.title)} failed ${d.failures}×${d.last_error ? ` (${d.last_error})` : ''} — dispatched since`,
          target: { kind: 'bead', id: d.bead_id, tab: 'state' },
          resolved_at: d.resolved_at,
        });
      }
      return findings;
    },
  },
  {
    id: 'refinery-failure',
    title: 'Refinery failure',
    description:
      'A merge request whose review failed (red), or a review queue of 5 or more with the oldest waiting over 1 h (yellow). A failed review that merged since reads resolved, then clears after 30 min.',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      const waiting = inputs.reviews.oldest_pending_at ? (msSince(inputs.reviews.oldest_pending_at, now) ?? 0) : 0;
      for (const r of inputs.reviews.troubled) {
        if (r.review_state !== 'failed') continue;
        findings.push({
          rule: 'refinery-failure',
          severity: 'red',
          reason: `review of ${quote(r.title)} failed${r.retry_count ? ` after ${r.retry_count} ${r.retry_count === 1 ? 'retry' : 'retries'}` : ''}: ${r.failure_reason ?? 'no reason recorded'}${inputs.reviews.depth > 1 ? ` — ${inputs.reviews.depth} in queue` : ''}`,
          target: { kind: 'bead', id: r.bead_id, tab: 'review' },
        });
      }
      if (findings.length === 0 && inputs.reviews.depth >= 5 && waiting > HOUR_MS) {
        findings.push({
          rule: 'refinery-failure',
          severity: 'yellow',
          reason: `review queue backed up: ${inputs.reviews.depth} merge requests, oldest waiting ${formatDuration(waiting)}`,
          target: { kind: 'tab', id: 'review', tab: 'review' },
        });
      }
      for (const r of shown(inputs.superseded.reviews, now)) {
        findings.push({
          rule: 'refinery-failure',
          severity: 'red',
          reason: `review of ${quote(r.title)} failed${r.failure_reason ? `: ${r.failure_reason}` : ''} — merged since`,
          target: { kind: 'bead', id: r.bead_id, tab: 'review' },
          resolved_at: r.resolved_at,
        });
      }
      return findings;
    },
  },
  {
    id: 'container-instability',
    title: 'Container instability',
    description:
      'The container was OOM-killed or restarted by the platform 3+ times in 24 h, has crashed, or its cold start missed the 3-min grace since it last ran (red); health degraded (yellow). Resolved once it has run clean for 30 min since. Restarts by an admin are not counted.',
    evaluate(inputs, now) {
      const c = inputs.container;
      const cleanSince = Math.max(Date.parse(c.unstable_at ?? '') || 0, Date.parse(c.started_at ?? '') || 0);
      const resolvedAt = cleanSince + CLEAN_RUN_MS;
      const clean = c.status === 'running' && c.health === 'ok' && c.unstable_at !== null && resolvedAt <= now;
      if (clean && now - resolvedAt > RESOLVED_SHOWN_MS) return [];
      const parts: string[] = [];
      if (c.oom_24h > 0) parts.push(`OOM-killed ${c.oom_24h}× in 24 h`);
      if (c.restarts_24h >= 3) parts.push(`${c.restarts_24h} restarts in 24 h`);
      if (c.status === 'crashed') parts.push('crashed');
      if (c.not_found_since_start > 0)
        parts.push(
          `not found after the 3-min cold-start grace${c.not_found_since_start > 1 ? ` ${c.not_found_since_start}×` : ''} since it last ran`,
        );
      const exit =
        c.last_exit_code !== null ? ` (last exit ${c.last_exit_code}${c.last_exit_reason ? `: ${c.last_exit_reason}` : ''})` : '';
      if (parts.length) {
        return [
          {
            rule: 'container-instability',
            severity: 'red',
            reason: `container ${parts.join(', ')}${exit}`,
            target: { kind: 'tab', id: 'container', tab: 'container' },
            ...(clean ? { resolved_at: new Date(resolvedAt).toISOString() } : {}),
          },
        ];
      }
      if (c.health !== 'ok') {
        return [
          {
            rule: 'container-instability',
            severity: 'yellow',
            reason: `container health ${c.health}${exit}`,
            target: { kind: 'tab', id: 'container', tab: 'container' },
          },
        ];
      }
      return [];
    },
  },
  {
    id: 'credential-issues',
    title: 'Credential issues',
    description:
      'A rig whose git credential is expired, revoked or failing to resolve (red), or 3+ git push/pull failures in 24 h (yellow). A good resolve or a successful git operation since reads resolved, then clears after 30 min.',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      for (const c of inputs.credentials) {
        const failures = c.git_failures_24h ? ` — ${c.git_failures_24h} git failures in 24 h` : '';
        if (c.status === 'expired' || c.status === 'revoked' || c.status === 'error') {
          const when = c.status === 'expired' && c.token_expires_at ? ` ${since(c.token_expires_at, now)} ago` : '';
          findings.push({
            rule: 'credential-issues',
            severity: 'red',
            reason: `git credential for rig ${c.rig_name} ${c.status}${when}${c.last_error ? `: ${c.last_error}` : ''}${failures}`,
            target: { kind: 'tab', id: 'config', tab: 'config' },
          });
        } else if (c.git_failures_24h >= 3) {
          findings.push({
            rule: 'credential-issues',
            severity: 'yellow',
            reason: `rig ${c.rig_name}: ${c.git_failures_24h} git failures in 24 h`,
            target: { kind: 'tab', id: 'config', tab: 'config' },
          });
        }
      }
      for (const c of shown(inputs.superseded.credentials, now)) {
        findings.push({
          rule: 'credential-issues',
          severity: 'red',
          reason: `git credential for rig ${c.rig_name} failed to resolve${c.last_error ? `: ${c.last_error}` : ''} — resolved again since`,
          target: { kind: 'tab', id: 'config', tab: 'config' },
          resolved_at: c.resolved_at,
        });
      }
      for (const g of shown(inputs.superseded.git, now)) {
        findings.push({
          rule: 'credential-issues',
          severity: 'yellow',
          reason: `rig ${g.rig_name}: ${g.failures} git ${g.failures === 1 ? 'failure' : 'failures'} — a git operation succeeded since`,
          target: { kind: 'tab', id: 'config', tab: 'config' },
          resolved_at: g.resolved_at,
        });
      }
      return findings;
    },
  },
  {
    id: 'convoy-stall',
    title: 'Convoy stall',
    description:
      'An unlanded convoy missing a tracked bead, so closed_beads can never reach total_beads (red), or unfinished with no change for 6 h (yellow).',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      for (const c of inputs.convoys) {
        const quiet = msSince(c.updated_at, now) ?? 0;
        const missing = c.total_beads - c.tracked_present;
        if (missing > 0) {
          findings.push({
            rule: 'convoy-stall',
            severity: 'red',
            reason: `convoy ${quote(c.title)} stuck at ${c.closed_beads}/${c.total_beads} — ${missing} tracked ${missing === 1 ? 'bead is' : 'beads are'} missing (deleted instead of closed)`,
            target: { kind: 'bead', id: c.bead_id, tab: 'state' },
          });
        } else if (c.closed_beads < c.total_beads && quiet > CONVOY_QUIET_MS) {
          findings.push({
            rule: 'convoy-stall',
            severity: 'yellow',
            reason: `convoy ${quote(c.title)} at ${c.closed_beads}/${c.total_beads}, no progress for ${formatDuration(quiet)}`,
            target: { kind: 'bead', id: c.bead_id, tab: 'state' },
          });
        }
      }
      return findings;
    },
  },
  {
    id: 'mayor-dysfunction',
    title: 'Mayor dysfunction',
    description:
      "The Mayor's session errored, the Mayor is stalled or dead, or a user message has gone unanswered for 10 min (red); a user message waiting for an answer (yellow). A loop that a new session left behind by answering reads resolved, then clears after 30 min.",
    evaluate(inputs, now) {
      const m = inputs.mayor;
      const agent = m ? inputs.agents.find((a) => a.agent_id === m.agent_id) : inputs.agents.find((a) => a.role === 'mayor');
      if (!agent) return [];
      const parts: string[] = [];
      if (m?.session_state === 'errored') parts.push(`session errored${m.session_error ? `: ${m.session_error}` : ''}`);
      if (agent.status === 'stalled' || agent.status === 'dead') parts.push(`${agent.status} ${since(agent.status_since, now)}`);
      const unanswered = m && !m.last_user_message_answered ? msSince(m.last_user_message_at, now) : null;
      if (unanswered !== null && unanswered > MAYOR_UNANSWERED_MS) parts.push(`user message unanswered for ${formatDuration(unanswered)}`);
      // A user waiting on the Mayor is never a healthy town, even before the 10 minutes make it red.
      if (!parts.length && unanswered !== null)
        return [
          {
            rule: 'mayor-dysfunction',
            severity: 'yellow',
            reason: `Mayor has a user message waiting for an answer (${formatDuration(unanswered)})`,
            target: { kind: 'agent', id: agent.agent_id, tab: 'agents' },
          },
        ];
      if (!parts.length) {
        // The loop a new session left behind, once that session answered the waiting message.
        const left = inputs.superseded.mayor;
        return left && left.agent_id === agent.agent_id && shown([left], now).length
          ? [
              {
                rule: 'mayor-dysfunction',
                severity: 'red',
                reason: `Mayor session errored${left.session_error ? `: ${left.session_error}` : ''} — a new session answered since`,
                target: { kind: 'agent', id: agent.agent_id, tab: 'agents' },
                resolved_at: left.resolved_at,
              },
            ]
          : [];
      }
      return [
        {
          rule: 'mayor-dysfunction',
          severity: 'red',
          reason: `Mayor ${parts.join(' — ')}`,
          target: { kind: 'agent', id: agent.agent_id, tab: 'agents' },
        },
      ];
    },
  },
  {
    id: 'silent-consumption',
    title: 'Silent resource consumption',
    description:
      'Polecats still at work that used LLM tokens in the last hour with no hooked bead (red over 100K tokens, else yellow); a container running over 1 h with no dispatched agent, or a merge request re-reviewed 5+ times (yellow).',
    evaluate(inputs, now) {
      const findings: Finding[] = [];
      // Still at work (a killed or reset zombie spends nothing more, whatever it spent this hour).
      const zombies = inputs.agents.filter(
        (a) => a.role === 'polecat' && !a.hooked_bead_id && a.tokens_1h > 0 && (a.status === 'working' || a.status === 'waiting'),
      );
      if (zombies.length) {
        const total = zombies.reduce((s, a) => s + a.tokens_1h, 0);
        findings.push({
          rule: 'silent-consumption',
          severity: total > ZOMBIE_TOKENS_RED ? 'red' : 'yellow',
          reason: `${zombies.map((z) => z.name).join(' and ')} used ${formatCompact(total)} tokens in the last hour with no hooked bead`,
          target: { kind: 'agent', id: zombies[0]!.agent_id, tab: 'agents' },
        });
      }
      const idle = msSince(inputs.container.idle_since, now);
      if (inputs.container.status === 'running' && idle !== null && idle > IDLE_CONTAINER_MS) {
        findings.push({
          rule: 'silent-consumption',
          severity: 'yellow',
          reason: `container running ${formatDuration(idle)} with no dispatched agent`,
          target: { kind: 'tab', id: 'container', tab: 'container' },
        });
      }
      for (const r of inputs.reviews.troubled) {
        if (r.retry_count >= REVIEW_CHURN_RETRIES) {
          findings.push({
            rule: 'silent-consumption',
            severity: 'yellow',
            reason: `refinery re-reviewed ${quote(r.title)} ${r.retry_count} times`,
            target: { kind: 'bead', id: r.bead_id, tab: 'review' },
          });
        }
      }
      return findings;
    },
  },
  {
    id: 'cost-threshold',
    title: 'Spending over the town’s cost threshold',
    description:
      'The town spent more in the last 24 h than its cost threshold (town config): yellow, red at twice the threshold; the finding names the agents that spent with nothing merged.',
    evaluate(inputs) {
      const { cost_microdollars_24h: spent, cost_threshold_microdollars_24h: threshold, spenders_without_merge: idle } = inputs.usage;
      if (threshold === null || spent <= threshold) return [];
      const names = idle.slice(0, 3).map((a) => `${a.name} (${formatCost(a.cost_microdollars_24h)})`);
      const more = idle.length > 3 ? ` and ${idle.length - 3} more` : '';
      return [
        {
          rule: 'cost-threshold',
          severity: spent > 2 * threshold ? 'red' : 'yellow',
          reason:
            `spent ${formatCost(spent)} in 24 h, over the ${formatCost(threshold)} threshold` +
            (names.length ? ` — spending with nothing merged: ${names.join(', ')}${more}` : ' — every spending agent merged work'),
          target: idle[0] ? { kind: 'agent', id: idle[0].agent_id, tab: 'agents' } : { kind: 'tab', id: 'agents', tab: 'agents' },
        },
      ];
    },
  },
  {
    id: 'unacknowledged-escalation',
    title: 'Unacknowledged escalation',
    description:
      'An open escalation bead nobody has acknowledged: red when its severity is critical, yellow when high. Acknowledging it (an admin action) clears the finding until it is raised again.',
    evaluate(inputs) {
      return inputs.escalations.flatMap((e): Finding[] =>
        e.severity === 'critical' || e.severity === 'high'
          ? [
              {
                rule: 'unacknowledged-escalation',
                severity: e.severity === 'critical' ? 'red' : 'yellow',
                reason: `${e.severity} escalation ${quote(e.title)} unacknowledged${e.re_escalation_count ? `, raised again ${e.re_escalation_count}×` : ''}`,
                target: { kind: 'bead', id: e.bead_id, tab: 'state' },
              },
            ]
          : [],
      );
    },
  },
];

export interface Diagnosis {
  health: Health;
  findings: Finding[];
}

/** Runs every rule at `now`, the town's time (api/town-clock.ts); the health is the worst unresolved finding (green when none). */
export function diagnoseTown(inputs: HealthInputs, now: number): Diagnosis {
  const findings = RULES.flatMap((rule) => rule.evaluate(inputs, now));
  const rank = (f: Finding) => (f.resolved_at ? 2 : f.severity === 'red' ? 0 : 1);
  findings.sort((a, b) => rank(a) - rank(b));
  const open = findings.filter((f) => !f.resolved_at);
  const health: Health = open.some((f) => f.severity === 'red') ? 'red' : open.length ? 'yellow' : 'green';
  return { health, findings };
}
