import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { FixedDependencyGraph } from '../features/bead-inspector';
import { buildTownGraph } from '../../scenarios';

/**
 * Mock builds only (`/__fixtures/graph?beads=5000`): a town-shaped graph of a fixed size drawn by the
 * Bead Inspector's graph view. `npm run bench -- dependency-graph` times it.
 */
export function GraphFixturePage() {
  const [params] = useSearchParams();
  const beads = Math.min(20_000, Math.max(10, Number(params.get('beads')) || 500));
  const graph = useMemo(() => {
    performance.mark('graph-fixture-start');
    return buildTownGraph({ beads });
  }, [beads]);
  return (
    <div className="page">
      <FixedDependencyGraph graph={graph} />
    </div>
  );
}
