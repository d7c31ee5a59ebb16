import { clipLine } from '../../../lib/bounded-text';
import { Link } from 'react-router';
import type { UserTownSummary } from '../../../api';
import { Badge } from '../../../components/badge';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { TownClockContext, useBrowserNowForTowns } from '../../../components/use-now';
import { paths } from '../../../lib/paths';
import { FindingItem, HealthBadge, type Finding } from '../../diagnosis';
import { toTownRows } from '../model/town-rows';
import { OwnerLabel } from './owner-label';
import { RestartContainer } from './restart-container';

function findingLink(townId: string, f: Finding): string {
  if (f.target.kind === 'agent') return paths.agent.getHref(townId, f.target.id);
  if (f.target.kind === 'bead') return paths.bead.getHref(townId, f.target.id);
  return paths.town.getHref(townId, f.target.tab);
}

/** The user's towns (own and their organizations') with owner, health (colour and reason) and the per-town summary. */
export function TownsList({ towns }: { towns: UserTownSummary[] }) {
  const now = useBrowserNowForTowns();
  const rows = toTownRows(towns, now);
  return (
    <ul className="town-list" aria-label="Towns">
      {rows.map(({ town, diagnosis }) => (
        <TownClockContext.Provider key={town.id} value={town.id}>
          <li className={`town-card health-${diagnosis.health}`} data-testid="town-row" data-health={diagnosis.health}>
            <div className="town-card-head">
              <HealthBadge health={diagnosis.health} />
              <Link className="town-name" to={paths.town.getHref(town.id)}>
                {clipLine(town.name)}
              </Link>
              <span className="muted mono small" title={town.id}>
                {town.id.slice(0, 8)}
              </span>
              <OwnerLabel owner={town.owned_by} />
              <span className="spacer" />
              <RestartContainer town={town} />
              <Link
                className="button button-small"
                to={paths.town.getHref(town.id)}
                aria-label={`Open ${clipLine(town.name)} in the Town Inspector`}
              >
                Town Inspector →
              </Link>
            </div>
            {diagnosis.findings.length > 0 ? (
              <ul className="findings">
                {diagnosis.findings.slice(0, 3).map((f, i) => (
                  <FindingItem key={i} finding={f} href={findingLink(town.id, f)} />
                ))}
                {diagnosis.findings.length > 3 ? (
                  <li className="muted small">+{diagnosis.findings.length - 3} more findings in the inspector</li>
                ) : null}
              </ul>
            ) : (
              <p className="muted small findings-none">No problems found by the health rules.</p>
            )}
            <dl className="town-stats">
              <div>
                <dt>Active agents</dt>
                <dd>
                  {town.agents.active} <span className="muted">/ {town.agents.total}</span>
                  {town.agents.stalled + town.agents.dead > 0 ? (
                    <Badge tone="red">{town.agents.stalled + town.agents.dead} stalled/dead</Badge>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>Open beads</dt>
                <dd>
                  {town.beads.open}
                  {town.beads.by_status.failed ? <span className="muted"> · {town.beads.by_status.failed} failed</span> : null}
                </dd>
              </div>
              <div>
                <dt>Review queue</dt>
                <dd>{town.review_queue_depth}</dd>
              </div>
              <div>
                <dt>Container</dt>
                <dd>
                  <StatusBadge kind="container" status={town.container.status} />
                  {town.container.health !== 'ok' ? <StatusBadge kind="containerHealth" status={town.container.health} /> : null}
                </dd>
              </div>
              <div>
                <dt>Last activity</dt>
                <dd>
                  <RelativeTime iso={town.last_activity_at} />
                </dd>
              </div>
            </dl>
          </li>
        </TownClockContext.Provider>
      ))}
    </ul>
  );
}
