import { clipLine } from '../../../../lib/bounded-text';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { AgentRole, AgentStatus, type AgentListItem } from '../../../../api';
import { Badge } from '../../../../components/badge';
import { InvalidRows } from '../../../../components/invalid-rows';
import { OpenValue } from '../../../../components/open-value';
import { ErrorState, RefreshFailed } from '../../../../components/error-state';
import { RelativeTime } from '../../../../components/relative-time';
import { EmptyState, Loading } from '../../../../components/states';
import { StatusBadge } from '../../../../components/status-badge';
import { useNow } from '../../../../components/use-now';
import { formatCompact, shortId } from '../../../../lib/format';
import { paths } from '../../../../lib/paths';
import { formatDuration } from '../../../../lib/time';
import { useAgents } from '../../api/tabs';
import { getWorkVerdict, isTroubled, sortAgents, summarizeAgents } from '../../model/agent-rows';
import { BulkFilterButton, BulkSelectedButton, ReadyBatchButton } from '../../../interventions';
import { AllRowsCheckbox, RowCheckbox } from '../../../../components/row-checkbox';
import { useRowSelection } from '../../../../components/use-row-selection';
import { SavedViewsBar } from '../../../saved-views';
import { FilterToolbar, NoMatch, SelectionBar, StatusChips, ToolbarSelect } from '../filter-toolbar';
import { useSearchState, useUrlText } from '../../../../components/use-search-state';
import {
  countAgentsByStatus,
  filterAgents,
  filterAgentsExceptStatus,
  isAgentFilterEmpty,
  parseAgentFilter,
  writeAgentFilter,
} from '../../model/agent-filter';

function StatusCell({ agent, now }: { agent: AgentListItem; now: number }) {
  const since = agent.stalled_at && agent.status === 'stalled' ? agent.stalled_at : agent.status_since;
  const forMs = now - Date.parse(since);
  return (
    <span className="status-cell">
      <StatusBadge kind="agent" status={agent.status} />
      <span className={isTroubled(agent) ? 'text-red strong small' : 'muted small'} title={since}>
        for {formatDuration(forMs)}
      </span>
    </span>
  );
}

