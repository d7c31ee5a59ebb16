import { useQuery } from '@tanstack/react-query';
import { apiClient, endpoints, queryKeys, type EnvVar, type ReviewEntry } from '../../../api';
import { clipLine } from '../../../lib/bounded-text';
import type { FieldSpec } from '../model/registry';
import { ActionBar, ActionButton, type ActionBarItem } from './action-button';

const FINAL = new Set(['closed', 'failed']);

/** Admin actions for a bead (and, for a convoy or a merge request, theirs too). */
export function BeadActions({ townId, beadId }: { townId: string; beadId: string }) {
  const detail = useQuery({
    queryKey: queryKeys.bead(townId, beadId),
    queryFn: ({ signal }) => apiClient.get(endpoints.bead(townId, beadId), signal),
  });
  const agents = useQuery({ queryKey: queryKeys.agents(townId), queryFn: ({ signal }) => apiClient.get(endpoints.agents(townId), signal) });
  // A convoy's "add tracked bead" picks from the town's issues by title or short id.
  const isConvoy = Boolean(detail.data?.convoy);
  const beadQuery = { type: ['issue'], limit: 1000 } as const;
  const townBeads = useQuery({
    queryKey: queryKeys.beads(townId, beadQuery),
    queryFn: ({ signal }) => apiClient.get(endpoints.beads(townId, beadQuery), signal),
    enabled: isConvoy,
  });
  if (!detail.data) return null;
  const { bead, hooked_agent, convoy } = detail.data;
  const final = FINAL.has(bead.status);
  const polecats = (agents.data?.items ?? []).filter((a) => a.role === 'polecat' && a.status !== 'dead' && a.id !== hooked_agent?.id);
  const items: ActionBarItem[] = [
    { action: 'bead.force_close', disabled: bead.status === 'closed', title: bead.status === 'closed' ? 'Already closed' : undefined },
    { action: 'bead.force_fail', disabled: final, title: final ? `Already ${bead.status}` : undefined },
    {
      action: 'bead.reassign',
      disabled: final || polecats.length === 0,
      fields: [
        {
          name: 'agent_id',
          label: 'New polecat',
          kind: 'pick',
          placeholder: 'Type a polecat’s name or short id',
          options: polecats.map((a) => ({
            value: a.id,
            label: a.name,
            detail: `${a.status}${a.current_hook_bead_id ? ', hooked elsewhere' : ''}`,
          })),
        },
      ],
    },
    {
      action: 'bead.change_priority',
      fields: [
        {
          name: 'priority',
          label: 'Priority',
          kind: 'select',
          options: (['low', 'medium', 'high', 'critical'] as const).filter((p) => p !== bead.priority).map((p) => ({ value: p, label: p })),
        },
      ],
    },
    { action: 'bead.unhook', disabled: !hooked_agent, title: hooked_agent ? undefined : 'No agent is hooked' },
    { action: 'bead.delete' },
  ];
  const convoyItems: ActionBarItem[] = convoy
    ? [
        { action: 'convoy.force_land', disabled: Boolean(convoy.landed_at), title: convoy.landed_at ? 'Already landed' : undefined },
        {
          action: 'convoy.remove_tracked',
          fields: [
            {
              name: 'bead_id',
              label: 'Tracked bead',
              kind: 'select',
              options: [...convoy.tracked]
                .sort((a, b) => Number(a.present) - Number(b.present))
                .map((t) => ({
                  value: t.bead_id,
                  label: t.present ? `${clipLine(t.title ?? '', 120)} (${t.status})` : `${t.bead_id.slice(0, 8)} — missing (deleted)`,
                })),
            },
          ],
        },
        {
          action: 'convoy.add_tracked',
          fields: [
            {
              name: 'bead_id',
              label: 'Bead to track',
              kind: 'pick',
              placeholder: 'Type a title or short id',
              options: (townBeads.data?.items ?? [])
                .filter((b) => b.id !== bead.id && !convoy.tracked.some((t) => t.bead_id === b.id))
                .map((b) => ({ value: b.id, label: b.title, detail: b.status })),
            },
          ],
        },
        {
          action: 'convoy.force_close_children',
          disabled: !convoy.tracked.some((t) => t.present && t.status !== 'closed'),
          fields: [
            {
              name: 'bead_ids',
              label: 'Close these tracked beads',
              kind: 'checklist',
              options: convoy.tracked
                .filter((t) => t.present && t.status !== 'closed')
                .map((t) => ({ value: t.bead_id, label: `${clipLine(t.title ?? '', 120)} (${t.status})` })),
            },
          ],
        },
      ]
    : [];
  return (
    <div className="target-actions">
      <ActionBar townId={townId} target={{ kind: 'bead', id: bead.id }} version={bead.version} items={items} />
      {detail.data.escalation ? (
        <ActionBar
          townId={townId}
          target={{ kind: 'bead', id: bead.id }}
          version={bead.version}
          items={[
            {
              action: 'escalation.acknowledge',
              disabled: detail.data.escalation.acknowledged,
              title: detail.data.escalation.acknowledged
                ? `Already acknowledged${detail.data.escalation.acknowledged_by ? ` by ${detail.data.escalation.acknowledged_by}` : ''}`
                : undefined,
            },
          ]}
        />
      ) : null}
      {convoy ? <ActionBar townId={townId} target={{ kind: 'convoy', id: bead.id }} version={bead.version} items={convoyItems} /> : null}
      {bead.type === 'merge_request' ? (
        <ReviewActions
          townId={townId}
          entry={detail.data.merge_requests.find((m) => m.bead_id === bead.id) ?? null}
          beadVersion={bead.version}
          beadId={bead.id}
        />
      ) : null}
    </div>
  );
}

