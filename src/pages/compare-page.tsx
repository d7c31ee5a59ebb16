import { useParams } from 'react-router';
import { CompareRuns } from '../features/compare';
import { TownInspector } from '../features/town-inspector';

/** `/towns/:townId/compare?kind=&a=&b=`: the town's header, then two runs side by side. */
export function ComparePage() {
  const { townId = '' } = useParams();
  return (
    <TownInspector townId={townId} tab="compare">
      <CompareRuns townId={townId} />
    </TownInspector>
  );
}
