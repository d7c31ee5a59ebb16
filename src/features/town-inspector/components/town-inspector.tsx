import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/states';
import type { TownTab } from '../../../lib/paths';
import { useTown } from '../api/town';
import { TownHeader } from './town-header';

/** The single-town deep dive: header with health, then the selected tab. */
export function TownInspector({ townId, tab, children }: { townId: string; tab: TownTab; children?: ReactNode }) {
  const town = useTown(townId);
  if (town.isPending) return <Loading label="Loading town from TownDO" />;
  if (town.isError) return <ErrorState error={town.error} what={`town ${townId}`} onRetry={() => void town.refetch()} />;
  return (
    <div className="page" data-tab={tab}>
      <TownHeader town={town.data} />
      <div className="tab-body">{children}</div>
    </div>
  );
}