/** Admin actions for one merge request in the review queue. */
export function ReviewActions({
  townId,
  entry,
  beadId,
  beadVersion,
}: {
  townId: string;
  entry: ReviewEntry | null;
  beadId?: string;
  beadVersion?: number | null;
}) {
  const id = entry?.bead_id ?? beadId!;
  const version = entry?.version ?? beadVersion ?? null;
  const state = entry?.review_state;
  return (
    <ActionBar
      townId={townId}
      target={{ kind: 'review', id }}
      version={version}
      items={[
        {
          action: 'review.force_retry',
          disabled: state !== undefined && state !== 'failed',
          title: state !== 'failed' ? 'Only a failed review can be retried' : undefined,
        },
        { action: 'review.direct_merge', disabled: state === 'merged' },
        { action: 'review.force_close', disabled: entry?.status === 'closed' },
      ]}
    />
  );
}

/** Admin actions for an agent; the Mayor gets the Mayor's. */
export function AgentActions({ townId, agentId }: { townId: string; agentId: string }) {
  const detail = useQuery({
    queryKey: queryKeys.agent(townId, agentId),
    queryFn: ({ signal }) => apiClient.get(endpoints.agent(townId, agentId), signal),
  });
  if (!detail.data) return null;
  const a = detail.data.agent;
  const running = detail.data.process && (detail.data.process.status === 'running' || detail.data.process.status === 'starting');
  if (a.role === 'mayor') {
    return (
      <ActionBar
        townId={townId}
        target={{ kind: 'agent', id: a.id }}
        version={a.version}
        items={[
          { action: 'mayor.force_restart' },
          {
            action: 'mayor.resend_last_message',
            disabled: !detail.data.mayor?.last_user_message,
            title: detail.data.mayor?.last_user_message ? undefined : 'No user message to resend',
          },
          { action: 'mayor.clear_conversation' },
          { action: 'agent.force_kill', disabled: !running, title: running ? undefined : 'No running process' },
        ]}
      />
    );
  }
  return (
    <ActionBar
      townId={townId}
      target={{ kind: 'agent', id: a.id }}
      version={a.version}
      items={[
        {
          action: 'agent.force_reset',
          disabled: a.status === 'idle' && !a.current_hook_bead_id,
          title: a.status === 'idle' && !a.current_hook_bead_id ? 'Already idle with no hook' : undefined,
        },
        { action: 'agent.force_unhook', disabled: !a.current_hook_bead_id, title: a.current_hook_bead_id ? undefined : 'Not hooked' },
        {
          action: 'agent.retry_dispatch',
          disabled: !a.current_hook_bead_id,
          title: a.current_hook_bead_id ? undefined : 'No hooked bead to dispatch',
        },
        { action: 'agent.force_kill', disabled: !running, title: running ? undefined : 'No running process' },
        ...(a.role === 'polecat' ? [{ action: 'agent.delete' as const }] : []),
      ]}
    />
  );
}

