import type { ReactNode } from 'react';
import { ErrorState, RefreshFailed } from '../../../components/error-state';
import { Loading } from '../../../components/states';
import type { TownTab } from '../../../lib/paths';
import { useTown } from '../api/town';
import '../town-inspector.css';
import { LiveRefreshSwitch } from './live-refresh-switch';
import { AgentsTab } from './tabs/agents-tab';
import { ConfigTab } from './tabs/config-tab';
import { CostPanel } from './cost-panel';
import { ContainerTab } from './tabs/container-tab';
import { EventsTab } from './tabs/events-tab';
import { ReviewTab } from './tabs/review-tab';
import { StateTab } from './tabs/state-tab';
import { EscalationsPanel } from './escalations-panel';
import { TownHeader } from './town-header';

function TabBody({ townId, tab }: { townId: string; tab: TownTab | 'search' | 'compare' }) {
  switch (tab) {
    case 'state':
      return (
        <>
          <EscalationsPanel townId={townId} />
          <StateTab townId={townId} />
        </>
      );
    case 'agents':
      return (
        <>
          <AgentsTab townId={townId} />
          <CostPanel townId={townId} />
        </>
      );
    case 'review':
      return <ReviewTab townId={townId} />;
    case 'container':
      return <ContainerTab townId={townId} />;
    case 'config':
      return <ConfigTab townId={townId} />;
    case 'events':
      return <EventsTab townId={townId} />;
    default:
      return null;
  }
}

/**
 * The single-town deep dive: header with health, the tabs, live refresh, then the selected tab.
 * `children` replaces the tab body (the page puts the audit log there, the search page its results, the compare page two runs).
 */
export function TownInspector({ townId, tab, children }: { townId: string; tab: TownTab | 'search' | 'compare'; children?: ReactNode }) {
  const town = useTown(townId);
  if (town.isPending) return <Loading label="Loading town from TownDO" query={town} />;
  if (town.data === undefined) return <ErrorState error={town.error} what={`town ${townId}`} onRetry={() => void town.refetch()} />;
  return (
    <div className="page" data-tab={tab}>
      <RefreshFailed query={town} what={`town ${townId}`} />
      <TownHeader town={town.data} />
      <div className="tab-toolbar">
        <LiveRefreshSwitch townId={townId} />
      </div>
      <div className="tab-body">{children ?? <TabBody key={tab} townId={townId} tab={tab} />}</div>
    </div>
  );
}
