import { TownClockContext } from '../components/use-now';
import { useParams } from 'react-router';
import { BeadInspector } from '../features/bead-inspector';
import { BeadActions } from '../features/interventions';

export function BeadPage() {
  const { townId = '', beadId = '' } = useParams();
  return (
    <TownClockContext.Provider value={townId}>
      <BeadInspector townId={townId} beadId={beadId} actions={<BeadActions townId={townId} beadId={beadId} />} />
    </TownClockContext.Provider>
  );
}