/** Container actions (town header quick action and the Container tab). */
export function ContainerActions({ townId, withSettings = true }: { townId: string; withSettings?: boolean }) {
  const container = useQuery({
    queryKey: queryKeys.container(townId),
    queryFn: ({ signal }) => apiClient.get(endpoints.container(townId), signal),
  });
  if (!container.data) return null;
  const c = container.data;
  return (
    <ActionBar
      townId={townId}
      target={{ kind: 'container', id: townId }}
      version={c.version}
      items={[
        { action: 'container.force_restart' },
        ...(withSettings
          ? [
              { action: 'container.force_stop' as const, disabled: c.status === 'stopped' },
              {
                action: 'container.set_sleep_timeout' as const,
                fields: [
                  {
                    name: 'sleep_after_minutes',
                    label: `Sleep after (minutes, now ${c.sleep_after_minutes})`,
                    kind: 'number' as const,
                    min: 5,
                    max: 120,
                  },
                ],
              },
              {
                action: 'container.update_env' as const,
                toParams: (v: Record<string, unknown>) =>
                  v.key ? { changes: [{ key: String(v.key), value: String(v.value ?? ''), secret: v.secret === 'yes' }] } : {},
                fields: envFields(c.env_vars),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Set or add a variable: secret first, so a secret value is typed into a masked input from the first key. */
function envFields(vars: EnvVar[]): FieldSpec[] {
  const isSecret = (key: unknown) => vars.some((v) => v.key === key && v.secret);
  return [
    { name: 'key', label: 'Variable', kind: 'text', placeholder: 'e.g. NODE_OPTIONS', suggestions: vars.map((v) => v.key) },
    {
      name: 'secret',
      label: 'Secret?',
      kind: 'select',
      options: [
        { value: 'no', label: 'no — shown in the panel' },
        { value: 'yes', label: 'yes — write-only, masked' },
      ],
    },
    // Masked when the new value is secret, and when it replaces a secret (whatever the admin picks).
    { name: 'value', label: 'New value', kind: 'text', masked: (v) => v.secret === 'yes' || isSecret(v.key) },
  ];
}

/** Actions for one container environment variable (a row of the env table): delete it. */
export function EnvVarActions({ townId, variable }: { townId: string; variable: EnvVar }) {
  const container = useQuery({
    queryKey: queryKeys.container(townId),
    queryFn: ({ signal }) => apiClient.get(endpoints.container(townId), signal),
  });
  if (!container.data) return null;
  return (
    <ActionButton
      townId={townId}
      action="container.update_env"
      target={{ kind: 'container', id: townId }}
      version={container.data.version}
      // The contract deletes a variable with a null value.
      params={{ changes: [{ key: variable.key, value: null, secret: variable.secret }] }}
      label="Delete"
      title={`Delete ${variable.key} from the container environment`}
    />
  );
}

/** Credential actions for one rig. */
export function RigCredentialActions({ townId, rigId, version }: { townId: string; rigId: string; version: number }) {
  // Re-link offers the town owner's own integrations (the server refuses any other with 422).
  const town = useQuery({
    queryKey: queryKeys.townSummary(townId),
    queryFn: ({ signal }) => apiClient.get(endpoints.town(townId), signal),
  });
  const owner = town.data?.owner_user_id ?? null;
  const integrations = useQuery({
    queryKey: queryKeys.userIntegrations(owner ?? ''),
    queryFn: ({ signal }) => apiClient.get(endpoints.userIntegrations(owner!), signal),
    enabled: owner !== null,
  });
  const linked = integrations.data?.items ?? [];
  const active = linked.filter((i) => i.status === 'active');
  return (
    <ActionBar
      townId={townId}
      target={{ kind: 'rig', id: rigId }}
      version={version}
      items={[
        { action: 'credential.force_refresh' },
        {
          action: 'credential.set_token',
          fields: [{ name: 'token', label: 'Git token (write-only)', kind: 'password', placeholder: 'ghp_… or glpat-…' }],
        },
        {
          action: 'credential.relink_integration',
          disabled: integrations.isSuccess && active.length === 0,
          title: integrations.isSuccess && active.length === 0 ? 'The town owner has no active integration to link' : undefined,
          fields: [
            {
              name: 'integration_id',
              label: `Integration (the owner’s active ones: ${active.length} of ${linked.length})`,
              kind: 'select',
              options: active.map((i) => ({
                value: i.id,
                label: `${i.id} — ${i.provider} ${i.account} (${i.repositories === 'all' ? 'all repositories' : `${i.repositories.length} repositories`})`,
              })),
            },
          ],
        },
      ]}
    />
  );
}

/** Queue-wide review actions (their target is the town config, whose version they send). */
export function ReviewQueueActions({ townId, strategy, pending }: { townId: string; strategy: 'direct' | 'pr'; pending: number }) {
  const config = useQuery({ queryKey: queryKeys.config(townId), queryFn: ({ signal }) => apiClient.get(endpoints.config(townId), signal) });
  const version = config.data?.config.version ?? null;
  if (version === null) return null;
  return (
    <ActionBar
      townId={townId}
      target={{ kind: 'town', id: townId }}
      version={version}
      items={[
        { action: 'review.clear_queue', disabled: pending === 0, title: pending === 0 ? 'No pending merge requests' : undefined },
        {
          action: 'review.set_merge_strategy',
          label: strategy === 'pr' ? 'Switch to direct merges' : 'Switch to pull requests',
          params: { merge_strategy: strategy === 'pr' ? 'direct' : 'pr' },
        },
      ]}
    />
  );
}
