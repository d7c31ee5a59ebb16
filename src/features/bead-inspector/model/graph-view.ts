import { parseDepth, type Depth } from './graph';

/** The dependency graph's URL: `?focus=<beadId>&depth=1|2|all`. */
export interface GraphView {
  /** The bead the graph is centred on; '' is the inspected bead itself (the URL then has no `focus`). */
  focus: string;
  depth: Depth;
}

export function parseGraphView(params: URLSearchParams): GraphView {
  return { focus: params.get('focus') ?? '', depth: parseDepth(params.get('depth')) };
}

/** `depth` is always written (a shared link then opens at the depth it was sent at); `focus` only off the inspected bead. */
export function writeGraphView(view: GraphView, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  if (view.focus) next.set('focus', view.focus);
  else next.delete('focus');
  next.set('depth', String(view.depth));
  return next;
}
