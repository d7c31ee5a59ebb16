/**
 * The Agent Inspector's URL: `?window=6 h` (status timeline), and the SDK event viewer's
 * `?q=<search>&event=<id>&type=<event type>`, and `?git_bead=<bead id>` (the git operations on one bead:
 * a merge request's merge attempts, linked from the MR).
 */
export interface AgentView {
  /** The status timeline's window label; '' leaves the default. */
  window: string;
  /** The event search text as typed (written only when it has more than spaces). */
  q: string;
  /** The selected (expanded) SDK event; only a whole number is an event id. */
  event: number | null;
  /** Show only events of this type; '' shows all. */
  type: string;
  /** Show only the git operations on this bead; '' shows all. */
  git_bead: string;
}

export function parseAgentView(params: URLSearchParams): AgentView {
  const event = params.get('event');
  return {
    window: params.get('window') ?? '',
    q: params.get('q') ?? '',
    event: event && /^\d+$/.test(event) ? Number(event) : null,
    type: params.get('type') ?? '',
    git_bead: params.get('git_bead') ?? '',
  };
}

export function writeAgentView(view: AgentView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string, keep = value !== '') => (keep ? next.set(key, value) : next.delete(key));
  set('window', view.window);
  set('q', view.q, view.q.trim() !== '');
  set('event', view.event === null ? '' : String(view.event));
  set('type', view.type);
  set('git_bead', view.git_bead);
  return next;
}
