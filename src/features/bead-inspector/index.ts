/** Bead Inspector: history, dependency graph, assignments, merge requests, conversation replay, convoy. */
export { BeadInspector } from './components/bead-inspector';
export { beadQuery, beadGraphQuery } from './api/bead';
export { FixedDependencyGraph } from './components/graph/dependency-graph';
