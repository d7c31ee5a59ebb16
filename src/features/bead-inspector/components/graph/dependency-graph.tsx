import { clipLine } from '../../../../lib/bounded-text';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BeadGraph, GraphNode } from '../../../../api';
import { ErrorState } from '../../../../components/error-state';
import { Loading } from '../../../../components/states';
import { statusLabel, statusTone, toneTextClass } from '../../../../components/status';
import { useSearchState } from '../../../../components/use-search-state';
import { paths } from '../../../../lib/paths';
import { useBeadGraph } from '../../api/bead';
import { DEPTHS, depthToApi, toDrawnGraph, type Depth, type DrawnGraph } from '../../model/graph';
import { parseGraphView, writeGraphView } from '../../model/graph-view';
import type * as CanvasModuleShape from './graph-canvas';
import { GraphLegend } from './graph-legend';
import { layoutClient } from './layout-client';

type CanvasModule = typeof CanvasModuleShape;

/**
 * React Flow loads with this panel only, never in the first page load. Not `lazy` + Suspense:
 * React holds a resolved Suspense boundary back for up to 300 ms (its fallback throttle), which
 * was most of the time to a first drawn graph. The module is kept once loaded.
 */
let canvasModule: CanvasModule | null = null;
let canvasLoading: Promise<CanvasModule> | null = null;
function loadCanvas(): Promise<CanvasModule> {
  canvasLoading ??= import('./graph-canvas').then(
    (m) => (canvasModule = m),
    (error: unknown) => {
      canvasLoading = null; // a retry fetches it again
      throw error;
    },
  );
  return canvasLoading;
}

// As soon as the Bead Inspector's code is evaluated, before the bead or its graph has arrived, fetch
// React Flow and boot the layout workers: parsing ELK (1.4 MB) and the chunk download then overlap
// the API requests instead of following them.
if (typeof Worker !== 'undefined') layoutClient.warm();
if (typeof window !== 'undefined') loadCanvas().catch(() => undefined); // a failure is shown (with retry) where the graph goes

/** The graph view's module: null while it loads, with the load error (a failed chunk fetch) and a retry. */
function useCanvasModule() {
  const [loaded, setLoaded] = useState<CanvasModule | null>(canvasModule);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadCanvas().then(
      (m) => live && setLoaded(m),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [loaded, attempt]);
  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };
  return { module: loaded, error, retry };
}

/** `?focus=` and `?depth=`: the graph's state lives in the URL so every view is a deep link; each change is a history step. */
export function useGraphParams(beadId: string) {
  const [view, setView] = useSearchState(parseGraphView, writeGraphView, { replace: false });
  const focus = view.focus || beadId;
  const update = (next: { focus?: string; depth?: Depth }) => {
    const f = next.focus ?? focus;
    setView({ focus: f === beadId ? '' : f, ...(next.depth !== undefined ? { depth: next.depth } : {}) });
  };
  return { focus, depth: view.depth, update };
}

function BeadLinkList({ townId, beads, empty }: { townId: string; beads: GraphNode[]; empty: string }) {
  if (!beads.length) return <span className="muted">{empty}</span>;
  const shown = beads.slice(0, 12);
  return (
    <ul className="inline-list">
      {shown.map((b) => (
        <li key={b.id}>
          <Link to={paths.bead.getHref(townId, b.id)}>{clipLine(b.title)}</Link>{' '}
          <span className={`status-text ${toneTextClass(statusTone('bead', b.status))}`}>{statusLabel(b.status)}</span>
        </li>
      ))}
      {beads.length > shown.length ? <li className="muted">and {beads.length - shown.length} more</li> : null}
    </ul>
  );
}