/** Every agent with what it is hooked to and whether it is actually doing anything. */
export function AgentsTab({ townId }: { townId: string }) {
  const agents = useAgents(townId);
  const now = useNow();
  const [filter, update] = useSearchState(parseAgentFilter, writeAgentFilter);
  const [text, setText, resetText] = useUrlText(
    filter.q,
    useCallback((q: string) => update({ q }), [update]),
  );
  const items = agents.data?.items;
  const sorted = useMemo(() => sortAgents(items ?? []), [items]);
  const base = useMemo(() => filterAgentsExceptStatus(sorted, filter), [sorted, filter]);
  const counts = useMemo(() => countAgentsByStatus(base), [base]);
  const rows = useMemo(() => filterAgents(sorted, filter), [sorted, filter]);
  const shownIds = useMemo(() => rows.map((a) => a.id), [rows]);
  const selection = useRowSelection(shownIds);
  const clearFilters = () => {
    resetText('');
    update({ role: [], status: [], q: '' });
  };
  if (agents.isPending) return <Loading label="Loading agents" query={agents} />;

  if (agents.data === undefined) return <ErrorState error={agents.error} what="agents" onRetry={() => void agents.refetch()} />;
  const invalid = agents.data.invalid_rows;
  if (agents.data.items.length === 0 && !invalid?.length)
    return (
      <EmptyState title="This town has no agents">
        A town gets its Mayor and refinery when it is created; polecats appear when work is dispatched.
      </EmptyState>
    );
  const summary = summarizeAgents(sorted, now);
  const filtered = !isAgentFilterEmpty(filter);
  return (
    <section className="panel tab-panel" aria-label="Agents">
      <RefreshFailed query={agents} what="agents" />
      <div className="panel-head">
        <h2>Agents</h2>
        <span data-testid="agents-summary">
          <strong>{summary.active}</strong> active (working or waiting) ·{' '}
          <strong className={summary.working < summary.active ? 'text-yellow' : undefined}>{summary.working}</strong> actually working ·{' '}
          {summary.troubled > 0 ? (
            <Badge tone="red">{summary.troubled} stalled or dead</Badge>
          ) : (
            <span className="muted">none stalled or dead</span>
          )}{' '}
          · {summary.total} in total
        </span>
      </div>
      <div className="action-bar" role="group" aria-label="Ready-made batches">
        <ReadyBatchButton townId={townId} preset="stalled_agents" />
        <ReadyBatchButton townId={townId} preset="agents_hooked_to_closed_beads" />
        <ReadyBatchButton townId={townId} preset="failed_dispatches" />
        <ReadyBatchButton townId={townId} preset="failed_reviews" />
      </div>
      <SavedViewsBar scope="agents" onApplied={(p) => resetText(p.get('q') ?? '')} />
      <FilterToolbar
        text={text}
        onText={setText}
        placeholder="Filter by name, identity, id"
        label="Filter agents by text"
        filtered={filtered}
        onClear={clearFilters}
        actions={
          <>
            <BulkFilterButton
              townId={townId}
              kind="agent"
              filter={{
                ...(filter.role.length ? { role: filter.role } : {}),
                ...(filter.status.length ? { status: filter.status } : {}),
                ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
              }}
              shown={rows.length}
            />
            {selection.selected.length ? (
              <SelectionBar testId="agents-selection" onClear={selection.clear}>
                <BulkSelectedButton townId={townId} kind="agent" ids={selection.selected} />
              </SelectionBar>
            ) : null}
          </>
        }
        count={`${rows.length} of ${sorted.length} agents`}
        countTestId="agents-shown"
      >
        <ToolbarSelect
          caption="Role"
          label="Filter by role"
          value={filter.role[0] ?? ''}
          onChange={(role) => update({ role: role ? [role as AgentRole] : [] })}
          all="all roles"
          options={AgentRole.options.map((r) => ({ value: r, label: r }))}
        />
      </FilterToolbar>
      <StatusChips
        label="Filter agents by status"
        options={AgentStatus.options}
        selected={filter.status}
        onChange={(status) => update({ status })}
        count={(s) => counts[s]}
      />
      <InvalidRows rows={invalid} noun="agent" />
      <p className="muted small">
        “Actually working” = working or waiting, hooked to a bead (polecats), with an SDK event in the last 10 minutes and its process up.
      </p>
      {rows.length === 0 ? (
        <NoMatch what="agent" onClear={clearFilters} />
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Agents">
            <thead>
              <tr>
                <th className="check-cell">
                  <AllRowsCheckbox
                    label={`Select all ${rows.length} agents shown`}
                    selected={selection.selected.length}
                    shown={rows.length}
                    onToggle={selection.toggleAll}
                  />
                </th>
                <th>Agent</th>
                <th>Role</th>
                <th>Status</th>
                <th>Doing work?</th>
                <th>Hooked bead</th>
                <th>Dispatches</th>
                <th>Last activity</th>
                <th>Last SDK event</th>
                <th>Process</th>
                <th>Tokens 24 h</th>
                <th>Status message</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => {
                const verdict = getWorkVerdict(a, now);
                return (
                  <tr key={a.id} className={isTroubled(a) ? 'row-troubled' : undefined} data-testid="agent-row">
                    <td className="check-cell">
                      <RowCheckbox
                        label={a.name}
                        checked={selection.isSelected(a.id)}
                        onToggle={(range) => selection.toggle(a.id, range)}
                      />
                    </td>
                    <td>
                      <Link className="strong" to={paths.agent.getHref(townId, a.id)}>
                        {clipLine(a.name)}
                      </Link>
                      <div className="muted mono small" title={a.identity}>
                        {a.identity}
                      </div>
                    </td>
                    <td>
                      <OpenValue noun="role" value={a.role} known={AgentRole.options} />
                    </td>
                    <td>
                      <StatusCell agent={a} now={now} />
                    </td>
                    <td>
                      {verdict.working ? (
                        <Badge tone="green">yes</Badge>
                      ) : a.status === 'working' || a.status === 'waiting' ? (
                        <Badge tone="yellow">no — {verdict.why}</Badge>
                      ) : (
                        <span className="muted">no</span>
                      )}
                    </td>
                    <td>
                      {a.current_hook_bead_id ? (
                        <Link to={paths.bead.getHref(townId, a.current_hook_bead_id)} title={a.current_hook_bead_id}>
                          {a.hooked_bead_title ?? shortId(a.current_hook_bead_id)}
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className={a.dispatch_attempts >= 3 ? 'num text-red strong' : 'num'}>{a.dispatch_attempts}</td>
                    <td>
                      <RelativeTime iso={a.last_activity_at} />
                    </td>
                    <td>
                      <RelativeTime iso={a.last_sdk_event_at} />
                    </td>
                    <td>
                      {a.process_status ? <StatusBadge kind="process" status={a.process_status} /> : <span className="muted">none</span>}
                    </td>
                    <td className="num">{formatCompact(a.tokens_24h)}</td>
                    <td className="message-cell">
                      {a.agent_status_message ?? <span className="muted">—</span>}
                      {a.active_tools.length ? <div className="muted small">tools: {a.active_tools.join(', ')}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
