import { SEARCH_MAX_CHARS, SEARCH_MIN_CHARS, type Feed } from '../../src/api/schemas';
import { badParam } from '../http/errors';
import { ndjsonResponse } from '../http/ndjson';
import type { Router } from '../http/router';
import { searchTown } from '../search/fan-out';
import { requireTown, type AdminContext } from './context';

/**
 * `GET /towns/:townId/search?q=` (issue 15): where a string appears in one town — its rows and every
 * agent's SDK events — streamed as NDJSON while the AgentDOs answer (server/search/fan-out.ts).
 */
export function searchRoutes(router: Router<AdminContext>): void {
  router.get('/towns/:townId/search', async (ctx, p) => {
    const townId = requireTown(ctx, p.townId!);
    const q = (ctx.query.text('q', SEARCH_MAX_CHARS) ?? '').trim();
    if (q.length < SEARCH_MIN_CHARS) throw badParam('q', `type at least ${SEARCH_MIN_CHARS} characters to search the town`);
    // A deployment that does not record a feed hides its rows here too, as its own routes do.
    const unrecorded = Object.entries(ctx.capabilities.feeds)
      .filter(([, feed]) => feed?.recorded === false)
      .map(([name]) => name as Feed);
    return ndjsonResponse((emit, signal) =>
      searchTown(ctx.host, townId, q, {
        unrecorded,
        sdkRetention: ctx.capabilities.feeds.sdk_events?.retention_count ?? null,
        emit,
        signal,
      }),
    );
  });
}
