import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TownSummary } from '../../../api';
import { ActionDialog, ACTION_META } from '../../interventions';
import { townContainerQuery } from '../api/container';

/**
 * The town row's quick action: force-restart the container through the intervention dialog
 * (dry run, reason, audit entry). The container's version (If-Match) is read when the admin asks.
 */
export function RestartContainer({ town }: { town: TownSummary }) {
  const [requested, setRequested] = useState(false);
  const container = useQuery({ ...townContainerQuery(town.id), enabled: requested, staleTime: 0 });
  const ready = requested && container.isSuccess;
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger-outline"
        onClick={() => setRequested(true)}
        disabled={requested && container.isFetching && !container.isSuccess}
        aria-label={`Force-restart the container of ${town.name}`}
        title={ACTION_META['container.force_restart'].description}
      >
        {requested && container.isPending ? 'Reading container…' : 'Restart container'}
      </button>
      {requested && container.isError ? (
        <span className="small" role="alert">
          Could not read the container: {container.error.message}
        </span>
      ) : null}
      <ActionDialog
        townId={town.id}
        action="container.force_restart"
        target={{ kind: 'container', id: town.id }}
        version={container.data?.version ?? null}
        open={ready}
        onOpenChange={(open) => {
          if (!open) setRequested(false);
        }}
      />
    </>
  );
}
