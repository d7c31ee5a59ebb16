import { useParams } from 'react-router';
import { BeadInspector } from '../features/bead-inspector';

export function BeadPage() {
  const { townId = '', beadId = '' } = useParams();
  return <BeadInspector townId={townId} beadId={beadId} />;
}
