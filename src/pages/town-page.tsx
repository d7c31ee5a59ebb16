import { TownClockContext } from '../components/use-now';
import { useParams } from 'react-router';
import { AuditLog } from '../features/audit-log';
import { TownInspector } from '../features/town-inspector';
import { isTownTab } from '../lib/paths';

export function TownPage() {
  const { townId = '', tab } = useParams();
  const current = isTownTab(tab) ? tab : 'state';
  return (
    <TownClockContext.Provider value={townId}>
      <TownInspector townId={townId} tab={current}>
        {current === 'audit' ? <AuditLog townId={townId} /> : null}
      </TownInspector>
    </TownClockContext.Provider>
  );
}