/** Blocked chains named in words: the answer to "why is this still open?" before anyone reads the picture. */
export function BlockedChains({ townId, drawn }: { townId: string; drawn: DrawnGraph }) {
  if (!drawn.blockedChains.length) return null;
  return (
    <div className="callout callout-red" role="note" aria-label="Blocked chains">
      <strong>
        {drawn.blockedChains.length === 1 ? 'Blocked chain' : `${drawn.blockedChains.length} blocked chains`}: open work behind a failed
        bead
      </strong>
      <ul className="chain-list">
        {drawn.blockedChains.slice(0, 5).map((chain) => (
          <li key={chain.failed.id} data-testid="blocked-chain">
            <Link to={paths.bead.getHref(townId, chain.failed.id)}>{clipLine(chain.failed.title)}</Link>{' '}
            <span className={`status-text ${toneTextClass(statusTone('bead', 'failed'))}`}>failed</span>
            {' → blocks '}
            {chain.blocked.slice(0, 4).map((b, i) => (
              <span key={b.id}>
                {i > 0 ? ' → ' : ''}
                <Link to={paths.bead.getHref(townId, b.id)}>{clipLine(b.title)}</Link>
                {b.id === drawn.focusId ? <span className="muted"> (focus)</span> : null}
              </span>
            ))}
            {chain.blocked.length > 4 ? <span className="muted"> and {chain.blocked.length - 4} more</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The dependency graph panel: depth control, blocked chains, legend, the canvas, and the same
 * facts as lists (upstream blockers, downstream blocked) for keyboards and screen readers.
 */
export function DependencyGraph({ townId, beadId }: { townId: string; beadId: string }) {
  const { focus, depth, update } = useGraphParams(beadId);
  const graph = useBeadGraph(townId, focus, depthToApi(depth));
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const drawn = useMemo(
    () => (graph.data ? toDrawnGraph(graph.data, { focusId: graph.data.focus_bead_id, expanded }) : null),
    [graph.data, expanded],
  );
  const focusNode = graph.data?.nodes.find((n) => n.id === focus);

  return (
    <section className="panel graph-panel" aria-labelledby="graph-heading">
      <div className="panel-head">
        <h2 id="graph-heading">Dependency graph</h2>
        <span className="muted small">
          focus: {focusNode ? clipLine(focusNode.title) : focus}
          {focus !== beadId ? (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => update({ focus: beadId })}>
                back to this bead
              </button>
            </>
          ) : null}
        </span>
        <span className="spacer" />
        <div className="segmented" role="group" aria-label="Graph depth">
          {DEPTHS.map((d) => (
            <button
              key={d}
              type="button"
              className={`segment${d === depth ? ' active' : ''}`}
              aria-pressed={d === depth}
              onClick={() => update({ depth: d })}
            >
              {d === 'all' ? 'all' : `depth ${d}`}
            </button>
          ))}
        </div>
      </div>
      {graph.isPending ? <Loading label="Loading dependency graph" query={graph} /> : null}
      {graph.isError ? <ErrorState error={graph.error} what={`dependency graph of ${focus}`} onRetry={() => void graph.refetch()} /> : null}
      {drawn && graph.data ? (
        <GraphBody
          townId={townId}
          graph={graph.data}
          drawn={drawn}
          fetching={graph.isFetching}
          onFocus={(id) => update({ focus: id })}
          onOpen={(id) => void navigate(paths.bead.getHref(townId, id, { depth: String(depth) }))}
          onToggleGroup={(id) => setExpanded((prev) => toggle(prev, id))}
        />
      ) : null}
    </section>
  );
}

function toggle(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

function GraphCanvasSlot(props: {
  drawn: DrawnGraph;
  onFocus: (id: string) => void;
  onOpen: (id: string) => void;
  onToggleGroup: (id: string) => void;
}) {
  const { module, error, retry } = useCanvasModule();
  if (error)
    return (
      <ErrorState
        error={
          new Error(
            `The graph view could not be loaded: ${error instanceof Error ? error.message : String(error)}. The panel may have been updated since this page was opened, or the connection dropped.`,
          )
        }
        onRetry={retry}
      />
    );
  if (!module) return <Loading label="Loading the graph view" />;
  const Canvas = module.default;
  return <Canvas {...props} />;
}

function GraphBody({
  townId,
  graph,
  drawn,
  fetching,
  onFocus,
  onOpen,
  onToggleGroup,
}: {
  townId: string;
  graph: BeadGraph;
  drawn: DrawnGraph;
  fetching: boolean;
  onFocus: (id: string) => void;
  onOpen: (id: string) => void;
  onToggleGroup: (id: string) => void;
}) {
  const groups = drawn.nodes.filter((n) => n.kind === 'group').length;
  return (
    <>
      <BlockedChains townId={townId} drawn={drawn} />
      <div className="graph-facts">
        <div>
          <span className="label">Upstream — blocks the focus</span>{' '}
          <BeadLinkList townId={townId} beads={drawn.upstream} empty="nothing blocks it" />
        </div>
        <div>
          <span className="label">Downstream — blocked by the focus</span>{' '}
          <BeadLinkList townId={townId} beads={drawn.downstream} empty="blocks nothing" />
        </div>
      </div>
      <div className="graph-toolbar small muted">
        <span>
          {graph.nodes.length} beads · {graph.edges.length} dependencies{groups ? ` · ${groups} sibling runs collapsed` : ''}
          {fetching ? ' · updating…' : ''}
        </span>
        {graph.truncated ? (
          <span className="status-text tone-text-red">graph cut at {graph.nodes.length} beads: lower the depth</span>
        ) : null}
        {drawn.collapsible.size > groups ? (
          <button
            type="button"
            className="link-button"
            onClick={() => [...drawn.collapsible.keys()].forEach((id) => drawn.nodes.some((n) => n.id === id) || onToggleGroup(id))}
          >
            collapse sibling runs
          </button>
        ) : null}
        <span className="spacer" />
        <span>click: focus · double-click: open · scroll: zoom</span>
      </div>
      <GraphLegend />
      <GraphCanvasSlot drawn={drawn} onFocus={onFocus} onOpen={onOpen} onToggleGroup={onToggleGroup} />
    </>
  );
}

/**
 * The same graph view over a fixed graph, no fetching: the fixture page that the graph benchmark
 * and layout checks open by URL (a town-shaped graph of 500–5,000 beads).
 */
export function FixedDependencyGraph({ graph }: { graph: BeadGraph }) {
  const [focus, setFocus] = useState(graph.focus_bead_id);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const drawn = useMemo(() => toDrawnGraph(graph, { focusId: focus, expanded }), [graph, focus, expanded]);
  return (
    <section className="panel graph-panel" aria-labelledby="graph-heading">
      <div className="panel-head">
        <h2 id="graph-heading">Dependency graph fixture</h2>
        <span className="muted small">focus: {clipLine(graph.nodes.find((n) => n.id === focus)?.title ?? focus)}</span>
      </div>
      <GraphBody
        townId="fixture"
        graph={graph}
        drawn={drawn}
        fetching={false}
        onFocus={setFocus}
        onOpen={setFocus}
        onToggleGroup={(id) => setExpanded((prev) => toggle(prev, id))}
      />
    </section>
  );
}
