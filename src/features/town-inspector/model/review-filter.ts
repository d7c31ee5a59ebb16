import { ReviewState, type ReviewEntry } from '../../../api';

/** The review queue's URL: `?state=failed&q=checkout` (review state, text on title or bead id). */
export interface ReviewFilter {
  state: ReviewState[];
  q: string;
}

export function parseReviewFilter(params: URLSearchParams): ReviewFilter {
  const raw = params.get('state');
  return {
    state: raw ? raw.split(',').filter((v): v is ReviewState => (ReviewState.options as readonly string[]).includes(v)) : [],
    q: params.get('q') ?? '',
  };
}

export function writeReviewFilter(filter: ReviewFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('state', filter.state.join(','));
  set('q', filter.q);
  return next;
}

/** The text matches title or bead id, as the server's filter does for "all matching" (server/town/batches.ts). */
export function filterReviews(entries: readonly ReviewEntry[], filter: ReviewFilter): ReviewEntry[] {
  const q = filter.q.trim().toLowerCase();
  const states = filter.state.length ? new Set<string>(filter.state) : null;
  return entries.filter((e) => (!states || states.has(e.review_state)) && (!q || `${e.title}\n${e.bead_id}`.toLowerCase().includes(q)));
}
