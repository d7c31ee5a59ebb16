import { Link, NavLink } from 'react-router';
import type { TownDetail } from '../../../api';
import { CopyId } from '../../../components/copy-id';
import { PageHeader } from '../../../components/page-header';
import { RelativeTime } from '../../../components/relative-time';
import { useNow } from '../../../components/use-now';
import { paths, TOWN_TABS, type TownTab } from '../../../lib/paths';
import { diagnoseTown, FindingItem, HealthBadge, type Finding } from '../../diagnosis';
import { TownSearchBox } from '../../town-search';
import { useContainer } from '../api/tabs';
import { PlatformLinks } from './platform-links';

const TAB_LABEL: Record<TownTab, string> = {
  state: 'State',
  agents: 'Agents',
  review: 'Review queue',
  container: 'Container',
  config: 'Config',
  events: 'Events',
  audit: 'Audit',
};

function findingHref(townId: string, f: Finding) {
  if (f.target.kind === 'agent') return paths.agent.getHref(townId, f.target.id);
  if (f.target.kind === 'bead') return paths.bead.getHref(townId, f.target.id);
  return paths.town.getHref(townId, f.target.tab);
}

/** Town name, owner, health with its reasons, last activity, and the tabs (links, so back/forward work). */
export function TownHeader({ town }: { town: TownDetail }) {
  const now = useNow();
  const diagnosis = diagnoseTown(town.health_inputs, now);
  const container = useContainer(town.id);
  return (
    <>
      <PageHeader
        eyebrow={
          town.owned_by.kind === 'org' ? (
            // An organization's town: the organization owns it; the link is to the member who created it.
            <>
              <span title={town.owned_by.id}>{town.owned_by.name || town.owned_by.id}</span>{' '}
              <span className="muted">organization · created by</span>{' '}
              <Link to={paths.user.getHref(town.owner.id)}>{town.owner.name || town.owner.email}</Link>{' '}
              <span className="muted">/ town</span>
            </>
          ) : (
            <>
              <Link to={paths.user.getHref(town.owner.id)}>{town.owner.name || town.owner.email}</Link>{' '}
              <span className="muted">/ town</span>
            </>
          )
        }
        title={town.name}
        actions={
          <>
            <TownSearchBox townId={town.id} />
            <Link className="button button-small" to={paths.user.getHref(town.owner.id)}>
              User page
            </Link>
            <Link className="button button-small" to={paths.town.getHref(town.id, 'audit')}>
              Audit log
            </Link>
          </>
        }
      >
        <HealthBadge health={diagnosis.health} />
        <CopyId id={town.id} label="town id" />
        <span className="muted">
          last activity <RelativeTime iso={town.last_activity_at} />
        </span>
        <span className="muted">
          {town.agents.active}/{town.agents.total} agents active · {town.beads.open} open beads · container {town.container.status}
        </span>
      </PageHeader>
      <PlatformLinks townId={town.id} userId={town.owner.id} instanceId={container.data?.instance_id ?? null} />
      {diagnosis.findings.length > 0 ? (
        <ul className="findings findings-banner" aria-label="Health findings">
          {diagnosis.findings.map((f, i) => (
            <FindingItem key={i} finding={f} href={findingHref(town.id, f)} />
          ))}
        </ul>
      ) : null}
      {/* Switching tabs keeps focus on the tab (app/use-route-focus.ts). */}
      <nav className="tabs" aria-label="Town Inspector" data-keep-focus>
        {TOWN_TABS.map((tab) => (
          <NavLink key={tab} to={paths.town.getHref(town.id, tab)} className="tab">
            {TAB_LABEL[tab]}
          </NavLink>
        ))}
      </nav>
    </>
  );
}
