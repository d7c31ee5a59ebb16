import { useState } from 'react';
import { Link } from 'react-router';
import { AgentRole, type Assignment } from '../../../api';
import { OpenValue } from '../../../components/open-value';
import { RelativeTime } from '../../../components/relative-time';
import { EmptyState } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { pluralize } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatDuration } from '../../../lib/time';
import { ComparePicker } from '../../compare';
import { ConversationReplay } from './conversation-replay';

/** How an outcome reads here, where it differs from the status itself. */
const OUTCOME_LABEL: Partial<Record<Assignment['outcome'], string>> = { active: 'still hooked' };

/** Who worked on the bead, from when to when, how it ended, and what they said and did meanwhile. */
export function Assignments({ townId, assignments, now }: { townId: string; assignments: Assignment[]; now: number }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const nowIso = new Date(now).toISOString();
  return (
    <section className="panel" aria-labelledby="assignments-heading">
      <div className="panel-head">
        <h2 id="assignments-heading">Assignments and conversation replay</h2>
        <span className="muted small">{pluralize(assignments.length, 'assignment')}</span>
      </div>
      {assignments.length === 0 ? (
        <EmptyState title="No agent has been hooked to this bead">Dispatch attempts below show whether any agent was tried.</EmptyState>
      ) : (
        <ol className="assignment-list">
          {assignments.map((a, i) => {
            const ms = Date.parse(a.ended_at ?? nowIso) - Date.parse(a.started_at);
            const expanded = open.has(i);
            return (
              <li key={`${a.agent_id}:${a.started_at}`} className="assignment">
                <div className="assignment-head">
                  <Link to={paths.agent.getHref(townId, a.agent_id)} className="strong">
                    {a.agent_name}
                  </Link>
                  <OpenValue noun="role" value={a.role} known={AgentRole.options} className="muted small" />
                  <span>
                    <RelativeTime iso={a.started_at} /> → {a.ended_at ? <RelativeTime iso={a.ended_at} /> : 'now'}
                  </span>
                  <span className="muted small">{formatDuration(ms)}</span>
                  <StatusBadge kind="assignment" status={a.outcome} label={OUTCOME_LABEL[a.outcome]} />
                  <span className="spacer" />
                  <button
                    type="button"
                    className="button button-small"
                    aria-expanded={expanded}
                    onClick={() =>
                      setOpen((prev) => {
                        const next = new Set(prev);
                        if (next.has(i)) next.delete(i);
                        else next.add(i);
                        return next;
                      })
                    }
                  >
                    {expanded ? 'Hide conversation' : 'Show conversation'}
                  </button>
                </div>
                {expanded ? <ConversationReplay townId={townId} assignment={a} /> : null}
              </li>
            );
          })}
        </ol>
      )}
      <ComparePicker
        townId={townId}
        kind="assignment"
        options={assignments.flatMap((a, i) => (a.id ? [{ id: String(a.id), label: `${i + 1}. ${a.agent_name} · ${a.outcome}` }] : []))}
      />
    </section>
  );
}
