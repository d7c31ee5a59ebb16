import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/states';
import { capabilitiesQuery } from '../api/capabilities';

/**
 * Says so when the panel could not read what this deployment records and supports: without it every
 * history reads as recorded and every action as supported, which is wrong on production-today (an
 * empty list would read as "nothing happened"). Shown once, in the shell. It watches the pages' own
 * read (its observer is disabled, so a page that needs no capabilities asks for none). An older backend
 * without the route (404) is not a failure: the panel then behaves as it did before it asked.
 */
export function CapabilitiesUnread() {
  const caps = useQuery({ ...capabilitiesQuery(), enabled: false });
  if (caps.isPending && caps.isFetching)
    return <Loading label="Reading what this deployment records and supports" query={caps} hiddenUntilOverdue />;
  if (!caps.isError || (isApiError(caps.error) && caps.error.status === 404)) return null;
  const kept = caps.data !== undefined;
  return (
    <div className="capabilities-unread">
      <ErrorState
        error={caps.error}
        onRetry={() => void caps.refetch()}
        kept={kept}
        about={
          kept
            ? 'Re-reading what this deployment records and supports failed.'
            : 'The panel could not read what this deployment records and supports: until it does, every history is shown as recorded and every action as supported.'
        }
      />
    </div>
  );
}
