import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api';
import { LIVE_REFRESH_MS, setLiveRefreshPaused, useLiveRefreshPaused } from '../../../lib/live-refresh';

/** The visible switch for polling, and a manual refresh of everything under the town. */
export function LiveRefreshSwitch({ townId }: { townId: string }) {
  const paused = useLiveRefreshPaused();
  const client = useQueryClient();
  return (
    <div className="live-refresh" role="group" aria-label="Live refresh">
      <span className={`live-dot ${paused ? 'live-dot-paused' : ''}`} aria-hidden="true" />
      <span className="small">{paused ? 'Live refresh paused' : `Live: refreshing every ${LIVE_REFRESH_MS / 1000} s`}</span>
      <button type="button" className="button button-small" aria-pressed={paused} onClick={() => setLiveRefreshPaused(!paused)}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        className="button button-small button-ghost"
        onClick={() => void client.invalidateQueries({ queryKey: queryKeys.town(townId) })}
      >
        Refresh now
      </button>
    </div>
  );
}
