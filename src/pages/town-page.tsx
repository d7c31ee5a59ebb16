import { useParams } from 'react-router';
import { TownInspector } from '../features/town-inspector';
import { isTownTab } from '../lib/paths';

export function TownPage() {
  const { townId = '', tab } = useParams();
  return <TownInspector townId={townId} tab={isTownTab(tab) ? tab : 'state'} />;
}
