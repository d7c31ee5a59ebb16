import { describe, expect, it } from 'vitest';
import { buildTownGraph } from '../../../../scenarios';
import { endpoints, testApi, worldTown } from '../../../test/api';
import { selectNeighbourhood, toDrawnGraph } from './graph';

const mobile = () => worldTown('mobile-app');
const byTitle = (title: string) => mobile().beads.find((b) => b.title === title)!;
const stuck = () => byTitle('Migrate push notifications to FCM HTTP v1');
const blocker = () => byTitle('Upgrade Firebase SDK to 11.x');
const downstream = () => byTitle('Remove legacy FCM server key from config');
/** The graph the server answers around a bead of the mobile-app town. */
const beadGraph = (beadId: string, depth: number | null) => testApi.get(endpoints.beadGraph(mobile().town.id, beadId, depth));

describe('toDrawnGraph', () => {
  it('names the blocking chain of the stuck bead: the failed Firebase upgrade holds up the FCM migration', async () => {
    const drawn = toDrawnGraph(await beadGraph(stuck().id, 2));
    expect(drawn.upstream.map((n) => n.title)).toEqual(['Upgrade Firebase SDK to 11.x']);
    expect(drawn.downstream.map((n) => n.title)).toEqual(['Remove legacy FCM server key from config']);
    expect(drawn.blockedChains).toHaveLength(1);
    const [chain] = drawn.blockedChains;
    expect(chain!.failed.id).toBe(blocker().id);
    expect(chain!.blocked.map((n) => n.id)).toEqual([stuck().id, downstream().id]);
    expect(chain!.includesFocus).toBe(true);
    const focus = drawn.nodes.find((n) => n.id === stuck().id);
    expect(focus).toMatchObject({ kind: 'bead', role: 'focus', blockedBehind: [blocker().id] });
    expect(drawn.edges.every((e) => e.onFocusPath)).toBe(true);
  });

  it('a new focus changes the roles: from the blocker, both beads are downstream', async () => {
    const drawn = toDrawnGraph(await beadGraph(blocker().id, null));
    expect(drawn.focusId).toBe(blocker().id);
    expect(drawn.upstream).toEqual([]);
    expect(drawn.downstream.map((n) => n.id)).toEqual([stuck().id, downstream().id]);
  });

  it('collapses a long run of parallel siblings into one counted node, and expands it on request', () => {
    const convoy = 'c0000000-0000-4000-8000-000000000000';
    const ids = Array.from({ length: 9 }, (_, i) => `c0000000-0000-4000-8000-00000000000${i + 1}`);
    const graph = {
      focus_bead_id: convoy,
      depth: null,
      truncated: false,
      nodes: [convoy, ...ids].map((id, i) => ({
        id,
        type: i === 0 ? ('convoy' as const) : ('issue' as const),
        status: i % 3 ? ('open' as const) : ('closed' as const),
        title: `bead ${i}`,
        priority: 'medium' as const,
        assignee_name: null,
        distance: i ? 1 : 0,
      })),
      edges: ids.map((id) => ({ bead_id: convoy, depends_on_bead_id: id, dependency_type: 'tracks' as const })),
    };
    const collapsed = toDrawnGraph(graph);
    expect(collapsed.nodes).toHaveLength(2);
    const group = collapsed.nodes.find((n) => n.kind === 'group')!;
    expect(group.kind === 'group' && group.members).toHaveLength(9);
    expect(collapsed.edges).toHaveLength(1);
    const expanded = toDrawnGraph(graph, { expanded: new Set([group.id]) });
    expect(expanded.nodes).toHaveLength(10);
    expect(expanded.collapsible.get(group.id)).toBe(9);
  });
});

describe('selectNeighbourhood', () => {
  const town = buildTownGraph({ beads: 500 });
  it('depth 1, 2 and all draw growing sets around the focus', () => {
    // Three hops from its component's root: a bead in a convoy held up by another convoy.
    const focus = town.nodes.find((n) => n.distance === 3)!.id;
    const one = selectNeighbourhood(town, focus, 1);
    const two = selectNeighbourhood(town, focus, 2);
    const all = selectNeighbourhood(town, focus, 'all');
    expect(one.nodes.length).toBeGreaterThan(1);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(all.nodes.length).toBeGreaterThan(two.nodes.length);
    expect(one.nodes.every((n) => n.distance <= 1)).toBe(true);
    const ids = new Set(two.nodes.map((n) => n.id));
    expect(two.edges.every((e) => ids.has(e.bead_id) && ids.has(e.depends_on_bead_id))).toBe(true);
  });

  it('matches what the API answers for the same focus and depth', async () => {
    for (const depth of [1, 2] as const) {
      const api = await beadGraph(stuck().id, depth);
      const local = selectNeighbourhood(await beadGraph(stuck().id, null), stuck().id, depth);
      expect(new Set(local.nodes.map((n) => n.id))).toEqual(new Set(api.nodes.map((n) => n.id)));
    }
  });

  it('a different focus draws a different set', () => {
    const other = town.nodes.find((n) => n.distance === 3)!;
    const a = new Set(selectNeighbourhood(town, town.focus_bead_id, 1).nodes.map((n) => n.id));
    const b = new Set(selectNeighbourhood(town, other.id, 1).nodes.map((n) => n.id));
    expect(b).not.toEqual(a);
    expect(b.has(other.id)).toBe(true);
  });
});
