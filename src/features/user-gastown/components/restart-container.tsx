import { clipLine } from '../../../lib/bounded-text';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TownSummary } from '../../../api';
import { ACTION_META, useActionDialog } from '../../interventions';
import { townContainerQuery } from '../api/container';

/**
 * The town row's quick action: force-restart the container through the intervention dialog
 * (dry run, reason, audit entry). The container's version (If-Match) is read when the admin asks.
 */
export function RestartContainer({ town }: { town: TownSummary }) {
  const queryClient = useQueryClient();
  const open = useActionDialog();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = async () => {
    setReading(true);
    setError(null);
    try {
      const container = await queryClient.fetchQuery({ ...townContainerQuery(town.id), staleTime: 0 });
      open({ townId: town.id, action: 'container.force_restart', target: { kind: 'container', id: town.id }, version: container.version });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger-outline"
        onClick={() => void request()}
        disabled={reading}
        aria-label={`Force-restart the container of ${clipLine(town.name)}`}
        title={ACTION_META['container.force_restart'].description}
      >
        {reading ? 'Reading container…' : 'Force-restart the container'}
      </button>
      {error ? (
        <span className="small" role="alert">
          Could not read the container: {error}
        </span>
      ) : null}
    </>
  );
}
