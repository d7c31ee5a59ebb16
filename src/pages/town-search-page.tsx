import { TownClockContext } from '../components/use-now';
import { useParams } from 'react-router';
import { TownInspector } from '../features/town-inspector';
import { TownSearch } from '../features/town-search';

/** `/towns/:townId/search?q=`: the town's header, then where the text appears in the town. */
export function TownSearchPage() {
  const { townId = '' } = useParams();
  return (
    <TownClockContext.Provider value={townId}>
      <TownInspector townId={townId} tab="search">
        <TownSearch townId={townId} />
      </TownInspector>
    </TownClockContext.Provider>
  );
}
